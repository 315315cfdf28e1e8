package engine

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/privacycode/terraform-provider-pii/internal/policy"
)

func TestPolicyFunctions(t *testing.T) {
	funcs := baseFunctions()
	funcs["core::today"] = todayFunc("2026-03-01")
	vars := map[string]cty.Value{
		"x": cty.ObjectVal(map[string]cty.Value{
			"known":    cty.StringVal("aws:kms"),
			"unknown":  cty.UnknownVal(cty.String),
			"nested":   cty.TupleVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{"id": cty.UnknownVal(cty.String)})}),
			"null":     cty.NullVal(cty.String),
			"secret":   cty.StringVal("hunter2").Mark("sensitive"),
			"dynamic":  cty.DynamicVal,
			"listOfOk": cty.TupleVal([]cty.Value{cty.True, cty.StringVal("a")}),
		}),
	}
	tests := []struct {
		expr string
		want cty.Value
	}{
		{`core::known(x.known)`, cty.True},
		{`core::known(x.unknown)`, cty.False},
		{`core::known(x.nested)`, cty.False}, // unknown deep inside
		{`core::known(x.null)`, cty.True},
		{`core::known(x.secret)`, cty.True}, // unmarked: says nothing of the value
		{`core::known(x.dynamic)`, cty.False},
		{`core::known(x.listOfOk)`, cty.True},
		{`core::known(x.unknown) ? x.unknown : "default"`, cty.StringVal("default")},
		{`core::today()`, cty.StringVal("2026-03-01")},
		{`tonumber(replace(core::today(), "-", "")) > 20260228`, cty.True},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			expr, diags := hclsyntax.ParseExpression([]byte(tt.expr), "test.hcl", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			got, diags := expr.Value(&hcl.EvalContext{Variables: vars, Functions: funcs})
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			if got.IsMarked() || !got.RawEquals(tt.want) {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestTodayOption(t *testing.T) {
	pack := &policy.Pack{Inputs: map[string]*policy.Input{}}
	if _, err := New(pack, Options{Today: "2026-3-1"}); err == nil || err.Error() != `the date of the check must be YYYY-MM-DD, not "2026-3-1"` {
		t.Errorf("got %v", err)
	}
	e, err := New(pack, Options{})
	if err != nil {
		t.Fatal(err)
	}
	v, err := e.funcs["core::today"].Call(nil)
	if err != nil || len(v.AsString()) != len("2006-01-02") {
		t.Errorf("core::today() = %#v, %v", v, err)
	}
}
