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
					"out_of_scope": knownvalue.Int64Exact(0),
				})),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("summary"), knownvalue.StringExact("126 controls: 1 implemented, 1 not_applicable, 124 not_addressed")),
				statecheck.ExpectKnownValue("data.pii_statement_of_applicability.iso27701", tfjsonpath.New("summary"), knownvalue.StringExact("49 controls: 1 implemented, 48 not_addressed")),
			},
		}},
	})
}

// The Statement of Applicability of a cloud processor over ISO/IEC 27018:
// the 25 controls of Annex A in natural order, those not declared "not
// addressed".
func TestAccStatementOfApplicabilityISO27018(t *testing.T) {
	addr := "data.pii_statement_of_applicability.iso27018"
	row := func(i int) tfjsonpath.Path { return tfjsonpath.New("rows").AtSliceIndex(i) }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "pii_control" "breach_notification" {
  catalog    = "iso27018"
  control_id = "A.10.1"
  status     = "implemented"
  owner      = "Security operations"
}
resource "pii_control" "location" {
  catalog    = "iso27018"
  control_id = "A.12.1"
  status     = "partial"
}
resource "pii_control" "hardcopy" {
  catalog       = "iso27018"
  control_id    = "A.11.2"
  status        = "not_applicable"
  justification = "No one prints customer data: the service has no printers and support works on screen."
}

data "pii_statement_of_applicability" "iso27018" {
  catalog  = "iso27018"
  controls = [pii_control.breach_notification, pii_control.location, pii_control.hardcopy]
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("rows"), knownvalue.ListSizeExact(25)),
				statecheck.ExpectKnownValue(addr, row(0).AtMapKey("ref"), knownvalue.StringExact("iso27018:A.2.1")),
				statecheck.ExpectKnownValue(addr, row(0).AtMapKey("group_title"), knownvalue.StringExact("Consent and choice")),
				statecheck.ExpectKnownValue(addr, row(7), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"ref": knownvalue.StringExact("iso27018:A.10.1"), "status": knownvalue.StringExact("implemented"),
					"owners": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("Security operations")}),
				})),
				statecheck.ExpectKnownValue(addr, row(11).AtMapKey("ref"), knownvalue.StringExact("iso27018:A.11.2")),
				statecheck.ExpectKnownValue(addr, row(11).AtMapKey("status"), knownvalue.StringExact("not_applicable")),
				statecheck.ExpectKnownValue(addr, row(23).AtMapKey("ref"), knownvalue.StringExact("iso27018:A.12.1")),
				statecheck.ExpectKnownValue(addr, row(24).AtMapKey("ref"), knownvalue.StringExact("iso27018:A.12.2")),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("summary"), knownvalue.StringExact("25 controls: 1 implemented, 1 partial, 1 not_applicable, 22 not_addressed")),
			},
		}},
	})
}

// A controller-only organisation: the ISO/IEC 27701 Annex B controls (for
// processors) are out of scope as a group, with the organisation's one
// justification, and the summary counts the 31 controls in scope.
func TestAccStatementOfApplicabilityScoped(t *testing.T) {
	addr := "data.pii_statement_of_applicability.iso27701"
	justification := "We process PII only for our own purposes; we host no one else's."
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "pii" {
  organization = {
    roles               = ["controller"]
    scope_justification = "` + justification + `"
  }
}

resource "pii_control" "lawful_basis" {
  catalog    = "iso27701"
  control_id = "A.7.2.2"
  status     = "implemented"
}

data "pii_statement_of_applicability" "iso27701" {
  catalog  = "iso27701"
  controls = [pii_control.lawful_basis]
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("summary"), knownvalue.StringExact("31 controls in scope: 1 implemented, 30 not_addressed; 18 out of scope (controls for processors)")),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("counts").AtMapKey("out_of_scope"), knownvalue.Int64Exact(18)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("rows").AtSliceIndex(31), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"ref": knownvalue.StringExact("iso27701:B.8.2.1"), "status": knownvalue.StringExact("out_of_scope"),
					"justifications": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(justification)}),
				})),
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
