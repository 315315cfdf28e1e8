package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func regexpMust(s string) *regexp.Regexp { return regexp.MustCompile(s) }

func TestAccCatalogControlDataSource(t *testing.T) {
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
data "pii_catalog_control" "registration" {
  id = "9.2.1"
}

data "pii_catalog_control" "transmission" {
  catalog = "iso27701"
  id      = "A.7.4.9"
}

data "pii_catalog_control" "return_and_disposal" {
  catalog = "iso27018"
  id      = "A.10.3"
}

data "pii_catalog_control" "by_edition" {
  catalog = "iso29151@2017"
  id      = "A.7"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.pii_catalog_control.registration", tfjsonpath.New("catalog"), knownvalue.StringExact("iso29151")),
				statecheck.ExpectKnownValue("data.pii_catalog_control.registration", tfjsonpath.New("ref"), knownvalue.StringExact("iso29151:9.2.1")),
				statecheck.ExpectKnownValue("data.pii_catalog_control.registration", tfjsonpath.New("title"), knownvalue.StringExact("User registration and de-registration")),
				statecheck.ExpectKnownValue("data.pii_catalog_control.registration", tfjsonpath.New("group_title"), knownvalue.StringExact("Access control")),
				statecheck.ExpectKnownValue("data.pii_catalog_control.registration", tfjsonpath.New("objective"), knownvalue.StringRegexp(regexpMust(`\S{3,}`))),

				statecheck.ExpectKnownValue("data.pii_catalog_control.transmission", tfjsonpath.New("title"), knownvalue.StringExact("PII transmission controls")),
				statecheck.ExpectKnownValue("data.pii_catalog_control.transmission", tfjsonpath.New("role"), knownvalue.StringExact("controller")),
				statecheck.ExpectKnownValue("data.pii_catalog_control.transmission", tfjsonpath.New("gdpr_articles"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("32")})),
				statecheck.ExpectKnownValue("data.pii_catalog_control.transmission", tfjsonpath.New("related"), knownvalue.SetPartial([]knownvalue.Check{knownvalue.StringExact("iso29151:13.2.1")})),

				statecheck.ExpectKnownValue("data.pii_catalog_control.return_and_disposal", tfjsonpath.New("ref"), knownvalue.StringExact("iso27018:A.10.3")),
				statecheck.ExpectKnownValue("data.pii_catalog_control.return_and_disposal", tfjsonpath.New("title"), knownvalue.StringExact("PII return, transfer and disposal")),
				statecheck.ExpectKnownValue("data.pii_catalog_control.return_and_disposal", tfjsonpath.New("group_title"), knownvalue.StringExact("Accountability")),
				statecheck.ExpectKnownValue("data.pii_catalog_control.return_and_disposal", tfjsonpath.New("role"), knownvalue.StringExact("processor")),
				statecheck.ExpectKnownValue("data.pii_catalog_control.return_and_disposal", tfjsonpath.New("related"), knownvalue.SetPartial([]knownvalue.Check{knownvalue.StringExact("iso27701:B.8.4.2")})),

				statecheck.ExpectKnownValue("data.pii_catalog_control.by_edition", tfjsonpath.New("catalog"), knownvalue.StringExact("iso29151@2017")),
				statecheck.ExpectKnownValue("data.pii_catalog_control.by_edition", tfjsonpath.New("title"), knownvalue.StringExact("Use, retention and disclosure limitation")),
				statecheck.ExpectKnownValue("data.pii_catalog_control.by_edition", tfjsonpath.New("principle"), knownvalue.StringExact("use_retention_and_disclosure_limitation")),
			},
		}},
	})
}

func TestAccCatalogControlDataSourceErrors(t *testing.T) {
	tests := []struct {
		name, config, wantErr string
	}{
		{"missing dot suggests the id", `id = "9.21"`,
			`Error: Unknown control with data.pii_catalog_control.test, on terraform_plugin_test.tf line 12, in data "pii_catalog_control" "test": 12: id = "9.21" There is no control "9.21" in catalog iso29151. Did you mean "9.2.1"?`},
		{"control of the other catalog", `id = "A.7.4.9"`, `There is no control "A.7.4.9" in iso29151; iso27701 has it ("PII transmission controls"): set catalog = "iso27701".`},
		{"unknown catalog lists the known ones", "catalog = \"iso27001\"\n  id = \"9.2.1\"",
			`Error: Unknown catalog with data.pii_catalog_control.test, on terraform_plugin_test.tf line 12, in data "pii_catalog_control" "test": 12: catalog = "iso27001" There is no catalog "iso27001". Did you mean "iso27701"? Known: iso29151, iso27701, iso27018.`},
		{"unknown edition", "catalog = \"iso29151@2025\"\n  id = \"9.2.1\"", `There is no catalog "iso29151@2025".`},
		{"id is required", `catalog = "iso29151"`, `The argument "id" is required, but no definition was found.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      fmt.Sprintf("data \"pii_catalog_control\" \"test\" {\n  %s\n}\n", tt.config),
					ExpectError: expectError(tt.wantErr),
				}},
			})
		})
	}
}
