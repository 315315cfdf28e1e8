package provider

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// expectHint matches a message as expectError does, in any case: the hint
// may start a sentence ("There is no control") or follow a prefix that
// names the risk (`risk "x": there is no control`).
func expectHint(want string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)` + expectError(want).String())
}

const deidentificationTitle = `("PII de-identification and deletion at the end of processing")`

// A control id that exists in another catalog says which catalog has it,
// with its title there, and how to reach it: the catalog attribute where
// the id is given on its own, the qualified id where it is catalog:id.
func TestAccHintControlInOtherCatalog(t *testing.T) {
	tests := []struct {
		name, config, wantErr string
	}{
		{"pii_control with the default catalog", `resource "pii_control" "test" {
  control_id = "A.7.4.5"
  status     = "implemented"
}`, `Error: Unknown control with pii_control.test, on terraform_plugin_test.tf line 12, in resource "pii_control" "test": 12: control_id = "A.7.4.5" ` +
			`There is no control "A.7.4.5" in iso29151; iso27701 has it ` + deidentificationTitle + `: set catalog = "iso27701".`},
		{"pii_control with another catalog", `resource "pii_control" "test" {
  catalog    = "iso27018"
  control_id = "10.1.1"
  status     = "implemented"
}`, `Error: Unknown control … control_id = "10.1.1" ` +
			`There is no control "10.1.1" in iso27018; iso29151 has it ("Policy on the use of cryptographic controls"): set catalog = "iso29151".`},
		{"pii_catalog_control", `data "pii_catalog_control" "test" {
  id = "A.7.4.5"
}`, `Error: Unknown control with data.pii_catalog_control.test, … id = "A.7.4.5" ` +
			`There is no control "A.7.4.5" in iso29151; iso27701 has it ` + deidentificationTitle + `: set catalog = "iso27701".`},
		{"a risk's control", hintAssessment(`{ id = "iso29151:A.7.4.5", status = "implemented" }`),
			`Error: Unknown control … there is no control "A.7.4.5" in iso29151; iso27701 has it ` + deidentificationTitle + `: use "iso27701:A.7.4.5".`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      tt.config,
					ExpectError: expectHint(tt.wantErr),
				}},
			})
		})
	}
}

// The fixes the hints give plan.
func TestAccHintFixesPlan(t *testing.T) {
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "pii_control" "test" {
  catalog    = "iso27701"
  control_id = "A.7.4.5"
  status     = "implemented"
}

data "pii_catalog_control" "test" {
  catalog = "iso27701"
  id      = "A.7.4.5"
}
` + hintAssessment(`{ id = "iso27701:A.7.4.5", status = "implemented" }`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue("pii_control.test", tfjsonpath.New("id"), knownvalue.StringExact("iso27701:A.7.4.5")),
				plancheck.ExpectKnownValue("pii_control.test", tfjsonpath.New("title"), knownvalue.StringExact("PII de-identification and deletion at the end of processing")),
				plancheck.ExpectKnownValue("pii_risk_assessment.test",
					tfjsonpath.New("risks").AtSliceIndex(0).AtMapKey("effective_controls"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("iso27701:A.7.4.5")})),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.pii_catalog_control.test", tfjsonpath.New("title"), knownvalue.StringExact("PII de-identification and deletion at the end of processing")),
			},
		}},
	})
}

// hintAssessment is an activity that disposes of its PII and an assessment
// of one retention risk treated by the given control objects.
func hintAssessment(controls string) string {
	return fmt.Sprintf(`
resource "pii_processing_activity" "test" {
  name           = "Support tickets"
  purposes       = ["Answer customer questions"]
  legal_basis    = "contract"
  pii_categories = ["contact.email"]
  principals     = ["customer"]
  retention      = "P1Y"
  storage {}
  disposal {
    method = "deletion"
  }
}

resource "pii_risk_assessment" "test" {
  activity = pii_processing_activity.test
  risks = [
    {
      name            = "tickets kept after closing"
      category        = "over_retention"
      lifecycle_stage = "disposal"
      likelihood      = "limited"
      impact          = "significant"
      controls        = [%s]
    },
  ]
}
`, controls)
}

// A plan saved by terraform plan -out, terraform's own state file and the
// text terraform prints, all made by the real terraform, are each named
// for what they are by tfplan.Read, with the command that makes the JSON.
func TestAccHintTerraformFilesThatAreNotJSON(t *testing.T) {
	dir := t.TempDir()
	config := `
terraform {
  required_providers {
    pii = { source = "privacycode/pii" }
  }
}

resource "pii_control" "kms" {
  control_id = "10.1.1"
  status     = "implemented"
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	run := terraformIn(t, dir)
	run("init", "-input=false", "-no-color")
	out := run("plan", "-input=false", "-no-color", "-lock=false", "-out=tfplan")
	planText := run("show", "-no-color", "tfplan")
	applied := run("apply", "-input=false", "-no-color", "-lock=false", "-auto-approve")
	stateText := run("show", "-no-color")
	shown := run("show", "-json", "-no-color")

	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("%s: %v\nterraform plan said:\n%s\nterraform apply said:\n%s", name, err, out, applied)
		}
		return b
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"tfplan", read("tfplan"),
			"tfplan is not JSON: it is a binary plan saved by terraform plan -out; run terraform show -json tfplan > plan.json and give plan.json"},
		{"terraform.tfstate", read("terraform.tfstate"),
			"terraform.tfstate is JSON but not a plan or state from terraform show -json: it is a raw state file (it has serial and lineage, not format_version); " +
				"run terraform show -json terraform.tfstate > state.json and give state.json"},
		{"plan.txt", planText,
			"plan.txt is not JSON: it is the text that terraform plan and terraform show print; save the plan with terraform plan -out=tfplan, then run terraform show -json tfplan > plan.json and give plan.json"},
		{"state.txt", stateText,
			"state.txt is not JSON: it is the text that terraform show prints for a state; run terraform show -json > state.json and give state.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tfplan.Read(tt.name, tt.data)
			var ferr *tfplan.FormatError
			if !errors.As(err, &ferr) {
				t.Fatalf("got %v, want a *tfplan.FormatError; the file starts:\n%.300q", err, tt.data)
			}
			if err.Error() != tt.want {
				t.Errorf("got  %s\nwant %s", err, tt.want)
			}
		})
	}
	// What the messages ask for is what Read takes.
	if doc, err := tfplan.Read("state.json", shown); err != nil || doc.Kind != tfplan.State || len(doc.Resources) != 1 {
		t.Errorf("terraform show -json of the state: %v, %v", doc, err)
	}
}
