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
		Retention: "P7Y", Stages: []Stage{{Name: "storage", Countries: []string{"IE"}}, {Name: "collection", Source: "data_subject"}},
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
		// options changes the organisation's settings (the jurisdiction).
		options func(o *Options)
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
			wantFindings: []string{`There is no PII category "pets.name". Did you mean "identifiers.name"? Top-level categories: behavioral, communications, contact, credentials, criminal, demographic, education, employment, financial, identifiers, location, special. To add a category of your own, declare a pii_category block (such as pii_category "financial.crypto_wallet") in a catalog file and list the file in the provider's catalog_files.`},
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
			wantFindings:    []string{`error: transfer[1].mechanism: Transfer without a safeguard: Transfer to "Analytics Inc" (US): mechanism "none" declares no safeguard`},
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
			wantFindings:    []string{`error: controllers[" "]: Empty controller: A controller is blank: name each one, or remove the blank entry.`, `error: controllers: Processor without a controller: Activity "Checkout" has role "processor" but names no controller. Set controllers to the PII controllers on whose behalf the organisation processes the PII, such as ["Acme Retail Ltd"], or, for a service with many customers, to how they are identified, such as ["Each customer, under its data processing agreement"]: a processor's record of processing names each controller (GDPR Art. 30(2)(a)).`},
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
			name:         "a category named by its last part suggests the full key",
			mutate:       func(a *Activity) { a.PIICategories = []string{"health", "payment_card", "email"} },
			wantFindings: []string{`error: pii_categories["health"]: Unknown PII category: There is no PII category "health". Did you mean "special.health"? Top-level categories:`, `error: pii_categories["payment_card"]: Unknown PII category: There is no PII category "payment_card". Did you mean "financial.payment_card"?`, `error: pii_categories["email"]: Unknown PII category: There is no PII category "email". Did you mean "contact.email"?`},
		},
		{
			name:         "a mistyped last part suggests the full key",
			mutate:       func(a *Activity) { a.PIICategories = []string{"helth"} },
			wantFindings: []string{`There is no PII category "helth". Did you mean "special.health"?`},
		},
		{
			name:         "the last part in the wrong section suggests the right one first",
			mutate:       func(a *Activity) { a.PIICategories = []string{"medical.health"} },
			wantFindings: []string{`There is no PII category "medical.health". Did you mean "special.health"?`},
		},
		{
			name:            "a controller without a legal basis warns",
			mutate:          func(a *Activity) { a.LegalBasis = "" },
			wantSensitivity: "medium",
			wantFindings:    []string{`warning: legal_basis: No legal basis: Activity "Checkout" does not say on what lawful basis it processes PII: every processing needs one (GDPR Art. 6(1)). Set legal_basis to one of "consent", "contract",`},
		},
		{
			name: "a joint controller without a legal basis warns",
			mutate: func(a *Activity) {
				a.LegalBasis, a.Role, a.Controllers = "", "joint_controller", []string{"Marketplace GmbH"}
			},
			wantSensitivity: "medium",
			wantFindings:    []string{`warning: legal_basis: No legal basis`},
		},
		{
			name: "a processor relies on its controllers' basis",
			mutate: func(a *Activity) {
				a.LegalBasis, a.Role, a.Controllers = "", "processor", []string{"Each retailer using the delivery service"}
			},
			wantSensitivity: "medium",
		},
		{
			name: "enumerations suggest the closest value",
			mutate: func(a *Activity) {
				a.Role, a.LegalBasis, a.SpecialCategoryCondition = "processr", "legitimate_interest", "consent"
				a.Controllers = []string{"Acme"}
			},
			wantFindings: []string{
				`error: role: Invalid value: "processr" is not a valid role; use one of "controller", "processor", "joint_controller". Did you mean "processor"?`,
				`error: legal_basis: Invalid value: "legitimate_interest" is not a valid legal basis; use one of "consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests". Did you mean "legitimate_interests"?`,
				`error: special_category_condition: Invalid value: "consent" is not a valid special category condition;`,
			},
		},
		{
			name: "empty lists and blank entries",
			mutate: func(a *Activity) {
				a.Name, a.Purposes, a.PIICategories, a.Principals, a.Volume = " ", nil, nil, []string{""}, -1
			},
			wantFindings: []string{
				`error: name: Empty name: The activity's name is blank.`,
				`error: purposes: No purpose: Activity " " states no purpose.`,
				`error: pii_categories: No PII categories: Activity " " names no PII category.`,
				`error: principals[""]: Empty principal: A principal is blank`,
				`error: volume: Invalid value: Volume -1 is negative`,
			},
		},
		{
			name:         "malformed retention",
			mutate:       func(a *Activity) { a.Retention = "P5H" },
			wantFindings: []string{`error: retention: Invalid value: "P5H" is not an ISO 8601 duration: write P followed by amounts and units, such as P30D (30 days), P6M (6 months), P7Y (7 years) or PT12H (12 hours).`, `Did you mean "PT5H"?`},
		},
		{
			name: "findings about a stage are at the stage and name it",
			mutate: func(a *Activity) {
				a.Stages = []Stage{
					{Name: "collection", Source: "customer", Systems: []string{""}},
					{Name: "storage", Countries: []string{"DEU"}},
					{Name: "disposal", Method: "shredding"},
				}
			},
			wantFindings: []string{
				`error: collection.source: Invalid value: Collection stage: "customer" is not a valid source; use one of "data_subject", "third_party", "public", "derived".`,
				`error: collection.systems[""]: Empty system: Collection stage: a system is blank`,
				`error: storage.countries["DEU"]: Invalid value: Storage stage: "DEU" is not an ISO 3166-1 alpha-2 country code: it is an alpha-3 code. Did you mean "DE" (Germany)?`,
				`error: disposal.method: Invalid value: Disposal stage: "shredding" is not a valid disposal method;`,
			},
		},
		{
			name: "findings about a transfer are at the transfer and name its recipient",
			mutate: func(a *Activity) {
				a.Transfers = []Transfer{
					{Recipient: "Payments", Country: "IE", Mechanism: "not_required"},
					{Recipient: "Zendesk", Country: "UK", Mechanism: "scc", RecipientRole: "vendor"},
					{Recipient: " ", Country: "US", Mechanism: "sccs", Systems: []string{""}},
				}
			},
			wantFindings: []string{
				`error: transfer[1].country: Invalid value: Transfer to "Zendesk": "UK" is not an ISO 3166-1 alpha-2 country code. Did you mean "GB" (United Kingdom)?`,
				`error: transfer[1].recipient_role: Invalid value: Transfer to "Zendesk": "vendor" is not a valid recipient role;`,
				`error: transfer[2].recipient: Empty recipient: Transfer 3: the recipient is blank`,
				`error: transfer[2].mechanism: Invalid value: Transfer 3: "sccs" is not a valid mechanism; use one of "not_required", "adequacy", "scc", "bcr", "derogation", "none". Did you mean "scc"?`,
				`error: transfer[2].systems[""]: Empty system: Transfer 3: a system is blank`,
			},
		},
		{
			name: "independent problems are all reported",
			mutate: func(a *Activity) {
				a.PIICategories = []string{"health"}
				a.Retention = "30 days"
				a.Transfers = []Transfer{{Recipient: "Zendesk", Country: "UK", Mechanism: "none"}}
				a.Stages = append(a.Stages, Stage{Name: "use", Countries: []string{"us"}})
			},
			wantFindings: []string{
				`error: pii_categories["health"]: Unknown PII category`,
				`error: retention: Invalid value: "30 days" is not an ISO 8601 duration`,
				`error: transfer[0].country: Invalid value: Transfer to "Zendesk": "UK" is not`,
				`error: transfer[0].mechanism: Transfer without a safeguard: Transfer to "Zendesk" (UK): mechanism "none"`,
				`error: use.countries["us"]: Invalid value: Use stage: "us" is not an ISO 3166-1 alpha-2 country code: codes are written in capital letters. Did you mean "US" (United States)?`,
			},
		},
		{
			name: "storage and use abroad without a transfer warn",
			mutate: func(a *Activity) {
				a.Stages = []Stage{{Name: "storage", Countries: []string{"IE", "US"}}, {Name: "use", Countries: []string{"IN"}}, {Name: "collection"}}
				a.Transfers = []Transfer{{Recipient: "Support centre", Country: "PH", Mechanism: "scc"}}
			},
			options:         func(o *Options) { o.Jurisdiction = "EEA" },
			wantSensitivity: "medium",
			wantFindings: []string{
				`warning: storage.countries["US"]: Stage outside the home jurisdiction: Storage stage: the PII is stored in US (United States), outside the home jurisdiction (the EEA), but no transfer goes to US. Add a transfer block with country = "US", the recipient (such as the hosting provider) and the safeguard it relies on (mechanism = "scc", "adequacy", …), so that the record shows the transfer (GDPR Art. 44–46), or correct the country.`,
				`warning: use.countries["IN"]: Stage outside the home jurisdiction: Use stage: the PII is used in IN (India), outside the home jurisdiction (the EEA)`,
			},
		},
		{
			name: "a stage abroad with a matching transfer passes",
			mutate: func(a *Activity) {
				a.Stages = []Stage{{Name: "storage", Countries: []string{"US"}}, {Name: "collection"}}
				a.Transfers = []Transfer{{Recipient: "Hosting provider", Country: "US", Mechanism: "scc"}}
			},
			options:         func(o *Options) { o.Jurisdiction = "EEA" },
			wantSensitivity: "medium",
		},
		{
			name: "a country home jurisdiction",
			mutate: func(a *Activity) {
				a.Stages = []Stage{{Name: "storage", Countries: []string{"GB", "IE"}}, {Name: "collection"}}
			},
			options:         func(o *Options) { o.Jurisdiction = "GB" },
			wantSensitivity: "medium",
			wantFindings:    []string{`warning: storage.countries["IE"]: Stage outside the home jurisdiction: Storage stage: the PII is stored in IE (Ireland), outside the home jurisdiction (GB (United Kingdom))`},
		},
		{
			name: "without a home jurisdiction nothing is abroad",
			mutate: func(a *Activity) {
				a.Stages = []Stage{{Name: "storage", Countries: []string{"US"}}, {Name: "collection"}}
				a.Transfers = []Transfer{{Recipient: "Stripe", Country: "US", Mechanism: "not_required"}, {Recipient: "Helpdesk", Country: "IN", Mechanism: "not_required"}}
			},
			wantSensitivity: "medium",
		},
		{
			name: "a transfer country known only after apply may be the match",
			mutate: func(a *Activity) {
				a.Stages = []Stage{{Name: "storage", Countries: []string{"US"}}, {Name: "collection"}}
				a.Transfers = []Transfer{{Recipient: "Hosting provider", Mechanism: "scc", Unknown: map[string]bool{"country": true}}}
			},
			options:         func(o *Options) { o.Jurisdiction = "EEA" },
			wantSensitivity: "medium",
		},
		{
			name: "adequacy with a partial decision says what it covers",
			mutate: func(a *Activity) {
				a.Transfers = []Transfer{{Recipient: "Stripe", Country: "US", Mechanism: "adequacy"}}
			},
			wantSensitivity: "medium",
			wantFindings:    []string{`warning: transfer[0].mechanism: Partial adequacy decision: Transfer to "Stripe" (US): the adequacy decision for US covers only recipients certified under the EU-US Data Privacy Framework; confirm the recipient is certified or use mechanism = "scc".`},
		},
		{
			name: "not_required abroad: partial, adequate and other countries",
			mutate: func(a *Activity) {
				a.Transfers = []Transfer{
					{Recipient: "Stripe", Country: "US", Mechanism: "not_required"},
					{Recipient: "Support desk", Country: "CH", Mechanism: "not_required"},
					{Recipient: "Call centre", Country: "PH", Mechanism: "not_required"},
					{Recipient: "Mailing house", Country: "DE", Mechanism: "not_required"},
					{Recipient: "Group HR", Country: "CH", Mechanism: "adequacy"},
				}
			},
			options:         func(o *Options) { o.Jurisdiction = "EEA" },
			wantSensitivity: "medium",
			wantFindings: []string{
				`warning: transfer[0].mechanism: Partial adequacy decision: Transfer to "Stripe" (US): the adequacy decision for US covers only recipients certified under the EU-US Data Privacy Framework, and US is outside the home jurisdiction (the EEA); confirm the recipient is certified and set mechanism = "adequacy", or use mechanism = "scc".`,
				`warning: transfer[1].mechanism: Transfer abroad without a safeguard: Transfer to "Support desk" (CH): mechanism "not_required" is for recipients inside the home jurisdiction (the EEA), and CH (Switzerland) is outside it; CH has an adequacy decision: use mechanism = "adequacy".`,
				`warning: transfer[2].mechanism: Transfer abroad without a safeguard: Transfer to "Call centre" (PH): mechanism "not_required" is for recipients inside the home jurisdiction (the EEA), and PH (Philippines) is outside it; use mechanism = "scc" (standard contractual clauses), "bcr" (binding corporate rules) or, for occasional transfers, "derogation".`,
			},
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
			opt := options(t)
			if tt.options != nil {
				tt.options(&opt)
			}
			an, fs := Analyze(a, opt)
			if tt.wantSensitivity != "" {
				if !an.SensitivityKnown || an.Sensitivity.String() != tt.wantSensitivity || an.SpecialCategories != tt.wantSpecial {
					t.Errorf("sensitivity = %s (known %v), special %v; want %s, %v", an.Sensitivity, an.SensitivityKnown, an.SpecialCategories, tt.wantSensitivity, tt.wantSpecial)
				}
				if !an.TriggersKnown || strings.Join(an.Triggers, ",") != tt.wantTriggers || an.PIARequired != tt.wantPIA {
					t.Errorf("triggers = %v (pia %v), want %s (pia %v)", an.Triggers, an.PIARequired, tt.wantTriggers, tt.wantPIA)
				}
			}
			// Stages in life-cycle order; base declares storage before collection.
			wantStages := "collection,storage"
			if len(a.Transfers) > 0 {
				wantStages += ",transfer"
			}
			if got := strings.Join(an.Stages, ","); len(a.Stages) == 2 && got != wantStages {
				t.Errorf("stages = %s, want life-cycle order", got)
			}
			joined := joinFindings(fs)
			for _, w := range tt.wantFindings {
				if !strings.Contains(joined, w) {
					t.Errorf("findings lack %q; got:\n%s", w, joined)
				}
			}
			if n := countFindingLines(tt.wantFindings); len(fs) != n {
				t.Errorf("%d findings, want %d:\n%s", len(fs), n, joined)
			}
		})
	}
}

func TestStagesInLifeCycleOrder(t *testing.T) {
	a := base()
	a.Stages = []Stage{{Name: "disposal"}, {Name: "use"}, {Name: "collection"}}
	a.Transfers = []Transfer{{Recipient: "Payments", Country: "IE", Mechanism: "not_required"}}
	an, _ := Analyze(a, options(t))
	if got := strings.Join(an.Stages, ","); !an.StagesKnown || got != "collection,use,transfer,disposal" {
		t.Errorf("stages = %s (known %v)", got, an.StagesKnown)
	}
	a.Unknown = map[string]bool{"transfers": true}
	if an, _ := Analyze(a, options(t)); an.StagesKnown {
		t.Error("stages depend on whether there are transfers")
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

	// Unknown attributes of a block are not checked, and the known ones
	// that depend on them wait too.
	a = base()
	a.LegalBasis = ""
	a.Stages = []Stage{{Name: "storage", Countries: []string{"US"}}, {Name: "use", Unknown: map[string]bool{"countries": true}}}
	a.Transfers = []Transfer{
		{Recipient: "Hosting", Mechanism: "not_required", Unknown: map[string]bool{"country": true}},
		{Country: "US", Mechanism: "adequacy", Unknown: map[string]bool{"recipient": true, "mechanism": true}},
	}
	a.Unknown = map[string]bool{"legal_basis": true}
	opt := options(t)
	opt.Jurisdiction = "EEA"
	if _, fs := Analyze(a, opt); len(fs) > 0 {
		t.Errorf("nothing may be reported on unknown values: %s", joinFindings(fs))
	}
}

// countFindingLines counts the findings wanted: each starts with its
// severity; other wants are further parts of the one before.
func countFindingLines(wants []string) int {
	n := 0
	for _, w := range wants {
		if strings.HasPrefix(w, "error: ") || strings.HasPrefix(w, "warning: ") {
			n++
		}
	}
	if n == 0 && len(wants) > 0 {
		return len(wants)
	}
	return n
}

func joinFindings(fs finding.Findings) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String() + "\n")
	}
	return b.String()
}
