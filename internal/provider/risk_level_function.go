package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/privacycode/terraform-provider-pii/internal/risk"
)

var _ function.Function = (*riskLevelFunction)(nil)

// NewRiskLevelFunction returns the risk_level provider function.
func NewRiskLevelFunction() function.Function { return &riskLevelFunction{} }

type riskLevelFunction struct{}

func (f *riskLevelFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "risk_level"
}

func (f *riskLevelFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	param := func(name string) function.DynamicParameter {
		return function.DynamicParameter{
			Name:                name,
			MarkdownDescription: "The " + name + ": `negligible`, `limited`, `significant` or `maximum`, or its number 1–4.",
		}
	}
	resp.Definition = function.Definition{
		Summary: "The risk level of a likelihood and an impact",
		MarkdownDescription: "Returns the level of likelihood × impact on the provider's risk scale: `low` (score 1–3), " +
			"`medium` (4–6), `high` (8–9) or `very_high` (12–16), as `pii_risk_assessment` computes it. " +
			"`provider::pii::risk_level(\"significant\", \"maximum\")` is `very_high`.",
		Parameters: []function.Parameter{param("likelihood"), param("impact")},
		Return:     function.StringReturn{},
	}
}

func (f *riskLevelFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var likelihood, impact types.Dynamic
	resp.Error = function.ConcatFuncErrors(resp.Error, req.Arguments.Get(ctx, &likelihood, &impact))
	if resp.Error != nil {
		return
	}
	l, err := ratingArgument(likelihood)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(0, "likelihood: "+err.Error())
		return
	}
	i, err := ratingArgument(impact)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(1, "impact: "+err.Error())
		return
	}
	_, level := risk.Assess(l, i)
	resp.Error = function.ConcatFuncErrors(resp.Error, resp.Result.Set(ctx, types.StringValue(level.String())))
}

// ratingArgument accepts a rating name or a whole number 1–4.
func ratingArgument(v types.Dynamic) (risk.Rating, error) {
	if v.IsNull() || v.IsUnderlyingValueNull() {
		return 0, fmt.Errorf("a rating is required, got null")
	}
	switch u := v.UnderlyingValue().(type) {
	case types.String:
		return risk.ParseRating(u.ValueString())
	case types.Number:
		f := u.ValueBigFloat()
		if f.IsInt() {
			n, _ := f.Int64()
			if n >= 1 && n <= 4 {
				return risk.Rating(n), nil
			}
		}
		return 0, fmt.Errorf("%s is not a rating; use a whole number from 1 to 4, or one of \"negligible\", \"limited\", \"significant\", \"maximum\"", f.Text('g', -1))
	}
	return 0, fmt.Errorf("a rating must be a string or a number, got %s", friendlyType(v.UnderlyingValue()))
}

func friendlyType(v any) string {
	switch v.(type) {
	case types.Bool:
		return "a bool"
	case types.List, types.Tuple, types.Set:
		return "a list"
	case types.Map, types.Object:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}
