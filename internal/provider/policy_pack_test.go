package provider

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/privacycode/terraform-provider-pii/internal/engine"
	"github.com/privacycode/terraform-provider-pii/internal/policy"
	posturemodel "github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/report"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
	"github.com/privacycode/terraform-provider-pii/policies"
)

// checkExample plans examples/complete (plus extra files) with the real
// terraform, converts the saved plan with terraform show -json, and checks
// the document with the built-in pack as the check command does, as of a
// fixed date so that review dates do not age the test.
func checkExample(t *testing.T, extra map[string]string) *results.Report {
	t.Helper()
	return checkDocument(t, planExample(t, "complete", extra))
}

// checkDocument checks a planned document with the built-in pack as of the
// fixed date.
func checkDocument(t *testing.T, doc *tfplan.Document) *results.Report {
	t.Helper()
	pack, diags := policy.ParseFS(policies.FS, ".")
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	eng, err := engine.New(pack, engine.Options{Inputs: map[string]cty.Value{"as_of": cty.StringVal("2026-11-28")}})
	if err != nil {
		t.Fatal(err)
	}
	return eng.Check([]*tfplan.Document{doc})
}

// planExample plans an example (plus extra files) with the real terraform
// and reads the saved plan as terraform show -json writes it, named as the
// saved copy the report tests use (testdata/<example>-plan.json).
func planExample(t *testing.T, example string, extra map[string]string) *tfplan.Document {
	t.Helper()
	dir := exampleWorkdir(t, filepath.Join("..", "..", "examples", example))
	for name, src := range extra {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// The in-process provider resolves the example's relative catalog_files
	// path against the test's directory: move to the copy, as Terraform
	// would start the provider there.
	t.Chdir(dir)
	run := terraformIn(t, dir)
	run("init", "-input=false", "-no-color")
	out := run("plan", "-input=false", "-no-color", "-lock=false", "-out=tfplan")
	if _, err := os.Stat(filepath.Join(dir, "tfplan")); err != nil {
		t.Fatalf("terraform plan wrote no plan:\n%s", out)
	}
	shown := run("show", "-json", "-no-color", "tfplan")
	doc, err := tfplan.Read(example+"-plan.json", shown)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Resources) == 0 {
		t.Fatalf("the plan has no resources; terraform plan said:\n%s\nterraform show said:\n%.2000s", out, shown)
	}
	return doc
}

// The report package's goldens are rendered from saved plans of
// examples/complete and examples/cloud-processor
// (internal/report/testdata/<example>-plan.json): each must declare the same
// posture as the example does today, or the goldens would drift from the
// example without a test noticing.
func TestAccReportTestdataIsCurrent(t *testing.T) {
	for _, example := range []string{"complete", "cloud-processor"} {
		t.Run(example, func(t *testing.T) { reportTestdataIsCurrent(t, example) })
	}
}

func reportTestdataIsCurrent(t *testing.T, example string) {
	saved, err := os.ReadFile(filepath.Join("..", "report", "testdata", example+"-plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	savedDoc, err := tfplan.Read(example+"-plan.json", saved)
	if err != nil {
		t.Fatal(err)
	}
	render := func(doc *tfplan.Document) string {
		p, err := posturemodel.Read([]*tfplan.Document{doc}, posturemodel.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for i := range p.Documents {
			p.Documents[i].Name, p.Documents[i].Timestamp, p.Documents[i].TerraformVersion = "", "", ""
		}
		var b strings.Builder
		if err := report.Write(&b, "json", p, report.Options{}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	fresh := render(planExample(t, example, nil))
	if old := render(savedDoc); fresh != old {
		t.Errorf("internal/report/testdata/%s-plan.json is out of date with examples/%s: plan the example, save terraform show -json of the plan there, then review and update the goldens with go test ./internal/report/ -update", example, example)
	}
}

// outcomes lists "address policy status" for every result that is not a
// pass, sorted, and counts the passes.
func outcomes(r *results.Report) (notPassed []string, passes int) {
	for _, res := range r.Results {
		if res.Status == results.Pass {
			passes++
			continue
		}
		notPassed = append(notPassed, res.Resource.Address+" "+res.Policy.Name+" "+string(res.Status))
	}
	sort.Strings(notPassed)
	return notPassed, passes
}

// The cloud processor of examples/cloud-processor passes the whole pack:
// its processor activity has a control for every duty it owes its
// controllers, breach notification included since it claims ISO/IEC 27018.
func TestAccPolicyPackCloudProcessorExample(t *testing.T) {
	report := checkDocument(t, planExample(t, "cloud-processor", nil))
	got, passes := outcomes(report)
	want := []string{
		"pii_control.hardcopy control_owner_and_evidence not_applicable", // not_applicable
		"pii_control.hardcopy control_review_current not_applicable",
		"pii_processing_activity.staff_directory activity_special_categories_safeguarded not_applicable",
		"pii_processing_activity.staff_directory activity_transfers_safeguarded not_applicable",
		"pii_processing_activity.staff_directory pia_required_has_assessment not_applicable",
		"pii_processing_activity.staff_directory processor_activity_controls not_applicable", // the employer is the controller
		"pii_processing_activity.tickets activity_special_categories_safeguarded not_applicable",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("results other than pass:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	passed := false
	for _, r := range report.Results {
		if r.Policy.Name == "processor_activity_controls" && r.Resource.Address == "pii_processing_activity.tickets" {
			passed = r.Status == results.Pass
		}
	}
	if !passed || passes != 45 {
		t.Errorf("processor_activity_controls passed on the tickets: %v; %d passes in all, want 45", passed, passes)
	}
}

func TestAccPolicyPackCompleteExample(t *testing.T) {
	report := checkExample(t, nil)
	got, passes := outcomes(report)
	want := []string{
		"pii_control.minimisation control_owner_and_evidence not_applicable", // planned
		"pii_control.minimisation control_review_current not_applicable",
		"pii_control.physical_perimeter control_owner_and_evidence not_applicable", // not_applicable
		"pii_control.physical_perimeter control_review_current not_applicable",
		"pii_control.transfer_records control_owner_and_evidence fail", // partial, no evidence yet
		"pii_control.transfer_records control_review_current fail",     // never reviewed
		"pii_processing_activity.checkout activity_special_categories_safeguarded not_applicable",
		"pii_processing_activity.checkout processor_activity_controls not_applicable", // the retailer is the controller
		"pii_processing_activity.marketing activity_special_categories_safeguarded not_applicable",
		"pii_processing_activity.marketing processor_activity_controls not_applicable",
		"pii_processing_activity.payroll processor_activity_controls not_applicable",
		"pii_risk_assessment.marketing assessment_approved fail", // in_review
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("results other than pass:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// 16 controls × 3 policies, 3 activities × 5, 3 assessments × 3, less
	// the results above.
	if want := 16*3 + 3*5 + 3*3 - len(want); passes != want {
		t.Errorf("%d passes, want %d", passes, want)
	}
	// The three failures are advisory: the posture passes.
	if code := report.ExitCode(false); code != results.ExitOK {
		t.Errorf("exit %d, want 0; blocking: %v", code, report.Blocking(false))
	}
}

func TestAccPolicyPackFailingPosture(t *testing.T) {
	// A new activity on health data of employees (two WP248 criteria, so a
	// PIA is required) with no assessment, no retention or disposal, and a
	// transfer that claims an adequacy decision Singapore does not have.
	report := checkExample(t, map[string]string{"wellbeing.tf": `
resource "pii_processing_activity" "wellbeing" {
  name                       = "Employee wellbeing survey"
  purposes                   = ["Offer support to employees who report stress"]
  pii_categories             = ["identifiers.name", "special.health"]
  principals                 = ["employee"]
  legal_basis                = "consent"
  special_category_condition = "explicit_consent"

  transfer {
    recipient      = "Survey vendor"
    recipient_role = "processor"
    country        = "SG"
    mechanism      = "adequacy"
  }
}
`})
	got, _ := outcomes(report)
	var wellbeing []string
	for _, o := range got {
		if strings.HasPrefix(o, "pii_processing_activity.wellbeing ") {
			wellbeing = append(wellbeing, o)
		}
	}
	want := []string{
		"pii_processing_activity.wellbeing activity_retention_and_disposal fail",
		"pii_processing_activity.wellbeing activity_transfers_safeguarded fail",
		"pii_processing_activity.wellbeing pia_required_has_assessment fail",
		"pii_processing_activity.wellbeing processor_activity_controls not_applicable",
	}
	if strings.Join(wellbeing, "\n") != strings.Join(want, "\n") {
		t.Errorf("results other than pass for the new activity:\n%s\nwant:\n%s", strings.Join(wellbeing, "\n"), strings.Join(want, "\n"))
	}
	if code := report.ExitCode(false); code != results.ExitBlocking {
		t.Errorf("exit %d, want 1", code)
	}
	var messages []string
	for _, r := range report.Blocking(false) {
		messages = append(messages, r.Messages...)
	}
	for _, m := range []string{
		"pii_processing_activity.wellbeing meets 2 WP248 criteria (sensitive_data, vulnerable_principals), so it needs a privacy impact assessment",
		"Survey vendor in SG (mechanism adequacy)",
	} {
		if !strings.Contains(strings.Join(messages, "\n"), m) {
			t.Errorf("blocking messages lack %q:\n%s", m, strings.Join(messages, "\n"))
		}
	}
}
