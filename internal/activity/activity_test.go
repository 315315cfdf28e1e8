package activity

import (
	"regexp"
	"strings"
	"testing"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/finding"
)

func TestID(t *testing.T) {
	valid := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{8}$`)
	names := []string{
		"Checkout payments", "checkout payments", "Checkout  payments!", "Café loyalty", "Cafe loyalty",
		"結帳", "給与計算", "Расчёт зарплаты", "مسیر پرداخت", "🙂", "", " ",
		strings.Repeat("very long name ", 20),
	}
	seen := map[string]string{}
	for _, n := range names {
		id := ID(n)
		if !valid.MatchString(id) || len(id) > 60 {
			t.Errorf("ID(%q) = %q is not a valid id", n, id)
		}
		if prev, dup := seen[id]; dup {
			t.Errorf("ID(%q) = ID(%q) = %q", n, prev, id)
		}
		seen[id] = n
		if ID(n) != id {
			t.Errorf("ID(%q) is not stable", n)
		}
	}
	if got := ID("Café loyalty"); !strings.HasPrefix(got, "cafe-loyalty-") {
		t.Errorf("accents are folded: %s", got)
	}
	if got := ID("結帳"); !strings.HasPrefix(got, "activity-") {
		t.Errorf("names without Latin letters get a generic slug: %s", got)
	}
}

func options(t *testing.T) Options {
	set, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return Options{Catalog: set, LargeScaleThreshold: 100000}
}

func base() Activity {
	return Activity{
		Name: "Checkout", LegalBasis: "contract", Purposes: []string{"Take payment for orders"},
		PIICategories: []string{"identifiers.name", "contact.email"}, Principals: []string{"customer"},
		Retention: "P7Y", Stages: []string{"storage", "collection"},
	}
}

func TestAnalyze(t *testing.T) {
	tests := []struct {
		name            string
		mutate          func(a *Activity)
		wantSensitivity string
		wantSpecial     bool
		wantTriggers    string
		wantPIA         bool
		wantFindings    []string
	}{
		{name: "plain activity", mutate: func(a *Activity) {}, wantSensitivity: "medium"},
		{
			name:            "payment data is highly personal",
			mutate:          func(a *Activity) { a.PIICategories = append(a.PIICategories, "financial.payment_card") },
			wantSensitivity: "high", wantTriggers: "sensitive_data",
		},
		{
			name: "special categories need a condition",
			mutate: func(a *Activity) {
				a.PIICategories = []string{"special.health", "special.trade_union", "employment"}
				a.Principals = []string{"employee"}
			},
			wantSensitivity: "special", wantSpecial: true, wantTriggers: "sensitive_data,vulnerable_principals", wantPIA: true,
			wantFindings: []string{`error: special_category_condition: Special categories need a condition: Activity "Checkout" processes special categories of PII (special.health, special.trade_union), which is prohibited unless one of the conditions of GDPR Art. 9(2) applies`},
		},
		{
			name: "a parent stands for its special children",
			mutate: func(a *Activity) {
				a.PIICategories = []string{"special"}
				a.SpecialCategoryCondition = "explicit_consent"
			},
			wantSensitivity: "special", wantSpecial: true, wantTriggers: "sensitive_data",
		},
		{
			name: "criminal data counts as special",
			mutate: func(a *Activity) {
				a.PIICategories = []string{"criminal"}
				a.SpecialCategoryCondition = "authorised_by_law"
			},
			wantSensitivity: "special", wantSpecial: true, wantTriggers: "sensitive_data",
		},
		{
			name:            "condition without special categories warns",
			mutate:          func(a *Activity) { a.SpecialCategoryCondition = "explicit_consent" },
			wantSensitivity: "medium",
			wantFindings:    []string{`warning: special_category_condition: Condition without special categories`},
		},
		{
			name:         "unknown category with suggestion",
			mutate:       func(a *Activity) { a.PIICategories = []string{"contact.emial"} },
			wantFindings: []string{`error: pii_categories["contact.emial"]: Unknown PII category: There is no PII category "contact.emial". Did you mean "contact.email"?`},
		},
		{
			name:         "unknown top-level category lists the roots",
			mutate:       func(a *Activity) { a.PIICategories = []string{"pets.name"} },
			wantFindings: []string{`There is no PII category "pets.name". Top-level categories: behavioral, communications, contact, credentials, criminal, demographic, education, employment, financial, identifiers, location, special.`},
		},
		{
			name:            "profiling, monitoring and large scale",
			mutate:          func(a *Activity) { a.Profiling, a.SystematicMonitoring, a.Volume = true, true, 250000 },
			wantSensitivity: "medium", wantTriggers: "evaluation_or_scoring,systematic_monitoring,large_scale", wantPIA: true,
		},
		{
			name:            "a parent stands for profiling",
			mutate:          func(a *Activity) { a.PIICategories = []string{"behavioral"} },
			wantSensitivity: "high", wantTriggers: "evaluation_or_scoring,sensitive_data", wantPIA: true,
		},
		{
			name:            "volume below the threshold is not large scale",
			mutate:          func(a *Activity) { a.Volume = 99999 },
			wantSensitivity: "medium",
		},
		{
			name: "every flag",
			mutate: func(a *Activity) {
				a.AutomatedDecisions, a.DatasetsCombined, a.InnovativeTechnology, a.PreventsRightOrService = true, true, true, true
			},
			wantSensitivity: "medium", wantTriggers: "automated_decisions,datasets_combined,innovative_technology,prevents_right_or_service", wantPIA: true,
		},
		{
			name:            "no retention warns",
			mutate:          func(a *Activity) { a.Retention = "" },
			wantSensitivity: "medium",
			wantFindings:    []string{`warning: retention: No retention period: Activity "Checkout" does not say how long its PII is kept.`},
		},
		{
			name:            "consent from children warns",
			mutate:          func(a *Activity) { a.LegalBasis = "consent"; a.Principals = []string{"child", "parent"} },
			wantSensitivity: "medium", wantTriggers: "vulnerable_principals",
			wantFindings: []string{`warning: legal_basis: Consent from children: Activity "Checkout" relies on consent and its principals include children.`},
		},
		{
			name: "transfer without safeguard",
			mutate: func(a *Activity) {
				a.Transfers = []Transfer{{Recipient: "EU payment processor", Country: "DE", Mechanism: "not_required"}, {Recipient: "Analytics Inc", Country: "US", Mechanism: "none"}}
			},
			wantSensitivity: "medium",
			wantFindings:    []string{`error: transfer[1].mechanism: Transfer without a safeguard: The transfer to Analytics Inc (US) has mechanism "none"`},
		},
		{
			name: "a processor names its controllers",
			mutate: func(a *Activity) {
				a.Role, a.Controllers = "processor", []string{"Each retailer using the delivery service"}
			},
			wantSensitivity: "medium",
		},
		{
			name:            "a processor without controllers",
			mutate:          func(a *Activity) { a.Role, a.Controllers = "processor", []string{" "} },
			wantSensitivity: "medium",
			wantFindings:    []string{`error: controllers: Processor without a controller: Activity "Checkout" has role "processor" but names no controller. Set controllers to the PII controllers on whose behalf the organisation processes the PII, such as ["Acme Retail Ltd"], or, for a service with many customers, to how they are identified, such as ["Each customer, under its data processing agreement"]: a processor's record of processing names each controller (GDPR Art. 30(2)(a)).`},
		},
		{
			name:            "a joint controller names its partners",
			mutate:          func(a *Activity) { a.Role, a.Controllers = "joint_controller", []string{"Marketplace GmbH"} },
			wantSensitivity: "medium",
		},
		{
			name:            "a joint controller without partners warns",
			mutate:          func(a *Activity) { a.Role = "joint_controller" },
			wantSensitivity: "medium",
			wantFindings:    []string{`warning: controllers: Joint controller without partners: Activity "Checkout" has role "joint_controller" but names no other controller.`},
		},
		{
			name:            "a controller naming controllers warns",
			mutate:          func(a *Activity) { a.Controllers = []string{"Acme Retail Ltd"} },
			wantSensitivity: "medium",
			wantFindings:    []string{`warning: controllers: Controllers without a processor role: Activity "Checkout" names controllers, but its role is "controller": the organisation decides the processing itself, and the list has no effect.`},
		},
		{
			name:            "blank purpose",
			mutate:          func(a *Activity) { a.Purposes = []string{"Orders", "  "} },
			wantSensitivity: "medium",
			wantFindings:    []string{`error: purposes[1]: Empty purpose: Purpose 2 is blank.`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := base()
			tt.mutate(&a)
			an, fs := Analyze(a, options(t))
			if tt.wantSensitivity != "" {
				if !an.SensitivityKnown || an.Sensitivity.String() != tt.wantSensitivity || an.SpecialCategories != tt.wantSpecial {
					t.Errorf("sensitivity = %s (known %v), special %v; want %s, %v", an.Sensitivity, an.SensitivityKnown, an.SpecialCategories, tt.wantSensitivity, tt.wantSpecial)
				}
				if !an.TriggersKnown || strings.Join(an.Triggers, ",") != tt.wantTriggers || an.PIARequired != tt.wantPIA {
					t.Errorf("triggers = %v (pia %v), want %s (pia %v)", an.Triggers, an.PIARequired, tt.wantTriggers, tt.wantPIA)
				}
			}
			if got := strings.Join(an.Stages, ","); got != "collection,storage" {
				t.Errorf("stages = %s, want life-cycle order", got)
			}
			joined := joinFindings(fs)
			for _, w := range tt.wantFindings {
				if !strings.Contains(joined, w) {
					t.Errorf("findings lack %q; got:\n%s", w, joined)
				}
			}
			if len(tt.wantFindings) == 0 && len(fs) > 0 {
				t.Errorf("unexpected findings:\n%s", joined)
			}
		})
	}
}

func TestUnknownInputsAreNotChecked(t *testing.T) {
	a := base()
	a.Retention = ""
	a.PIICategories = nil
	a.Role = "processor" // its controllers are not known yet
	a.Unknown = map[string]bool{"pii_categories": true, "retention": true, "name": true, "volume": true, "controllers": true}
	an, fs := Analyze(a, options(t))
	if an.SensitivityKnown || an.TriggersKnown || an.IDKnown {
		t.Errorf("values depending on unknowns must be unknown: %+v", an)
	}
	if !an.StagesKnown {
		t.Error("stages do not depend on the unknowns")
	}
	if len(fs) > 0 {
		t.Errorf("nothing may be reported on unknown values: %s", joinFindings(fs))
	}
}

func joinFindings(fs finding.Findings) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String() + "\n")
	}
	return b.String()
}
