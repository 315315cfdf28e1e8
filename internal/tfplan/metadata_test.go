package tfplan

import (
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"
)

func TestReadProviderBlock(t *testing.T) {
	tests := []struct {
		name      string
		json      string
		wantNil   bool
		wantErr   string
		wantArgs  map[string]bool // name -> constant
		wantValue map[string]cty.Value
		wantRefs  map[string][]string
	}{
		{name: "state", json: `{"format_version":"1.0","values":{}}`, wantNil: true},
		{name: "no pii block", json: `{"configuration":{"provider_config":{"aws":{"name":"aws","expressions":{"region":{"constant_value":"eu-west-1"}}}}}}`, wantNil: true},
		{name: "only an alias and a module's", json: `{"configuration":{"provider_config":{
			"pii.eu":{"name":"pii","alias":"eu","expressions":{}},"module.a:pii":{"name":"pii","module_address":"module.a","expressions":{}}}}}`, wantNil: true},
		{name: "constants and references", json: `{"timestamp":"x","configuration":{"root_module":{},"provider_config":{"pii":{"name":"pii","full_name":"registry.terraform.io/privacycode/pii","expressions":{
			"organization":{"constant_value":{"name":"Acme","roles":["controller"]}},
			"catalog_files":{"references":["path.module"]},
			"enforcement":{"constant_value":"error"},
			"nested":[{"a":{"constant_value":1}}]}}}}}`,
			wantArgs: map[string]bool{"organization": true, "catalog_files": false, "enforcement": true},
			wantValue: map[string]cty.Value{
				"organization": cty.ObjectVal(map[string]cty.Value{"name": cty.StringVal("Acme"), "roles": cty.TupleVal([]cty.Value{cty.StringVal("controller")})}),
				"enforcement":  cty.StringVal("error"),
			},
			wantRefs: map[string][]string{"catalog_files": {"path.module"}}},
		{name: "odd shapes are skipped", json: `{"configuration":{"provider_config":{"pii":{"expressions":{"a":"x","b":{"references":"var.x"}}}}}}`,
			wantArgs: map[string]bool{"b": false}},
		{name: "not JSON", json: `{"configuration":`, wantErr: "not JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := ReadProviderBlock("plan.json", []byte(tt.json), "pii")
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantNil {
				if b != nil {
					t.Fatalf("block %+v, want none", b)
				}
				return
			}
			if b == nil || len(b.Arguments) != len(tt.wantArgs) {
				t.Fatalf("block %+v, want arguments %v", b, tt.wantArgs)
			}
			for name, constant := range tt.wantArgs {
				e, ok := b.Arguments[name]
				if !ok || e.Constant != constant {
					t.Errorf("%s = %+v, want constant %v", name, e, constant)
				}
				if !constant && e.Value.IsKnown() {
					t.Errorf("%s: a non-constant has a known value", name)
				}
			}
			for name, v := range tt.wantValue {
				if got := b.Arguments[name].Value; !got.RawEquals(v) {
					t.Errorf("%s = %#v, want %#v", name, got, v)
				}
			}
			for name, refs := range tt.wantRefs {
				if got := b.Arguments[name].References; strings.Join(got, ",") != strings.Join(refs, ",") {
					t.Errorf("%s references %v, want %v", name, got, refs)
				}
			}
		})
	}
}
