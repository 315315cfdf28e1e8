package engine

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/privacycode/terraform-provider-pii/internal/policy"
	"github.com/privacycode/terraform-provider-pii/internal/suggest"
)

// ParseVar reads one --var name=value. A string input takes the text as
// it is; any other input reads it as an HCL expression ("true",
// ["eu-west-1"]), as Terraform's -var does.
func ParseVar(pack *policy.Pack, assignment string) (string, cty.Value, error) {
	name, raw, ok := strings.Cut(assignment, "=")
	name = strings.TrimSpace(name)
	if !ok || name == "" {
		return "", cty.NilVal, fmt.Errorf("--var %q: write name=value", assignment)
	}
	in, err := lookupInput(pack, name)
	if err != nil {
		return "", cty.NilVal, fmt.Errorf("--var %s: %w", name, err)
	}
	// As with Terraform's -var, an input of type string, or of no declared
	// type, takes the text as it is.
	if in.Type == cty.String || in.Type == cty.DynamicPseudoType {
		return name, cty.StringVal(raw), nil
	}
	expr, diags := hclsyntax.ParseExpression([]byte(raw), "value", hcl.InitialPos)
	if !diags.HasErrors() {
		var v cty.Value
		if v, diags = expr.Value(nil); !diags.HasErrors() {
			return name, v, nil
		}
	}
	return "", cty.NilVal, fmt.Errorf("--var %s: %q is not a valid value for %s: %s", name, raw, typeexpr.TypeString(in.Type), firstSummary(diags))
}

// firstSummary is the gist of the first diagnostic, without its position
// inside a one-line value.
func firstSummary(diags hcl.Diagnostics) string {
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			if d.Detail != "" {
				return d.Summary + ": " + d.Detail
			}
			return d.Summary
		}
	}
	return "invalid value"
}

// ParseVarFile reads a file of name = value assignments (like a tfvars
// file).
func ParseVarFile(pack *policy.Pack, filename string, src []byte) (map[string]cty.Value, error) {
	f, diags := hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, fmt.Errorf("%s", diags.Errs()[0])
	}
	attrs, diags := f.Body.JustAttributes()
	if diags.HasErrors() {
		return nil, fmt.Errorf("%s", diags.Errs()[0])
	}
	out := map[string]cty.Value{}
	for name, a := range attrs {
		if _, err := lookupInput(pack, name); err != nil {
			return nil, fmt.Errorf("%s:%d:%d: %s: %w", filename, a.NameRange.Start.Line, a.NameRange.Start.Column, name, err)
		}
		v, diags := a.Expr.Value(nil)
		if diags.HasErrors() {
			return nil, fmt.Errorf("%s", diags.Errs()[0])
		}
		out[name] = v
	}
	return out, nil
}

func lookupInput(pack *policy.Pack, name string) (*policy.Input, error) {
	if in, ok := pack.Inputs[name]; ok {
		return in, nil
	}
	names := sortedNames(pack.Inputs)
	if len(names) == 0 {
		return nil, fmt.Errorf("the policies declare no inputs")
	}
	return nil, fmt.Errorf("the policies declare no input %q.%s Inputs: %s", name, suggest.Phrase(suggest.Closest(name, names, 3)), strings.Join(names, ", "))
}

// resolveInputs combines defaults and given values into the input object.
func resolveInputs(pack *policy.Pack, given map[string]cty.Value) (cty.Value, error) {
	vals := map[string]cty.Value{}
	for _, name := range sortedNames(pack.Inputs) {
		in := pack.Inputs[name]
		v, ok := given[name]
		if !ok {
			if in.Default.IsNull() {
				return cty.NilVal, fmt.Errorf("input %q (%s:%d) has no default: set it with --var %s=... or --var-file", name, in.DeclRange.Filename, in.DeclRange.Start.Line, name)
			}
			v = in.Default
		}
		cv, err := convert.Convert(v, in.Type)
		if err != nil {
			return cty.NilVal, fmt.Errorf("input %q must be %s: %s", name, typeexpr.TypeString(in.Type), err)
		}
		vals[name] = cv
	}
	for name := range given {
		if _, ok := pack.Inputs[name]; !ok {
			if _, err := lookupInput(pack, name); err != nil {
				return cty.NilVal, fmt.Errorf("input %s: %w", name, err)
			}
		}
	}
	if len(vals) == 0 {
		return cty.EmptyObjectVal, nil
	}
	return cty.ObjectVal(vals), nil
}
