package coverage

import (
	"strings"
	"testing"

	"github.com/privacycode/terraform-provider-pii/internal/finding"
)

// writtenRisk is a risk as the provider passes it: values as written,
// checked by Evaluate.
func writtenRisk() Risk {
	r := baseRisk()
	r.Name = "order files lost"
	r.Written, r.LikelihoodText, r.ImpactText = true, "significant", "maximum"
	r.Likelihood, r.Impact = 0, 0
	r.Unknown = map[string]bool{}
	return r
}

func TestWrittenValues(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(r *Risk)
		want   []string // findings, in order; every one must be there
	}{
		{"a valid risk has only its gap", func(r *Risk) {}, []string{`error: risks[0]: Risk not covered: Risk "order files lost" (illegitimate_access) is uncovered`}},
		{"no name", func(r *Risk) { r.Name = "" }, []string{
			`error: risks[0].name: Risk without a name: The risk at risks[0] has no name. Give every risk a name, unique within the assessment, so that gaps and reports can refer to it.`}},
		{"no category", func(r *Risk) { r.Category = "" }, []string{
			`error: risks[0].category: Risk category missing: Risk "order files lost" has no category: set category to the feared event, one of illegitimate_access, unwanted_modification,`}},
		{"no likelihood", func(r *Risk) { r.LikelihoodText = "" }, []string{
			`error: risks[0].likelihood: Missing likelihood: Risk "order files lost" has no likelihood: rate how likely the feared event is before any control as one of "negligible", "limited", "significant", "maximum".`}},
		{"impact not a rating", func(r *Risk) { r.ImpactText = "severe" }, []string{
			`error: risks[0].impact: Invalid impact: Risk "order files lost": "severe" is not a rating for impact; use one of "negligible", "limited", "significant", "maximum".`}},
		{"rating typo suggests", func(r *Risk) { r.LikelihoodText = "signficant" }, []string{
			`Risk "order files lost": "signficant" is not a rating for likelihood; use one of "negligible", "limited", "significant", "maximum". Did you mean "significant"?`}},
		{"numbers are not ratings here", func(r *Risk) { r.ImpactText = "4" }, []string{`"4" is not a rating for impact`}},
		{"not a stage", func(r *Risk) { r.LifecycleStage = "archive" }, []string{
			`error: risks[0].lifecycle_stage: Invalid life-cycle stage: Risk "order files lost": "archive" is not a life-cycle stage; use one of "collection", "storage", "use", "transfer", "disposal".`}},
		{"stage typo suggests", func(r *Risk) { r.LifecycleStage = "strage" }, []string{`is not a life-cycle stage; use one of "collection", "storage", "use", "transfer", "disposal". Did you mean "storage"?`}},
		{"not a treatment", func(r *Risk) { r.Treatment = "mitigat" }, []string{
			`error: risks[0].treatment: Invalid treatment: Risk "order files lost": "mitigat" is not a treatment; use one of "mitigate", "accept", "avoid", "transfer". Did you mean "mitigate"?`}},
		{"expiry not a date", func(r *Risk) {
			r.Treatment, r.LikelihoodText, r.ImpactText = TreatAccept, "limited", "limited"
			r.Acceptance = &Acceptance{AcceptedBy: "CFO", Rationale: "Low volume", Expires: "31/12/2027"}
		}, []string{`error: risks[0].acceptance.expires: Invalid value: Risk "order files lost", acceptance.expires: "31/12/2027" is not a valid date: write YYYY-MM-DD, such as 2026-03-31. Did you mean "2027-12-31"?`}},
		{"control status not a status", func(r *Risk) {
			r.Controls = []Control{{Ref: "iso29151:9.4.1", Status: "implmented", Known: true}}
		}, []string{
			`error: risks[0].controls[0]: Invalid control status: Risk "order files lost", controls[0]: iso29151:9.4.1 Information access restriction has status "implmented", which is not a control status; use one of "implemented", "partial", "planned", "not_applicable", "alternative". Did you mean "implemented"?`,
			`error: risks[0]: Risk not covered`}},
		{"an unnamed risk is named by its place everywhere", func(r *Risk) {
			r.Name = ""
			r.Controls = []Control{control(t, "iso29151:A.8", StatusImplemented)}
		}, []string{`Risk without a name`, `warning: risks[0].controls[0]: Control has no effect on this risk: The risk at risks[0], controls[0]: iso29151:A.8`}},
		{"several independent problems in one evaluation", func(r *Risk) {
			r.LifecycleStage, r.ImpactText, r.Treatment = "archive", "severe", "mitigat"
			r.Controls = []Control{control(t, "iso29151:A.8", StatusImplemented), control(t, "iso29151:13.1.1", StatusPlanned)}
		}, []string{
			`error: risks[0].impact: Invalid impact: Risk "order files lost": "severe"`,
			`error: risks[0].lifecycle_stage: Invalid life-cycle stage: Risk "order files lost": "archive"`,
			`error: risks[0].treatment: Invalid treatment: Risk "order files lost": "mitigat"`,
			`warning: risks[0].controls[0]: Control has no effect on this risk: Risk "order files lost", controls[0]: iso29151:A.8`,
			`warning: risks[0].controls[1]: Planned control has no effect yet: Risk "order files lost", controls[1]: iso29151:13.1.1`,
		}},
		{"a bad category still lets the other values be checked", func(r *Risk) {
			r.Category, r.LikelihoodText = "ilegitimate_access", "high"
		}, []string{
			`error: risks[0].likelihood: Invalid likelihood: Risk "order files lost": "high" is not a rating for likelihood`,
			`error: risks[0].category: Unknown risk category: Risk "order files lost": there is no risk category "ilegitimate_access". Did you mean "illegitimate_access"?`,
		}},
		{"unknown values are never errors", func(r *Risk) {
			r.Name, r.Category, r.LifecycleStage, r.LikelihoodText, r.ImpactText, r.Treatment = "", "", "", "", "", ""
			r.Known = false
			for _, a := range []string{"name", "category", "lifecycle_stage", "likelihood", "impact", "treatment"} {
				r.Unknown[a] = true
			}
		}, nil},
		{"a known value is checked while others are unknown", func(r *Risk) {
			r.Known, r.Unknown["category"], r.LifecycleStage = false, true, "archive"
		}, []string{`"archive" is not a life-cycle stage`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := writtenRisk()
			tt.mutate(&r)
			act := checkout
			act.Stages = []string{"collection", "storage", "use"}
			_, fs := Evaluate(Assessment{Activity: act, Risks: []Risk{r}}, options(t))
			fs = withoutLifecycleWarning(fs)
			got := joinFindings(fs)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("findings lack %q; got:\n%s", w, got)
				}
			}
			if len(fs) != len(tt.want) {
				t.Errorf("got %d findings, want %d:\n%s", len(fs), len(tt.want), got)
			}
		})
	}
}

func withoutLifecycleWarning(fs finding.Findings) finding.Findings {
	var out finding.Findings
	for _, f := range fs {
		if f.Summary != "Life-cycle stage not assessed" {
			out = append(out, f)
		}
	}
	return out
}

// Every finding about one risk is at that risk's path, so that the
// provider can point at the risk's lines.
func TestRiskFindingsAreAtTheRisk(t *testing.T) {
	good := writtenRisk()
	good.Name, good.Treatment, good.Rationale = "fine", TreatAvoid, "Gone"
	bad := writtenRisk()
	bad.LifecycleStage, bad.ImpactText, bad.Category = "archive", "severe", "nope"
	bad.Controls = []Control{{Ref: "iso29151:9.41", Status: StatusImplemented, Known: true}}
	_, fs := Evaluate(Assessment{Activity: checkout, Risks: []Risk{good, bad}}, options(t))
	for _, f := range withoutLifecycleWarning(fs) {
		if len(f.Path) < 2 || f.Path[0].Name != "risks" || !f.Path[1].IsIndex || f.Path[1].Index != 1 {
			t.Errorf("%s: not at risks[1]", f)
		}
		if !strings.HasPrefix(f.Detail, `Risk "order files lost"`) {
			t.Errorf("%s: does not name the risk first", f)
		}
	}
}
