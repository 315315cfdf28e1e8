package validators

import (
	"context"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/privacycode/terraform-provider-pii/internal/isotime"
)

// Date accepts a calendar date written YYYY-MM-DD, as parsed by
// isotime.ParseDate, and otherwise suggests the ISO form when the input
// can only mean one date.
func Date() validator.String {
	return date{}
}

type date struct{}

func (date) Description(context.Context) string {
	return "value must be a date written YYYY-MM-DD, such as 2026-03-31"
}

func (date) MarkdownDescription(context.Context) string {
	return "value must be a date written `YYYY-MM-DD`, such as `2026-03-31`"
}

func (date) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := isotime.ParseDate(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid value", capitalise(err.Error()))
	}
}

// capitalise turns a core package's error, written to be embedded in
// other text, into a diagnostic's detail, which is a sentence of its own.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
