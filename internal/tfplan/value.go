package tfplan

import (
	"strconv"
	"strings"

	"github.com/zclconf/go-cty/cty"
)

// valueError is a value that cannot become a cty value, with the path to it
// below the value being converted, innermost step first.
type valueError struct {
	path []string
	// what is wrong, and why.
	what, why string
}

func (e *valueError) Error() string { return e.what + ": " + e.why }

func (e *valueError) at(step string) *valueError {
	e.path = append(e.path, step)
	return e
}

// where renders the path: ".tags.x[2]".
func (e *valueError) where() string {
	var b strings.Builder
	for i := len(e.path) - 1; i >= 0; i-- {
		b.WriteString(e.path[i])
	}
	return b.String()
}

// value reads the JSON value at the current position into a cty value,
// overlaying unknown (the matching subtree of after_unknown) and sensitive
// (of after_sensitive, before_sensitive or sensitive_values), both as
// readOverlay returns them.
//
// Where unknown is true the value is unknown, even where the JSON has
// nothing (see fromOverlay); where sensitive is true the value and its
// subtree are marked Sensitive. A mismatched overlay (an object where the
// JSON has a string) is ignored.
func (p *parser) value(unknown, sensitive any) (cty.Value, error) {
	var val cty.Value
	switch c := p.peek(); {
	case unknown == true:
		if err := p.skipValue(); err != nil {
			return cty.NilVal, err
		}
		val = cty.DynamicVal
	case c == '{':
		return p.objectValue(unknown, sensitive)
	case c == '[':
		return p.tupleValue(unknown, sensitive)
	case c == '"':
		s, err := p.str()
		if err != nil {
			return cty.NilVal, err
		}
		val = cty.StringVal(s)
	case c == 't':
		val = cty.True
		if err := p.literal("true"); err != nil {
			return cty.NilVal, err
		}
	case c == 'f':
		val = cty.False
		if err := p.literal("false"); err != nil {
			return cty.NilVal, err
		}
	case c == 'n':
		if err := p.literal("null"); err != nil {
			return cty.NilVal, err
		}
		return fromOverlay(unknown, sensitive), nil
	default:
		n, err := p.number()
		if err != nil {
			return cty.NilVal, err
		}
		if val, err = toNumber(n); err != nil {
			return cty.NilVal, err
		}
	}
	if sensitive == true {
		val = val.Mark(Sensitive)
	}
	return val, nil
}

// objectValue reads an object.
func (p *parser) objectValue(unknown, sensitive any) (cty.Value, error) {
	unk, _ := unknown.(map[string]any)
	sens, _ := sensitive.(map[string]any)
	attrs := p.attrMap()
	defer p.releaseAttrMap()
	err := p.object(func(key []byte) error {
		k := p.intern(key)
		a, err := p.value(unk[k], sens[k])
		if err != nil {
			if verr, ok := err.(*valueError); ok {
				return verr.at(attrStep(k))
			}
			return err
		}
		attrs[k] = a
		return nil
	})
	if err != nil {
		return cty.NilVal, err
	}
	// What after leaves out because it is unknown.
	for k, u := range unk {
		if _, ok := attrs[k]; !ok && hasTrue(u) {
			attrs[k] = fromOverlay(u, sens[k])
		}
	}
	val := cty.EmptyObjectVal
	if len(attrs) > 0 {
		// ObjectVal copies the attributes into maps of its own.
		val = cty.ObjectVal(attrs)
	}
	if sensitive == true {
		val = val.Mark(Sensitive)
	}
	return val, nil
}

// attrMap returns an empty map for the attributes of an object at the
// current nesting: cty.ObjectVal copies what it is given, so the maps are
// reused, one per level, instead of being garbage after every object.
func (p *parser) attrMap() map[string]cty.Value {
	p.objectDepth++
	for len(p.attrMaps) < p.objectDepth {
		p.attrMaps = append(p.attrMaps, make(map[string]cty.Value, 16))
	}
	m := p.attrMaps[p.objectDepth-1]
	if len(m) > 0 {
		if len(m) > maxReusedAttrs {
			// Clearing costs as much as the map ever held: do not keep a
			// huge one.
			m = make(map[string]cty.Value, 16)
			p.attrMaps[p.objectDepth-1] = m
		} else {
			clear(m)
		}
	}
	return m
}

func (p *parser) releaseAttrMap() { p.objectDepth-- }

// maxReusedAttrs is the largest attribute map that is cleared for reuse.
const maxReusedAttrs = 256

// tupleValue reads an array. Terraform writes an unknown element as null,
// but leaves an unknown element of a set out; the overlay then extends the
// tuple.
func (p *parser) tupleValue(unknown, sensitive any) (cty.Value, error) {
	unk, _ := unknown.([]any)
	sens, _ := sensitive.([]any)
	// The elements go on a stack shared by all tuples: TupleVal copies
	// them.
	start := len(p.elems)
	defer func() {
		clear(p.elems[start:])
		p.elems = p.elems[:start]
	}()
	err := p.array(func(i int) error {
		e, err := p.value(index(unk, i), index(sens, i))
		if err != nil {
			if verr, ok := err.(*valueError); ok {
				return verr.at("[" + strconv.Itoa(i) + "]")
			}
			return err
		}
		p.elems = append(p.elems, e)
		return nil
	})
	if err != nil {
		return cty.NilVal, err
	}
	n := len(p.elems) - start
	last := n - 1
	for i := len(unk) - 1; i > last; i-- {
		if hasTrue(unk[i]) {
			last = i
			break
		}
	}
	for i := n; i <= last; i++ {
		p.elems = append(p.elems, fromOverlay(unk[i], index(sens, i)))
	}
	val := cty.EmptyTupleVal
	if len(p.elems) > start {
		val = cty.TupleVal(p.elems[start:])
	}
	if sensitive == true {
		val = val.Mark(Sensitive)
	}
	return val, nil
}

// fromOverlay is the value where the JSON has null or nothing: unknown where
// the unknown overlay says so (an object or tuple holding unknowns when it
// says so below), else null; marked where the sensitive overlay is true.
func fromOverlay(unknown, sensitive any) cty.Value {
	var val cty.Value
	switch u := unknown.(type) {
	case bool:
		val = cty.NullVal(cty.DynamicPseudoType)
		if u {
			val = cty.DynamicVal
		}
	case map[string]any:
		sens, _ := sensitive.(map[string]any)
		attrs := make(map[string]cty.Value, len(u))
		for k, x := range u {
			if hasTrue(x) {
				attrs[k] = fromOverlay(x, sens[k])
			}
		}
		val = cty.NullVal(cty.DynamicPseudoType)
		if len(attrs) > 0 {
			val = cty.ObjectVal(attrs)
		}
	case []any:
		sens, _ := sensitive.([]any)
		last := -1
		for i, x := range u {
			if hasTrue(x) {
				last = i
			}
		}
		val = cty.NullVal(cty.DynamicPseudoType)
		if last >= 0 {
			elems := make([]cty.Value, last+1)
			for i := range elems {
				elems[i] = fromOverlay(u[i], index(sens, i))
			}
			val = cty.TupleVal(elems)
		}
	default:
		val = cty.NullVal(cty.DynamicPseudoType)
	}
	if sensitive == true {
		val = val.Mark(Sensitive)
	}
	return val
}

// index returns list[i], or nil past its end.
func index(list []any, i int) any {
	if i < len(list) {
		return list[i]
	}
	return nil
}

// intern returns key as a string, sharing one string for every occurrence
// of the same key: attribute names repeat across thousands of resources.
func (p *parser) intern(key []byte) string {
	if s, ok := p.keys[string(key)]; ok {
		return s
	}
	s := string(key)
	if p.keys == nil {
		p.keys = make(map[string]string)
	}
	if len(p.keys) < maxInterned {
		p.keys[s] = s
	}
	return s
}

// maxInterned bounds the interned keys: a document whose keys are all
// different gains nothing from interning.
const maxInterned = 1 << 16

// toNumber converts a JSON number exactly.
func toNumber(text []byte) (cty.Value, error) {
	// Most numbers in plans are small integers: skip the big.Float parser.
	if len(text) <= 18 {
		if i, ok := smallInt(text); ok {
			return cty.NumberIntVal(i), nil
		}
	}
	s := string(text)
	val, err := cty.ParseNumberVal(s)
	if err != nil {
		return cty.NilVal, &valueError{what: "the number " + truncate(s, 40), why: "its exponent is too large for a cty number"}
	}
	return val, nil
}

// smallInt parses an integer of at most 18 digits, optionally negative.
func smallInt(text []byte) (int64, bool) {
	neg := len(text) > 0 && text[0] == '-'
	if neg {
		text = text[1:]
	}
	if len(text) == 0 || len(text) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range text {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// hasTrue reports whether an overlay subtree has a true leaf. Overlays are
// pruned as readOverlay reads them, so every subtree that is not nil has
// one: the test is constant-time, which keeps deep overlays linear.
func hasTrue(overlay any) bool {
	return overlay != nil && overlay != false
}

// attrStep renders an attribute name as a path step: ".name", or `["a b"]`
// when it is not an identifier.
func attrStep(name string) string {
	if isIdentifier(name) {
		return "." + name
	}
	return "[" + strconv.Quote(name) + "]"
}

// truncate shortens s to at most n bytes, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
