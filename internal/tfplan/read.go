package tfplan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/zclconf/go-cty/cty"
)

// rawDocument is what the first pass over a document keeps: the fields
// Read uses, and where each resource's values are.
type rawDocument struct {
	formatVersion    any // nil when absent, else as readScalar returns it
	terraformVersion string
	timestamp        string
	changes          []rawResource // from resource_changes
	states           []rawResource // from values
	// blocks are the resource blocks of the configuration, by
	// configuration address.
	blocks map[string]configBlock
	// moduleInputs are what the callers pass to module variables: by the
	// variable's qualified name ("module.m.var.kms_key_id"), the resource
	// addresses and caller's variables its expression refers to.
	moduleInputs map[string][]string
	// providers are the entries of configuration.provider_config, by key;
	// variables where the value of each of the plan's variables is.
	providers map[string]*rawProvider
	variables map[string]span
	// providerUses are the distinct provider_config_keys of the blocks'
	// modules (see configBlock.provider).
	providerUses   []providerUse
	providerUseIDs map[providerUse]int32
	// plan: the document has a key that only plans have.
	plan bool
	// Keys of the other JSON documents of terraform with a format_version.
	providerSchemas, diagnostics bool
	// rawState: the document has a key of terraform's own state file
	// (terraform.tfstate), which terraform show -json turns into a state.
	rawState bool
	// notObject says what the document is when it is not an object.
	notObject string
	// problem is the first problem found in the content of a document
	// that is JSON and an object: the Reason of its FormatError.
	problem string
}

// rawResource is a resource change, or a resource of a state.
type rawResource struct {
	// list and i locate the resource for errors: resource_changes and 3,
	// or values.root_module.child_modules[0].resources and 2.
	list string
	i    int

	address, moduleAddress, mode, typ, name, deposed, provider string
	index                                                      any
	actions                                                    []string
	before, after                                              span
	afterUnknown, beforeSensitive, afterSensitive              any
	// dependsOn is a state resource's recorded dependencies: the
	// resources its configuration referred to when it was applied.
	dependsOn []string
}

func (r *rawResource) field() string {
	return r.list + "[" + strconv.Itoa(r.i) + "]"
}

// label names the resource in errors: resource_changes[3] (aws_s3_bucket.b).
func (r *rawResource) label() string {
	return r.field() + " (" + printable(r.address) + ")"
}

// printable returns s for an error message: as it is when it is short and
// plain, else quoted (and cut), so that a message stays on one line.
func printable(s string) string {
	if len(s) <= 200 && strconv.CanBackquote(s) && !strings.ContainsAny(s, "`") {
		return s
	}
	return strconv.Quote(truncate(s, 200))
}

// Read parses one document of terraform show -json, a plan or a state.
// name is used in errors and kept as Document.Name. Every error is a
// *FormatError.
func Read(name string, data []byte) (*Document, error) {
	doc, err := read(name, data)
	if err != nil {
		return nil, err
	}
	return doc, nil
}

func read(name string, data []byte) (*Document, *FormatError) {
	start, ferr := checkEncoding(name, data)
	if ferr != nil {
		return nil, ferr
	}
	p := &parser{data: data, pos: start}
	raw, err := p.document()
	if err == nil {
		if p.skipSpace(); p.pos < len(data) {
			err = &syntaxError{offset: p.pos, msg: "more follows the end of the document"}
		}
	}
	if err != nil {
		return nil, jsonError(name, data, err)
	}
	if p.typeErr != nil {
		return nil, formatErrorf(name, "has %s of the wrong type at %s: found %s, expected %s",
			p.typeErr.path, position(data, p.typeErr.offset), p.typeErr.found, p.typeErr.expected)
	}
	version, ferr := checkVersion(name, raw)
	if ferr != nil {
		return nil, ferr
	}
	if raw.problem != "" {
		return nil, &FormatError{Name: name, Reason: raw.problem}
	}

	doc := &Document{Name: name, Label: DefaultLabel(name), FormatVersion: version, TerraformVersion: raw.terraformVersion, Timestamp: raw.timestamp}
	list := raw.states
	doc.Kind = State
	if raw.plan {
		doc.Kind, list = Plan, raw.changes
	}
	providers, ferr := resolveProviders(name, data, raw)
	if ferr != nil {
		return nil, ferr
	}
	doc.Resources = make([]*Resource, len(list))
	if ferr := buildResources(name, data, doc.Kind, list, providers, doc.Resources); ferr != nil {
		return nil, ferr
	}
	return doc, nil
}

// buildResources builds the Resource of every raw resource into out,
// reading their values. Building cty values is most of the work of Read,
// and resources are independent: large documents are split between up to
// GOMAXPROCS goroutines. The first error in document order is returned.
func buildResources(name string, data []byte, kind Kind, list []rawResource, providers *providerIndex, out []*Resource) *FormatError {
	build := func(from, to int) *FormatError {
		values := &parser{data: data}
		for i := from; i < to; i++ {
			r, ferr := newResource(name, &list[i], providers, values, kind)
			if ferr != nil {
				return ferr
			}
			out[i] = r
		}
		return nil
	}
	workers := min(runtime.GOMAXPROCS(0), len(list)/minPerWorker)
	if workers <= 1 {
		return build(0, len(list))
	}
	errs := make([]*FormatError, workers)
	var wg sync.WaitGroup
	for w := range workers {
		from, to := w*len(list)/workers, (w+1)*len(list)/workers
		wg.Go(func() { errs[w] = build(from, to) })
	}
	wg.Wait()
	for _, ferr := range errs {
		if ferr != nil {
			return ferr
		}
	}
	return nil
}

// minPerWorker is the fewest resources worth a goroutine of their own.
const minPerWorker = 500

// jsonError reports input that is not JSON.
func jsonError(name string, data []byte, err error) *FormatError {
	syntax, ok := err.(*syntaxError)
	switch {
	case !ok:
		return formatErrorf(name, "cannot be read: %v", err)
	case syntax.msg == "":
		return formatErrorf(name, "is not JSON: it ends in the middle of a value at %s; the file may be truncated", position(data, syntax.offset))
	default:
		return formatErrorf(name, "is not JSON: %s at %s", syntax.msg, position(data, syntax.offset))
	}
}

// checkEncoding returns where the JSON starts, after a UTF-8 byte order
// mark, or an error for an empty document or one in UTF-16.
func checkEncoding(name string, data []byte) (int, *FormatError) {
	if len(bytes.TrimSpace(data)) == 0 {
		return 0, &FormatError{Name: name, Reason: emptyReason(name)}
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return 0, formatErrorf(name, "is UTF-16 text (as Windows PowerShell's > writes it): expected UTF-8, for example from terraform show -json plan | Out-File -Encoding utf8")
	}
	start := 0
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		start = 3
	}
	if reason := sniffNotJSON(name, data[start:]); reason != "" {
		return 0, &FormatError{Name: name, Reason: reason}
	}
	return start, nil
}

// document reads the top-level object.
func (p *parser) document() (*rawDocument, error) {
	raw := &rawDocument{}
	if c := p.peek(); c != '{' {
		// Check the whole value first: if it is not JSON, say so.
		raw.notObject = p.kind()
		return raw, p.skipValue()
	}
	err := p.object(func(key []byte) error {
		k := known(key, "format_version", "terraform_version", "timestamp", "resource_changes", "configuration", "values", "variables")
		if k != "" {
			p.push(k)
			defer p.pop()
		}
		switch k {
		case "format_version":
			v, err := p.readScalar()
			raw.formatVersion = v
			if v == nil {
				raw.formatVersion = kindOf("null") // present, unlike nil
			}
			return err
		case "terraform_version":
			return p.readString(&raw.terraformVersion)
		case "timestamp":
			return p.readString(&raw.timestamp)
		case "resource_changes":
			raw.plan = true
			raw.changes = raw.changes[:0]
			return p.readArray(func(i int) error {
				raw.changes = append(raw.changes, rawResource{list: "resource_changes", i: i})
				return p.resourceChange(&raw.changes[len(raw.changes)-1])
			})
		case "configuration":
			raw.plan = true
			raw.blocks = make(map[string]configBlock)
			err := p.readObject(func(key []byte) error {
				switch string(key) {
				case "root_module":
					p.push("root_module")
					defer p.pop()
					return p.moduleConfig(raw, "")
				case "provider_config":
					return p.providerConfigs(raw)
				}
				return p.skipValue()
			})
			raw.resolveModuleInputs()
			return err
		case "variables":
			return p.variables(raw)
		case "values":
			raw.states = raw.states[:0]
			return p.readObject(func(key []byte) error {
				if string(key) != "root_module" {
					return p.skipValue()
				}
				p.push("root_module")
				defer p.pop()
				return p.stateModule(raw, "values.root_module", true)
			})
		}
		switch string(key) {
		case "planned_values", "prior_state", "resource_drift", "output_changes":
			raw.plan = true
		case "provider_schemas":
			raw.providerSchemas = true
		case "diagnostics":
			raw.diagnostics = true
		case "lineage", "serial":
			raw.rawState = true
		}
		return p.skipValue()
	})
	return raw, err
}

// known returns key as the one of names it equals, or "". The names are
// constants: keeping one (in the path) allocates nothing, unlike
// string(key).
func known(key []byte, names ...string) string {
	for _, n := range names {
		if string(key) == n {
			return n
		}
	}
	return ""
}

// resourceChange reads one element of resource_changes.
func (p *parser) resourceChange(r *rawResource) error {
	return p.readObject(func(key []byte) error {
		k := known(key, "address", "module_address", "mode", "type", "name", "deposed", "provider_name", "index", "change")
		if k == "" {
			return p.skipValue()
		}
		p.push(k)
		defer p.pop()
		switch k {
		case "address":
			return p.readString(&r.address)
		case "module_address":
			return p.readString(&r.moduleAddress)
		case "mode":
			return p.readString(&r.mode)
		case "type":
			return p.readString(&r.typ)
		case "name":
			return p.readString(&r.name)
		case "deposed":
			return p.readString(&r.deposed)
		case "provider_name":
			return p.readString(&r.provider)
		case "index":
			var err error
			r.index, err = p.readScalar()
			return err
		default: // change
			return p.readObject(func(key []byte) error {
				var err error
				switch string(key) {
				case "actions":
					p.push("actions")
					err = p.readStrings(&r.actions)
					p.pop()
				case "before":
					r.before, err = p.span()
				case "after":
					r.after, err = p.span()
				case "after_unknown":
					r.afterUnknown, err = p.readOverlay()
				case "before_sensitive":
					r.beforeSensitive, err = p.readOverlay()
				case "after_sensitive":
					r.afterSensitive, err = p.readOverlay()
				default:
					err = p.skipValue()
				}
				return err
			})
		}
	})
}

// stateModule reads a module of a state's values, and its child modules.
func (p *parser) stateModule(raw *rawDocument, field string, root bool) error {
	var mine []int // this module's resources in raw.states
	address := ""
	err := p.readObject(func(key []byte) error {
		k := known(key, "address", "resources", "child_modules")
		if k == "" {
			return p.skipValue()
		}
		p.push(k)
		defer p.pop()
		switch k {
		case "address":
			return p.readString(&address)
		case "resources":
			return p.readArray(func(i int) error {
				mine = append(mine, len(raw.states))
				raw.states = append(raw.states, rawResource{list: field + ".resources", i: i})
				return p.stateResource(&raw.states[len(raw.states)-1])
			})
		default: // child_modules
			return p.readArray(func(i int) error {
				return p.stateModule(raw, field+".child_modules["+strconv.Itoa(i)+"]", false)
			})
		}
	})
	if err != nil {
		return err
	}
	if root {
		address = ""
	} else if address == "" && raw.problem == "" {
		raw.problem = "has " + field + ` without an address: expected a module address such as "module.a"`
	}
	for _, i := range mine {
		raw.states[i].moduleAddress = address
	}
	return nil
}

// stateResource reads one resource of a state.
func (p *parser) stateResource(r *rawResource) error {
	return p.readObject(func(key []byte) error {
		var err error
		switch string(key) {
		case "values":
			r.after, err = p.span()
			return err
		case "sensitive_values":
			r.afterSensitive, err = p.readOverlay()
			return err
		case "depends_on":
			p.push("depends_on")
			defer p.pop()
			return p.readStrings(&r.dependsOn)
		}
		k := known(key, "address", "mode", "type", "name", "deposed_key", "provider_name", "index")
		if k == "" {
			return p.skipValue()
		}
		p.push(k)
		defer p.pop()
		switch k {
		case "address":
			return p.readString(&r.address)
		case "mode":
			return p.readString(&r.mode)
		case "type":
			return p.readString(&r.typ)
		case "name":
			return p.readString(&r.name)
		case "deposed_key":
			return p.readString(&r.deposed)
		case "provider_name":
			return p.readString(&r.provider)
		default: // index
			r.index, err = p.readScalar()
			return err
		}
	})
}

// moduleConfig reads a module of a plan's configuration, recording the
// references and provider configuration key of its resource blocks in
// blocks by configuration address, and goes down its module calls. prefix
// is the module's address with a trailing dot ("module.a."), "" for the
// root module.
func (p *parser) moduleConfig(raw *rawDocument, prefix string) error {
	module := strings.TrimSuffix(prefix, ".")
	return p.readObject(func(key []byte) error {
		switch string(key) {
		case "resources":
			p.push("resources")
			defer p.pop()
			return p.readArray(func(int) error { return p.resourceConfig(raw, prefix, module) })
		case "module_calls":
			p.push("module_calls")
			defer p.pop()
			return p.readObject(func(key []byte) error {
				name := string(key)
				p.push(name)
				defer p.pop()
				return p.readObject(func(key []byte) error {
					switch string(key) {
					case "module":
						p.push("module")
						defer p.pop()
						return p.moduleConfig(raw, prefix+"module."+name+".")
					case "expressions":
						return p.moduleInputs(raw, prefix, prefix+"module."+name+".")
					}
					return p.skipValue()
				})
			})
		default:
			return p.skipValue()
		}
	})
}

// moduleInputs reads the expressions of a module call, made in the module
// with the given prefix, of the module with prefix callee: what each of its
// variables refers to, for following references through them.
func (p *parser) moduleInputs(raw *rawDocument, prefix, callee string) error {
	if p.peek() != '{' {
		return p.skipValue()
	}
	return p.object(func(variable []byte) error {
		var refs []string
		p.collectVars, p.vars = true, p.vars[:0]
		err := p.references(&refs, prefix)
		p.collectVars = false
		refs = append(refs, p.vars...)
		if len(refs) > 0 {
			if raw.moduleInputs == nil {
				raw.moduleInputs = map[string][]string{}
			}
			raw.moduleInputs[callee+"var."+string(variable)] = refs
		}
		return err
	})
}

// resourceConfig reads a resource block of the configuration.
func (p *parser) resourceConfig(raw *rawDocument, prefix, module string) error {
	var address, mode, typ, name, providerKey string
	var list []string
	var argRefs []ArgumentReference
	err := p.readObject(func(key []byte) error {
		k := known(key, "address", "mode", "type", "name")
		if k != "" {
			p.push(k)
			defer p.pop()
		}
		switch string(key) {
		case "address":
			return p.readString(&address)
		case "mode":
			return p.readString(&mode)
		case "type":
			return p.readString(&typ)
		case "name":
			return p.readString(&name)
		case "provider_config_key":
			// A handful of keys for thousands of blocks: shared strings.
			if p.peek() != '"' {
				return p.skipValue()
			}
			s, err := p.stringBytes()
			providerKey = p.intern(s)
			return err
		case "expressions":
			// Argument by argument, so that a policy can ask which
			// argument refers (bucket, not target_bucket).
			if p.peek() != '{' {
				return p.references(&list, prefix)
			}
			return p.object(func(arg []byte) error {
				start := len(list)
				p.collectVars, p.vars = true, p.vars[:0]
				err := p.references(&list, prefix)
				p.collectVars = false
				if err != nil {
					return err
				}
				if len(list) > start || len(p.vars) > 0 {
					name := p.intern(arg)
					for _, ref := range list[start:] {
						argRefs = append(argRefs, ArgumentReference{Argument: name, Address: ref})
					}
					// Module variables are resolved once every module
					// call is read (resolveModuleInputs).
					for _, v := range p.vars {
						argRefs = append(argRefs, ArgumentReference{Argument: name, Address: v})
					}
				}
				return nil
			})
		case "count_expression", "for_each_expression", "provisioners":
			return p.references(&list, prefix)
		default:
			// depends_on orders operations but passes no value.
			return p.skipValue()
		}
	})
	if err != nil {
		return err
	}
	if typ != "" && name != "" {
		address = configAddress("", mode, typ, name)
	}
	if (len(list) == 0 && len(argRefs) == 0 && providerKey == "") || address == "" {
		return nil
	}
	var b configBlock
	if providerKey != "" {
		b.provider = raw.useProvider(providerKey, module)
	}
	if len(list) > 0 {
		b.refs = sortedDistinct(list)
	}
	if len(argRefs) > 0 {
		slices.SortFunc(argRefs, compareArgumentReferences)
		b.argRefs = slices.Compact(argRefs)
	}
	raw.blocks[prefix+address] = b
	return nil
}

// resolveModuleInputs replaces the module variables among the blocks'
// argument references with the resources the callers pass to them, through
// as many modules as the calls nest (kms_master_key_id = var.key inside a
// module called with key = aws_kms_key.orders.arn refers to
// aws_kms_key.orders). A variable that no caller passes a resource to is
// dropped: it is not a resource.
func (raw *rawDocument) resolveModuleInputs() {
	var resolve func(v string, seen map[string]bool) []string
	resolve = func(v string, seen map[string]bool) []string {
		if seen[v] {
			return nil
		}
		seen[v] = true
		var out []string
		for _, ref := range raw.moduleInputs[v] {
			if isVariableRef(ref) {
				out = append(out, resolve(ref, seen)...)
			} else {
				out = append(out, ref)
			}
		}
		return out
	}
	for address, b := range raw.blocks {
		if !slices.ContainsFunc(b.argRefs, func(ar ArgumentReference) bool { return isVariableRef(ar.Address) }) {
			continue
		}
		var refs []ArgumentReference
		for _, ar := range b.argRefs {
			if !isVariableRef(ar.Address) {
				refs = append(refs, ar)
				continue
			}
			for _, r := range resolve(ar.Address, map[string]bool{}) {
				refs = append(refs, ArgumentReference{Argument: ar.Argument, Address: r})
			}
		}
		slices.SortFunc(refs, compareArgumentReferences)
		b.argRefs = slices.Compact(refs)
		if len(b.argRefs) == 0 {
			b.argRefs = nil
		}
		raw.blocks[address] = b
	}
}

// isVariableRef reports whether a qualified reference of the
// configuration is a module variable ("var.x", "module.m.var.x").
func isVariableRef(ref string) bool {
	for strings.HasPrefix(ref, "module.") {
		_, rest, ok := strings.Cut(ref[len("module."):], ".")
		if !ok {
			return false
		}
		ref = rest
	}
	return strings.HasPrefix(ref, "var.")
}

// sortedDistinct sorts list and drops repeats, in place.
func sortedDistinct(list []string) []string {
	sort.Strings(list)
	return slices.Compact(list)
}

// references walks expressions, collecting in list the configuration
// addresses of the resources they refer to, resolved in the module with
// the given prefix. An expression is an object with "references" (an array
// of strings) or "constant_value" (whose value is data, not skipped
// expressions); anything else is a nested block, an object or array of
// expressions, walked down.
func (p *parser) references(list *[]string, prefix string) error {
	switch p.peek() {
	case '{':
		return p.object(func(key []byte) error {
			switch string(key) {
			case "references":
				if p.peek() == '[' {
					return p.array(func(int) error {
						if p.peek() != '"' {
							return p.skipValue()
						}
						s, err := p.stringBytes()
						if err != nil {
							return err
						}
						if addr, ok := referencedResource(string(s)); ok {
							*list = append(*list, prefix+addr)
						} else if v, ok := referencedVariable(string(s)); ok && p.collectVars {
							p.vars = append(p.vars, prefix+v)
						}
						return nil
					})
				}
			case "constant_value":
				return p.skipValue()
			}
			return p.references(list, prefix)
		})
	case '[':
		return p.array(func(int) error { return p.references(list, prefix) })
	default:
		return p.skipValue()
	}
}

// checkVersion returns the format_version if this package reads it, and
// tells the other JSON documents of terraform from plans and states.
func checkVersion(name string, raw *rawDocument) (string, *FormatError) {
	switch {
	case raw.notObject != "":
		return "", formatErrorf(name, notDocument+"it is %s, expected an object", raw.notObject)
	case raw.providerSchemas:
		return "", formatErrorf(name, notDocument+"it has provider_schemas, so it is from terraform providers schema -json")
	case raw.diagnostics && !raw.plan && raw.states == nil:
		return "", formatErrorf(name, notDocument+"it has diagnostics, so it is from terraform validate -json")
	case raw.formatVersion == nil && raw.rawState:
		return "", &FormatError{Name: name, Reason: rawStateReason(name)}
	case raw.formatVersion == nil:
		return "", formatErrorf(name, notDocument+"it has no format_version")
	}
	s, ok := raw.formatVersion.(string)
	if !ok {
		return "", formatErrorf(name, "has a format_version that is %s: expected a string such as \"1.2\"", describeScalar(raw.formatVersion))
	}
	major, minor, ok := parseVersion(s)
	switch {
	case !ok:
		return "", formatErrorf(name, "has format_version %q, which is not a version: expected MAJOR.MINOR such as \"1.2\"", truncate(s, 40))
	case major == 0 && minor >= 1, major == 1:
		return s, nil
	default:
		return "", formatErrorf(name, "has format_version %s, which is not supported (0.1 to 1.x are)", s)
	}
}

// describeScalar describes a value of readScalar for an error: "the
// number 1.5", `the string "x"`, "an object", "null".
func describeScalar(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return "the string " + strconv.Quote(truncate(v, 40))
	case numberText:
		return "the number " + truncate(string(v), 40)
	case kindOf:
		return string(v)
	default:
		return fmt.Sprint(v)
	}
}

// parseVersion parses "MAJOR.MINOR".
func parseVersion(s string) (major, minor int, ok bool) {
	a, b, found := strings.Cut(s, ".")
	if !found || !isDigits(a) || !isDigits(b) || len(a) > 4 || len(b) > 4 {
		return 0, 0, false
	}
	major, _ = strconv.Atoi(a)
	minor, _ = strconv.Atoi(b)
	return major, minor, true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// newResource checks a raw resource and builds its Resource, reading its
// values with values.
func newResource(name string, rr *rawResource, providers *providerIndex, values *parser, kind Kind) (*Resource, *FormatError) {
	switch {
	case rr.address == "":
		return nil, formatErrorf(name, "has %s without an address: expected an address such as \"aws_s3_bucket.b\"", rr.field())
	case rr.mode != "managed" && rr.mode != "data":
		return nil, formatErrorf(name, "has %s with mode %q: expected \"managed\" or \"data\"", rr.label(), truncate(rr.mode, 40))
	case rr.typ == "":
		return nil, formatErrorf(name, "has %s without a type", rr.label())
	case rr.name == "":
		return nil, formatErrorf(name, "has %s without a name", rr.label())
	}
	key, ok := instanceKey(rr.index)
	if !ok {
		return nil, formatErrorf(name, "has %s with an index that is %s: expected a string or a whole number", rr.label(), describeScalar(rr.index))
	}
	r := &Resource{
		Address:       rr.address,
		ConfigAddress: configAddress(stripKeys(rr.moduleAddress), rr.mode, rr.typ, rr.name),
		Mode:          rr.mode,
		Type:          rr.typ,
		Name:          rr.name,
		ModuleAddress: rr.moduleAddress,
		ProviderName:  rr.provider,
		Index:         key,
		Deposed:       rr.deposed,
		Actions:       rr.actions,
	}
	if kind == State {
		r.Actions = []string{OpNoOp}
	}
	var ferr *FormatError
	if r.Operation, ferr = operation(name, rr.label(), r.Actions); ferr != nil {
		return nil, ferr
	}
	var err error
	if r.After, err = values.at(rr.after, rr.afterUnknown, rr.afterSensitive); err != nil {
		where := "change.after"
		if kind == State {
			where = "values"
		}
		return nil, valueFormatError(name, rr, where, err)
	}
	if r.Before, err = values.at(rr.before, nil, rr.beforeSensitive); err != nil {
		return nil, valueFormatError(name, rr, "change.before", err)
	}
	block := providers.blocks[r.ConfigAddress]
	if len(block.refs) > 0 {
		r.References = block.refs
	}
	r.ArgumentReferences = block.argRefs
	r.ProviderConfig = providers.providerOf(block, rr.provider, rr.typ)
	if kind == State && len(rr.dependsOn) > 0 {
		r.References = stateReferences(rr.dependsOn)
	}
	return r, nil
}

// stateReferences turns a state resource's depends_on into configuration
// addresses. A state has no configuration, but Terraform records there
// every resource the configuration referred to, which is what references
// are for.
func stateReferences(dependsOn []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, d := range dependsOn {
		a := stripKeys(d)
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	sort.Strings(out)
	return out
}

// at reads the value at s with its overlays; where the document has no
// value, the overlays alone make it (null, or unknown).
func (p *parser) at(s span, unknown, sensitive any) (cty.Value, error) {
	if !s.present() {
		return fromOverlay(unknown, sensitive), nil
	}
	p.pos = s.start
	return p.value(unknown, sensitive)
}

// configAddress is the address of a resource block.
func configAddress(module, mode, typ, name string) string {
	var b strings.Builder
	b.Grow(len(module) + len(typ) + len(name) + 7)
	if module != "" {
		b.WriteString(module)
		b.WriteByte('.')
	}
	if mode == "data" {
		b.WriteString("data.")
	}
	b.WriteString(typ)
	b.WriteByte('.')
	b.WriteString(name)
	return b.String()
}

// instanceKey normalises an index as readScalar returns it: nil, a string,
// or an int.
func instanceKey(index any) (any, bool) {
	switch k := index.(type) {
	case nil, string:
		return k, true
	case numberText:
		if i, err := strconv.ParseInt(string(k), 10, 0); err == nil {
			return int(i), true
		}
		f, err := strconv.ParseFloat(string(k), 64)
		if err != nil || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
			return nil, false
		}
		return int(f), true
	}
	return nil, false
}

// operation summarises a change's actions.
func operation(name, label string, actions []string) (string, *FormatError) {
	if actions == nil {
		return "", formatErrorf(name, "has %s without change.actions: expected a list such as [\"create\"]", label)
	}
	switch len(actions) {
	case 1:
		if actions[0] != "" {
			return actions[0], nil
		}
	case 2:
		a, b := actions[0], actions[1]
		if (a == OpDelete && b == OpCreate) || (a == OpCreate && b == OpDelete) || (a == OpCreate && b == OpForget) {
			return OpReplace, nil
		}
		return "", formatErrorf(name, "has %s with change.actions %s: expected one action, or [\"delete\",\"create\"], [\"create\",\"delete\"] or [\"create\",\"forget\"]",
			label, jsonText(actions))
	}
	return "", formatErrorf(name, "has %s with change.actions %s: expected one action such as [\"create\"], or two for a replacement such as [\"delete\",\"create\"]",
		label, jsonText(actions))
}

// jsonText renders a value as JSON, briefly, for an error.
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return truncate(string(b), 60)
}

// valueFormatError reports a value that cannot be converted, below where
// (change.after) in the resource rr.
func valueFormatError(name string, rr *rawResource, where string, err error) *FormatError {
	if verr, ok := err.(*valueError); ok {
		return formatErrorf(name, "has %s with %s at %s%s: %s", rr.label(), verr.what, where, verr.where(), verr.why)
	}
	return formatErrorf(name, "has %s whose %s cannot be read: %v", rr.label(), where, err)
}
