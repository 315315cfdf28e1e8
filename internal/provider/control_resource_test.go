package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestAccControl(t *testing.T) {
	addr := "pii_control.encryption"
	config := func(status, lastReviewed string) string {
		return fmt.Sprintf(`
resource "pii_control" "encryption" {
  control_id     = "10.1.1"
  status         = %q
  implementation = "KMS customer-managed keys for every data store holding PII"
  owner          = "Platform security"
  evidence       = ["aws_kms_key.pii", "Runbook SEC-12"]
  last_reviewed  = %q
}
`, status, lastReviewed)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config("partial", "2026-01-31"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact("iso29151:10.1.1")),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("catalog"), knownvalue.StringExact("iso29151")),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("title"), knownvalue.StringExact("Policy on the use of cryptographic controls")),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("group"), knownvalue.StringExact("10")),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("principle"), knownvalue.StringExact("information_security")),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("treats"), knownvalue.ListPartial(map[int]knownvalue.Check{0: knownvalue.StringExact("illegitimate_access")})),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("reduces"), knownvalue.StringExact("impact")),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("review_interval"), knownvalue.StringExact("P1Y")),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("review_due"), knownvalue.StringExact("2027-01-31")),
				}},
			},
			{
				Config: config("implemented", "2026-06-30"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("status"), knownvalue.StringExact("implemented")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("review_due"), knownvalue.StringExact("2027-06-30")),
				},
			},
			{
				// Another control is another row of the Statement of
				// Applicability: replaced.
				Config: `
resource "pii_control" "encryption" {
  catalog         = "iso27701"
  control_id      = "A.7.4.9"
  status          = "implemented"
  review_interval = "P6M"
}
`,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionDestroyBeforeCreate),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact("iso27701:A.7.4.9")),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("review_due"), knownvalue.Null()),
				}},
			},
		},
	})
}

// A cloud processor's control of ISO/IEC 27018 plans with the catalog's
// mapping, known at plan, like any other.
func TestAccControlISO27018(t *testing.T) {
	addr := "pii_control.location"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "pii_control" "location" {
  catalog        = "iso27018"
  control_id     = "A.12.1"
  status         = "implemented"
  implementation = "Customers choose the EU or the US region; data never leaves it."
  last_reviewed  = "2026-10-01"
}
`,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact("iso27018:A.12.1")),
				plancheck.ExpectKnownValue(addr, tfjsonpath.New("title"), knownvalue.StringExact("Geographical location of PII")),
				plancheck.ExpectKnownValue(addr, tfjsonpath.New("group"), knownvalue.StringExact("A.12")),
				plancheck.ExpectKnownValue(addr, tfjsonpath.New("principle"), knownvalue.StringExact("privacy_compliance")),
				plancheck.ExpectKnownValue(addr, tfjsonpath.New("treats"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("unlawful_transfer"), knownvalue.StringExact("lack_of_transparency"),
				})),
				plancheck.ExpectKnownValue(addr, tfjsonpath.New("reduces"), knownvalue.StringExact("likelihood")),
				plancheck.ExpectKnownValue(addr, tfjsonpath.New("review_due"), knownvalue.StringExact("2027-10-01")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("catalog"), knownvalue.StringExact("iso27018")),
			},
		}},
	})
}

func TestAccControlErrors(t *testing.T) {
	tests := []struct {
		name, body, wantErr string
	}{
		{"unknown control id suggests the closest", `control_id = "9.21"
  status = "implemented"`,
			`Error: Unknown control with pii_control.test, on terraform_plugin_test.tf line 12, in resource "pii_control" "test": 12: control_id = "9.21" There is no control "9.21" in catalog iso29151. Did you mean "9.2.1"?`},
		{"a 27018 typo suggests the ids of its own section", `catalog = "iso27018"
  control_id = "A.12.3"
  status = "implemented"`,
			`Error: Unknown control with pii_control.test, on terraform_plugin_test.tf line 13, in resource "pii_control" "test": 13: control_id = "A.12.3" There is no control "A.12.3" in catalog iso27018. Did you mean "A.12.1" or "A.12.2"?`},
		{"unknown catalog lists the known ones", `catalog = "iso27001"
  control_id = "A.7.4.9"
  status = "implemented"`,
			`Error: Unknown catalog … catalog = "iso27001" There is no catalog "iso27001". Did you mean "iso27701"? Known: iso29151, iso27701, iso27018.`},
		{"not applicable needs a justification", `control_id = "11.1.1"
  status = "not_applicable"`,
			`Error: Justification required with pii_control.test, on terraform_plugin_test.tf line 11, in resource "pii_control" "test": 11: resource "pii_control" "test" { A control with status "not_applicable" needs a justification: the Statement of Applicability must say why the control does not apply to the organisation.`},
		{"alternative needs a justification", `control_id = "11.1.1"
  status = "alternative"`,
			`which alternative control is in place instead, and why it is as effective`},
		{"status typo", `control_id = "11.1.1"
  status = "implmented"`,
			`Error: Invalid value with pii_control.test, on terraform_plugin_test.tf line 13, in resource "pii_control" "test": 13: status = "implmented" "implmented" is not a control status; use one of "implemented", "partial", "planned", "not_applicable", "alternative". Did you mean "implemented"?`},
		{"empty evidence points at the entry", `control_id = "11.1.1"
  status = "implemented"
  evidence = [
    "https://wiki.example/premises",
    "",
  ]`,
			`Error: Empty evidence with pii_control.test, on terraform_plugin_test.tf line 16, in resource "pii_control" "test": 16: "", evidence[1] is empty: give a link, a document id or the Terraform address of a resource that implements the control, or remove the entry.`},
		{"empty activity id", `control_id = "11.1.1"
  status = "implemented"
  activities = ["checkout-1a2b", ""]`,
			`Error: Empty activity id with pii_control.test, on terraform_plugin_test.tf line 14, in resource "pii_control" "test": 14: activities = ["checkout-1a2b", ""] activities has an empty id: list the ids of the processing activities the control is in place for ([pii_processing_activity.checkout.id]), or leave activities out for an organisation-wide control.`},
		{"empty control id", `control_id = ""
  status = "implemented"`,
			`Error: Invalid value with pii_control.test, on terraform_plugin_test.tf line 12, … control_id is empty: give the control's id in its catalog, such as 10.1.1.`},
		{"date in the wrong order", `control_id = "11.1.1"
  status = "implemented"
  last_reviewed = "31/03/2026"`,
			`last_reviewed = "31/03/2026" "31/03/2026" is not a valid date: write YYYY-MM-DD, such as 2026-03-31. … Did you mean "2026-03-31"?`},
		{"review interval not a duration", `control_id = "11.1.1"
  status = "implemented"
  review_interval = "yearly"`,
			`"yearly" is not an ISO 8601 duration`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      fmt.Sprintf("resource \"pii_control\" \"test\" {\n  %s\n}\n", tt.body),
					ExpectError: expectError(tt.wantErr),
				}},
			})
		})
	}
}

// Every problem of a control comes out in one plan: a status typo does not
// hide an unknown id or a broken date.
func TestAccControlAllProblemsInOnePlan(t *testing.T) {
	config := providerBlock + `
resource "pii_control" "test" {
  control_id    = "9.21"
  status        = "implmented"
  last_reviewed = "2026-13-01"
  evidence      = ["", "https://wiki.example/access"]
}
`
	diags := planDiagnostics(t, config)
	expectDiagnostics(t, diags,
		`error: Invalid value: "implmented" is not a control status; use one of "implemented", "partial", "planned", "not_applicable", "alternative". Did you mean "implemented"?`,
		`error: Invalid value: "2026-13-01" is not a valid date`,
		`error: Empty evidence: evidence[0] is empty`,
		`error: Unknown control: There is no control "9.21" in catalog iso29151. Did you mean "9.2.1"?`,
	)
	lineOf := func(needle string) int { return strings.Count(config[:strings.Index(config, needle)], "\n") + 1 }
	lines := map[string]int{"Unknown control": lineOf(`"9.21"`), "Empty evidence": lineOf(`evidence      =`)}
	for _, d := range diags {
		if want, ok := lines[d.Summary]; ok && (d.Range == nil || d.Range.Start.Line != want) {
			t.Errorf("%s: at %+v, want line %d", d.Summary, d.Range, want)
		}
	}
}

// A justified not_applicable control plans clean, and a control scoped to
// an activity takes the activity's id, known at plan.
func TestAccControlScopeAndJustification(t *testing.T) {
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: activityConfig("") + `
resource "pii_control" "premises" {
  control_id    = "11.1.1"
  status        = "not_applicable"
  justification = "Fully cloud-hosted: no premises hold PII."
}
resource "pii_control" "consent" {
  catalog    = "iso27701"
  control_id = "A.7.2.4"
  status     = "implemented"
  activities = [pii_processing_activity.test.id]
}
`,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue("pii_control.consent", tfjsonpath.New("activities"), knownvalue.SetSizeExact(1)),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.CompareValuePairs("pii_control.consent", tfjsonpath.New("activities").AtSliceIndex(0),
					"pii_processing_activity.test", tfjsonpath.New("id"), compareSame),
			},
		}},
	})
}
