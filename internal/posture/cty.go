package posture

import (
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"

	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// reader turns cty values into Values, counting the markers it makes.
type reader struct {
	unknown, sensitive int
}

// get returns attribute name of an object value. The marks of v carry over
// to the attribute; a null or unknown v gives a null or unknown attribute.
func get(v cty.Value, name string) cty.Value {
	inner, marks := v.Unmark()
	switch {
	case !inner.IsKnown():
		return cty.DynamicVal.WithMarks(marks)
	case inner.IsNull():
		return cty.NullVal(cty.DynamicPseudoType).WithMarks(marks)
	}
	t := inner.Type()
	switch {
	case t.IsObjectType():
		if t.HasAttribute(name) {
			return inner.GetAttr(name).WithMarks(marks)
		}
	case t.IsMapType():
		key := cty.StringVal(name)
		if inner.HasIndex(key).True() {
			return inner.Index(key).WithMarks(marks)
		}
	}
	return cty.NullVal(cty.DynamicPseudoType).WithMarks(marks)
}

// path follows attribute names from v.
func path(v cty.Value, names ...string) cty.Value {
	for _, n := range names {
		v = get(v, n)
	}
	return v
}

// sensitive reports whether v itself is marked sensitive.
func sensitive(v cty.Value) bool { return v.HasMark(tfplan.Sensitive) }

// value converts a scalar. A sensitive value is never read.
func (rd *reader) value(v cty.Value) Value {
	if sensitive(v) {
		rd.sensitive++
		return SensitiveValue()
	}
	v, _ = v.Unmark()
	if !v.IsKnown() {
		rd.unknown++
		return UnknownValue()
	}
	if v.IsNull() {
		return Value{}
	}
	switch v.Type() {
	case cty.String:
		return Text(v.AsString())
	case cty.Number:
		return number(v.AsBigFloat())
	case cty.Bool:
		return Bool(v.True())
	}
	// Not a scalar where one was expected: keep it as JSON text, unless
	// something in it is sensitive or unknown.
	if v.ContainsMarked() {
		rd.sensitive++
		return SensitiveValue()
	}
	if !v.IsWhollyKnown() {
		rd.unknown++
		return UnknownValue()
	}
	b, err := ctyjson.Marshal(v, v.Type())
	if err != nil {
		return Text(v.GoString())
	}
	return Text(string(b))
}

// list converts a list, set or tuple of scalars. A sensitive or unknown
// collection becomes one marker; null becomes nil; a scalar a list of one.
func (rd *reader) list(v cty.Value) []Value {
	if sensitive(v) {
		rd.sensitive++
		return []Value{SensitiveValue()}
	}
	v, _ = v.Unmark()
	if !v.IsKnown() {
		rd.unknown++
		return []Value{UnknownValue()}
	}
	if v.IsNull() {
		return nil
	}
	t := v.Type()
	if !t.IsTupleType() && !t.IsListType() && !t.IsSetType() {
		return []Value{rd.value(v)}
	}
	out := make([]Value, 0, v.LengthInt())
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		out = append(out, rd.value(e))
	}
	return out
}

// elements returns the elements of a list, set or tuple of objects, ok
// false when the collection itself is unknown or sensitive (then marker is
// the Value that stands for it).
func (rd *reader) elements(v cty.Value) (elems []cty.Value, marker Value, ok bool) {
	if sensitive(v) {
		rd.sensitive++
		return nil, SensitiveValue(), false
	}
	v, _ = v.Unmark()
	if !v.IsKnown() {
		rd.unknown++
		return nil, UnknownValue(), false
	}
	if v.IsNull() {
		return nil, Value{}, true
	}
	t := v.Type()
	if !t.IsTupleType() && !t.IsListType() && !t.IsSetType() {
		return []cty.Value{v}, Value{}, true
	}
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		elems = append(elems, e)
	}
	return elems, Value{}, true
}

// isNull reports whether v is null (and known), marks aside.
func isNull(v cty.Value) bool {
	v, _ = v.Unmark()
	return v.IsKnown() && v.IsNull()
}
