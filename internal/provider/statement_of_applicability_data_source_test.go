package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestAccStatementOfApplicability(t *testing.T) {
	addr := "data.pii_statement_of_applicability.iso29151"
	row := func(i int) tfjsonpath.Path { return tfjsonpath.New("rows").AtSliceIndex(i) }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "pii_control" "policy" {
  control_id = "5.1.1"
  status     = "implemented"
  owner      = "CISO"
}
resource "pii_control" "review" {
  control_id    = "5.1.2"
  status        = "not_applicable"
  justification = "Covered by the group policy review."
}
resource "pii_control" "transmission" {
  catalog    = "iso27701"
  control_id = "A.7.4.9"
  status     = "implemented"
}

data "pii_statement_of_applicability" "iso29151" {
  controls = [pii_control.policy, pii_control.review]
}

data "pii_statement_of_applicability" "iso27701" {
  catalog  = "iso27701"
  controls = [pii_control.transmission]
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("rows"), knownvalue.ListSizeExact(126)),
				statecheck.ExpectKnownValue(addr, row(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id": knownvalue.StringExact("5.1.1"), "ref": knownvalue.StringExact("iso29151:5.1.1"),
					"title": knownvalue.StringExact("Policies for information security"), "group": knownvalue.StringExact("5"),
					"group_title": knownvalue.StringExact("Information security policies"), "status": knownvalue.StringExact("implemented"),
					"statuses":       knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("implemented")}),
					"justifications": knownvalue.ListExact([]knownvalue.Check{}),
					"owners":         knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("CISO")}),
				})),
				statecheck.ExpectKnownValue(addr, row(1).AtMapKey("justifications"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("Covered by the group policy review.")})),
				statecheck.ExpectKnownValue(addr, row(2).AtMapKey("status"), knownvalue.StringExact("not_addressed")),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("counts"), knownvalue.MapExact(map[string]knownvalue.Check{
					"implemented": knownvalue.Int64Exact(1), "alternative": knownvalue.Int64Exact(0), "partial": knownvalue.Int64Exact(0),
					"planned": knownvalue.Int64Exact(0), "not_applicable": knownvalue.Int64Exact(1), "not_addressed": knownvalue.Int64Exact(124),
				})),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("summary"), knownvalue.StringExact("126 controls: 1 implemented, 1 not_applicable, 124 not_addressed")),
				statecheck.ExpectKnownValue("data.pii_statement_of_applicability.iso27701", tfjsonpath.New("summary"), knownvalue.StringExact("49 controls: 1 implemented, 48 not_addressed")),
			},
		}},
	})
}

func TestAccStatementOfApplicabilityErrors(t *testing.T) {
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      `data "pii_statement_of_applicability" "x" { catalog = "iso2915" }`,
				ExpectError: expectError(`Error: Unknown catalog … There is no catalog "iso2915". Did you mean "iso29151"?`),
			},
			{
				Config: `data "pii_statement_of_applicability" "x" {
  controls = [{ id = "iso29151:99.1", status = "implemented" }]
}`,
				ExpectError: expectError(`Error: Unknown control … There is no control "99.1" in catalog iso29151.`),
			},
		},
	})
}
