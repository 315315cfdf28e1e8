package validators

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCountryCode(t *testing.T) {
	const accepted = ` Write the two capital letters ISO assigns to a country or territory, such as DE, FR or US.`
	runStringCases(t, CountryCode(), path.Root("transfers").AtListIndex(0).AtName("country"), []stringCase{
		{"assigned code", types.StringValue("DE"), ""},
		{"territory", types.StringValue("GG"), ""},
		{"null is left to Required", types.StringNull(), ""},
		{"unknown is checked later", types.StringUnknown(), ""},
		{"UK", types.StringValue("UK"), `"UK" is not an ISO 3166-1 alpha-2 country code. Did you mean "GB" (United Kingdom)?`},
		{"EL", types.StringValue("EL"), `"EL" is not an ISO 3166-1 alpha-2 country code. Did you mean "GR" (Greece)?`},
		{"lower case", types.StringValue("de"), `"de" is not an ISO 3166-1 alpha-2 country code: codes are written in capital letters. Did you mean "DE" (Germany)?`},
		{"alpha-3", types.StringValue("USA"), `"USA" is not an ISO 3166-1 alpha-2 country code: it is an alpha-3 code. Did you mean "US" (United States)?`},
		{"EU", types.StringValue("EU"), `"EU" is not an ISO 3166-1 alpha-2 country code: it is reserved for the European Union, which is not a country.` + accepted},
		{"unassigned", types.StringValue("QQ"), `"QQ" is not an ISO 3166-1 alpha-2 country code.` + accepted},
	})
}

func TestJurisdiction(t *testing.T) {
	runStringCases(t, Jurisdiction(), path.Root("organization").AtName("jurisdiction"), []stringCase{
		{"the EEA", types.StringValue("EEA"), ""},
		{"a country", types.StringValue("GB"), ""},
		{"null: no jurisdiction", types.StringNull(), ""},
		{"unknown is checked later", types.StringUnknown(), ""},
		{"EU", types.StringValue("EU"), `"EU" is not a jurisdiction here: write "EEA" for the European Economic Area (the EU member states with Iceland, Liechtenstein and Norway), or a country code such as DE.`},
		{"UK", types.StringValue("UK"), `"UK" is not an ISO 3166-1 alpha-2 country code. Did you mean "GB" (United Kingdom)? Or write "EEA" for the European Economic Area.`},
		{"lower case eea", types.StringValue("eea"), `"eea" is not an ISO 3166-1 alpha-2 country code. Write the two capital letters ISO assigns to a country or territory, such as DE, FR or US. Or write "EEA" for the European Economic Area.`},
	})
}
