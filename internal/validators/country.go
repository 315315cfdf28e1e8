package validators

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/privacycode/terraform-provider-pii/internal/country"
)

// CountryCode accepts an officially assigned ISO 3166-1 alpha-2 code in
// upper case, such as DE, and otherwise suggests the intended code where
// there is one (GB for UK, DE for de or DEU).
func CountryCode() validator.String {
	return countryCode{}
}

type countryCode struct{}

func (countryCode) Description(context.Context) string {
	return "value must be an ISO 3166-1 alpha-2 country code in upper case, such as DE, FR or US"
}

func (countryCode) MarkdownDescription(context.Context) string {
	return "value must be an ISO 3166-1 alpha-2 country code in upper case, such as `DE`, `FR` or `US`"
}

func (countryCode) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := country.Check(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid value", capitalise(err.Error()))
	}
}

// Jurisdiction accepts "EEA" (the European Economic Area) or a country
// code as CountryCode does.
func Jurisdiction() validator.String {
	return jurisdiction{}
}

type jurisdiction struct{}

func (jurisdiction) Description(context.Context) string {
	return "value must be EEA or an ISO 3166-1 alpha-2 country code in upper case, such as GB or CH"
}

func (jurisdiction) MarkdownDescription(context.Context) string {
	return "value must be `EEA` or an ISO 3166-1 alpha-2 country code in upper case, such as `GB` or `CH`"
}

func (jurisdiction) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.ConfigValue.ValueString() == country.EEA {
		return
	}
	v := req.ConfigValue.ValueString()
	if v == "EU" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid value",
			`"EU" is not a jurisdiction here: write "EEA" for the European Economic Area (the EU member states with Iceland, Liechtenstein and Norway), or a country code such as DE.`)
		return
	}
	if err := country.Check(v); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid value", capitalise(err.Error())+` Or write "EEA" for the European Economic Area.`)
	}
}
