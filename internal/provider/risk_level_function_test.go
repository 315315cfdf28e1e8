package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

func TestAccRiskLevelFunction(t *testing.T) {
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
output "very_high" { value = provider::pii::risk_level("significant", "maximum") }
output "low"       { value = provider::pii::risk_level("negligible", "significant") }
output "medium"    { value = provider::pii::risk_level(2, 3) }
output "high"      { value = provider::pii::risk_level("maximum", 2) }
output "numeric_strings" { value = provider::pii::risk_level("3", "3") }
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("very_high", knownvalue.StringExact("very_high")),
				statecheck.ExpectKnownOutputValue("low", knownvalue.StringExact("low")),
				statecheck.ExpectKnownOutputValue("medium", knownvalue.StringExact("medium")),
				statecheck.ExpectKnownOutputValue("high", knownvalue.StringExact("high")),
				statecheck.ExpectKnownOutputValue("numeric_strings", knownvalue.StringExact("high")),
			},
		}},
	})
}

func TestAccRiskLevelFunctionErrors(t *testing.T) {
	tests := []struct{ name, call, wantErr string }{
		{"typo", `provider::pii::risk_level("signficant", "maximum")`,
			`likelihood: "signficant" is not a rating; use one of "negligible", "limited", "significant", "maximum" (1 to 4). Did you mean "significant"?`},
		{"out of range", `provider::pii::risk_level(3, 5)`, `impact: 5 is not a rating; use a whole number from 1 to 4`},
		{"fraction", `provider::pii::risk_level(2.5, 1)`, `likelihood: 2.5 is not a rating`},
		{"wrong type", `provider::pii::risk_level(true, 1)`, `likelihood: a rating must be a string or a number, got a bool`},
		{"null", `provider::pii::risk_level(null, 1)`, `Invalid value for "likelihood" parameter: argument must not be null.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      `output "x" { value = ` + tt.call + ` }`,
					ExpectError: expectError(tt.wantErr),
				}},
			})
		})
	}
}
