package engine

import (
	"strconv"
	"strings"
	"sync"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// resourceObject is what core:: functions return for a resource:
// { attrs = ..., meta = ... }.
func (d *documentEval) resourceObject(r *tfplan.Resource) cty.Value {
	if o, ok := d.objects[r]; ok {
		return o
	}
	attrs := r.After
	if attrs == cty.NilVal {
		attrs = cty.NullVal(cty.DynamicPseudoType)
	}
	o := cty.ObjectVal(map[string]cty.Value{"attrs": attrs, "meta": d.metaOf(r)})
	d.objects[r] = o
	return o
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
			// The result depends on the document, the type and the
			// filter only: it is worked out once per filter.
			key, cacheable := filterKey(typ, filter)
			if cacheable {
				if v, ok := d.found[key]; ok {
					return v, nil
				}
			}
			var out []cty.Value
			for _, r := range d.candidates(typ, filter) {
				if matches(r.After, filter) {
					out = append(out, d.resourceObject(r))
				}
			}
			v := tupleOf(out)
			if cacheable {
				d.found[key] = v
			}
			return v, nil
		},
	})
}

// candidates returns the resources of the type that may match the filter,
// in document order: those whose attribute has the filter's value, when
// the filter has a string or bool attribute (see attrIndex), else all.
func (d *documentEval) candidates(typ string, filter cty.Value) []*tfplan.Resource {
	if !filter.IsNull() && filter.LengthInt() > 0 {
		for it := filter.ElementIterator(); it.Next(); {
			k, want := it.Element()
			if rs, ok := d.index.lookup(typ, k.AsString(), want); ok {
				return rs
			}
		}
	}
	return d.doc.ByType(typ)
}

// filterKey identifies a core::getresources call by its type and filter
// when the filter is null, or an object or map of strings, bools and
// nulls; other filters are not cached.
func filterKey(typ string, filter cty.Value) (string, bool) {
	var b strings.Builder
	b.WriteString(strconv.Quote(typ))
	if filter.IsNull() {
		return b.String(), true
	}
	for it := filter.ElementIterator(); it.Next(); {
		k, v := it.Element()
		b.WriteString(strconv.Quote(k.AsString()))
		switch {
		case !v.IsKnown():
			return "", false
		case v.IsNull():
			b.WriteString("null")
		case v.Type() == cty.String:
			b.WriteString("s" + strconv.Quote(v.AsString()))
		case v.Type() == cty.Bool:
			b.WriteString("b" + strconv.FormatBool(v.True()))
		default:
			return "", false
		}
	}
	return b.String(), true
}

// attrIndex finds the resources of a type whose attribute has a given
// string or bool value, for core::getresources filters such as
// { arn = attrs.kms_key_id }: without it, every call would read every
// resource of the type. The index of a type and attribute is built on
// first use; the goroutines of a document share it.
type attrIndex struct {
	doc    *tfplan.Document
	mu     sync.Mutex
	byAttr map[[2]string]map[primitiveKey][]*tfplan.Resource
}

// primitiveKey is a known, non-null string or bool.
type primitiveKey struct {
	isBool bool
	value  string
}

func newAttrIndex(doc *tfplan.Document) *attrIndex {
	return &attrIndex{doc: doc, byAttr: map[[2]string]map[primitiveKey][]*tfplan.Resource{}}
}

func keyOf(v cty.Value) (primitiveKey, bool) {
	switch {
	case !v.IsKnown() || v.IsNull():
		return primitiveKey{}, false
	case v.Type() == cty.String:
		return primitiveKey{value: v.AsString()}, true
	case v.Type() == cty.Bool:
		return primitiveKey{isBool: true, value: strconv.FormatBool(v.True())}, true
	}
	return primitiveKey{}, false
}

// lookup returns the resources of the type whose attribute equals want, in
// document order, when want is a known string or bool (ok); other values
// are not indexed. A resource whose attribute is unknown, or of another
// type, never equals want (see matches), so it is left out.
func (x *attrIndex) lookup(typ, attr string, want cty.Value) (rs []*tfplan.Resource, ok bool) {
	k, ok := keyOf(want)
	if !ok {
		return nil, false
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	m, built := x.byAttr[[2]string{typ, attr}]
	if !built {
		m = map[primitiveKey][]*tfplan.Resource{}
		for _, r := range x.doc.ByType(typ) {
			plain, _ := r.After.Unmark()
			if !plain.IsKnown() || plain.IsNull() || !plain.Type().IsObjectType() || !plain.Type().HasAttribute(attr) {
				continue
			}
			// Only reading here, never printing: marks can go.
			got, _ := plain.GetAttr(attr).UnmarkDeep()
			if gk, ok := keyOf(got); ok {
				m[gk] = append(m[gk], r)
			}
		}
		x.byAttr[[2]string{typ, attr}] = m
	}
	return m[k], true
}

// matches reports whether every attribute of filter equals the same
// attribute of attrs. Unknown and missing attributes do not match.
func matches(attrs, filter cty.Value) bool {
	if filter.IsNull() || filter.LengthInt() == 0 {
		return true
	}
	// Only the filter's attributes are read: marks come off them, not off
	// the whole value.
	plain, _ := attrs.Unmark()
	if !plain.IsKnown() || plain.IsNull() || !plain.Type().IsObjectType() {
		return false
	}
	for it := filter.ElementIterator(); it.Next(); {
		k, want := it.Element()
		name := k.AsString()
		if !plain.Type().HasAttribute(name) {
			return false
		}
		got, _ := plain.GetAttr(name).UnmarkDeep()
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

// referrersFunc is core::referrers(type) and core::referrers(type,
// argument): the resources of the type whose configuration references the
// resource being checked, anywhere or in the given top-level argument (or
// nested block type) only. References are known at plan even when the
// values they carry (a new bucket's id) are not.
func (d *documentEval) referrersFunc() function.Function {
	return function.New(&function.Spec{
		Description: "Returns the {attrs, meta} of every resource of a type whose configuration references the resource being checked, in the given argument when one is named.",
		Params:      []function.Parameter{{Name: "type", Type: cty.String}},
		VarParam:    &function.Parameter{Name: "argument", Type: cty.String},
		Type:        function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if len(args) > 2 {
				return cty.NilVal, function.NewArgErrorf(2, "core::referrers takes a resource type and at most one argument name, such as core::referrers(\"aws_s3_bucket_logging\", \"bucket\")")
			}
			typ := args[0].AsString()
			var out []cty.Value
			if d.current != nil {
				referrers := d.doc.ReferencedBy(d.current)
				if len(args) == 2 {
					referrers = d.doc.ReferencedByArgument(d.current, args[1].AsString())
				}
				for _, r := range referrers {
					if r.Type == typ {
						out = append(out, d.resourceObject(r))
					}
				}
			}
			return tupleOf(out), nil
		},
	})
}

// referencedFunc is core::referenced(argument): the resources of the
// document that the checked resource's configuration refers to in the
// argument, such as the aws_kms_key of kms_master_key_id =
// aws_kms_key.orders.arn, whose ARN the plan does not know yet. References
// are followed through module variables (not outputs); a state records no
// arguments and gives none.
func (d *documentEval) referencedFunc() function.Function {
	return function.New(&function.Spec{
		Description: "Returns the {attrs, meta} of every resource that the checked resource's configuration refers to in the given argument.",
		Params:      []function.Parameter{{Name: "argument", Type: cty.String}},
		Type:        function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			var out []cty.Value
			if d.current != nil {
				for _, r := range d.doc.ReferencesOfArgument(d.current, args[0].AsString()) {
					out = append(out, d.resourceObject(r))
				}
			}
			return tupleOf(out), nil
		},
	})
}
