package validators

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/privacycode/terraform-provider-pii/internal/suggest"
)

// OneOf accepts exactly one of the given strings, and otherwise suggests
// the closest of them.
func OneOf(accepted ...string) validator.String {
	return oneOf{accepted: accepted}
}

type oneOf struct {
	accepted []string
}

func (v oneOf) Description(context.Context) string {
	return "value must be one of " + quoted(v.accepted)
}

func (v oneOf) MarkdownDescription(context.Context) string {
	q := make([]string, len(v.accepted))
	for i, a := range v.accepted {
		q[i] = "`" + a + "`"
	}
	return "value must be one of " + strings.Join(q, ", ")
}

func (v oneOf) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	got := req.ConfigValue.ValueString()
	for _, a := range v.accepted {
		if got == a {
			return
		}
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid value",
		fmt.Sprintf("%q is not accepted here; use one of %s.%s", got, quoted(v.accepted), suggest.Phrase(suggest.Closest(got, v.accepted, 1))))
}

func quoted(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
