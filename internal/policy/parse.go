package policy

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/privacycode/terraform-provider-pii/internal/suggest"
)

// Source is one policy file's name and bytes.
type Source struct {
	Filename string
	Bytes    []byte
}

// PolicySuffix and TestSuffix name the files of a pack.
const (
	PolicySuffix = ".policy.hcl"
	TestSuffix   = ".policytest.hcl"
)

// Roots are the variables an expression may refer to.
var Roots = []string{"attrs", "prior_attrs", "meta", "input", "local"}

var (
	namePattern    = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9_-]*$`)
	inputPattern   = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9_]*$`)
	typePattern    = regexp.MustCompile(`^[a-z0-9_*?\[\]-]+$`)
	controlPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*(@[A-Za-z0-9._-]+)?:[A-Za-z0-9][A-Za-z0-9._-]*$`)
)

var fileSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "resource_policy", LabelNames: []string{"type", "name"}},
	{Type: "locals"},
	{Type: "input", LabelNames: []string{"name"}},
}}

var policySchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "description"}, {Name: "controls"}, {Name: "severity"}, {Name: "enforcement_level"},
		{Name: "operations"}, {Name: "filter"},
	},
	Blocks: []hcl.BlockHeaderSchema{{Type: "locals"}, {Type: "enforce"}},
}

var enforceSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "condition", Required: true}, {Name: "error_message", Required: true},
}}

var inputSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "type"}, {Name: "default"}, {Name: "description"},
}}

// ParseFS parses every *.policy.hcl file under root in fsys, in lexical
// path order.
func ParseFS(fsys fs.FS, root string) (*Pack, hcl.Diagnostics) {
	var sources []Source
	var diags hcl.Diagnostics
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, PolicySuffix) {
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			sources = append(sources, Source{Filename: p, Bytes: b})
		}
		return nil
	})
	if err != nil {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Cannot read policies", Detail: err.Error()})
		return nil, diags
	}
	return Parse(sources...)
}

// Parse parses policy files into a pack. Every problem is reported, with
// file:line:column; the pack is nil when there are errors.
func Parse(sources ...Source) (*Pack, hcl.Diagnostics) {
	p := &parser{pack: &Pack{Inputs: map[string]*Input{}}, policyByName: map[string]*Policy{}}
	for _, src := range sources {
		p.file(src)
	}
	p.checkReferences()
	if p.diags.HasErrors() {
		return nil, p.diags
	}
	sort.SliceStable(p.pack.Policies, func(i, j int) bool { return p.pack.Policies[i].Name < p.pack.Policies[j].Name })
	return p.pack, p.diags
}

type parser struct {
	pack         *Pack
	policyByName map[string]*Policy
	// rejected are policies with errors of their own, kept so that their
	// expressions are checked too.
	rejected []*Policy
	diags    hcl.Diagnostics
}

func (p *parser) errorf(rng hcl.Range, summary, format string, args ...any) {
	p.diags = append(p.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: fmt.Sprintf(format, args...), Subject: rng.Ptr()})
}

func where(rng hcl.Range) string {
	return fmt.Sprintf("%s:%d:%d", rng.Filename, rng.Start.Line, rng.Start.Column)
}

func (p *parser) file(src Source) {
	f, diags := hclsyntax.ParseConfig(src.Bytes, src.Filename, hcl.InitialPos)
	p.diags = append(p.diags, diags...)
	if diags.HasErrors() {
		return
	}
	content, diags := f.Body.Content(fileSchema)
	p.diags = append(p.diags, diags...)
	file := &File{Name: src.Filename, Locals: map[string]*hcl.Attribute{}}
	for _, b := range content.Blocks {
		switch b.Type {
		case "locals":
			p.locals(b, file.Locals, nil)
		case "input":
			p.input(b)
		case "resource_policy":
			if pol := p.policy(b, file); pol != nil {
				file.Policies = append(file.Policies, pol)
				p.pack.Policies = append(p.pack.Policies, pol)
			}
		}
	}
	p.pack.Files = append(p.pack.Files, file)
}

// locals adds a locals block's attributes to into; a name may be defined
// once per scope, and a policy's locals may not shadow its file's.
func (p *parser) locals(b *hcl.Block, into, outer map[string]*hcl.Attribute) {
	attrs, diags := b.Body.JustAttributes()
	p.diags = append(p.diags, diags...)
	names := make([]string, 0, len(attrs))
	for n := range attrs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		a := attrs[n]
		if prev, dup := into[n]; dup {
			p.errorf(a.NameRange, "Duplicate local", "local.%s is already defined at %s.", n, where(prev.NameRange))
			continue
		}
		if prev, dup := outer[n]; dup {
			p.errorf(a.NameRange, "Duplicate local", "local.%s is already defined for the whole file at %s; give the policy's local another name.", n, where(prev.NameRange))
			continue
		}
		into[n] = a
	}
}

func (p *parser) input(b *hcl.Block) {
	name := b.Labels[0]
	if !inputPattern.MatchString(name) {
		p.errorf(b.LabelRanges[0], "Invalid input name", "%q is not a valid input name: use letters, digits and underscores, starting with a letter.", name)
		return
	}
	if prev, dup := p.pack.Inputs[name]; dup {
		p.errorf(b.DefRange, "Duplicate input", "input %q is already declared at %s.", name, where(prev.DeclRange))
		return
	}
	content, diags := b.Body.Content(inputSchema)
	p.diags = append(p.diags, diags...)
	in := &Input{Name: name, Type: cty.DynamicPseudoType, Default: cty.NullVal(cty.DynamicPseudoType), DeclRange: b.DefRange}
	if a, ok := content.Attributes["type"]; ok {
		ty, diags := typeexpr.TypeConstraint(a.Expr)
		p.diags = append(p.diags, diags...)
		if !diags.HasErrors() {
			in.Type = ty
		}
	}
	if a, ok := content.Attributes["default"]; ok {
		v, diags := a.Expr.Value(nil)
		p.diags = append(p.diags, diags...)
		if !diags.HasErrors() {
			cv, err := convert.Convert(v, in.Type)
			if err != nil {
				p.errorf(a.Expr.Range(), "Invalid default", "The default of input %q does not match its type %s: %s.", name, typeexpr.TypeString(in.Type), err)
			} else {
				in.Default = cv
			}
		}
	}
	in.Description = p.constString(content.Attributes["description"], "description")
	p.pack.Inputs[name] = in
}

func (p *parser) policy(b *hcl.Block, file *File) *Policy {
	typ, name := b.Labels[0], b.Labels[1]
	pol := &Policy{TypePattern: typ, Name: name, File: file, DeclRange: b.DefRange, Locals: map[string]*hcl.Attribute{},
		Severity: "medium", EnforcementLevel: "advisory", Operations: DefaultOperations}
	ok := true
	if _, err := path.Match(typ, ""); err != nil || !typePattern.MatchString(typ) {
		p.errorf(b.LabelRanges[0], "Invalid resource type", "%q is not a resource type or glob: use lower-case letters, digits, '_' and the wildcards '*' and '?', such as \"aws_s3_bucket\" or \"aws_s3_*\".", typ)
		ok = false
	}
	if !namePattern.MatchString(name) {
		p.errorf(b.LabelRanges[1], "Invalid policy name", "%q is not a valid policy name: use letters, digits, '_' and '-', starting with a letter.", name)
		ok = false
	}
	if prev, dup := p.policyByName[name]; dup {
		p.errorf(b.LabelRanges[1], "Duplicate policy name", "A policy named %q is already declared at %s; policy names are unique across a pack, since results and overrides refer to them.", name, where(prev.DeclRange))
		ok = false
	}
	content, diags := b.Body.Content(policySchema)
	p.diags = append(p.diags, diags...)
	attrs := content.Attributes
	pol.Description = p.constString(attrs["description"], "description")
	if a := attrs["severity"]; a != nil {
		pol.Severity = p.oneOf(a, "severity", Severities)
	}
	if a := attrs["enforcement_level"]; a != nil {
		pol.EnforcementLevel = p.oneOf(a, "enforcement_level", EnforcementLevels)
	}
	if a := attrs["operations"]; a != nil {
		pol.Operations = nil
		for _, op := range p.constStrings(a, "operations") {
			if slices.Contains(Operations, op.value) {
				pol.Operations = append(pol.Operations, op.value)
			} else {
				p.errorf(op.rng, "Invalid operation", "%q is not an operation; use %s.%s", op.value, quoted(Operations), suggest.Phrase(suggest.Closest(op.value, Operations, 1)))
			}
		}
	}
	if a := attrs["controls"]; a != nil {
		for _, c := range p.constStrings(a, "controls") {
			if !controlPattern.MatchString(c.value) {
				p.errorf(c.rng, "Invalid control id", "%q is not a qualified control id: write catalog:id, such as \"iso29151:10.1.1\".", c.value)
				continue
			}
			pol.Controls = append(pol.Controls, c.value)
		}
	}
	if a := attrs["filter"]; a != nil {
		pol.Filter = a.Expr
	}
	for _, blk := range content.Blocks {
		switch blk.Type {
		case "locals":
			p.locals(blk, pol.Locals, file.Locals)
		case "enforce":
			ec, diags := blk.Body.Content(enforceSchema)
			p.diags = append(p.diags, diags...)
			if diags.HasErrors() {
				continue
			}
			pol.Enforce = append(pol.Enforce, &Enforce{Condition: ec.Attributes["condition"].Expr, ErrorMessage: ec.Attributes["error_message"].Expr, DeclRange: blk.DefRange})
		}
	}
	if len(pol.Enforce) == 0 {
		p.errorf(b.DefRange, "Missing enforce block", "Policy %q has no enforce block: add at least one, with a condition that must hold and an error_message.", name)
		ok = false
	}
	if !ok {
		// Still check its expressions, so that every error shows at once.
		p.rejected = append(p.rejected, pol)
		return nil
	}
	p.policyByName[name] = pol
	return pol
}

// checkReferences makes sure every expression refers only to variables
// that exist: the roots, declared inputs and locals in scope.
func (p *parser) checkReferences() {
	inputs := keys(p.pack.Inputs)
	for _, f := range p.pack.Files {
		for _, a := range sortedAttrs(f.Locals) {
			p.checkExpr(a.Expr, f.Locals, nil, inputs)
		}
		var policies []*Policy
		policies = append(policies, f.Policies...)
		for _, r := range p.rejected {
			if r.File == f {
				policies = append(policies, r)
			}
		}
		for _, pol := range policies {
			for _, a := range sortedAttrs(pol.Locals) {
				p.checkExpr(a.Expr, f.Locals, pol.Locals, inputs)
			}
			if pol.Filter != nil {
				p.checkExpr(pol.Filter, f.Locals, pol.Locals, inputs)
			}
			for _, e := range pol.Enforce {
				p.checkExpr(e.Condition, f.Locals, pol.Locals, inputs)
				p.checkExpr(e.ErrorMessage, f.Locals, pol.Locals, inputs)
			}
		}
	}
}

func (p *parser) checkExpr(expr hcl.Expression, fileLocals, policyLocals map[string]*hcl.Attribute, inputs []string) {
	for _, tr := range expr.Variables() {
		root := tr.RootName()
		rng := tr.SourceRange()
		if !slices.Contains(Roots, root) {
			p.errorf(rng, "Unknown variable", "There is no variable %q here; expressions can use %s.%s", root, quoted(Roots), suggest.Phrase(suggest.Closest(root, Roots, 1)))
			continue
		}
		if root != "input" && root != "local" {
			continue
		}
		attr, ok := secondStep(tr)
		if !ok {
			p.errorf(rng, "Incomplete reference", "Refer to one %s by name, such as %s.name.", root, root)
			continue
		}
		switch root {
		case "input":
			if !slices.Contains(inputs, attr) {
				p.errorf(rng, "Unknown input", "There is no input %q in this pack.%s Declare it with an input block.", attr, suggest.Phrase(suggest.Closest(attr, inputs, 3)))
			}
		case "local":
			_, inFile := fileLocals[attr]
			_, inPolicy := policyLocals[attr]
			if !inFile && !inPolicy {
				known := append(keys(fileLocals), keys(policyLocals)...)
				p.errorf(rng, "Unknown local", "There is no local %q in scope.%s", attr, suggest.Phrase(suggest.Closest(attr, known, 3)))
			}
		}
	}
}

func secondStep(tr hcl.Traversal) (string, bool) {
	if len(tr) < 2 {
		return "", false
	}
	if a, ok := tr[1].(hcl.TraverseAttr); ok {
		return a.Name, true
	}
	return "", false
}

type located struct {
	value string
	rng   hcl.Range
}

func (p *parser) constString(a *hcl.Attribute, what string) string {
	if a == nil {
		return ""
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() || v.IsNull() || !v.IsWhollyKnown() {
		p.errorf(a.Expr.Range(), "Invalid "+what, "The %s must be a literal string.", what)
		return ""
	}
	s, err := convert.Convert(v, cty.String)
	if err != nil {
		p.errorf(a.Expr.Range(), "Invalid "+what, "The %s must be a string.", what)
		return ""
	}
	return s.AsString()
}

func (p *parser) constStrings(a *hcl.Attribute, what string) []located {
	exprs, diags := hcl.ExprList(a.Expr)
	if diags.HasErrors() {
		p.errorf(a.Expr.Range(), "Invalid "+what, "The %s must be a list of literal strings, such as [\"a\", \"b\"].", what)
		return nil
	}
	var out []located
	for _, e := range exprs {
		v, diags := e.Value(nil)
		if diags.HasErrors() || v.IsNull() || !v.Type().Equals(cty.String) {
			p.errorf(e.Range(), "Invalid "+what, "Each element of %s must be a literal string.", what)
			continue
		}
		out = append(out, located{v.AsString(), e.Range()})
	}
	return out
}

func (p *parser) oneOf(a *hcl.Attribute, what string, accepted []string) string {
	s := p.constString(a, what)
	if slices.Contains(accepted, s) {
		return s
	}
	if s != "" {
		p.errorf(a.Expr.Range(), "Invalid "+what, "%q is not a valid %s; use one of %s.%s", s, what, quoted(accepted), suggest.Phrase(suggest.Closest(s, accepted, 1)))
	}
	return accepted[0]
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sortedAttrs(m map[string]*hcl.Attribute) []*hcl.Attribute {
	out := make([]*hcl.Attribute, 0, len(m))
	for _, k := range keys(m) {
		out = append(out, m[k])
	}
	return out
}

func quoted(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
