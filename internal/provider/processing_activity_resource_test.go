package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const payrollActivity = `
resource "pii_processing_activity" "payroll" {
  name                       = %q
  description                = %q
  owner                      = "HR operations"
  purposes                   = ["Pay salaries", "Record sick leave"]
  legal_basis                = "contract"
  pii_categories             = ["identifiers.name", "financial.bank_account", "special.health", "special.trade_union"]
  special_category_condition = "employment_social_protection"
  principals                 = ["employee"]
  volume                     = 1200
  retention                  = "P7Y"

  collection {
    source  = "data_subject"
    systems = ["workday"]
  }
  storage {
    systems   = ["aws_db_instance.payroll"]
    countries = ["DE", "IE"]
  }
  transfer {
    recipient      = "Payroll bureau"
    recipient_role = "processor"
    country        = "GB"
    mechanism      = "adequacy"
  }
  disposal {
    method = "crypto_erasure"
  }
}
`

func TestAccProcessingActivity(t *testing.T) {
	idSame := statecheck.CompareValue(compare.ValuesSame())
	idChanges := statecheck.CompareValue(compare.ValuesDiffer())
	addr := "pii_processing_activity.payroll"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(payrollActivity, "Payroll", "Monthly payroll"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate),
					// Everything the assessments and policies read is known at plan.
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^payroll-[0-9a-f]{8}$`))),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("sensitivity"), knownvalue.StringExact("special")),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("special_categories"), knownvalue.Bool(true)),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("lifecycle_stages"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("collection"), knownvalue.StringExact("storage"), knownvalue.StringExact("transfer"), knownvalue.StringExact("disposal"),
					})),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("pia_triggers"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("sensitive_data"), knownvalue.StringExact("vulnerable_principals"),
					})),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("pia_required"), knownvalue.Bool(true)),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("role"), knownvalue.StringExact("controller")),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("profiling"), knownvalue.Bool(false)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					idSame.AddStateValue(addr, tfjsonpath.New("id")),
					idChanges.AddStateValue(addr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("sensitivity"), knownvalue.StringExact("special")),
				},
			},
			{
				// A new description updates in place; the id stays.
				Config: fmt.Sprintf(payrollActivity, "Payroll", "Monthly payroll, including bonuses"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{idSame.AddStateValue(addr, tfjsonpath.New("id"))},
			},
			{
				// A new name is a new record: replaced, with a new id.
				Config: fmt.Sprintf(payrollActivity, "Payroll (EU)", "Monthly payroll, including bonuses"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					idChanges.AddStateValue(addr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^payroll-eu-[0-9a-f]{8}$`))),
				},
			},
		},
	})
}

// Names in any script get a valid, distinct id.
func TestAccProcessingActivityNonLatinNames(t *testing.T) {
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "pii_processing_activity" "ja" {
  name           = "給与計算"
  purposes       = ["給与の支払い"]
  pii_categories = ["identifiers.name"]
  principals     = ["employee"]
  retention      = "P5Y"
}
resource "pii_processing_activity" "ru" {
  name           = "Расчёт зарплаты"
  purposes       = ["Выплата зарплаты"]
  pii_categories = ["identifiers.name"]
  principals     = ["employee"]
  retention      = "P5Y"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("pii_processing_activity.ja", tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^activity-[0-9a-f]{8}$`))),
				statecheck.ExpectKnownValue("pii_processing_activity.ru", tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^activity-[0-9a-f]{8}$`))),
				statecheck.CompareValuePairs("pii_processing_activity.ja", tfjsonpath.New("id"), "pii_processing_activity.ru", tfjsonpath.New("id"), compare.ValuesDiffer()),
			},
		}},
	})
}

// activityConfig renders a valid activity in which each "name = value"
// line of change replaces the attribute of that name, and other lines
// (blocks) are added.
func activityConfig(change string) string {
	attrs := [][2]string{
		{"name", `"Newsletter"`}, {"purposes", `["Send the newsletter"]`}, {"legal_basis", `"consent"`},
		{"pii_categories", `["contact.email"]`}, {"principals", `["subscriber"]`}, {"retention", `"P2Y"`},
	}
	var extra []string
	if name, value, ok := strings.Cut(change, " = "); ok && !strings.Contains(name, "\n") && !strings.Contains(name, "{") {
		replaced := false
		for i, a := range attrs {
			if a[0] == strings.TrimSpace(name) {
				attrs[i][1], replaced = value, true
			}
		}
		if !replaced {
			extra = append(extra, change)
		}
	} else if change != "" {
		extra = append(extra, change)
	}
	var b strings.Builder
	b.WriteString("resource \"pii_processing_activity\" \"test\" {\n")
	for _, a := range attrs {
		fmt.Fprintf(&b, "  %s = %s\n", a[0], a[1])
	}
	for _, e := range extra {
		b.WriteString("  " + e + "\n")
	}
	b.WriteString("}\n")
	return b.String()
}

func TestAccProcessingActivityErrors(t *testing.T) {
	tests := []struct {
		name, config, wantErr string
	}{
		{"unknown PII category suggests the closest",
			activityConfig(`pii_categories = ["contact.emial", "identifiers.name"]`),
			`Error: Unknown PII category with pii_processing_activity.test, … There is no PII category "contact.emial". Did you mean "contact.email"?`},
		{"special category without a condition",
			activityConfig(`pii_categories = ["special.health"]`),
			`Error: Special categories need a condition with pii_processing_activity.test, … Activity "Newsletter" processes special categories of PII (special.health), which is prohibited unless one of the conditions of GDPR Art. 9(2) applies (or, for criminal data, Art. 10). Set special_category_condition to one of "explicit_consent",`},
		{"transfer without a safeguard",
			activityConfig(`transfer {
    recipient = "Mailer Inc"
    country   = "US"
    mechanism = "none"
  }`),
			`Error: Transfer without a safeguard with pii_processing_activity.test, on terraform_plugin_test.tf line 21, in resource "pii_processing_activity" "test": 21: mechanism = "none" Transfer to "Mailer Inc" (US): mechanism "none" declares no safeguard, and PII may not leave its jurisdiction without one.`},
		{"malformed retention",
			activityConfig(`retention = "30 days"`),
			`Error: Invalid value with pii_processing_activity.test, on terraform_plugin_test.tf line 17, in resource "pii_processing_activity" "test": 17: retention = "30 days" "30 days" is not an ISO 8601 duration: write P followed by amounts and units, such as P30D (30 days)`},
		{"retention with a fixable slip",
			activityConfig(`retention = "P5H"`),
			`Did you mean "PT5H"?`},
		{"country that is not ISO 3166",
			activityConfig(`transfer {
    recipient = "UK office"
    country   = "UK"
    mechanism = "adequacy"
  }`),
			`Error: Invalid value with pii_processing_activity.test, on terraform_plugin_test.tf line 20, in resource "pii_processing_activity" "test": 20: country = "UK" Transfer to "UK office": "UK" is not an ISO 3166-1 alpha-2 country code. Did you mean "GB" (United Kingdom)?`},
		{"storage country",
			activityConfig(`storage {
    countries = ["DEU"]
  }`),
			`Error: Invalid value with pii_processing_activity.test, on terraform_plugin_test.tf line 19, in resource "pii_processing_activity" "test": 19: countries = ["DEU"] Storage stage: "DEU" is not an ISO 3166-1 alpha-2 country code: it is an alpha-3 code. Did you mean "DE" (Germany)?`},
		{"empty purposes",
			activityConfig(`purposes = []`),
			`Error: No purpose with pii_processing_activity.test, on terraform_plugin_test.tf line 13, in resource "pii_processing_activity" "test": 13: purposes = [] Activity "Newsletter" states no purpose.`},
		{"empty purpose",
			activityConfig(`purposes = ["Send the newsletter", ""]`),
			`Error: Empty purpose … Purpose 2 is blank.`},
		{"blank purpose",
			activityConfig(`purposes = ["Send the newsletter", "   "]`),
			`Error: Empty purpose … Purpose 2 is blank.`},
		{"unknown legal basis",
			activityConfig(`legal_basis = "legitimate_interest"`),
			`Error: Invalid value with pii_processing_activity.test, on terraform_plugin_test.tf line 14, in resource "pii_processing_activity" "test": 14: legal_basis = "legitimate_interest" "legitimate_interest" is not a valid legal basis; use one of "consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests". Did you mean "legitimate_interests"?`},
		{"no PII categories",
			activityConfig(`pii_categories = []`),
			`Error: No PII categories … Activity "Newsletter" names no PII category.`},
		{"a processor without controllers",
			activityConfig(`role = "processor"`),
			`Error: Processor without a controller with pii_processing_activity.test, on terraform_plugin_test.tf line 11, in resource "pii_processing_activity" "test": 11: resource "pii_processing_activity" "test" { Activity "Newsletter" has role "processor" but names no controller. Set controllers to the PII controllers on whose behalf the organisation processes the PII, such as ["Acme Retail Ltd"], or, for a service with many customers, to how they are identified, such as ["Each customer, under its data processing agreement"]: a processor's record of processing names each controller (GDPR Art. 30(2)(a)).`},
		{"a blank controller",
			activityConfig("role = \"processor\"\n  controllers = [\"\"]"),
			`Error: Empty controller … A controller is blank: name each one, or remove the blank entry.`},
		{"a PII category named by its last part",
			activityConfig(`pii_categories = ["health"]`),
			`Error: Unknown PII category with pii_processing_activity.test, on terraform_plugin_test.tf line 15, in resource "pii_processing_activity" "test": 15: pii_categories = ["health"] There is no PII category "health". Did you mean "special.health"? Top-level categories: … To add a category of your own, declare a pii_category block (such as pii_category "financial.crypto_wallet") in a catalog file and list the file in the provider's catalog_files.`},
		{"a transfer's mechanism",
			activityConfig(`transfer {
    recipient = "Mailer Inc"
    country   = "US"
    mechanism = "sccs"
  }`),
			`Error: Invalid value with pii_processing_activity.test, on terraform_plugin_test.tf line 21, in resource "pii_processing_activity" "test": 21: mechanism = "sccs" Transfer to "Mailer Inc": "sccs" is not a valid mechanism; use one of "not_required", "adequacy", "scc", "bcr", "derogation", "none". Did you mean "scc"?`},
		{"the second transfer is named",
			activityConfig(`transfer {
    recipient = "Payments"
    country   = "IE"
    mechanism = "not_required"
  }
  transfer {
    recipient      = "Zendesk"
    recipient_role = "vendor"
    country        = "US"
    mechanism      = "scc"
  }`),
			`Error: Invalid value with pii_processing_activity.test, on terraform_plugin_test.tf line 25, in resource "pii_processing_activity" "test": 25: recipient_role = "vendor" Transfer to "Zendesk": "vendor" is not a valid recipient role; use one of "controller", "processor", "joint_controller", "third_party", "public_authority".`},
		{"a stage's enumeration",
			activityConfig(`disposal {
    method = "shredding"
  }`),
			`Error: Invalid value with pii_processing_activity.test, on terraform_plugin_test.tf line 19, in resource "pii_processing_activity" "test": 19: method = "shredding" Disposal stage: "shredding" is not a valid disposal method; use one of "deletion", "crypto_erasure", "anonymisation", "return", "destruction".`},
		{"a blank system",
			activityConfig(`collection {
    systems = [""]
  }`),
			`Error: Empty system with pii_processing_activity.test, on terraform_plugin_test.tf line 19, in resource "pii_processing_activity" "test": 19: systems = [""] Collection stage: a system is blank: name each one, or remove the blank entry.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: tt.config, ExpectError: expectError(tt.wantErr)}},
			})
		})
	}
}

func TestAccProcessingActivityWarnings(t *testing.T) {
	tests := []struct {
		name, config string
		want         []string
	}{
		{"no retention", `
resource "pii_processing_activity" "test" {
  name           = "Newsletter"
  legal_basis    = "consent"
  purposes       = ["Send the newsletter"]
  pii_categories = ["contact.email"]
  principals     = ["subscriber"]
}`, []string{`warning: No retention period: Activity "Newsletter" does not say how long its PII is kept. Set retention to an ISO 8601 duration such as "P30D" or "P7Y"`}},
		{"consent from children", `
resource "pii_processing_activity" "test" {
  name           = "Kids club"
  purposes       = ["Run the kids club"]
  legal_basis    = "consent"
  pii_categories = ["contact.email"]
  principals     = ["child", "parent"]
  retention      = "P1Y"
}`, []string{`warning: Consent from children: Activity "Kids club" relies on consent and its principals include children. Below the age of digital consent (13–16 depending on the country, GDPR Art. 8) consent must be given or authorised by the holder of parental responsibility`}},
		{"a controller naming controllers", activityConfig(`controllers = ["Acme Retail Ltd"]`),
			[]string{`warning: Controllers without a processor role: Activity "Newsletter" names controllers, but its role is "controller": the organisation decides the processing itself, and the list has no effect. Set role = "processor" when it processes the PII on their behalf, or "joint_controller" when it decides together with them.`}},
		{"a joint controller without partners", activityConfig(`role = "joint_controller"`),
			[]string{`warning: Joint controller without partners: Activity "Newsletter" has role "joint_controller" but names no other controller.`}},
		{"a processor that names its controllers has no warnings",
			activityConfig("role = \"processor\"\n  controllers = [\"Each customer, under its data processing agreement\"]"), nil},
		{"a clean activity has no warnings", activityConfig(""), nil},
		{"no legal basis", activityConfig(`legal_basis = null`),
			[]string{`warning: No legal basis: Activity "Newsletter" does not say on what lawful basis it processes PII: every processing needs one (GDPR Art. 6(1)). Set legal_basis to one of "consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests"; if the organisation processes the PII only on another's behalf, set role = "processor" instead.`}},
		// A processor relies on its controllers' lawful basis.
		{"a processor without a legal basis has no warnings",
			activityConfig("legal_basis = null\n  role = \"processor\"\n  controllers = [\"Each customer\"]"), nil},
		// Without organization.jurisdiction nothing is abroad, and a
		// transfer that needs no safeguard is not questioned.
		{"no home jurisdiction, no judgement of countries", activityConfig(`storage {
    countries = ["US"]
  }
  transfer {
    recipient = "Stripe"
    country   = "US"
    mechanism = "not_required"
  }`), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectDiagnostics(t, planDiagnostics(t, providerBlock+tt.config), tt.want...)
		})
	}
}

// providerBlock makes a configuration reach the in-process provider in the
// planDiagnostics harness.
const providerBlock = `
terraform {
  required_providers {
    pii = { source = "privacycode/pii" }
  }
}
`

// Values that are unknown at plan are never an error: what depends on them
// is unknown until apply.
func TestAccProcessingActivityUnknownAtPlan(t *testing.T) {
	addr := "pii_processing_activity.test"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "categories" {
  input = ["contact.email", "special.health"]
}
resource "pii_processing_activity" "test" {
  name                       = "Clinic newsletter"
  purposes                   = ["Send health tips"]
  pii_categories             = terraform_data.categories.output
  special_category_condition = "explicit_consent"
  principals                 = ["patient"]
  retention                  = "P1Y"
}
`,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^clinic-newsletter-`))),
				plancheck.ExpectUnknownValue(addr, tfjsonpath.New("sensitivity")),
				plancheck.ExpectUnknownValue(addr, tfjsonpath.New("pia_triggers")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("sensitivity"), knownvalue.StringExact("special")),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("pia_triggers"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("sensitive_data"), knownvalue.StringExact("vulnerable_principals"),
				})),
			},
		}},
	})
}

// A processor whose controllers come from another resource is checked
// once they are known, never flagged while they are unknown.
func TestAccProcessingActivityProcessorControllersUnknownAtPlan(t *testing.T) {
	addr := "pii_processing_activity.test"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "customers" {
  input = ["Each retailer, under its data processing agreement"]
}
resource "pii_processing_activity" "test" {
  name           = "Delivery notifications"
  role           = "processor"
  controllers    = terraform_data.customers.output
  purposes       = ["Tell the retailers' customers when their parcel arrives"]
  pii_categories = ["contact.email", "contact.phone"]
  principals     = ["customer"]
  retention      = "P90D"
}
`,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectUnknownValue(addr, tfjsonpath.New("controllers")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("role"), knownvalue.StringExact("processor")),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("controllers"), knownvalue.SetExact([]knownvalue.Check{
					knownvalue.StringExact("Each retailer, under its data processing agreement"),
				})),
			},
		}},
	})
}

// planAt is a diagnostic wanted at the line of a configuration that holds
// marker (the n-th such line, counting from 1, when n is set).
type planAt struct {
	text, marker string
	n            int
}

// expectDiagnosticsAt fails unless exactly the wanted diagnostics were
// reported, each at the line of its marker in config.
func expectDiagnosticsAt(t *testing.T, config string, got []planDiagnostic, want ...planAt) {
	t.Helper()
	lines := strings.Split(config, "\n")
	lineOf := func(w planAt) int {
		seen := 0
		for i, l := range lines {
			if strings.Contains(l, w.marker) {
				if seen++; seen >= max(w.n, 1) {
					return i + 1
				}
			}
		}
		t.Fatalf("no line holds %q", w.marker)
		return 0
	}
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	var all []string
	for _, d := range got {
		line := 0
		if d.Range != nil {
			line = d.Range.Start.Line
		}
		all = append(all, fmt.Sprintf("line %d: %s", line, norm(d.String())))
	}
	joined := strings.Join(all, "\n")
	for _, w := range want {
		if !strings.Contains(joined, fmt.Sprintf("line %d: %s", lineOf(w), norm(w.text))) {
			t.Errorf("diagnostics lack, at line %d, %q; got:\n%s", lineOf(w), w.text, joined)
		}
	}
	if len(all) != len(want) {
		t.Errorf("got %d diagnostics, want %d:\n%s", len(all), len(want), joined)
	}
}

// Independent problems all come out of one plan: Terraform stops at the
// schema's validation errors before it plans, so none of these is left to
// a schema validator.
func TestAccProcessingActivityAllProblemsAtOnce(t *testing.T) {
	config := providerBlock + `
resource "pii_processing_activity" "test" {
  name           = "Support"
  purposes       = ["Answer support requests"]
  legal_basis    = "contract"
  pii_categories = ["health", "contact.email"]
  principals     = ["customer"]
  retention      = "30 days"

  storage {
    countries = ["DEU"]
  }
  transfer {
    recipient = "Stripe"
    country   = "US"
    mechanism = "scc"
  }
  transfer {
    recipient = "Zendesk"
    country   = "UK"
    mechanism = "none"
  }
}
`
	expectDiagnosticsAt(t, config, planDiagnostics(t, config),
		planAt{text: `error: Unknown PII category: There is no PII category "health". Did you mean "special.health"?`, marker: "pii_categories"},
		planAt{text: `error: Invalid value: "30 days" is not an ISO 8601 duration`, marker: "retention"},
		planAt{text: `error: Invalid value: Storage stage: "DEU" is not an ISO 3166-1 alpha-2 country code`, marker: "countries"},
		planAt{text: `error: Invalid value: Transfer to "Zendesk": "UK" is not an ISO 3166-1 alpha-2 country code. Did you mean "GB" (United Kingdom)?`, marker: `country   = "UK"`},
		planAt{text: `error: Transfer without a safeguard: Transfer to "Zendesk" (UK): mechanism "none" declares no safeguard`, marker: `mechanism = "none"`},
	)
}

// With the home jurisdiction set, the stages abroad need a transfer, and
// transfers say when their safeguard does not fit; each finding is at its
// block's line and names it.
func TestAccProcessingActivityHomeJurisdiction(t *testing.T) {
	home := providerBlock + `
provider "pii" {
  organization = {
    jurisdiction = "EEA"
  }
}
`
	tests := []struct {
		name, config string
		want         []planAt
	}{
		{"storage and use abroad without a transfer", activityConfig(`storage {
    countries = ["IE", "US"]
  }
  use {
    countries = ["IN"]
  }
  transfer {
    recipient = "Support centre"
    country   = "PH"
    mechanism = "scc"
  }`), []planAt{
			{text: `warning: Stage outside the home jurisdiction: Storage stage: the PII is stored in US (United States), outside the home jurisdiction (the EEA), but no transfer goes to US. Add a transfer block with country = "US", the recipient (such as the hosting provider) and the safeguard it relies on (mechanism = "scc", "adequacy", …), so that the record shows the transfer (GDPR Art. 44–46), or correct the country.`, marker: `countries = ["IE", "US"]`},
			{text: `warning: Stage outside the home jurisdiction: Use stage: the PII is used in IN (India), outside the home jurisdiction (the EEA), but no transfer goes to IN.`, marker: `countries = ["IN"]`},
		}},
		{"a stage abroad with its transfer", activityConfig(`storage {
    countries = ["US"]
  }
  transfer {
    recipient = "Hosting provider"
    country   = "US"
    mechanism = "scc"
  }`), nil},
		{"partial adequacy decisions", activityConfig(`transfer {
    recipient = "Payments"
    country   = "IE"
    mechanism = "not_required"
  }
  transfer {
    recipient = "Stripe"
    country   = "US"
    mechanism = "not_required"
  }
  transfer {
    recipient = "Mailer"
    country   = "US"
    mechanism = "adequacy"
  }
  transfer {
    recipient = "Call centre"
    country   = "PH"
    mechanism = "not_required"
  }`), []planAt{
			{text: `warning: Partial adequacy decision: Transfer to "Stripe" (US): the adequacy decision for US covers only recipients certified under the EU-US Data Privacy Framework, and US is outside the home jurisdiction (the EEA); confirm the recipient is certified and set mechanism = "adequacy", or use mechanism = "scc".`, marker: `mechanism = "not_required"`, n: 2},
			{text: `warning: Partial adequacy decision: Transfer to "Mailer" (US): the adequacy decision for US covers only recipients certified under the EU-US Data Privacy Framework; confirm the recipient is certified or use mechanism = "scc".`, marker: `mechanism = "adequacy"`},
			{text: `warning: Transfer abroad without a safeguard: Transfer to "Call centre" (PH): mechanism "not_required" is for recipients inside the home jurisdiction (the EEA), and PH (Philippines) is outside it; use mechanism = "scc"`, marker: `mechanism = "not_required"`, n: 3},
		}},
		// Unknown at plan is never an error: the checks wait for apply.
		{"a transfer country known only after apply", `
resource "terraform_data" "country" {
  input = "US"
}
` + activityConfig(`storage {
    countries = ["US"]
  }
  transfer {
    recipient = "Hosting provider"
    country   = terraform_data.country.output
    mechanism = "adequacy"
  }`), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			config := home + tt.config
			expectDiagnosticsAt(t, config, planDiagnostics(t, config), tt.want...)
		})
	}
}
