package posture

import (
	"encoding/json"
	"math/big"
	"strconv"
	"strings"
)

// Markers stand in for values the model does not hold. Every renderer
// prints them as they are.
const (
	// UnknownText stands for a value Terraform knows only after apply.
	UnknownText = "(known after apply)"
	// SensitiveText stands for a value the document marks sensitive.
	SensitiveText = "(sensitive)"
)

// State says what a Value holds.
type State uint8

const (
	// Null: the attribute is not set. The zero Value is null.
	Null State = iota
	// Known: the value is known and not sensitive.
	Known
	// Unknown: the value is known only after apply.
	Unknown
	// Sensitive: the document marks the value sensitive; the model never
	// holds its content.
	Sensitive
)

// Kind is the type of a known Value.
type Kind uint8

const (
	KindString Kind = iota
	KindNumber
	KindBool
)

// Value is one scalar read from a document: a string, a number or a bool
// that is known, not set, unknown at plan time, or sensitive. Its fields
// are unexported so that a sensitive value cannot carry text: the only way
// to make one is SensitiveValue.
type Value struct {
	text  string
	state State
	kind  Kind
}

// Text returns a known string value.
func Text(s string) Value { return Value{text: s, state: Known} }

// Int returns a known number value.
func Int(n int64) Value {
	return Value{text: strconv.FormatInt(n, 10), state: Known, kind: KindNumber}
}

// Bool returns a known bool value.
func Bool(b bool) Value {
	return Value{text: strconv.FormatBool(b), state: Known, kind: KindBool}
}

// number returns a known number value from its exact value.
func number(f *big.Float) Value {
	return Value{text: f.Text('f', -1), state: Known, kind: KindNumber}
}

// UnknownValue returns a value known only after apply.
func UnknownValue() Value { return Value{state: Unknown} }

// SensitiveValue returns a sensitive value.
func SensitiveValue() Value { return Value{state: Sensitive} }

// State says whether the value is known, null, unknown or sensitive.
func (v Value) State() State { return v.state }

// Kind is the value's type when it is known.
func (v Value) Kind() Kind { return v.kind }

// IsKnown reports whether the value is known (and not sensitive).
func (v Value) IsKnown() bool { return v.state == Known }

// IsNull reports whether the value is not set.
func (v Value) IsNull() bool { return v.state == Null }

// IsZero reports whether the value is not set, for encoding/json's
// omitzero.
func (v Value) IsZero() bool { return v.state == Null }

// IsUnknown reports whether the value is known only after apply.
func (v Value) IsUnknown() bool { return v.state == Unknown }

// IsSensitive reports whether the value is sensitive.
func (v Value) IsSensitive() bool { return v.state == Sensitive }

// IsMarker reports whether the value prints as a marker: unknown or
// sensitive.
func (v Value) IsMarker() bool { return v.state == Unknown || v.state == Sensitive }

// String returns the value as text: a known value as it is (numbers in
// decimal, bools as true or false), UnknownText, SensitiveText, or "" when
// the value is not set.
func (v Value) String() string {
	switch v.state {
	case Known:
		return v.text
	case Unknown:
		return UnknownText
	case Sensitive:
		return SensitiveText
	}
	return ""
}

// Is reports whether the value is known and equal to s.
func (v Value) Is(s string) bool { return v.state == Known && v.text == s }

// True reports whether the value is the known bool true.
func (v Value) True() bool { return v.state == Known && v.kind == KindBool && v.text == "true" }

// Int returns a known number as an int, and whether it is one.
func (v Value) Int() (int, bool) {
	if v.state != Known || v.kind != KindNumber {
		return 0, false
	}
	n, err := strconv.Atoi(v.text)
	return n, err == nil
}

// Or returns the value's text, or def when it is not set.
func (v Value) Or(def string) string {
	if v.state == Null {
		return def
	}
	return v.String()
}

// MarshalJSON writes a known value as a JSON string, number or bool, a null
// value as null, and an unknown or sensitive one as its marker string.
func (v Value) MarshalJSON() ([]byte, error) {
	switch v.state {
	case Null:
		return []byte("null"), nil
	case Known:
		switch v.kind {
		case KindNumber, KindBool:
			return []byte(v.text), nil
		}
	}
	return json.Marshal(v.String())
}

// Strings returns the text of each value (markers included).
func Strings(vs []Value) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.String()
	}
	return out
}

// Join joins the text of the values with sep.
func Join(vs []Value, sep string) string { return strings.Join(Strings(vs), sep) }

// Contains reports whether one of the values is known and equal to s.
func Contains(vs []Value, s string) bool {
	for _, v := range vs {
		if v.Is(s) {
			return true
		}
	}
	return false
}

// AllKnown reports whether every value is known.
func AllKnown(vs []Value) bool {
	for _, v := range vs {
		if !v.IsKnown() {
			return false
		}
	}
	return true
}
