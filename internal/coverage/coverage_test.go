package coverage

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/finding"
	"github.com/privacycode/terraform-provider-pii/internal/risk"
)

var today = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func options(t testing.TB) Options {
	t.Helper()
	set, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return Options{Catalog: set, Appetite: risk.Medium, GapSeverity: finding.Error, Today: today, DefaultCatalog: "iso29151"}
}

// control builds a selected control from the built-in catalog, so that its
// treats and reduces are the real mapping.
func control(t testing.TB, ref, status string, activities ...string) Control {
	t.Helper()
	set, _ := catalog.Builtin()
	c, err := set.LookupControl(ref)
	if err != nil {
		t.Fatal(err)
	}
	return Control{Ref: ref, Title: c.Title, Status: status, Activities: activities, Treats: c.Treats, Reduces: c.Reduces, Known: true}
}

var checkout = Activity{ID: "checkout-1a2b", Name: "Checkout", Stages: []string{"collection", "storage"}, Known: true}

func baseRisk() Risk {
	return Risk{
		Name: "card data theft", Category: "illegitimate_access", LifecycleStage: "storage",
		Likelihood: risk.Significant, Impact: risk.Maximum, Treatment: TreatMitigate,
		ControlsKnown: true, AcceptanceKnown: true, Known: true,
	}
}

func TestEvaluateRisk(t *testing.T) {
	// 9.4.1 lowers likelihood, 10.1.1 impact (the built-in mapping).
	likelihoodCtl := func(t testing.TB, status string, acts ...string) Control {
		return control(t, "iso29151:9.4.1", status, acts...)
	}
	impactCtl := func(t testing.TB, status string) Control { return control(t, "iso29151:10.1.1", status) }

	tests := []struct {
		name         string
		appetite     risk.Level
		mutate       func(t *testing.T, r *Risk)
		wantCoverage Coverage
		wantResidual string // "LxI"
		wantFindings []string
	}{
		{
			name:         "no controls: uncovered",
			mutate:       func(t *testing.T, r *Risk) {},
			wantCoverage: Uncovered, wantResidual: "3x4",
			wantFindings: []string{`error: risks[0]: Risk not covered: Risk "card data theft" (illegitimate_access) is uncovered: no selected control is implemented, in scope and treats illegitimate_access. Inherent level very_high (12), residual very_high (12), risk appetite medium. Select implemented controls that treat this risk, such as iso29151:`},
		},
		{
			name: "one effective control is not enough for a very high risk: partially covered",
			mutate: func(t *testing.T, r *Risk) {
				r.Controls = []Control{likelihoodCtl(t, StatusImplemented)}
			},
			wantCoverage: PartiallyCovered, wantResidual: "2x4",
			wantFindings: []string{`error: risks[0]: Risk only partially covered: Risk "card data theft" (illegitimate_access) is partially covered: the residual level high is above the risk appetite medium. Inherent level very_high (12), residual high (8), risk appetite medium.`},
		},
		{
			name: "two dimensions lowered: covered",
			mutate: func(t *testing.T, r *Risk) {
				r.Controls = []Control{likelihoodCtl(t, StatusImplemented), impactCtl(t, StatusImplemented), control(t, "iso29151:9.2.3", StatusImplemented)}
			},
			wantCoverage: Covered, wantResidual: "1x3",
		},
		{
			name:     "higher appetite accepts a high residual",
			appetite: risk.High,
			mutate: func(t *testing.T, r *Risk) {
				r.Controls = []Control{likelihoodCtl(t, StatusImplemented)}
			},
			wantCoverage: Covered, wantResidual: "2x4",
		},
		{
			name: "partial control: partially covered, lowers nothing",
			mutate: func(t *testing.T, r *Risk) {
				r.Controls = []Control{likelihoodCtl(t, StatusPartial)}
			},
			wantCoverage: PartiallyCovered, wantResidual: "3x4",
			wantFindings: []string{`the selected controls that treat illegitimate_access are only partially implemented`},
		},
		{
			name: "planned control warns and has no effect",
			mutate: func(t *testing.T, r *Risk) {
				r.Controls = []Control{likelihoodCtl(t, StatusPlanned)}
			},
			wantCoverage: Uncovered, wantResidual: "3x4",
			wantFindings: []string{`warning: risks[0].controls[0]: Planned control has no effect yet: Risk "card data theft", controls[0]: iso29151:9.4.1 Information access restriction is planned, not implemented: it does not lower this risk until its status is implemented.`},
		},
		{
			name: "not applicable control is an error",
			mutate: func(t *testing.T, r *Risk) {
				r.Controls = []Control{likelihoodCtl(t, StatusNotApplicable)}
			},
			wantCoverage: Uncovered, wantResidual: "3x4",
			wantFindings: []string{`error: risks[0].controls[0]: Not-applicable control selected: Risk "card data theft", controls[0]: iso29151:9.4.1 Information access restriction is declared not_applicable, so it cannot treat this risk.`},
		},
		{
			name: "control that does not treat the category warns",
			mutate: func(t *testing.T, r *Risk) {
				r.Controls = []Control{control(t, "iso29151:A.8", StatusImplemented)}
			},
			wantCoverage: Uncovered, wantResidual: "3x4",
			wantFindings: []string{`warning: risks[0].controls[0]: Control has no effect on this risk: Risk "card data theft", controls[0]: iso29151:A.8 Accuracy and quality does not treat illegitimate_access (it treats inaccurate_data), so it does not lower this risk.`},
		},
		{
			name: "control scoped to another activity warns",
			mutate: func(t *testing.T, r *Risk) {
				r.Controls = []Control{likelihoodCtl(t, StatusImplemented, "payroll-9f8e")}
			},
			wantCoverage: Uncovered, wantResidual: "3x4",
			wantFindings: []string{`warning: risks[0].controls[0]: Control out of scope: Risk "card data theft", controls[0]: iso29151:9.4.1 Information access restriction is in place only for other activities (payroll-9f8e), not for "Checkout", so it does not lower this risk.`},
		},
		{
			name: "control scoped to this activity counts",
			mutate: func(t *testing.T, r *Risk) {
				r.Likelihood, r.Impact = risk.Limited, risk.Significant
				r.Controls = []Control{likelihoodCtl(t, StatusImplemented, "payroll-9f8e", "checkout-1a2b")}
			},
			wantCoverage: Covered, wantResidual: "1x3",
		},
		{
			name: "at most two steps per dimension, never below 1",
			mutate: func(t *testing.T, r *Risk) {
				r.Likelihood, r.Impact = risk.Maximum, risk.Limited
				r.Controls = []Control{likelihoodCtl(t, StatusImplemented), control(t, "iso29151:9.2.3", StatusImplemented),
					control(t, "iso29151:9.1.1", StatusImplemented), impactCtl(t, StatusImplemented), control(t, "iso29151:10.1.2", StatusImplemented)}
			},
			wantCoverage: Covered, wantResidual: "2x1",
		},
		{
			name: "the same control twice counts once",
			mutate: func(t *testing.T, r *Risk) {
				r.Controls = []Control{likelihoodCtl(t, StatusImplemented), likelihoodCtl(t, StatusImplemented)}
			},
			wantCoverage: PartiallyCovered, wantResidual: "2x4",
			wantFindings: []string{`warning: risks[0].controls[1]: Control selected twice: Risk "card data theft", controls[1]: iso29151:9.4.1 is already selected at controls[0]; it counts once.`},
		},
		{
			name: "accepted within expiry",
			mutate: func(t *testing.T, r *Risk) {
				r.Treatment, r.Likelihood, r.Impact = TreatAccept, risk.Limited, risk.Significant
				r.Acceptance = &Acceptance{AcceptedBy: "CFO", Rationale: "Low volume", Expires: "2027-01-31"}
			},
			wantCoverage: Accepted, wantResidual: "2x3",
		},
		{
			name: "expired acceptance is a gap",
			mutate: func(t *testing.T, r *Risk) {
				r.Treatment, r.Likelihood, r.Impact = TreatAccept, risk.Limited, risk.Significant
				r.Acceptance = &Acceptance{AcceptedBy: "CFO", Rationale: "Low volume", Expires: "2026-05-31"}
			},
			wantCoverage: Uncovered, wantResidual: "2x3",
			wantFindings: []string{`error: risks[0].acceptance: Risk acceptance not valid: Risk "card data theft" (illegitimate_access) is accepted, but the acceptance by CFO expired on 2026-05-31; review the risk and renew or replace the acceptance.`},
		},
		{
			name: "acceptance expiring today is still valid",
			mutate: func(t *testing.T, r *Risk) {
				r.Treatment, r.Likelihood, r.Impact = TreatAccept, risk.Limited, risk.Significant
				r.Acceptance = &Acceptance{AcceptedBy: "CFO", Rationale: "Low volume", Expires: "2026-06-01"}
			},
			wantCoverage: Accepted, wantResidual: "2x3",
		},
		{
			name: "very high residual cannot be accepted",
			mutate: func(t *testing.T, r *Risk) {
				r.Treatment = TreatAccept
				r.Acceptance = &Acceptance{AcceptedBy: "CEO", Rationale: "Business need"}
			},
			wantCoverage: Uncovered, wantResidual: "3x4",
			wantFindings: []string{`a very_high residual (12) cannot be accepted`},
		},
		{
			name:         "accept without acceptance is an error",
			mutate:       func(t *testing.T, r *Risk) { r.Treatment = TreatAccept },
			wantCoverage: Uncovered, wantResidual: "3x4",
			wantFindings: []string{`error: risks[0].acceptance: Acceptance missing: Risk "card data theft" is accepted, which needs an acceptance object`},
		},
		{
			name: "avoid with rationale",
			mutate: func(t *testing.T, r *Risk) {
				r.Treatment, r.Rationale = TreatAvoid, "Card numbers are no longer stored"
			},
			wantCoverage: Avoided, wantResidual: "3x4",
		},
		{
			name:         "avoid needs a rationale",
			mutate:       func(t *testing.T, r *Risk) { r.Treatment = TreatAvoid },
			wantCoverage: Avoided, wantResidual: "3x4",
			wantFindings: []string{`error: risks[0].rationale: Rationale missing: Risk "card data theft" is avoided, which needs a rationale`},
		},
		{
			name:         "transfer with a target",
			mutate:       func(t *testing.T, r *Risk) { r.Treatment, r.TransferTo = TreatTransfer, "Cyber insurer" },
			wantCoverage: Transferred, wantResidual: "3x4",
		},
		{
			name:         "transfer needs a target",
			mutate:       func(t *testing.T, r *Risk) { r.Treatment = TreatTransfer },
			wantCoverage: Transferred, wantResidual: "3x4",
			wantFindings: []string{`error: risks[0].transfer_to: Transfer target missing`},
		},
		{
			name:         "unknown category with suggestion",
			mutate:       func(t *testing.T, r *Risk) { r.Category = "ilegitimate_access" },
			wantCoverage: Unknown,
			wantFindings: []string{`error: risks[0].category: Unknown risk category: Risk "card data theft": there is no risk category "ilegitimate_access". Did you mean "illegitimate_access"?`},
		},
		{
			name:         "stage the activity does not declare",
			mutate:       func(t *testing.T, r *Risk) { r.LifecycleStage = "transfer" },
			wantCoverage: Unknown,
			wantFindings: []string{`error: risks[0].lifecycle_stage: Life-cycle stage not declared by the activity: Risk "card data theft" is assessed on the "transfer" stage, but activity "Checkout" does not declare a transfer block (declared stages: "collection" and "storage").`},
		},
		{
			name: "a hand-written control object is completed from the catalog",
			mutate: func(t *testing.T, r *Risk) {
				r.Controls = []Control{{Ref: "iso29151:9.4.1", Status: StatusImplemented, Known: true}}
			},
			wantCoverage: PartiallyCovered, wantResidual: "2x4",
			wantFindings: []string{`residual high (8)`},
		},
		{
			name: "a hand-written object naming no control is an error with suggestions",
			mutate: func(t *testing.T, r *Risk) {
				r.Controls = []Control{{Ref: "iso29151:9.41", Status: StatusImplemented, Known: true}}
			},
			wantCoverage: Uncovered, wantResidual: "3x4",
			wantFindings: []string{`error: risks[0].controls[0]: Unknown control: Risk "card data theft", controls[0]: there is no control "9.41" in catalog iso29151. Did you mean "9.4.1"?`},
		},
		{
			name: "a hand-written object without a status does not count as implemented",
			mutate: func(t *testing.T, r *Risk) {
				r.Controls = []Control{{Ref: "iso29151:9.4.1", Known: true}}
			},
			wantCoverage: Uncovered, wantResidual: "3x4",
			wantFindings: []string{`error: risks[0].controls[0]: Control without a status: Risk "card data theft", controls[0]: iso29151:9.4.1 Information access restriction has no status, so nothing says it is in place. Pass the pii_control resource itself`},
		},
		{
			name: "an unknown control makes coverage unknown, never a gap",
			mutate: func(t *testing.T, r *Risk) {
				r.Controls = []Control{{Known: false}}
			},
			wantCoverage: Unknown,
		},
		{
			name:         "an unknown control list makes coverage unknown",
			mutate:       func(t *testing.T, r *Risk) { r.ControlsKnown = false },
			wantCoverage: Unknown,
		},
		{
			name:         "unknown ratings",
			mutate:       func(t *testing.T, r *Risk) { r.Likelihood = 0 },
			wantCoverage: Unknown,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := options(t)
			if tt.appetite != 0 {
				opt.Appetite = tt.appetite
			}
			r := baseRisk()
			tt.mutate(t, &r)
			a := Assessment{Activity: checkout, Risks: []Risk{r, {Name: "r2", Category: "data_loss", LifecycleStage: "collection", Likelihood: 1, Impact: 1, Treatment: TreatAccept,
				Acceptance: &Acceptance{AcceptedBy: "x", Rationale: "y"}, ControlsKnown: true, AcceptanceKnown: true, Known: true}}}
			res, fs := Evaluate(a, opt)
			got := res.Risks[0]
			if got.Coverage != tt.wantCoverage {
				t.Errorf("coverage = %s, want %s", got.Coverage, tt.wantCoverage)
			}
			if tt.wantResidual != "" {
				if !got.ResidualKnown {
					t.Fatalf("residual unknown, want %s", tt.wantResidual)
				}
				if r := got.ResidualLikelihood.String() + "x" + got.ResidualImpact.String(); r != ratingPair(tt.wantResidual) {
					t.Errorf("residual = %s, want %s", r, ratingPair(tt.wantResidual))
				}
			} else if got.ResidualKnown && tt.wantCoverage == Unknown && !fs.HasErrors() {
				t.Errorf("residual known for an unknown coverage")
			}
			all := make([]string, len(fs))
			for i, f := range fs {
				all[i] = f.String()
			}
			joined := strings.Join(all, "\n")
			for _, w := range tt.wantFindings {
				if !strings.Contains(joined, w) {
					t.Errorf("findings lack %q; got:\n%s", w, joined)
				}
			}
			if len(tt.wantFindings) == 0 && len(fs) > 0 {
				t.Errorf("unexpected findings:\n%s", joined)
			}
			if got.Coverage.IsGap() && len(got.Gaps) == 0 {
				t.Error("a gap without a gap sentence")
			}
			if got.Coverage == Unknown && res.CoveredKnown && res.Covered {
				t.Error("an unknown risk cannot make the assessment covered")
			}
		})
	}
}

func ratingPair(lxi string) string {
	l, i, _ := strings.Cut(lxi, "x")
	return risk.Rating(int(l[0]-'0')).String() + "x" + risk.Rating(int(i[0]-'0')).String()
}

func TestGapSeverityFollowsEnforcement(t *testing.T) {
	opt := options(t)
	opt.GapSeverity = finding.Warning
	_, fs := Evaluate(Assessment{Activity: checkout, Risks: []Risk{baseRisk()}}, opt)
	if fs.HasErrors() {
		t.Errorf("under enforcement=warning a gap is a warning: %v", fs)
	}
	if len(fs) == 0 || fs[0].Severity != finding.Warning || fs[0].Summary != "Risk not covered" {
		t.Errorf("findings = %v", fs)
	}
}

func TestAssessmentAggregates(t *testing.T) {
	opt := options(t)
	covered := baseRisk()
	covered.Name, covered.Likelihood, covered.Impact = "covered", risk.Limited, risk.Limited
	covered.Controls = []Control{control(t, "iso29151:9.4.1", StatusImplemented)}
	gap := baseRisk()
	gap.Name = "gap"
	unknown := baseRisk()
	unknown.Name, unknown.ControlsKnown = "unknown", false

	res, _ := Evaluate(Assessment{Activity: checkout, Risks: []Risk{covered, unknown}}, opt)
	if res.CoveredKnown {
		t.Error("covered must stay unknown while a risk is unknown")
	}
	if res.MaxResidualKnown || !res.MaxInherentKnown || res.MaxInherentLevel != risk.VeryHigh {
		t.Errorf("max levels: %+v", res)
	}
	res, _ = Evaluate(Assessment{Activity: checkout, Risks: []Risk{covered, unknown, gap}}, opt)
	if !res.CoveredKnown || res.Covered || strings.Join(res.UncoveredRisks, ",") != "gap" {
		t.Errorf("a definite gap decides: %+v", res)
	}
	avoided := baseRisk()
	avoided.Name, avoided.Treatment, avoided.Rationale = "avoided", TreatAvoid, "No longer stored"
	res, _ = Evaluate(Assessment{Activity: checkout, Risks: []Risk{covered, avoided}}, opt)
	if res.MaxResidualLevel != risk.Low || !res.Covered {
		t.Errorf("an avoided risk leaves no residual: %+v", res)
	}
	res, fs := Evaluate(Assessment{Activity: checkout, Risks: []Risk{covered}}, opt)
	if !res.CoveredKnown || !res.Covered || res.MaxResidualLevel != risk.Low {
		t.Errorf("all covered: %+v", res)
	}
	// checkout declares collection and storage; only storage is assessed.
	if strings.Join(res.LifecycleGaps, ",") != "collection" {
		t.Errorf("lifecycle gaps = %v", res.LifecycleGaps)
	}
	if len(fs) != 1 || fs[0].Severity != finding.Warning || !strings.Contains(fs[0].Detail, `declares the stage "collection", but no risk is assessed on it`) {
		t.Errorf("findings = %v", fs)
	}
}

func TestDuplicateRiskNames(t *testing.T) {
	r := baseRisk()
	r.Treatment, r.Rationale = TreatAvoid, "gone"
	_, fs := Evaluate(Assessment{Activity: checkout, Risks: []Risk{r, r}}, options(t))
	if !strings.Contains(fs[len(fs)-2].String()+fs[len(fs)-1].String()+joinFindings(fs), `error: risks[1].name: Duplicate risk name: Risk "card data theft": risks[0] has the same name. Risk names must be unique within an assessment.`) {
		t.Errorf("findings = %s", joinFindings(fs))
	}
}

func joinFindings(fs finding.Findings) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String() + "\n")
	}
	return b.String()
}

func TestSpecialCategoryImpactWarning(t *testing.T) {
	act := checkout
	act.SpecialCategories = true
	r := baseRisk()
	r.Impact = risk.Limited
	r.Treatment, r.Rationale = TreatAvoid, ""
	r.Treatment, r.TransferTo = TreatTransfer, "insurer"
	_, fs := Evaluate(Assessment{Activity: act, Risks: []Risk{r}}, options(t))
	if !strings.Contains(joinFindings(fs), `warning: risks[0].impact: Impact looks low for special-category data: Risk "card data theft" rates its impact limited, yet activity "Checkout" processes special categories of PII.`) {
		t.Errorf("findings = %s", joinFindings(fs))
	}
	r.Rationale = "Only the fact of membership, not its content, is stored."
	_, fs = Evaluate(Assessment{Activity: act, Risks: []Risk{r}}, options(t))
	if strings.Contains(joinFindings(fs), "Impact looks low") {
		t.Errorf("a rationale silences the warning: %s", joinFindings(fs))
	}
}

func TestSuggestedControls(t *testing.T) {
	r := baseRisk()
	r.Controls = []Control{control(t, "iso29151:9.4.1", StatusImplemented)}
	res, _ := Evaluate(Assessment{Activity: checkout, Risks: []Risk{r}}, options(t))
	got := res.Risks[0].SuggestedControls
	if len(got) != 5 {
		t.Fatalf("suggested %v", got)
	}
	set, _ := catalog.Builtin()
	for _, ref := range got {
		c, err := set.LookupControl(ref)
		if err != nil || !c.TreatsCategory("illegitimate_access") || ref == "iso29151:9.4.1" {
			t.Errorf("bad suggestion %s", ref)
		}
	}
	// Impact (4) is the higher rating, and the risk is on storage: the
	// first suggestion lowers impact and is made for storage.
	first, _ := set.LookupControl(got[0])
	if first.Reduces != catalog.ReducesImpact || !slices.Contains(first.Stages, "storage") {
		t.Errorf("first suggestion %s reduces %s on %v", first.Ref(), first.Reduces, first.Stages)
	}
}

// Adding an effective control never raises a residual, and never turns a
// covered risk into a gap.
func TestAddingEffectiveControlNeverRaisesResidual(t *testing.T) {
	opt := options(t)
	set, _ := catalog.Builtin()
	iso, _ := set.Catalog("iso29151")
	pool := iso.Select(catalog.Filter{Treats: "illegitimate_access"})
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 500; n++ {
		r := baseRisk()
		r.Likelihood, r.Impact = risk.Rating(rng.IntN(4)+1), risk.Rating(rng.IntN(4)+1)
		for k := rng.IntN(4); k > 0; k-- {
			c := pool[rng.IntN(len(pool))]
			r.Controls = append(r.Controls, control(t, c.Ref(), Statuses[rng.IntN(len(Statuses))]))
		}
		before, _ := Evaluate(Assessment{Activity: checkout, Risks: []Risk{r}}, opt)
		extra := pool[rng.IntN(len(pool))]
		r.Controls = append(r.Controls, control(t, extra.Ref(), StatusImplemented))
		after, _ := Evaluate(Assessment{Activity: checkout, Risks: []Risk{r}}, opt)
		b, a := before.Risks[0], after.Risks[0]
		if a.ResidualLikelihood > b.ResidualLikelihood || a.ResidualImpact > b.ResidualImpact {
			t.Fatalf("residual rose from %s×%s to %s×%s adding %s", b.ResidualLikelihood, b.ResidualImpact, a.ResidualLikelihood, a.ResidualImpact, extra.Ref())
		}
		if b.Coverage == Covered && a.Coverage != Covered {
			t.Fatalf("coverage fell from covered to %s adding %s", a.Coverage, extra.Ref())
		}
	}
}

func BenchmarkEvaluate3000Risks(b *testing.B) {
	opt := options(b)
	set, _ := catalog.Builtin()
	iso, _ := set.Catalog("iso29151")
	categories := set.RiskCategoryKeys()
	// 500 assessments of 6 risks with 4 controls each, as the large-posture
	// generator builds them.
	var assessments []Assessment
	for a := range 500 {
		act := Activity{ID: "act-" + string(rune('a'+a%26)), Name: "activity", Stages: catalog.Stages, Known: true}
		var risks []Risk
		for r := range 6 {
			cat := categories[(a+r)%len(categories)]
			pool := iso.Select(catalog.Filter{Treats: cat})
			rk := Risk{Name: "risk " + string(rune('a'+r)), Category: cat, LifecycleStage: catalog.Stages[r%5], Likelihood: risk.Rating(r%4 + 1), Impact: risk.Rating((r+a)%4 + 1),
				Treatment: TreatMitigate, ControlsKnown: true, AcceptanceKnown: true, Known: true}
			for c := range 4 {
				ctl := pool[(a+c)%len(pool)]
				rk.Controls = append(rk.Controls, Control{Ref: ctl.Ref(), Title: ctl.Title, Status: StatusImplemented, Treats: ctl.Treats, Reduces: ctl.Reduces, Known: true})
			}
			risks = append(risks, rk)
		}
		assessments = append(assessments, Assessment{Activity: act, Risks: risks})
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range assessments {
			Evaluate(a, opt)
		}
	}
}

func TestCheckImplementation(t *testing.T) {
	set, _ := catalog.Builtin()
	tests := []struct {
		name          string
		im            Implementation
		wantRef       string
		wantReviewDue string
		wantFindings  []string
	}{
		{name: "implemented", im: Implementation{Catalog: "iso29151", ControlID: "10.1.1", Status: StatusImplemented, LastReviewed: "2026-03-31", ReviewInterval: "P1Y"},
			wantRef: "iso29151:10.1.1", wantReviewDue: "2027-03-31"},
		{name: "review in months", im: Implementation{Catalog: "iso27701", ControlID: "A.7.4.7", Status: StatusPartial, LastReviewed: "2026-01-31", ReviewInterval: "P6M"},
			wantRef: "iso27701:A.7.4.7", wantReviewDue: "2026-07-31"},
		{name: "never reviewed", im: Implementation{Catalog: "iso29151", ControlID: "9.2.1", Status: StatusPlanned, ReviewInterval: "P1Y"}, wantRef: "iso29151:9.2.1"},
		{name: "unknown id suggests", im: Implementation{Catalog: "iso29151", ControlID: "9.21", Status: StatusImplemented},
			wantFindings: []string{`error: control_id: Unknown control: There is no control "9.21" in catalog iso29151. Did you mean "9.2.1"?`}},
		{name: "unknown catalog lists the known ones", im: Implementation{Catalog: "iso27001", ControlID: "9.2.1", Status: StatusImplemented},
			wantFindings: []string{`error: catalog: Unknown catalog: There is no catalog "iso27001". Did you mean "iso27701"? Known: iso29151, iso27701, iso27018.`}},
		{name: "not applicable needs a justification", im: Implementation{Catalog: "iso29151", ControlID: "11.1.1", Status: StatusNotApplicable}, wantRef: "iso29151:11.1.1",
			wantFindings: []string{`error: justification: Justification required: A control with status "not_applicable" needs a justification: the Statement of Applicability must say why the control does not apply to the organisation.`}},
		{name: "alternative needs a justification", im: Implementation{Catalog: "iso29151", ControlID: "11.1.1", Status: StatusAlternative, Justification: " "}, wantRef: "iso29151:11.1.1",
			wantFindings: []string{`which alternative control is in place instead`}},
		{name: "justified", im: Implementation{Catalog: "iso29151", ControlID: "11.1.1", Status: StatusNotApplicable, Justification: "Fully cloud-hosted; no premises hold PII."}, wantRef: "iso29151:11.1.1"},
		{name: "unknown inputs are not checked", im: Implementation{Catalog: "iso29151", Status: StatusNotApplicable, Unknown: map[string]bool{"control_id": true, "justification": true}}},
		{name: "every value is checked, all problems at once", im: Implementation{Catalog: "iso29151", ControlID: "9.21", Status: "implmented", LastReviewed: "2026-13-01",
			ReviewInterval: "1 year", Evidence: []string{"https://wiki/x", " "}, Activities: []string{"checkout-1a2b", ""}},
			wantFindings: []string{
				`error: status: Invalid value: "implmented" is not a control status; use one of "implemented", "partial", "planned", "not_applicable", "alternative". Did you mean "implemented"?`,
				`error: last_reviewed: Invalid value: "2026-13-01" is not a valid date`,
				`error: review_interval: Invalid value: "1 year" is not`,
				`error: evidence[1]: Empty evidence: evidence[1] is empty: give a link, a document id or the Terraform address of a resource that implements the control, or remove the entry.`,
				`error: activities: Empty activity id: activities has an empty id`,
				`error: control_id: Unknown control: There is no control "9.21" in catalog iso29151. Did you mean "9.2.1"?`,
			}},
		{name: "unknown list elements are not checked", im: Implementation{Catalog: "iso29151", ControlID: "9.2.1", Status: StatusPlanned, Evidence: []string{""}, Activities: []string{""},
			Unknown: map[string]bool{"evidence[0]": true, "activities": true}}, wantRef: "iso29151:9.2.1"},
		{name: "empty ids", im: Implementation{Status: StatusPlanned}, wantFindings: []string{
			`error: catalog: Invalid value: catalog is empty: leave it out to use the default catalog, or name one such as iso27701.`,
			`error: control_id: Invalid value: control_id is empty: give the control's id in its catalog, such as 10.1.1.`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, fs := CheckImplementation(tt.im, set)
			ref := ""
			if res.Control != nil {
				ref = res.Control.Ref()
			}
			if ref != tt.wantRef || res.ReviewDue != tt.wantReviewDue {
				t.Errorf("ref %q review due %q, want %q %q", ref, res.ReviewDue, tt.wantRef, tt.wantReviewDue)
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

func TestCheckApproval(t *testing.T) {
	tests := []struct {
		a    Approval
		want string
	}{
		{Approval{Status: "approved", ApprovedBy: "DPO"}, ""},
		{Approval{Status: "draft"}, ""},
		{Approval{Status: "approved"}, `error: approved_by: Approver missing: An approved assessment must say who approved it`},
		{Approval{Status: "approved", Unknown: map[string]bool{"approved_by": true}}, ""},
		{Approval{AssessedOn: "2026-03-01", NextReview: "2027-03-01"}, ""},
		{Approval{AssessedOn: "2026-03-01", NextReview: "2026-03-01"}, `error: next_review: Review before assessment: next_review (2026-03-01) must come after assessed_on (2026-03-01).`},
		{Approval{Status: "aproved", ApprovedBy: "DPO"}, `error: status: Invalid value: "aproved" is not an assessment status; use one of "draft", "in_review", "approved". Did you mean "approved"?`},
		{Approval{Status: "aproved", Unknown: map[string]bool{"status": true}}, ""},
		{Approval{AssessedOn: "01/03/2026", NextReview: "2027-03-01"}, `error: assessed_on: Invalid value: "01/03/2026" is not a valid date: write YYYY-MM-DD, such as 2026-03-31.`},
	}
	for _, tt := range tests {
		got := joinFindings(CheckApproval(tt.a))
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("CheckApproval(%+v) = %q, want %q", tt.a, got, tt.want)
		}
	}
}
