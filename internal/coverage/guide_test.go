package coverage

import (
	"strings"
	"testing"

	"github.com/privacycode/terraform-provider-pii/internal/guidecheck"
	"github.com/privacycode/terraform-provider-pii/internal/risk"
)

// The risk-model guide quotes what the provider prints; its checked
// examples (see package guidecheck) are compared, white space aside since
// the guide wraps them, with what the code produces.
const guidePath = "../../templates/guides/risk-model.md.tmpl"

// payroll is the payroll assessment of examples/complete as far as the
// examples need it: the activity, and a risk that brings the iso29151 and
// iso27701 controls the assessment selects elsewhere.
func payroll(t *testing.T, r Risk) Assessment {
	act := Activity{ID: "payroll-1a2b", Name: "Payroll", Stages: []string{"collection", "storage", "use", "transfer", "disposal"},
		SpecialCategories: true, Role: "controller", Known: true}
	intercepted := Risk{Name: "Payroll file intercepted on its way to the authorities", Category: "illegitimate_access", LifecycleStage: "transfer",
		Likelihood: risk.Limited, Impact: risk.Maximum, Treatment: TreatMitigate, ControlsKnown: true, AcceptanceKnown: true, Known: true,
		Controls: []Control{control(t, "iso27701:A.7.4.9", StatusImplemented), control(t, "iso29151:10.1.1", StatusImplemented)}}
	return Assessment{Activity: act, Risks: []Risk{r, intercepted}}
}

// marketing is the marketing assessment of examples/gap as far as the
// example needs it: its first controls are iso29151's (consent), then
// iso27701's (collection limits).
func marketing(t *testing.T, r Risk) Assessment {
	act := Activity{ID: "marketing-1a2b", Name: "Marketing analytics", Stages: []string{"collection", "storage", "use", "transfer", "disposal"},
		Role: "controller", Known: true}
	tracked := Risk{Name: "Visitors tracked before they consent", Category: "unlawful_processing", LifecycleStage: "collection",
		Likelihood: risk.Significant, Impact: risk.Limited, Treatment: TreatMitigate, ControlsKnown: true, AcceptanceKnown: true, Known: true,
		Controls: []Control{control(t, "iso29151:A.3", StatusImplemented)}}
	collected := Risk{Name: "More collected than needed", Category: "excessive_collection", LifecycleStage: "collection",
		Likelihood: risk.Limited, Impact: risk.Limited, Treatment: TreatMitigate, ControlsKnown: true, AcceptanceKnown: true, Known: true,
		Controls: []Control{control(t, "iso27701:A.7.4.1", StatusImplemented)}}
	return Assessment{Activity: act, Risks: []Risk{tracked, collected, r}}
}

func firstError(t *testing.T, a Assessment) string {
	t.Helper()
	_, fs := Evaluate(a, options(t))
	for _, f := range fs {
		if f.Severity.String() == "error" {
			return "Error: " + f.Summary + "\n\n" + f.Detail
		}
	}
	t.Fatal("no error")
	return ""
}

func TestRiskModelGuideExamples(t *testing.T) {
	sickLeave := Risk{Name: "Sick-leave reasons seen by line managers", Category: "illegitimate_access", LifecycleStage: "use",
		Likelihood: risk.Significant, Impact: risk.Maximum, Treatment: TreatMitigate, ControlsKnown: true, AcceptanceKnown: true, Known: true,
		Controls: []Control{control(t, "iso29151:10.1.1", StatusImplemented)}}
	// examples/gap: the transfer risk without controls.
	us := Risk{Name: "US authorities access the analytics data", Category: "unlawful_transfer", LifecycleStage: "transfer",
		Likelihood: risk.Significant, Impact: risk.Significant, Treatment: TreatMitigate, ControlsKnown: true, AcceptanceKnown: true, Known: true}
	produce := map[string]func(t *testing.T) string{
		"sick-leave-gap": func(t *testing.T) string { return firstError(t, payroll(t, sickLeave)) },
		"sick-leave-suggestions": func(t *testing.T) string {
			res, _ := Evaluate(payroll(t, sickLeave), options(t))
			var lines []string
			for _, ref := range res.Risks[0].SuggestedControls {
				c, _ := options(t).Catalog.LookupControl(ref)
				lines = append(lines, ref+" "+c.Title)
			}
			return strings.Join(lines, "\n")
		},
		"us-transfer-gap": func(t *testing.T) string { return firstError(t, marketing(t, us)) },
		"invalid-stage": func(t *testing.T) string {
			r := writtenRisk()
			r.Name, r.LifecycleStage = "Order files lost", "archive"
			_, fs := Evaluate(Assessment{Activity: checkout, Risks: []Risk{r}}, options(t))
			return fs[0].Detail
		},
	}
	produced := map[string]string{}
	for name, f := range produce {
		produced[name] = f(t)
	}
	guidecheck.Check(t, guidePath, produced, guidecheck.Options{Wrapped: true})
}
