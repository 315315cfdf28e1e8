package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestAccCatalogDataSource(t *testing.T) {
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `
data "pii_catalog" "all" {}

data "pii_catalog" "access" {
  group = "9"
}

data "pii_catalog" "retention" {
  treats = "over_retention"
  search = "MEDIA"
}

data "pii_catalog" "consent" {
  catalog   = "iso27701"
  principle = "consent_and_choice"
}

data "pii_catalog" "cloud_security" {
  catalog = "iso27018"
  group   = "A.11"
}

data "pii_catalog" "nothing" {
  search = "no control says this"
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.pii_catalog.all", tfjsonpath.New("catalog"), knownvalue.StringExact("iso29151")),
					statecheck.ExpectKnownValue("data.pii_catalog.all", tfjsonpath.New("version"), knownvalue.StringExact("2017")),
					statecheck.ExpectKnownValue("data.pii_catalog.all", tfjsonpath.New("controls"), knownvalue.ListSizeExact(126)),
					statecheck.ExpectKnownValue("data.pii_catalog.all", tfjsonpath.New("ids").AtSliceIndex(0), knownvalue.StringExact("iso29151:5.1.1")),
					statecheck.ExpectKnownValue("data.pii_catalog.all", tfjsonpath.New("ids").AtSliceIndex(125), knownvalue.StringExact("iso29151:A.13")),

					statecheck.ExpectKnownValue("data.pii_catalog.access", tfjsonpath.New("controls"), knownvalue.ListSizeExact(14)),
					statecheck.ExpectKnownValue("data.pii_catalog.access", tfjsonpath.New("controls").AtSliceIndex(2), knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"id":          knownvalue.StringExact("9.2.1"),
						"ref":         knownvalue.StringExact("iso29151:9.2.1"),
						"catalog":     knownvalue.StringExact("iso29151"),
						"title":       knownvalue.StringExact("User registration and de-registration"),
						"group":       knownvalue.StringExact("9"),
						"group_title": knownvalue.StringExact("Access control"),
						"principle":   knownvalue.StringExact("information_security"),
						"treats":      knownvalue.ListPartial(map[int]knownvalue.Check{0: knownvalue.StringExact("illegitimate_access")}),
						"reduces":     knownvalue.StringExact("likelihood"),
						"role":        knownvalue.StringExact(""),
					})),

					// 8.3.2 "Disposal of media" treats over-retention; the
					// search ignores case.
					statecheck.ExpectKnownValue("data.pii_catalog.retention", tfjsonpath.New("ids"), knownvalue.ListPartial(map[int]knownvalue.Check{
						0: knownvalue.StringRegexp(regexpMust(`^iso29151:8\.3\.`)),
					})),

					statecheck.ExpectKnownValue("data.pii_catalog.consent", tfjsonpath.New("controls").AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"catalog":   knownvalue.StringExact("iso27701"),
						"role":      knownvalue.StringExact("controller"),
						"principle": knownvalue.StringExact("consent_and_choice"),
					})),

					statecheck.ExpectKnownValue("data.pii_catalog.cloud_security", tfjsonpath.New("version"), knownvalue.StringExact("2019")),
					statecheck.ExpectKnownValue("data.pii_catalog.cloud_security", tfjsonpath.New("controls"), knownvalue.ListSizeExact(13)),
					statecheck.ExpectKnownValue("data.pii_catalog.cloud_security", tfjsonpath.New("ids").AtSliceIndex(0), knownvalue.StringExact("iso27018:A.11.1")),
					statecheck.ExpectKnownValue("data.pii_catalog.cloud_security", tfjsonpath.New("ids").AtSliceIndex(12), knownvalue.StringExact("iso27018:A.11.13")),
					statecheck.ExpectKnownValue("data.pii_catalog.cloud_security", tfjsonpath.New("controls").AtSliceIndex(5), knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"ref":       knownvalue.StringExact("iso27018:A.11.6"),
						"principle": knownvalue.StringExact("information_security"),
						"role":      knownvalue.StringExact("processor"),
					})),

					statecheck.ExpectKnownValue("data.pii_catalog.nothing", tfjsonpath.New("controls"), knownvalue.ListExact([]knownvalue.Check{})),
				},
			},
		},
	})
}

func TestAccCatalogDataSourceInvalidFilters(t *testing.T) {
	tests := []struct {
		name, config, wantErr string
	}{
		{"unknown catalog lists the known ones", `catalog = "iso2915"`,
			`Error: Unknown catalog with data.pii_catalog.test, on terraform_plugin_test.tf line 12, in data "pii_catalog" "test": 12: catalog = "iso2915" There is no catalog "iso2915". Did you mean "iso29151"? Known: iso29151, iso27701, iso27018.`},
		{"unknown group", `group = "99"`, `Error: Unknown group with data.pii_catalog.test, on terraform_plugin_test.tf line 12, in data "pii_catalog" "test": 12: group = "99" There is no group "99" in catalog iso29151.`},
		{"principle typo", `principle = "acountability"`, `There is no principle "acountability". Did you mean "accountability"?`},
		{"treats typo", `treats = "data_los"`, `There is no risk category "data_los". Did you mean "data_loss"?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      fmt.Sprintf("data \"pii_catalog\" \"test\" {\n  %s\n}\n", tt.config),
					ExpectError: expectError(tt.wantErr),
				}},
			})
		})
	}
}
