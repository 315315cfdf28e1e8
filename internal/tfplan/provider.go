package tfplan

import (
	"strconv"
	"strings"

	"github.com/zclconf/go-cty/cty"
)

// ProviderArguments are the arguments of a provider configuration that
// Resource.ProviderConfig holds, sorted: where resources are, and in which
// project, subscription or tenant, and the pii provider's risk_appetite
// (which the verified coverage of assessments is computed with), never
// anything like a credential. The
// plan does not say which provider arguments are sensitive, so only these
// are read. alias is the configuration's alias, not an expression.
var ProviderArguments = []string{"alias", "location", "profile", "project", "region", "risk_appetite", "subscription_id", "tenant_id", "zone"}

// rawProvider is an entry of a plan's configuration.provider_config.
type rawProvider struct {
	key                           string
	name, fullName, alias, module string
	// configured: the entry has expressions, so it is a provider block
	// with arguments, not only a module's requirement of the provider.
	configured bool
	args       []rawArgument
}

// rawArgument is one of ProviderArguments in a provider configuration.
type rawArgument struct {
	name string
	// constant is the span of its constant_value, if it has one.
	constant span
	// variable is the root variable that is its only reference, if it is
	// such a reference.
	variable string
}

// configBlock is what the first pass keeps of a resource block of the
// configuration.
type configBlock struct {
	// refs are the configuration addresses it refers to, sorted and
	// distinct.
	refs []string
	// argRefs are refs with the top-level argument (or nested block type)
	// whose expression holds them, sorted and distinct.
	argRefs []ArgumentReference
	// provider is 1 + the index of its providerUse in
	// rawDocument.providerUses, 0 when it has no provider_config_key.
	provider int32
}

// providerUse is a provider_config_key as the blocks of a module write it:
// a plan of thousands of blocks has a handful, resolved once each.
type providerUse struct {
	// key is the provider_config_key; module the module's address
	// ("module.a.module.b", "" for the root module).
	key, module string
}

// useProvider returns the configBlock.provider of a block of module whose
// provider_config_key is key.
func (raw *rawDocument) useProvider(key, module string) int32 {
	u := providerUse{key, module}
	if n := len(raw.providerUses); n > 0 && raw.providerUses[n-1] == u {
		return int32(n)
	}
	if id, ok := raw.providerUseIDs[u]; ok {
		return id
	}
	if raw.providerUseIDs == nil {
		raw.providerUseIDs = make(map[providerUse]int32)
	}
	raw.providerUses = append(raw.providerUses, u)
	id := int32(len(raw.providerUses))
	raw.providerUseIDs[u] = id
	return id
}

// optString reads a string field leniently: anything else is skipped.
func (p *parser) optString(dst *string) error {
	if p.peek() != '"' {
		return p.skipValue()
	}
	s, err := p.str()
	*dst = s
	return err
}

// providerConfigs reads configuration.provider_config. Entries whose shape
// is not Terraform's are skipped rather than reported: the section only
// adds meta.provider_config, it must not make a readable plan unreadable.
func (p *parser) providerConfigs(raw *rawDocument) error {
	if p.peek() != '{' {
		return p.skipValue()
	}
	return p.object(func(key []byte) error {
		if p.peek() != '{' {
			return p.skipValue()
		}
		rp := &rawProvider{key: string(key)}
		if raw.providers == nil {
			raw.providers = make(map[string]*rawProvider)
		}
		raw.providers[rp.key] = rp
		return p.object(func(key []byte) error {
			switch string(key) {
			case "name":
				return p.optString(&rp.name)
			case "full_name":
				return p.optString(&rp.fullName)
			case "alias":
				return p.optString(&rp.alias)
			case "module_address":
				return p.optString(&rp.module)
			case "expressions":
				return p.providerExpressions(rp)
			}
			return p.skipValue()
		})
	})
}

// providerExpressions reads the expressions of a provider configuration,
// keeping those of ProviderArguments that are expressions (objects), not
// nested blocks (arrays).
func (p *parser) providerExpressions(rp *rawProvider) error {
	if p.peek() != '{' {
		return p.skipValue()
	}
	return p.object(func(key []byte) error {
		rp.configured = true
		name := known(key, ProviderArguments...)
		if name == "" || name == "alias" || p.peek() != '{' {
			return p.skipValue()
		}
		arg := rawArgument{name: name}
		refs := 0
		err := p.object(func(key []byte) error {
			switch string(key) {
			case "constant_value":
				var err error
				arg.constant, err = p.span()
				return err
			case "references":
				if p.peek() != '[' {
					refs = -1
					return p.skipValue()
				}
				return p.array(func(int) error {
					refs++
					if p.peek() != '"' {
						refs = -1
						return p.skipValue()
					}
					s, err := p.str()
					if v, ok := strings.CutPrefix(s, "var."); ok && isIdentifier(v) {
						arg.variable = v
					}
					return err
				})
			}
			return p.skipValue()
		})
		if refs != 1 {
			arg.variable = ""
		}
		rp.args = append(rp.args, arg)
		return err
	})
}

// variables reads the plan's variables: where each one's value is.
func (p *parser) variables(raw *rawDocument) error {
	if p.peek() != '{' {
		return p.skipValue()
	}
	return p.object(func(key []byte) error {
		name := string(key)
		if p.peek() != '{' {
			return p.skipValue()
		}
		return p.object(func(key []byte) error {
			if string(key) != "value" {
				return p.skipValue()
			}
			s, err := p.span()
			if raw.variables == nil {
				raw.variables = make(map[string]span)
			}
			raw.variables[name] = s
			return err
		})
	})
}

// providerIndex gives each resource its provider configuration's value.
type providerIndex struct {
	blocks map[string]configBlock
	// values are the configurations' values by configBlock.provider - 1;
	// cty.NilVal where the key names no configuration.
	values []cty.Value
	// byName are the root module's configurations without an alias, by
	// provider name: what a resource whose block names no configuration
	// falls back to.
	byName map[string]cty.Value
}

// resolveProviders builds the value of every provider configuration that a
// resource block uses. Resource blocks share the values, so a plan of
// thousands of resources holds a handful.
func resolveProviders(name string, data []byte, raw *rawDocument) (*providerIndex, *FormatError) {
	ix := &providerIndex{blocks: raw.blocks}
	if len(raw.providers) == 0 {
		return ix, nil
	}
	values := &parser{data: data}
	built := make(map[string]cty.Value, len(raw.providers))
	valueOf := func(key string) (cty.Value, *FormatError) {
		if v, ok := built[key]; ok {
			return v, nil
		}
		v, ferr := values.providerValue(name, raw.providers[key], raw.variables)
		built[key] = v
		return v, ferr
	}
	for key, rp := range raw.providers {
		if rp.alias == "" && isRootProviderKey(key, rp) && !strings.Contains(key, ".") {
			v, ferr := valueOf(key)
			if ferr != nil {
				return nil, ferr
			}
			if ix.byName == nil {
				ix.byName = make(map[string]cty.Value)
			}
			ix.byName[key] = v
		}
	}
	ix.values = make([]cty.Value, len(raw.providerUses))
	for i, u := range raw.providerUses {
		key := resolveProviderKey(raw.providers, u.key, u.module)
		if key == "" {
			continue
		}
		v, ferr := valueOf(key)
		if ferr != nil {
			return nil, ferr
		}
		ix.values[i] = v
	}
	return ix, nil
}

// providerOf returns the provider configuration of a resource of a block:
// the one the block's provider_config_key names, else the fallback (see
// providerFallback).
func (ix *providerIndex) providerOf(block configBlock, provider, typ string) cty.Value {
	if block.provider > 0 && int(block.provider) <= len(ix.values) {
		if v := ix.values[block.provider-1]; v != cty.NilVal {
			return v
		}
	}
	return ix.providerFallback(provider, typ)
}

// isRootProviderKey reports whether an entry is a configuration of the
// root module: its key names no module.
func isRootProviderKey(key string, rp *rawProvider) bool {
	return rp.module == "" && !strings.Contains(key, ":")
}

// resolveProviderKey returns the key of the provider configuration that a
// resource block of module uses, given its provider_config_key, or "" when
// the plan has none. Terraform writes the key in several ways:
//
//   - "aws", "aws.eu": a configuration of the root module. From Terraform
//     1.2 on, a resource of a module that inherits its provider has the key
//     of the configuration it inherits.
//   - "module.db:aws": a configuration of module.db; in Terraform before
//     1.2, possibly an entry that only says that module.db requires the
//     provider (it has no expressions), whose configuration is inherited.
//   - "db:aws": Terraform before 1.2 named a module's resources' key after
//     the module call only; the configuration is the module's own, or the
//     one it inherits.
//
// Inheritance is followed up the module tree by the provider's local name:
// the plan does not record the providers a module call passes, so a module
// given another configuration explicitly (providers = { aws = aws.eu }) is
// resolved as if it inherited the default one, unless Terraform wrote the
// key of the configuration itself (1.2 and later).
func resolveProviderKey(providers map[string]*rawProvider, key, module string) string {
	if rp, ok := providers[key]; ok {
		if rp.configured || isRootProviderKey(key, rp) {
			return key
		}
		owner, local, _ := strings.Cut(key, ":")
		if found := inheritedProviderKey(providers, parentModule(owner), local, rp.fullName); found != "" {
			return found
		}
		return key
	}
	if _, local, ok := strings.Cut(key, ":"); ok && !strings.HasPrefix(key, "module.") {
		return inheritedProviderKey(providers, module, local, "")
	}
	return ""
}

// inheritedProviderKey walks from module up to the root module and
// returns the key of the first configuration of the provider (local name,
// with its alias) that has arguments; else the first entry found; else
// "". fullName, when not "", skips entries of another provider.
func inheritedProviderKey(providers map[string]*rawProvider, module, local, fullName string) string {
	first := ""
	for {
		key := local
		if module != "" {
			key = module + ":" + local
		}
		if rp, ok := providers[key]; ok && (fullName == "" || rp.fullName == "" || rp.fullName == fullName) {
			if rp.configured {
				return key
			}
			if first == "" {
				first = key
			}
		}
		if module == "" {
			return first
		}
		module = parentModule(module)
	}
}

// parentModule returns the address of a module's parent: "module.a" for
// "module.a.module.b", "" for "module.a".
func parentModule(module string) string {
	if i := strings.LastIndex(module, ".module."); i >= 0 {
		return module[:i]
	}
	return ""
}

// providerValue builds a provider configuration's value: alias, and each
// argument of ProviderArguments it sets, as its constant value, as the value
// of the root variable it is (in a root module's configuration), or else
// unknown.
func (p *parser) providerValue(name string, rp *rawProvider, variables map[string]span) (cty.Value, *FormatError) {
	attrs := make(map[string]cty.Value, len(rp.args)+1)
	if rp.alias != "" {
		attrs["alias"] = cty.StringVal(rp.alias)
	}
	root := isRootProviderKey(rp.key, rp)
	for _, a := range rp.args {
		v := cty.DynamicVal
		where := a.constant
		if !where.present() && root && a.variable != "" {
			where = variables[a.variable]
		}
		if where.present() {
			p.pos = where.start
			var err error
			if v, err = p.value(nil, nil); err != nil {
				return cty.NilVal, providerFormatError(name, rp, a, err)
			}
		}
		attrs[a.name] = v
	}
	if len(attrs) == 0 {
		return cty.EmptyObjectVal, nil
	}
	return cty.ObjectVal(attrs), nil
}

// providerFormatError reports an argument whose value cannot be converted.
func providerFormatError(name string, rp *rawProvider, a rawArgument, err error) *FormatError {
	where := "configuration.provider_config[" + strconv.Quote(rp.key) + "].expressions." + a.name
	if !a.constant.present() {
		where = "variables." + a.variable + ".value"
	}
	if verr, ok := err.(*valueError); ok {
		return formatErrorf(name, "has %s at %s%s: %s", verr.what, where, verr.where(), verr.why)
	}
	return formatErrorf(name, "has %s, which cannot be read: %v", where, err)
}

// providerFallback is the configuration of a resource whose block names
// none: the root module's default configuration of its provider, found by
// the last part of its provider's address, else by the first word of its
// type; the empty object when there is none.
func (ix *providerIndex) providerFallback(provider, typ string) cty.Value {
	if len(ix.byName) > 0 {
		name := provider[strings.LastIndexByte(provider, '/')+1:]
		name = strings.TrimPrefix(name, "provider.")
		if v, ok := ix.byName[name]; ok {
			return v
		}
		first, _, _ := strings.Cut(typ, "_")
		if v, ok := ix.byName[first]; ok {
			return v
		}
	}
	return cty.EmptyObjectVal
}
