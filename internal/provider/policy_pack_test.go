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
	"github.com/privacycode/terraform-provider-pii/internal/systems"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
	"github.com/privacycode/terraform-provider-pii/internal/verification"
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
	return builtinEngine(t).Check([]*tfplan.Document{doc})
}

// builtinEngine is the built-in pack's engine as of the fixed date.
func builtinEngine(t *testing.T) *engine.Engine {
	t.Helper()
	pack, diags := policy.ParseFS(policies.FS, ".")
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	eng, err := engine.New(pack, engine.Options{Inputs: map[string]cty.Value{"as_of": cty.StringVal("2026-11-28")}})
	if err != nil {
		t.Fatal(err)
	}
	return eng
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
	for _, example := range []string{"complete", "cloud-processor", "verified-posture"} {
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
			p.Documents[i].Name, p.Documents[i].Timestamp, p.Documents[i].TerraformVersion, p.Documents[i].AsOf = "", "", "", ""
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

// examples/verified-posture, planned with the real terraform, checked
// together with the storage workspace's plan (a public repository's) as
// the check command does: the encryption control it claims is
// contradicted by the bucket's AES256 encryption, and the risk it covers is
// covered on paper only; with the fixed variant of the plan, the control
// is verified and nothing of the verification fails.
func TestAccVerifiedPostureExample(t *testing.T) {
	infra, err := filepath.Abs(filepath.Join("..", "..", "examples", "verified-posture", "infrastructure"))
	if err != nil {
		t.Fatal(err)
	}
	postureDoc := planExample(t, "verified-posture", nil)
	verify := func(file string) map[string]results.Result {
		b, err := os.ReadFile(filepath.Join(infra, file))
		if err != nil {
			t.Fatal(err)
		}
		storage, err := tfplan.Read(file, b)
		if err != nil {
			t.Fatal(err)
		}
		storage.Label = "storage"
		docs := []*tfplan.Document{postureDoc, storage}
		named := systems.Resolve(docs)
		report := builtinEngine(t).CheckResolved(docs, named)
		p, err := posturemodel.Read(docs, posturemodel.Options{})
		if err != nil {
			t.Fatal(err)
		}
		outcome, err := verification.Verify(verification.Input{Documents: docs, Posture: p, Check: report, Systems: named})
		if err != nil {
			t.Fatal(err)
		}
		outcome.Add(report, docs)
		got := map[string]results.Result{}
		for _, r := range report.Results {
			if verification.IsPolicy(r.Policy.Name) {
				got[r.Resource.Address+" "+r.Policy.Name] = r
			}
		}
		return got
	}
	expect := func(got map[string]results.Result, key string, status results.Status, message string) {
		t.Helper()
		r, ok := got[key]
		if !ok {
			t.Fatalf("no result %s", key)
		}
		if r.Status != status || strings.Join(r.Messages, "\n") != message {
			t.Errorf("%s: %s %q\nwant %s %q", key, r.Status, r.Messages, status, message)
		}
	}

	got := verify("storage.json")
	expect(got, "pii_control.backup_encryption pii_control_verified", results.Fail,
		"pii_control.backup_encryption (iso29151:10.1.1, declared implemented) is contradicted: fails: aws_s3_bucket_pii_kms_encryption on storage:aws_s3_bucket.grafana_backups.")
	expect(got, "pii_control.leaver_procedure pii_control_verified", results.NotApplicable,
		"pii_control.leaver_procedure (iso29151:12.1.1, declared implemented) is unverified: no policy of the pack implements iso29151:12.1.1.")
	expect(got, "pii_risk_assessment.monitoring_accounts pii_risk_assessment_verified", results.Fail,
		`risk "backups_read_by_outsiders" is covered on paper only: declared residual medium (covered), verified residual high (uncovered), because iso29151:10.1.1 is contradicted.`)
	expect(got, "pii_processing_activity.monitoring_accounts pii_activity_systems_resolve", results.Pass, "")

	got = verify("storage-fixed.json")
	expect(got, "pii_control.backup_encryption pii_control_verified", results.Pass,
		"pii_control.backup_encryption (iso29151:10.1.1, declared implemented) is verified: passes: aws_s3_bucket_pii_kms_encryption on storage:aws_s3_bucket.grafana_backups.")
	expect(got, "pii_risk_assessment.monitoring_accounts pii_risk_assessment_verified", results.Pass, "")
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
		"pii_processing_activity.tickets activity_lawful_basis not_applicable",               // a processor relies on its controllers' basis
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
	if !passed || passes != 46 {
		t.Errorf("processor_activity_controls passed on the tickets: %v; %d passes in all, want 46", passed, passes)
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
	// 16 controls × 3 policies, 3 activities × 6, 3 assessments × 3, less
	// the results above.
	if want := 16*3 + 3*6 + 3*3 - len(want); passes != want {
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
