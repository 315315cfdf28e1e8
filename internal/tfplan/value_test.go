package tfplan

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"
)

// convert runs the value conversion of Read on JSON texts: the value, its
// unknown overlay and its sensitive overlay ("" for none).
func convert(t *testing.T, value, unknown, sensitive string) cty.Value {
	t.Helper()
	overlay := func(text string) any {
		if text == "" {
			return nil
		}
		p := &parser{data: []byte(text)}
		o, err := p.readOverlay()
		if err != nil {
			t.Fatalf("overlay %s: %v", text, err)
		}
		return o
	}
	p := &parser{data: []byte(value)}
	v, err := p.at(span{0, len(value)}, overlay(unknown), overlay(sensitive))
	if err != nil {
		t.Fatalf("value %s: %v", value, err)
	}
	return v
}

func TestValueConversion(t *testing.T) {
	obj := func(attrs map[string]cty.Value) cty.Value { return cty.ObjectVal(attrs) }
	tup := func(elems ...cty.Value) cty.Value { return cty.TupleVal(elems) }
	str := cty.StringVal
	num := cty.MustParseNumberVal
	null := cty.NullVal(cty.DynamicPseudoType)
	unknown := cty.DynamicVal
	secret := func(v cty.Value) cty.Value { return v.Mark(Sensitive) }
	tests := []struct {
		name                      string
		value, unknown, sensitive string
		want                      cty.Value
	}{
		// JSON as it is.
		{"string", `"a\"b\u00e9"`, "", "", str(`a"bé`)},
		{"integer", `42`, "", "", num("42")},
		{"negative", `-7`, "", "", num("-7")},
		{"fraction", `0.1`, "", "", num("0.1")},
		{"exponent", `1.5e3`, "", "", num("1500")},
		{"beyond float64", `123456789012345678901234567890.000000000000000000001`, "", "",
			num("123456789012345678901234567890.000000000000000000001")},
		{"bool", `true`, "", "", cty.True},
		{"null", `null`, "", "", null},
		{"no value", ``, "", "", null},
		{"empty object", `{}`, "", "", cty.EmptyObjectVal},
		{"empty array", `[]`, "", "", cty.EmptyTupleVal},
		{"object", `{"a": 1, "b": [true, null], "c": {"d": "e"}}`, "", "", obj(map[string]cty.Value{
			"a": num("1"), "b": tup(cty.True, null), "c": obj(map[string]cty.Value{"d": str("e")}),
		})},
		{"mixed array", `[1, "a", {"b": []}]`, "", "", tup(num("1"), str("a"), obj(map[string]cty.Value{"b": cty.EmptyTupleVal}))},
		{"duplicate key, the last wins", `{"a": 1, "a": 2}`, "", "", obj(map[string]cty.Value{"a": num("2")})},
		{"unicode key", `{"clé": 1}`, "", "", obj(map[string]cty.Value{"clé": num("1")})},

		// The unknown overlay.
		{"unknown leaf", `{"a": 1}`, `{"id": true}`, "", obj(map[string]cty.Value{"a": num("1"), "id": unknown})},
		{"unknown replaces null", `{"a": null}`, `{"a": true}`, "", obj(map[string]cty.Value{"a": unknown})},
		{"unknown replaces a value", `{"a": "x"}`, `{"a": true}`, "", obj(map[string]cty.Value{"a": unknown})},
		{"unknown list element", `{"l": ["a", null, "c"]}`, `{"l": [false, true, false]}`, "", obj(map[string]cty.Value{
			"l": tup(str("a"), unknown, str("c")),
		})},
		{"unknown set element left out", `{"s": []}`, `{"s": [true]}`, "", obj(map[string]cty.Value{"s": tup(unknown)})},
		{"tuple extended to the last unknown", `[1]`, `[false, false, true, false]`, "", tup(num("1"), null, unknown)},
		{"unknown nested block", `{"b": [{"x": 1}]}`, `{"b": [{"y": true}], "c": [{"z": true}]}`, "", obj(map[string]cty.Value{
			"b": tup(obj(map[string]cty.Value{"x": num("1"), "y": unknown})),
			"c": tup(obj(map[string]cty.Value{"z": unknown})),
		})},
		{"whole value unknown", `{"a": 1}`, `true`, "", unknown},
		{"false and empty overlays add nothing", `{"a": 1}`, `{"b": false, "c": {}, "d": [false], "e": [{}]}`, "",
			obj(map[string]cty.Value{"a": num("1")})},
		{"mismatched overlay ignored", `{"a": "x"}`, `{"a": {"b": true}}`, "", obj(map[string]cty.Value{"a": str("x")})},
		{"non-bool overlay leaves ignored", `{"a": "x"}`, `{"a": "yes", "b": 1}`, "", obj(map[string]cty.Value{"a": str("x")})},
		{"unknown into nothing", ``, `{"id": true}`, "", obj(map[string]cty.Value{"id": unknown})},

		// The sensitive overlay.
		{"sensitive leaf", `{"p": "x", "q": "y"}`, "", `{"p": true}`, obj(map[string]cty.Value{"p": secret(str("x")), "q": str("y")})},
		{"sensitive subtree", `{"t": {"a": "x"}}`, "", `{"t": true}`, obj(map[string]cty.Value{"t": secret(obj(map[string]cty.Value{"a": str("x")}))})},
		{"sensitive element", `["a", "b"]`, "", `[false, true]`, tup(str("a"), secret(str("b")))},
		{"whole value sensitive", `{"a": 1}`, "", `true`, secret(obj(map[string]cty.Value{"a": num("1")}))},
		{"sensitive null", `{"p": null}`, "", `{"p": true}`, obj(map[string]cty.Value{"p": secret(null)})},
		{"sensitive where nothing is adds nothing", `{"a": 1}`, "", `{"p": true}`, obj(map[string]cty.Value{"a": num("1")})},
		{"sensitive unknown", `{"a": 1}`, `{"p": true}`, `{"p": true}`, obj(map[string]cty.Value{"a": num("1"), "p": secret(unknown)})},
		{"sensitive inside unknown-made block", `{}`, `{"b": [{"k": true}]}`, `{"b": [{"k": true}]}`, obj(map[string]cty.Value{
			"b": tup(obj(map[string]cty.Value{"k": secret(unknown)})),
		})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := convert(t, tt.value, tt.unknown, tt.sensitive)
			if !got.RawEquals(tt.want) {
				t.Errorf("got  %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

// referenceValue converts JSON decoded by encoding/json (with UseNumber)
// and its overlays the simple way, to check the parser against.
func referenceValue(v, unknown, sensitive any) cty.Value {
	var val cty.Value
	switch x := v.(type) {
	case nil:
		val = fromOverlay(unknown, sensitive)
		return val
	case string:
		val = cty.StringVal(x)
	case bool:
		val = cty.BoolVal(x)
	case json.Number:
		val = cty.MustParseNumberVal(string(x))
	case map[string]any:
		unk, _ := unknown.(map[string]any)
		sens, _ := sensitive.(map[string]any)
		attrs := map[string]cty.Value{}
		for k, e := range x {
			attrs[k] = referenceValue(e, unk[k], sens[k])
		}
		for k, u := range unk {
			if _, ok := x[k]; !ok && hasTrue(u) {
				attrs[k] = fromOverlay(u, sens[k])
			}
		}
		val = cty.EmptyObjectVal
		if len(attrs) > 0 {
			val = cty.ObjectVal(attrs)
		}
	case []any:
		unk, _ := unknown.([]any)
		sens, _ := sensitive.([]any)
		var elems []cty.Value
		for i, e := range x {
			elems = append(elems, referenceValue(e, index(unk, i), index(sens, i)))
		}
		last := len(x) - 1
		for i := range unk {
			if i > last && hasTrue(unk[i]) {
				last = i
			}
		}
		for i := len(x); i <= last; i++ {
			elems = append(elems, fromOverlay(unk[i], index(sens, i)))
		}
		val = cty.EmptyTupleVal
		if len(elems) > 0 {
			val = cty.TupleVal(elems)
		}
	}
	if unknown == true {
		val = cty.DynamicVal
	}
	if sensitive == true {
		val = val.Mark(Sensitive)
	}
	return val
}

// prune drops from an overlay decoded by encoding/json the subtrees without
// a true leaf, as readOverlay does.
func prune(overlay any) any {
	switch o := overlay.(type) {
	case bool:
		if o {
			return true
		}
	case map[string]any:
		m := map[string]any{}
		for k, x := range o {
			if p := prune(x); p != nil {
				m[k] = p
			}
		}
		if len(m) > 0 {
			return m
		}
	case []any:
		list := make([]any, len(o))
		found := false
		for i, x := range o {
			list[i] = prune(x)
			found = found || list[i] != nil
		}
		if found {
			return list
		}
	}
	return nil
}

// TestValuesMatchEncodingJSON reads every real plan with encoding/json and
// checks each resource's values against the parser's.
func TestValuesMatchEncodingJSON(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "plans", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, filepath.Join("testdata", "plan_1_2.json"), filepath.Join("testdata", "plan_0_1.json"))
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.UseNumber()
			var plan struct {
				ResourceChanges []struct {
					Address string `json:"address"`
					Deposed string `json:"deposed"`
					Change  struct {
						Before          any `json:"before"`
						After           any `json:"after"`
						AfterUnknown    any `json:"after_unknown"`
						BeforeSensitive any `json:"before_sensitive"`
						AfterSensitive  any `json:"after_sensitive"`
					} `json:"change"`
				} `json:"resource_changes"`
			}
			if err := dec.Decode(&plan); err != nil {
				t.Fatal(err)
			}
			doc, err := Read(file, data)
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Resources) != len(plan.ResourceChanges) {
				t.Fatalf("%d resources, encoding/json finds %d", len(doc.Resources), len(plan.ResourceChanges))
			}
			for i, rc := range plan.ResourceChanges {
				r := doc.Resources[i]
				c := rc.Change
				if r.Address != rc.Address || r.Deposed != rc.Deposed {
					t.Fatalf("resource %d is %s, encoding/json finds %s", i, r.Address, rc.Address)
				}
				if want := referenceValue(c.After, prune(c.AfterUnknown), prune(c.AfterSensitive)); !r.After.RawEquals(want) {
					t.Errorf("%s: After\ngot  %#v\nwant %#v", r.Address, r.After, want)
				}
				if want := referenceValue(c.Before, nil, prune(c.BeforeSensitive)); !r.Before.RawEquals(want) {
					t.Errorf("%s: Before\ngot  %#v\nwant %#v", r.Address, r.Before, want)
				}
			}
		})
	}
}

func TestUnescapeMatchesEncodingJSON(t *testing.T) {
	for _, s := range []string{
		`plain`, `a\"b`, `\\ \/ \b \f \n \r \t`, `\u00e9\u4e2d`, `\ud83d\ude00`, `\ud800`, `\udc00x`, `\ud800\u0041`,
		`\ud83d\ud83d\ude00`, "caf\xc3\xa9", "bad \xff byte", "cut \xe2\x82", `\u0000`,
	} {
		raw := `"` + s + `"`
		var want string
		if err := json.Unmarshal([]byte(raw), &want); err != nil {
			t.Fatalf("%s: %v", raw, err)
		}
		p := &parser{data: []byte(raw)}
		got, err := p.str()
		if err != nil || got != want {
			t.Errorf("%s: got %q, %v, want %q", raw, got, err, want)
		}
	}
}

func TestStripKeys(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"module.a", "module.a"},
		{"module.a[0]", "module.a"},
		{`module.a["x"].module.b[2]`, "module.a.module.b"},
		{`module.a["x.y[1]"].module.b`, "module.a.module.b"},
		{`module.a["q\"].x"].module.b`, "module.a.module.b"},
		{`module.a["back\\"]`, "module.a"},
	}
	for _, tt := range tests {
		if got := stripKeys(tt.in); got != tt.want {
			t.Errorf("stripKeys(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestReferencedResource(t *testing.T) {
	tests := []struct {
		ref, want string // want "" for no resource
	}{
		{"aws_s3_bucket.orders", "aws_s3_bucket.orders"},
		{"aws_s3_bucket.orders.id", "aws_s3_bucket.orders"},
		{"aws_s3_bucket.orders[0].id", "aws_s3_bucket.orders"},
		{`aws_s3_bucket.orders["a.b"].id`, "aws_s3_bucket.orders"},
		{"aws_s3_bucket.orders.tags.env", "aws_s3_bucket.orders"},
		{"data.aws_iam_policy_document.p", "data.aws_iam_policy_document.p"},
		{"data.aws_iam_policy_document.p.json", "data.aws_iam_policy_document.p"},
		{"data.aws_regions.all[0]", "data.aws_regions.all"},
		{"null_resource.x-y", "null_resource.x-y"},
		{"var.x", ""},
		{"local.tags", ""},
		{"each.key", ""},
		{"each.value.name", ""},
		{"count.index", ""},
		{"path.module", ""},
		{"self.id", ""},
		{"terraform.workspace", ""},
		{"module.storage", ""},
		{"module.storage.bucket_id", ""},
		{"ephemeral.random_password.p", ""},
		{"data", ""},
		{"data.x", ""},
		{"aws_s3_bucket", ""},
		{"aws_s3_bucket.", ""},
		{"aws_s3_bucket.[0]", ""},
		{"1abc.x", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := referencedResource(tt.ref)
		if ok != (tt.want != "") || got != tt.want {
			t.Errorf("referencedResource(%q) = %q, %v, want %q", tt.ref, got, ok, tt.want)
		}
	}
}

func TestFormatErrorMessage(t *testing.T) {
	err := &FormatError{Name: "-", Reason: "is empty: expected the JSON output of terraform show -json"}
	if got := err.Error(); got != "- is empty: expected the JSON output of terraform show -json" || strings.Contains(got, "\n") {
		t.Errorf("Error() = %q", got)
	}
}
