package policy

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// ReadTypes lists the resource types a policy reads: the types its first
// label matches (the label itself, which may be a glob) and the literal
// types it passes to core::getresources and core::referrers, in its own
// expressions and in the locals of its file it refers to. Documentation
// uses it; a type computed at evaluation time is not listed.
func (p *Policy) ReadTypes() []string {
	seen := map[string]bool{p.TypePattern: true}
	var exprs []hcl.Expression
	if p.Filter != nil {
		exprs = append(exprs, p.Filter)
	}
	for _, a := range p.Locals {
		exprs = append(exprs, a.Expr)
	}
	for _, e := range p.Enforce {
		exprs = append(exprs, e.Condition, e.ErrorMessage)
	}
	// File locals are shared; follow only those the policy reaches.
	visited := map[string]bool{}
	for i := 0; i < len(exprs); i++ {
		syn, ok := exprs[i].(hclsyntax.Expression)
		if !ok {
			continue
		}
		_ = hclsyntax.VisitAll(syn, func(n hclsyntax.Node) hcl.Diagnostics {
			call, ok := n.(*hclsyntax.FunctionCallExpr)
			if !ok || (call.Name != "core::getresources" && call.Name != "core::referrers") || len(call.Args) == 0 {
				return nil
			}
			if v, diags := call.Args[0].Value(nil); !diags.HasErrors() && v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
				seen[v.AsString()] = true
			}
			return nil
		})
		for _, tr := range exprs[i].Variables() {
			if tr.RootName() != "local" || len(tr) < 2 {
				continue
			}
			attr, ok := tr[1].(hcl.TraverseAttr)
			if !ok || visited[attr.Name] {
				continue
			}
			visited[attr.Name] = true
			if _, own := p.Locals[attr.Name]; own {
				continue
			}
			if a, ok := p.File.Locals[attr.Name]; ok {
				exprs = append(exprs, a.Expr)
			}
		}
	}
	types := make([]string, 0, len(seen))
	for t := range seen {
		if t != p.TypePattern {
			types = append(types, t)
		}
	}
	sort.Strings(types)
	return append([]string{p.TypePattern}, types...)
}
