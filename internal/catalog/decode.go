package catalog

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// Source is one catalog file: its name, as diagnostics will show it, and
// its bytes.
type Source struct {
	Filename string
	Bytes    []byte
}

var fileSchema = &hcl.BodySchema{
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "principle", LabelNames: []string{"key"}},
		{Type: "risk_category", LabelNames: []string{"key"}},
		{Type: "pii_category", LabelNames: []string{"key"}},
		{Type: "catalog", LabelNames: []string{"name"}},
		{Type: "group", LabelNames: []string{"catalog", "id"}},
		{Type: "control", LabelNames: []string{"catalog", "id"}},
	},
}

var (
	principleSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
		{Name: "number", Required: true}, {Name: "title", Required: true}, {Name: "description"},
	}}
	riskCategorySchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
		{Name: "title", Required: true}, {Name: "description"}, {Name: "principles"},
	}}
	piiCategorySchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
		{Name: "title", Required: true}, {Name: "sensitivity", Required: true}, {Name: "description"},
	}}
	catalogSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
		{Name: "version", Required: true}, {Name: "title", Required: true}, {Name: "description"},
	}}
	groupSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
		{Name: "title", Required: true}, {Name: "parent"},
	}}
	// Most control attributes are optional here because a control with a
	// parent inherits them; resolve checks that each is set in the end.
	controlSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
		{Name: "title", Required: true},
		{Name: "group"}, {Name: "principle"}, {Name: "objective"}, {Name: "treats"},
		{Name: "reduces"}, {Name: "stages"}, {Name: "related"}, {Name: "role"},
		{Name: "gdpr_articles"}, {Name: "parent"},
	}}
)

// text is a string read from a file together with where it was written.
type text struct {
	Value string
	Range hcl.Range
	Set   bool
}

type principleDecl struct {
	key, title, description text
	number                  int
	numberRange             hcl.Range
	def                     hcl.Range
}

type riskCategoryDecl struct {
	key, title, description text
	principles              []text
	def                     hcl.Range
}

type piiCategoryDecl struct {
	key, title, sensitivity, description text
	def                                  hcl.Range
}

type catalogDecl struct {
	name, version, title, description text
	def                               hcl.Range
}

type groupDecl struct {
	catalog, id, title, parent text
	def                        hcl.Range
}

type controlDecl struct {
	catalog, id, title, group, principle, objective, reduces, role, parent text
	treats, stages, related, gdprArticles                                  []text
	treatsSet, stagesSet, relatedSet, gdprSet                              bool
	def                                                                    hcl.Range
}

// decls is everything decoded from a set of files, in file order.
type decls struct {
	principles     []*principleDecl
	riskCategories []*riskCategoryDecl
	piiCategories  []*piiCategoryDecl
	catalogs       []*catalogDecl
	groups         []*groupDecl
	controls       []*controlDecl
}

func (d *decls) append(o *decls) {
	d.principles = append(d.principles, o.principles...)
	d.riskCategories = append(d.riskCategories, o.riskCategories...)
	d.piiCategories = append(d.piiCategories, o.piiCategories...)
	d.catalogs = append(d.catalogs, o.catalogs...)
	d.groups = append(d.groups, o.groups...)
	d.controls = append(d.controls, o.controls...)
}

// decode parses one file into declarations. Syntax errors, unknown blocks or
// attributes and values of the wrong type are reported here; references
// between declarations are checked later, by resolve.
func decode(src Source) (*decls, hcl.Diagnostics) {
	file, diags := hclsyntax.ParseConfig(src.Bytes, src.Filename, hcl.InitialPos)
	if diags.HasErrors() {
		return &decls{}, diags
	}
	content, moreDiags := file.Body.Content(fileSchema)
	diags = append(diags, moreDiags...)
	out := &decls{}
	for _, block := range content.Blocks {
		r := &reader{}
		switch block.Type {
		case "principle":
			attrs := r.content(block, principleSchema)
			d := &principleDecl{key: label(block, 0), def: block.DefRange}
			d.number, d.numberRange = r.integer(attrs, "number")
			d.title, d.description = r.str(attrs, "title"), r.str(attrs, "description")
			out.principles = append(out.principles, d)
		case "risk_category":
			attrs := r.content(block, riskCategorySchema)
			d := &riskCategoryDecl{key: label(block, 0), title: r.str(attrs, "title"), description: r.str(attrs, "description"), def: block.DefRange}
			d.principles, _ = r.strList(attrs, "principles")
			out.riskCategories = append(out.riskCategories, d)
		case "pii_category":
			attrs := r.content(block, piiCategorySchema)
			out.piiCategories = append(out.piiCategories, &piiCategoryDecl{
				key: label(block, 0), title: r.str(attrs, "title"), sensitivity: r.str(attrs, "sensitivity"),
				description: r.str(attrs, "description"), def: block.DefRange,
			})
		case "catalog":
			attrs := r.content(block, catalogSchema)
			out.catalogs = append(out.catalogs, &catalogDecl{
				name: label(block, 0), version: r.str(attrs, "version"), title: r.str(attrs, "title"),
				description: r.str(attrs, "description"), def: block.DefRange,
			})
		case "group":
			attrs := r.content(block, groupSchema)
			out.groups = append(out.groups, &groupDecl{
				catalog: label(block, 0), id: label(block, 1), title: r.str(attrs, "title"),
				parent: r.str(attrs, "parent"), def: block.DefRange,
			})
		case "control":
			attrs := r.content(block, controlSchema)
			d := &controlDecl{
				catalog: label(block, 0), id: label(block, 1), def: block.DefRange,
				title: r.str(attrs, "title"), group: r.str(attrs, "group"), principle: r.str(attrs, "principle"),
				objective: r.str(attrs, "objective"), reduces: r.str(attrs, "reduces"), role: r.str(attrs, "role"),
				parent: r.str(attrs, "parent"),
			}
			d.treats, d.treatsSet = r.strList(attrs, "treats")
			d.stages, d.stagesSet = r.strList(attrs, "stages")
			d.related, d.relatedSet = r.strList(attrs, "related")
			d.gdprArticles, d.gdprSet = r.strList(attrs, "gdpr_articles")
			out.controls = append(out.controls, d)
		}
		diags = append(diags, r.diags...)
	}
	return out, diags
}

func label(block *hcl.Block, i int) text {
	return text{Value: block.Labels[i], Range: block.LabelRanges[i], Set: true}
}

// reader decodes attribute values, collecting diagnostics as it goes so that
// one broken attribute does not hide the next.
type reader struct {
	diags hcl.Diagnostics
}

func (r *reader) content(block *hcl.Block, schema *hcl.BodySchema) hcl.Attributes {
	content, diags := block.Body.Content(schema)
	r.diags = append(r.diags, diags...)
	return content.Attributes
}

// value evaluates an expression with no variables or functions: catalog
// files hold literals only.
func (r *reader) value(expr hcl.Expression, want cty.Type, what string) (cty.Value, bool) {
	v, diags := expr.Value(nil)
	r.diags = append(r.diags, diags...)
	if diags.HasErrors() {
		return cty.NilVal, false
	}
	if v.IsNull() {
		r.diags = append(r.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError, Summary: "Missing value",
			Detail:  fmt.Sprintf("The %s must not be null.", what),
			Subject: expr.Range().Ptr(),
		})
		return cty.NilVal, false
	}
	cv, err := convert.Convert(v, want)
	if err != nil {
		r.diags = append(r.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError, Summary: "Incorrect value type",
			Detail:  fmt.Sprintf("The %s must be a %s.", what, want.FriendlyName()),
			Subject: expr.Range().Ptr(),
		})
		return cty.NilVal, false
	}
	return cv, true
}

func (r *reader) str(attrs hcl.Attributes, name string) text {
	attr, ok := attrs[name]
	if !ok {
		return text{}
	}
	v, ok := r.value(attr.Expr, cty.String, fmt.Sprintf("%q attribute", name))
	if !ok {
		return text{Range: attr.Expr.Range()}
	}
	return text{Value: v.AsString(), Range: attr.Expr.Range(), Set: true}
}

func (r *reader) integer(attrs hcl.Attributes, name string) (int, hcl.Range) {
	attr, ok := attrs[name]
	if !ok {
		return 0, hcl.Range{}
	}
	v, ok := r.value(attr.Expr, cty.Number, fmt.Sprintf("%q attribute", name))
	if !ok {
		return 0, attr.Expr.Range()
	}
	n, acc := v.AsBigFloat().Int64()
	if acc != 0 || n < 1 || n > 1000 {
		r.diags = append(r.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError, Summary: "Invalid number",
			Detail:  fmt.Sprintf("The %q attribute must be a whole number from 1 to 1000.", name),
			Subject: attr.Expr.Range().Ptr(),
		})
		return 0, attr.Expr.Range()
	}
	return int(n), attr.Expr.Range()
}

// strList reads a list of strings, keeping each element's own range so that
// an error about one element points at it rather than at the whole list.
func (r *reader) strList(attrs hcl.Attributes, name string) ([]text, bool) {
	attr, ok := attrs[name]
	if !ok {
		return nil, false
	}
	exprs, diags := hcl.ExprList(attr.Expr)
	if diags.HasErrors() {
		r.diags = append(r.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError, Summary: "Incorrect value type",
			Detail:  fmt.Sprintf("The %q attribute must be a list of strings, such as [\"a\", \"b\"].", name),
			Subject: attr.Expr.Range().Ptr(),
		})
		return nil, true
	}
	out := make([]text, 0, len(exprs))
	for _, e := range exprs {
		v, ok := r.value(e, cty.String, fmt.Sprintf("element of %q", name))
		if !ok {
			continue
		}
		out = append(out, text{Value: v.AsString(), Range: e.Range(), Set: true})
	}
	return out, true
}
