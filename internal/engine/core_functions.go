package engine

import (
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// resourceObject is what core:: functions return for a resource:
// { attrs = ..., meta = ... }.
func (d *documentEval) resourceObject(r *tfplan.Resource) cty.Value {
	attrs := r.After
	if attrs == cty.NilVal {
		attrs = cty.NullVal(cty.DynamicPseudoType)
	}
	return cty.ObjectVal(map[string]cty.Value{"attrs": attrs, "meta": d.metaOf(r)})
}

func tupleOf(vals []cty.Value) cty.Value {
	if len(vals) == 0 {
		return cty.EmptyTupleVal
	}
	return cty.TupleVal(vals)
}

// getResourcesFunc is core::getresources(type, filter): every resource of
// the type in the same document whose attrs equal the filter object's
// attributes (all of them, when the filter is null or empty).
func (d *documentEval) getResourcesFunc() function.Function {
	return function.New(&function.Spec{
		Description: "Returns the {attrs, meta} of every resource of a type in the same document whose attrs match the filter.",
		Params: []function.Parameter{
			{Name: "type", Type: cty.String},
			{Name: "filter", Type: cty.DynamicPseudoType, AllowNull: true, AllowDynamicType: true},
		},
		Type: function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			typ := args[0].AsString()
			filter := args[1]
			if !filter.IsNull() && !filter.Type().IsObjectType() && !filter.Type().IsMapType() {
				return cty.NilVal, function.NewArgErrorf(1, "the filter must be an object of attribute values, such as { bucket = \"orders\" }, or null")
			}
			var out []cty.Value
			for _, r := range d.doc.ByType(typ) {
				if matches(r.After, filter) {
					out = append(out, d.resourceObject(r))
				}
			}
			return tupleOf(out), nil
		},
	})
}

// matches reports whether every attribute of filter equals the same
// attribute of attrs. Unknown and missing attributes do not match.
func matches(attrs, filter cty.Value) bool {
	if filter.IsNull() || filter.LengthInt() == 0 {
		return true
	}
	plain, _ := attrs.UnmarkDeep()
	if !plain.IsKnown() || plain.IsNull() || !plain.Type().IsObjectType() {
		return false
	}
	for it := filter.ElementIterator(); it.Next(); {
		k, want := it.Element()
		name := k.AsString()
		if !plain.Type().HasAttribute(name) {
			return false
		}
		got := plain.GetAttr(name)
		if !got.IsWhollyKnown() || !want.IsWhollyKnown() {
			return false
		}
		eq := got.Equals(want)
		if !eq.IsKnown() || !eq.True() {
			return false
		}
	}
	return true
}

// referrersFunc is core::referrers(type): the resources of the type whose
// configuration references the resource being checked. References are
// known at plan even when the values they carry (a new bucket's id) are
// not.
func (d *documentEval) referrersFunc() function.Function {
	return function.New(&function.Spec{
		Description: "Returns the {attrs, meta} of every resource of a type whose configuration references the resource being checked.",
		Params:      []function.Parameter{{Name: "type", Type: cty.String}},
		Type:        function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			typ := args[0].AsString()
			var out []cty.Value
			if d.current != nil {
				for _, r := range d.doc.ReferencedBy(d.current) {
					if r.Type == typ {
						out = append(out, d.resourceObject(r))
					}
				}
			}
			return tupleOf(out), nil
		},
	})
}
