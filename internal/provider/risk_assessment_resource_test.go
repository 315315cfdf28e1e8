package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// posture is a checkout activity (collection and storage) with controls of
// every status. 9.4.1 and 9.2.3 lower likelihood and 10.1.1 impact, all
// three treating illegitimate_access (the built-in mapping).
func posture(provider, assessment string) string {
	return provider + `
resource "pii_processing_activity" "checkout" {
  name           = "Checkout"
  purposes       = ["Take payment for orders"]
  legal_basis    = "contract"
  pii_categories = ["contact.email", "financial.payment_card"]
  principals     = ["customer"]
  retention      = "P7Y"
  collection {
    source = "data_subject"
  }
  storage {
    systems = ["aws_s3_bucket.orders"]
  }
}

resource "pii_processing_activity" "payroll" {
  name                       = "Payroll"
  purposes                   = ["Pay salaries"]
  legal_basis                = "legal_obligation"
  pii_categories             = ["special.health"]
  special_category_condition = "employment_social_protection"
  principals                 = ["employee"]
  retention                  = "P7Y"
  storage {}
}

resource "pii_control" "access" {
  control_id = "9.4.1"
  status     = "implemented"
}
resource "pii_control" "privileged" {
  control_id = "9.2.3"
  status     = "implemented"
}
resource "pii_control" "kms" {
  control_id = "10.1.1"
  status     = "implemented"
}
resource "pii_control" "keys" {
  control_id = "10.1.2"
  status     = "partial"
}
resource "pii_control" "network" {
  control_id = "13.1.1"
  status     = "planned"
}
resource "pii_control" "premises" {
  control_id    = "11.1.1"
  status        = "not_applicable"
  justification = "Cloud only."
}
resource "pii_control" "payroll_only" {
  control_id = "9.1.1"
  status     = "implemented"
  activities = [pii_processing_activity.payroll.id]
}
resource "pii_control" "accuracy" {
  control_id = "A.8"
  status     = "implemented"
}
` + assessment
}

// assessment renders a pii_risk_assessment of checkout with the given
// risks; the collection stage is always assessed, so that only the risks
// under test decide the outcome.
func assessment(risks string) string {
	return fmt.Sprintf(`
resource "pii_risk_assessment" "checkout" {
  activity    = pii_processing_activity.checkout
  assessor    = "Privacy team"
  assessed_on = "2026-03-01"
  next_review = "2027-03-01"
  status      = "approved"
  approved_by = "DPO"
  risks = [
    {
      name            = "over-collection at signup"
      category        = "excessive_collection"
      lifecycle_stage = "collection"
      likelihood      = "limited"
      impact          = "limited"
      treatment       = "accept"
      acceptance      = { accepted_by = "DPO", rationale = "Fields reviewed", expires = "2099-12-31" }
    },
    %s
  ]
}
`, risks)
}

const cardTheft = `name            = "card data theft"
      category        = "illegitimate_access"
      lifecycle_stage = "storage"
      likelihood      = "significant"
      impact          = "maximum"`

func TestAccRiskAssessmentCoverage(t *testing.T) {
	addr := "pii_risk_assessment.checkout"
	risk1 := func(p string) tfjsonpath.Path { return tfjsonpath.New("risks").AtSliceIndex(1).AtMapKey(p) }
	tests := []struct {
		name         string
		risk         string
		wantCoverage string
		wantResidual string // likelihood/impact
		wantCovered  bool
	}{
		{"covered: both dimensions lowered", `{
      ` + cardTheft + `
      controls = [pii_control.access, pii_control.privileged, pii_control.kms]
    }`, "covered", "negligible/significant", true},
		{"accepted", `{
      ` + cardTheft + `
      likelihood = "limited"
      treatment  = "accept"
      acceptance = { accepted_by = "CFO", rationale = "Tokenised by the PSP", expires = "2099-12-31" }
    }`, "accepted", "limited/maximum", true},
		{"avoided", `{
      ` + cardTheft + `
      treatment = "avoid"
      rationale = "Card numbers are no longer stored: the PSP tokenises them."
    }`, "avoided", "significant/maximum", true},
		{"transferred", `{
      ` + cardTheft + `
      treatment   = "transfer"
      transfer_to = "Cyber insurer"
    }`, "transferred", "significant/maximum", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			config := posture("", assessment(tt.risk))
			// A risk whose likelihood line is repeated takes the last one.
			config = dedupeAttributes(config)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: config,
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectKnownValue(addr, risk1("coverage"), knownvalue.StringExact(tt.wantCoverage)),
						plancheck.ExpectKnownValue(addr, tfjsonpath.New("covered"), knownvalue.Bool(tt.wantCovered)),
					}},
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(addr, risk1("coverage"), knownvalue.StringExact(tt.wantCoverage)),
						statecheck.ExpectKnownValue(addr, risk1("residual_likelihood"), knownvalue.StringExact(splitPair(tt.wantResidual, 0))),
						statecheck.ExpectKnownValue(addr, risk1("residual_impact"), knownvalue.StringExact(splitPair(tt.wantResidual, 1))),
						statecheck.ExpectKnownValue(addr, risk1("gaps"), knownvalue.ListExact([]knownvalue.Check{})),
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("uncovered_risks"), knownvalue.ListExact([]knownvalue.Check{})),
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("lifecycle_gaps"), knownvalue.ListExact([]knownvalue.Check{})),
					},
				}},
			})
		})
	}
}

// The covered case in detail: every computed value, known at plan.
func TestAccRiskAssessmentComputedValues(t *testing.T) {
	addr := "pii_risk_assessment.checkout"
	risk1 := func(p string) tfjsonpath.Path { return tfjsonpath.New("risks").AtSliceIndex(1).AtMapKey(p) }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: posture("", assessment(`{
      `+cardTheft+`
      controls = [pii_control.access, pii_control.privileged, pii_control.kms]
    }`)),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexpMust(`^pia-checkout-[0-9a-f]{8}$`))),
				plancheck.ExpectKnownValue(addr, risk1("inherent_score"), knownvalue.Int64Exact(12)),
				plancheck.ExpectKnownValue(addr, risk1("inherent_level"), knownvalue.StringExact("very_high")),
				plancheck.ExpectKnownValue(addr, risk1("residual_likelihood"), knownvalue.StringExact("negligible")),
				plancheck.ExpectKnownValue(addr, risk1("residual_impact"), knownvalue.StringExact("significant")),
				plancheck.ExpectKnownValue(addr, risk1("residual_score"), knownvalue.Int64Exact(3)),
				plancheck.ExpectKnownValue(addr, risk1("residual_level"), knownvalue.StringExact("low")),
				plancheck.ExpectKnownValue(addr, risk1("coverage"), knownvalue.StringExact("covered")),
				plancheck.ExpectKnownValue(addr, risk1("effective_controls"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("iso29151:9.4.1"), knownvalue.StringExact("iso29151:9.2.3"), knownvalue.StringExact("iso29151:10.1.1"),
				})),
				plancheck.ExpectKnownValue(addr, risk1("suggested_controls"), knownvalue.ListSizeExact(5)),
				plancheck.ExpectKnownValue(addr, tfjsonpath.New("max_inherent_level"), knownvalue.StringExact("very_high")),
				// The accepted collection risk (limited × limited) is medium.
				plancheck.ExpectKnownValue(addr, tfjsonpath.New("max_residual_level"), knownvalue.StringExact("medium")),
				plancheck.ExpectKnownValue(addr, tfjsonpath.New("covered"), knownvalue.Bool(true)),
			}},
		}},
	})
}

// harnessLines is how many lines terraform-plugin-testing writes before a
// test's configuration in terraform_plugin_test.tf (its provider block).
const harnessLines = 10

// riskLine is the line of the "{" that opens the (last) risk named name
// in config, where Terraform points at a problem of that risk.
func riskLine(t *testing.T, config, name string) int {
	t.Helper()
	lines := strings.Split(config, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		l := lines[i]
		if strings.Contains(l, "name") && strings.Contains(l, fmt.Sprintf("%q", name)) {
			for j := i; j >= 0; j-- {
				if strings.HasSuffix(strings.TrimSpace(lines[j]), "{") {
					return j + 1
				}
			}
		}
	}
	t.Fatalf("no risk %q in the configuration", name)
	return 0
}

// atRiskError matches an error that Terraform shows at the lines of risk
// name: the summary, the risk's first line, then the detail.
func atRiskError(t *testing.T, config, name, summary, detail string) *regexp.Regexp {
	n := riskLine(t, config, name) + harnessLines
	return expectError(fmt.Sprintf(`Error: %s with pii_risk_assessment.checkout, on terraform_plugin_test.tf line %d, in resource "pii_risk_assessment" "checkout": %d: { … %s`,
		summary, n, n, detail))
}

// Every error about one risk is shown at that risk's lines, names the risk
// first and says what is accepted.
func TestAccRiskAssessmentGaps(t *testing.T) {
	tests := []struct {
		name, risk, summary, detail string
	}{
		{"uncovered names the risk, levels, appetite and the best controls", `{
      ` + cardTheft + `
    }`, "Risk not covered", `Risk "card data theft" (illegitimate_access) is uncovered: no selected control is implemented, in scope and treats illegitimate_access. Inherent level very_high (12), residual very_high (12), risk appetite medium. Select implemented controls that treat this risk, such as iso29151:10.1.1 Policy on the use of cryptographic controls, iso29151:9.4.4 Use of privileged utility programs or iso29151:10.1.2 Key management.`},
		{"partially covered: residual above the appetite", `{
      ` + cardTheft + `
      controls = [pii_control.access]
    }`, "Risk only partially covered", `Risk "card data theft" (illegitimate_access) is partially covered: the residual level high is above the risk appetite medium. Inherent level very_high (12), residual high (8), risk appetite medium.`},
		{"partially covered: partial control only", `{
      ` + cardTheft + `
      controls = [pii_control.keys]
    }`, "Risk only partially covered", `the selected controls that treat illegitimate_access are only partially implemented`},
		{"expired acceptance", `{
      ` + cardTheft + `
      impact     = "limited"
      treatment  = "accept"
      acceptance = { accepted_by = "CFO", rationale = "Low volume", expires = "2020-12-31" }
    }`, "Risk acceptance not valid", `Risk "card data theft" (illegitimate_access) is accepted, but the acceptance by CFO expired on 2020-12-31; review the risk and renew or replace the acceptance.`},
		{"very high residual cannot be accepted", `{
      ` + cardTheft + `
      treatment  = "accept"
      acceptance = { accepted_by = "CEO", rationale = "Business need" }
    }`, "Risk acceptance not valid", `a very_high residual (12) cannot be accepted; lower it with controls, avoid the processing or transfer the risk`},
		{"accept without acceptance", `{
      ` + cardTheft + `
      impact    = "limited"
      treatment = "accept"
    }`, "Acceptance missing", `Risk "card data theft" is accepted, which needs an acceptance object naming who accepted it and why`},
		{"acceptance without accepted_by", `{
      ` + cardTheft + `
      impact     = "limited"
      treatment  = "accept"
      acceptance = { rationale = "Low volume" }
    }`, "Acceptance incomplete", `Risk "card data theft" is accepted, but its acceptance must name accepted_by and give a rationale.`},
		{"acceptance expiry not a date", `{
      ` + cardTheft + `
      impact     = "limited"
      treatment  = "accept"
      acceptance = { accepted_by = "CFO", rationale = "Low volume", expires = "31/12/2099" }
    }`, "Invalid value", `Risk "card data theft", acceptance.expires: "31/12/2099" is not a valid date: write YYYY-MM-DD, such as 2026-03-31. Did you mean "2099-12-31"?`},
		{"avoid without rationale", `{
      ` + cardTheft + `
      treatment = "avoid"
    }`, "Rationale missing", `Risk "card data theft" is avoided, which needs a rationale saying how`},
		{"transfer without a target", `{
      ` + cardTheft + `
      treatment = "transfer"
    }`, "Transfer target missing", `Risk "card data theft" is transferred, which needs transfer_to`},
		{"not applicable control selected", `{
      ` + cardTheft + `
      controls = [pii_control.access, pii_control.privileged, pii_control.kms, pii_control.premises]
    }`, "Not-applicable control selected", `Risk "card data theft", controls[3]: iso29151:11.1.1 Physical security perimeter is declared not_applicable, so it cannot treat this risk.`},
		{"a hand-written control that names no control", `{
      ` + cardTheft + `
      controls = [pii_control.access, pii_control.privileged, pii_control.kms, { id = "iso29151:9.41", status = "implemented" }]
    }`, "Unknown control", `Risk "card data theft", controls[3]: there is no control "9.41" in catalog iso29151. Did you mean "9.4.1"?`},
		{"a hand-written control with a status typo", `{
      ` + cardTheft + `
      controls = [pii_control.access, pii_control.privileged, pii_control.kms, { id = "iso29151:9.2.1", status = "implmented" }]
    }`, "Invalid control status", `Risk "card data theft", controls[3]: iso29151:9.2.1 User registration and de-registration has status "implmented", which is not a control status; use one of "implemented", "partial", "planned", "not_applicable", "alternative". Did you mean "implemented"?`},
		{"not a life-cycle stage", `{
      ` + cardTheft + `
      lifecycle_stage = "archive"
    }`, "Invalid life-cycle stage", `Risk "card data theft": "archive" is not a life-cycle stage; use one of "collection", "storage", "use", "transfer", "disposal".`},
		{"a stage typo suggests", `{
      ` + cardTheft + `
      lifecycle_stage = "strage"
    }`, "Invalid life-cycle stage", `Risk "card data theft": "strage" is not a life-cycle stage; use one of "collection", "storage", "use", "transfer", "disposal". Did you mean "storage"?`},
		{"stage the activity does not declare", `{
      ` + cardTheft + `
      lifecycle_stage = "transfer"
    }`, "Life-cycle stage not declared by the activity", `Risk "card data theft" is assessed on the "transfer" stage, but activity "Checkout" does not declare a transfer block (declared stages: "collection" and "storage").`},
		{"unknown risk category", `{
      ` + cardTheft + `
      category = "ilegitimate_access"
    }`, "Unknown risk category", `Risk "card data theft": there is no risk category "ilegitimate_access". Did you mean "illegitimate_access"? Known: illegitimate_access,`},
		{"missing category", `{
      name            = "card data theft"
      lifecycle_stage = "storage"
      likelihood      = "significant"
      impact          = "maximum"
    }`, "Risk category missing", `Risk "card data theft" has no category: set category to the feared event, one of illegitimate_access,`},
		{"duplicate risk names", `{
      ` + cardTheft + `
      name      = "over-collection at signup"
      treatment = "avoid"
      rationale = "Gone"
    }`, "Duplicate risk name", `Risk "over-collection at signup": risks[0] has the same name. Risk names must be unique within an assessment.`},
		{"rating typo", `{
      ` + cardTheft + `
      impact = "severe"
    }`, "Invalid impact", `Risk "card data theft": "severe" is not a rating for impact; use one of "negligible", "limited", "significant", "maximum".`},
		{"missing likelihood", `{
      name            = "card data theft"
      category        = "illegitimate_access"
      lifecycle_stage = "storage"
      impact          = "maximum"
    }`, "Missing likelihood", `Risk "card data theft" has no likelihood: rate how likely the feared event is before any control as one of "negligible", "limited", "significant", "maximum".`},
		{"treatment typo", `{
      ` + cardTheft + `
      treatment = "mitigat"
    }`, "Invalid treatment", `Risk "card data theft": "mitigat" is not a treatment; use one of "mitigate", "accept", "avoid", "transfer". Did you mean "mitigate"?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			config := dedupeAttributes(posture("", assessment(tt.risk)))
			name := "card data theft"
			if tt.name == "duplicate risk names" {
				name = "over-collection at signup"
			}
			// The second risk of a duplicate name is the one reported.
			want := atRiskError(t, config, name, tt.summary, tt.detail)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: config, ExpectError: want}},
			})
		})
	}
}

// A risk without a name is named by its place.
func TestAccRiskAssessmentUnnamedRisk(t *testing.T) {
	config := posture("", assessment(`{
      name            = ""
      category        = "illegitimate_access"
      lifecycle_stage = "storage"
      likelihood      = "significant"
      impact          = "maximum"
    }`))
	n := strings.Count(config[:strings.Index(config, `name            = ""`)], "\n") + harnessLines // the "{" line
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{Config: config, ExpectError: expectError(fmt.Sprintf(
			`Error: Risk without a name with pii_risk_assessment.checkout, on terraform_plugin_test.tf line %d, in resource "pii_risk_assessment" "checkout": %d: { … The risk at risks[1] has no name. Give every risk a name, unique within the assessment, so that gaps and reports can refer to it.`, n, n))}},
	})
}

// Independent problems all come out in one plan, each at its own risk:
// an invalid assessment status, a bad stage and a bad category in one
// risk, a missing impact and a bad treatment in another, a control with
// no effect and a gap in a third.
func TestAccRiskAssessmentAllProblemsInOnePlan(t *testing.T) {
	config := posture(providerBlock, `
resource "pii_risk_assessment" "checkout" {
  activity = pii_processing_activity.checkout
  status   = "aproved"
  risks = [
    {
      name            = "order files lost"
      category        = "dataloss"
      lifecycle_stage = "archive"
      likelihood      = "limited"
      impact          = "limited"
    },
    {
      name            = "signup form asks too much"
      category        = "excessive_collection"
      lifecycle_stage = "collection"
      likelihood      = "limited"
      treatment       = "acept"
    },
    {
      `+cardTheft+`
      controls = [pii_control.accuracy]
    },
  ]
}
`)
	diags := planDiagnostics(t, config)
	want := []struct {
		msg  string
		risk string // "" for the status, at its own line
	}{
		{`error: Invalid value: "aproved" is not an assessment status; use one of "draft", "in_review", "approved". Did you mean "approved"?`, ""},
		{`error: Unknown risk category: Risk "order files lost": there is no risk category "dataloss". Did you mean "data_loss"?`, "order files lost"},
		{`error: Invalid life-cycle stage: Risk "order files lost": "archive" is not a life-cycle stage; use one of "collection", "storage", "use", "transfer", "disposal".`, "order files lost"},
		{`error: Missing impact: Risk "signup form asks too much" has no impact: rate how badly it would harm the people concerned as one of "negligible", "limited", "significant", "maximum".`, "signup form asks too much"},
		{`error: Invalid treatment: Risk "signup form asks too much": "acept" is not a treatment; use one of "mitigate", "accept", "avoid", "transfer". Did you mean "accept"?`, "signup form asks too much"},
		{`warning: Control has no effect on this risk: Risk "card data theft", controls[0]: iso29151:A.8 Accuracy and quality does not treat illegitimate_access (it treats inaccurate_data), so it does not lower this risk.`, "card data theft"},
		{`error: Risk not covered: Risk "card data theft" (illegitimate_access) is uncovered`, "card data theft"},
	}
	var msgs []string
	for _, w := range want {
		msgs = append(msgs, w.msg)
	}
	expectDiagnostics(t, diags, msgs...)
	for _, w := range want {
		for _, d := range diags {
			if !strings.Contains(strings.Join(strings.Fields(d.String()), " "), w.msg) || w.risk == "" {
				continue
			}
			if d.Range == nil || d.Range.Start.Line != riskLine(t, config, w.risk) {
				t.Errorf("%q is not at the lines of risk %q (line %d): %+v", w.msg, w.risk, riskLine(t, config, w.risk), d.Range)
			}
		}
	}
}

func TestAccRiskAssessmentApproval(t *testing.T) {
	config := dedupeAttributes(posture("", assessment(`{
      `+cardTheft+`
      treatment = "avoid"
      rationale = "Gone"
    }`)))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      replaceOnce(config, `approved_by = "DPO"`, ""),
				ExpectError: expectError(`Error: Approver missing … An approved assessment must say who approved it`),
			},
			{
				Config:      replaceOnce(config, `next_review = "2027-03-01"`, `next_review = "2025-03-01"`),
				ExpectError: expectError(`Error: Review before assessment … next_review (2025-03-01) must come after assessed_on (2026-03-01).`),
			},
		},
	})
}

func TestAccRiskAssessmentWarnings(t *testing.T) {
	tests := []struct {
		name, provider, config string
		want                   []string
	}{
		{"enforcement warning turns a gap into a warning", `provider "pii" {
  enforcement = "warning"
}`, assessment(`{
      ` + cardTheft + `
    }`), []string{`warning: Risk not covered: Risk "card data theft" (illegitimate_access) is uncovered`}},
		{"a planned control has no effect yet", "", assessment(`{
      ` + cardTheft + `
      controls = [pii_control.access, pii_control.privileged, pii_control.kms, pii_control.network]
    }`), []string{`warning: Planned control has no effect yet: Risk "card data theft", controls[3]: iso29151:13.1.1 Network controls is planned, not implemented: it does not lower this risk until its status is implemented.`}},
		{"a control that does not treat the category", "", assessment(`{
      ` + cardTheft + `
      controls = [pii_control.access, pii_control.privileged, pii_control.kms, pii_control.accuracy]
    }`), []string{`warning: Control has no effect on this risk: Risk "card data theft", controls[3]: iso29151:A.8 Accuracy and quality does not treat illegitimate_access (it treats inaccurate_data), so it does not lower this risk.`}},
		{"a control scoped to another activity", "", assessment(`{
      ` + cardTheft + `
      controls = [pii_control.access, pii_control.privileged, pii_control.kms, pii_control.payroll_only]
    }`), []string{`warning: Control out of scope: Risk "card data theft", controls[3]: iso29151:9.1.1 Access control policy is in place only for other activities (payroll-`}},
		{"a declared stage without a risk", "", `
resource "pii_risk_assessment" "checkout" {
  activity = pii_processing_activity.checkout
  risks = [{
    ` + cardTheft + `
    controls = [pii_control.access, pii_control.privileged, pii_control.kms]
  }]
}
`, []string{`warning: Life-cycle stage not assessed: Activity "Checkout" declares the stage "collection", but no risk is assessed on it.`}},
		{"special-category impact below significant", "", `
resource "pii_risk_assessment" "payroll" {
  activity = pii_processing_activity.payroll
  risks = [{
    name            = "sick notes read by colleagues"
    category        = "illegitimate_access"
    lifecycle_stage = "storage"
    likelihood      = "limited"
    impact          = "limited"
    controls        = [pii_control.access]
  }]
}
`, []string{`warning: Impact looks low for special-category data: Risk "sick notes read by colleagues" rates its impact limited, yet activity "Payroll" processes special categories of PII. Harm from such data is usually significant or maximum; give a rationale for the lower rating, or raise it.`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			config := posture(providerBlock+tt.provider, tt.config)
			diags := planDiagnostics(t, config)
			expectDiagnostics(t, diags, tt.want...)
			// A warning about one risk is shown at that risk's lines.
			for _, d := range diags {
				name, ok := warnedRisk(d.Detail)
				if !ok {
					continue
				}
				if want := riskLine(t, config, name); d.Range == nil || d.Range.Start.Line != want {
					t.Errorf("%s: at %+v, want line %d (risk %q)", d.Summary, d.Range, want, name)
				}
			}
		})
	}
}

// warnedRisk is the risk a diagnostic's detail starts with, if any.
func warnedRisk(detail string) (string, bool) {
	m := regexp.MustCompile(`^Risk "([^"]+)"`).FindStringSubmatch(detail)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// Controls whose values are not known at plan make coverage unknown, never
// an error; the check runs at apply, once they are known.
func TestAccRiskAssessmentUnknownAtPlan(t *testing.T) {
	addr := "pii_risk_assessment.checkout"
	risk1 := func(p string) tfjsonpath.Path { return tfjsonpath.New("risks").AtSliceIndex(1).AtMapKey(p) }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: posture("", assessment(`{
      `+cardTheft+`
      controls = [pii_control.access, pii_control.privileged, pii_control.from_pipeline]
    }`)) + `
resource "terraform_data" "pipeline" {
  input = "implemented"
}
resource "pii_control" "from_pipeline" {
  control_id = "10.1.1"
  status     = terraform_data.pipeline.output
}
`,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectUnknownValue(addr, risk1("coverage")),
				plancheck.ExpectUnknownValue(addr, risk1("residual_level")),
				plancheck.ExpectUnknownValue(addr, tfjsonpath.New("covered")),
				plancheck.ExpectKnownValue(addr, risk1("inherent_level"), knownvalue.StringExact("very_high")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, risk1("coverage"), knownvalue.StringExact("covered")),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("covered"), knownvalue.Bool(true)),
			},
		}},
	})
}

// A risk's own values that are not known at plan are not checked, and
// leave what depends on them unknown; once known, they are checked.
func TestAccRiskAssessmentUnknownRiskValues(t *testing.T) {
	addr := "pii_risk_assessment.checkout"
	risk1 := func(p string) tfjsonpath.Path { return tfjsonpath.New("risks").AtSliceIndex(1).AtMapKey(p) }
	config := posture("", assessment(`{
      `+cardTheft+`
      impact          = terraform_data.rating.output
      lifecycle_stage = terraform_data.stage.output
      controls        = [pii_control.access, pii_control.privileged, pii_control.kms]
    }`)) + `
resource "terraform_data" "rating" {
  input = "maximum"
}
resource "terraform_data" "stage" {
  input = "storage"
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: dedupeAttributes(config),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectUnknownValue(addr, risk1("inherent_level")),
				plancheck.ExpectUnknownValue(addr, risk1("coverage")),
				plancheck.ExpectUnknownValue(addr, risk1("suggested_controls")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, risk1("coverage"), knownvalue.StringExact("covered")),
			},
		}},
	})
}

// Changing a control's status re-evaluates the assessment that selects it.
func TestAccRiskAssessmentUpdate(t *testing.T) {
	addr := "pii_risk_assessment.checkout"
	risk1 := func(p string) tfjsonpath.Path { return tfjsonpath.New("risks").AtSliceIndex(1).AtMapKey(p) }
	covered := posture(`provider "pii" {
  enforcement = "warning"
}`, assessment(`{
      `+cardTheft+`
      controls = [pii_control.access, pii_control.kms]
    }`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:            covered,
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(addr, risk1("coverage"), knownvalue.StringExact("covered"))},
			},
			{
				Config: replaceOnce(covered, "control_id = \"10.1.1\"\n  status     = \"implemented\"", "control_id = \"10.1.1\"\n  status     = \"planned\""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(addr, risk1("coverage"), knownvalue.StringExact("partially_covered")),
					plancheck.ExpectKnownValue(addr, risk1("residual_impact"), knownvalue.StringExact("maximum")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("covered"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("uncovered_risks"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("card data theft")})),
					statecheck.ExpectKnownValue(addr, risk1("gaps"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("partially covered: the residual level high is above the risk appetite medium; inherent very_high (12), residual high (8), appetite medium"),
					})),
				},
			},
		},
	})
}

// A risk appetite of high accepts the residual that medium does not.
func TestAccRiskAssessmentAppetite(t *testing.T) {
	addr := "pii_risk_assessment.checkout"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: posture(`provider "pii" {
  risk_appetite = "high"
}`, assessment(`{
      `+cardTheft+`
      controls = [pii_control.access]
    }`)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("risks").AtSliceIndex(1).AtMapKey("coverage"), knownvalue.StringExact("covered")),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("max_residual_level"), knownvalue.StringExact("high")),
			},
		}},
	})
}
