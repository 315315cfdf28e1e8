package validators

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/privacycode/terraform-provider-pii/internal/isotime"
)

// Duration accepts an ISO 8601 duration such as P30D, P7Y or PT12H, as
// parsed by isotime.ParseDuration, and otherwise says what is accepted and
// suggests the intended value where it is clear.
func Duration() validator.String {
	return duration{}
}

type duration struct{}

func (duration) Description(context.Context) string {
	return "value must be an ISO 8601 duration, such as P30D (30 days), P6M (6 months), P7Y (7 years) or PT12H (12 hours)"
}

func (duration) MarkdownDescription(context.Context) string {
	return "value must be an ISO 8601 duration, such as `P30D` (30 days), `P6M` (6 months), `P7Y` (7 years) or `PT12H` (12 hours)"
}

func (duration) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := isotime.ParseDuration(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid value", capitalise(err.Error()))
	}
}
