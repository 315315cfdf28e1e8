package plangen

import (
	"bufio"
	"sort"
	"strconv"
	"unicode/utf8"
)

// Values are trees of map[string]any (objects and maps), []any (lists,
// sets and tuples), string, bool, int and nil, with two markers that say
// what terraform show -json writes around a value rather than in it.

// unknownValue is a value known only after apply. The value itself is left
// out of "after" (an object attribute is omitted, a list element is null)
// and after_unknown is true at its path.
type unknownValue struct{}

// sensitiveValue wraps a value the provider or the configuration marks
// sensitive: after_sensitive (before_sensitive, sensitive_values) is true
// at its path.
type sensitiveValue struct{ v any }

var unknown = unknownValue{}

func sensitive(v any) any { return sensitiveValue{v} }

// overlay selects which overlay writeOverlay writes.
type overlay int

const (
	unknownOverlay overlay = iota
	sensitiveOverlay
)

// writer writes JSON with object keys sorted, as terraform does.
type writer struct {
	buf  *bufio.Writer
	keys [][]string // scratch for sorting keys, one slice per depth
}

// text and char write to the buffer, which keeps the first error and
// returns it from Flush.
func (w *writer) text(s string) { _, _ = w.buf.WriteString(s) }
func (w *writer) char(c byte)   { _ = w.buf.WriteByte(c) }

func (w *writer) str(s string) {
	w.char('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			w.text(s[start:i])
			switch c {
			case '"':
				w.text(`\"`)
			case '\\':
				w.text(`\\`)
			case '\n':
				w.text(`\n`)
			case '\t':
				w.text(`\t`)
			default:
				w.text(`\u00`)
				w.char("0123456789abcdef"[c>>4])
				w.char("0123456789abcdef"[c&0xF])
			}
			i++
			start = i
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	w.text(s[start:])
	w.char('"')
}

// sortedKeys returns the keys of m, sorted, in a slice reused per depth.
func (w *writer) sortedKeys(m map[string]any, depth int) []string {
	for len(w.keys) <= depth {
		w.keys = append(w.keys, nil)
	}
	ks := w.keys[depth][:0]
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	w.keys[depth] = ks
	return ks
}

// value writes v as "after" (or "before", or "values") shows it.
func (w *writer) value(v any, depth int) {
	switch v := v.(type) {
	case nil, unknownValue:
		w.text("null")
	case sensitiveValue:
		w.value(v.v, depth)
	case string:
		w.str(v)
	case bool:
		w.text(strconv.FormatBool(v))
	case int:
		w.text(strconv.Itoa(v))
	case map[string]any:
		w.char('{')
		first := true
		for _, k := range w.sortedKeys(v, depth) {
			if isUnknown(v[k]) {
				continue
			}
			if !first {
				w.char(',')
			}
			first = false
			w.str(k)
			w.char(':')
			w.value(v[k], depth+1)
		}
		w.char('}')
	case []any:
		w.char('[')
		for i, e := range v {
			if i > 0 {
				w.char(',')
			}
			w.value(e, depth+1)
		}
		w.char(']')
	default:
		panic("plangen: unsupported value type")
	}
}

// isUnknown is true for an unknown value, sensitive or not.
func isUnknown(v any) bool {
	switch v := v.(type) {
	case unknownValue:
		return true
	case sensitiveValue:
		return isUnknown(v.v)
	}
	return false
}

// overlayLeaf says whether an overlay has a leaf at v (isLeaf: v is not
// an object or list, or the overlay is true for its whole subtree), and
// the leaf's value.
func overlayLeaf(v any, o overlay) (leaf, isLeaf bool) {
	switch v := v.(type) {
	case unknownValue:
		return o == unknownOverlay, true
	case sensitiveValue:
		if o == sensitiveOverlay {
			return true, true
		}
		return overlayLeaf(v.v, o)
	case map[string]any, []any:
		return false, false
	}
	return false, true
}

// overlay writes the after_unknown or after_sensitive tree of v as
// terraform does: true where the value is unknown (sensitive), objects and
// lists as shapes, leaves of objects left out unless true, leaves of lists
// written as false.
func (w *writer) overlay(v any, o overlay, depth int) {
	if s, ok := v.(sensitiveValue); ok {
		v = s.v
	}
	switch v := v.(type) {
	case map[string]any:
		w.char('{')
		first := true
		for _, k := range w.sortedKeys(v, depth) {
			leaf, isLeaf := overlayLeaf(v[k], o)
			if isLeaf && !leaf {
				continue
			}
			if !first {
				w.char(',')
			}
			first = false
			w.str(k)
			w.char(':')
			if isLeaf {
				w.text("true")
			} else {
				w.overlay(v[k], o, depth+1)
			}
		}
		w.char('}')
	case []any:
		w.char('[')
		for i, e := range v {
			if i > 0 {
				w.char(',')
			}
			leaf, isLeaf := overlayLeaf(e, o)
			switch {
			case isLeaf:
				w.text(strconv.FormatBool(leaf))
			default:
				w.overlay(e, o, depth+1)
			}
		}
		w.char(']')
	default:
		w.text("false")
	}
}

// topOverlay writes the overlay of a resource's whole value: true when the
// whole value is unknown (sensitive), false for null.
func (w *writer) topOverlay(v any, o overlay) {
	if v == nil {
		w.text("false")
		return
	}
	if leaf, isLeaf := overlayLeaf(v, o); isLeaf {
		w.text(strconv.FormatBool(leaf))
		return
	}
	w.overlay(v, o, 0)
}
