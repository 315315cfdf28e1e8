package posture

import (
	"encoding/json"
	"testing"
)

func TestValue(t *testing.T) {
	tests := []struct {
		name       string
		v          Value
		str        string
		json       string
		known      bool
		marker     bool
		isTrue     bool
		intVal     int
		intOK      bool
		orFallback string
	}{
		{name: "null", v: Value{}, str: "", json: "null", orFallback: "none"},
		{name: "text", v: Text("Checkout"), str: "Checkout", json: `"Checkout"`, known: true, orFallback: "Checkout"},
		{name: "html in text", v: Text("<b>&"), str: "<b>&", json: `"\u003cb\u003e\u0026"`, known: true, orFallback: "<b>&"},
		{name: "number", v: Int(250000), str: "250000", json: "250000", known: true, intVal: 250000, intOK: true, orFallback: "250000"},
		{name: "true", v: Bool(true), str: "true", json: "true", known: true, isTrue: true, orFallback: "true"},
		{name: "false", v: Bool(false), str: "false", json: "false", known: true, orFallback: "false"},
		{name: "text true is no bool", v: Text("true"), str: "true", json: `"true"`, known: true, orFallback: "true"},
		{name: "unknown", v: UnknownValue(), str: UnknownText, json: `"(known after apply)"`, marker: true, orFallback: UnknownText},
		{name: "sensitive", v: SensitiveValue(), str: SensitiveText, json: `"(sensitive)"`, marker: true, orFallback: SensitiveText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.v.String(); got != tt.str {
				t.Errorf("String() = %q, want %q", got, tt.str)
			}
			b, err := json.Marshal(tt.v)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tt.json {
				t.Errorf("JSON = %s, want %s", b, tt.json)
			}
			if tt.v.IsKnown() != tt.known || tt.v.IsMarker() != tt.marker || tt.v.True() != tt.isTrue {
				t.Errorf("IsKnown %v IsMarker %v True %v, want %v %v %v", tt.v.IsKnown(), tt.v.IsMarker(), tt.v.True(), tt.known, tt.marker, tt.isTrue)
			}
			if n, ok := tt.v.Int(); n != tt.intVal || ok != tt.intOK {
				t.Errorf("Int() = %d, %v, want %d, %v", n, ok, tt.intVal, tt.intOK)
			}
			if got := tt.v.Or("none"); got != tt.orFallback {
				t.Errorf("Or() = %q, want %q", got, tt.orFallback)
			}
		})
	}
}

func TestValueListsAndCounts(t *testing.T) {
	vs := []Value{Text("a"), UnknownValue(), Text("b")}
	if got := Join(vs, ", "); got != "a, (known after apply), b" {
		t.Errorf("Join = %q", got)
	}
	if !Contains(vs, "b") || Contains(vs, UnknownText) {
		t.Error("Contains must match known values only")
	}
	if AllKnown(vs) || !AllKnown(vs[:1]) {
		t.Error("AllKnown")
	}
	c := newCounts("low", "high")
	c.add("high")
	c.add("unknown")
	c.add("high")
	b, _ := json.Marshal(c)
	if string(b) != `{"low":0,"high":2,"unknown":1}` {
		t.Errorf("Counts JSON = %s", b)
	}
	if c.Total() != 3 || len(c.NonZero()) != 2 || c.Get("nope") != 0 {
		t.Errorf("Total %d NonZero %v", c.Total(), c.NonZero())
	}
}

func TestSortRefs(t *testing.T) {
	refs := []string{"iso29151:A.12", "iso29151:10.1.1", "iso27701:A.7.4.9", "iso29151:9.1.1", "iso29151:A.2", "iso27701:A.7.4.10"}
	SortRefs(refs)
	want := []string{"iso27701:A.7.4.9", "iso27701:A.7.4.10", "iso29151:9.1.1", "iso29151:10.1.1", "iso29151:A.2", "iso29151:A.12"}
	for i := range want {
		if refs[i] != want[i] {
			t.Fatalf("SortRefs = %v, want %v", refs, want)
		}
	}
}
