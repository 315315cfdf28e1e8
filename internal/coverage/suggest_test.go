package coverage

import (
	"slices"
	"strings"
	"testing"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/risk"
)

// everyStage is an activity that declares every life-cycle stage.
var everyStage = Activity{ID: "support-1a2b", Name: "Customer support", Stages: catalog.Stages, Known: true}

// withCatalogs adds a risk whose controls bring the catalogs into the
// assessment: suggestions come from the catalogs the assessment uses.
func withCatalogs(r Risk, catalogs ...string) []Risk {
	other := Risk{Name: "other", Category: "data_loss", Likelihood: 1, Impact: 1, Treatment: TreatAvoid, Rationale: "gone",
		ControlsKnown: true, AcceptanceKnown: true, Known: true}
	for _, c := range catalogs {
		other.Controls = append(other.Controls, Control{Ref: c + ":-", Known: true})
	}
	return []Risk{r, other}
}

// The top suggestions for realistic risks, from the real built-in catalog.
func TestSuggestionsFitTheRisk(t *testing.T) {
	mk := func(name, category, stage string, l, i risk.Rating) Risk {
		return Risk{Name: name, Category: category, LifecycleStage: stage, Likelihood: l, Impact: i, Treatment: TreatMitigate,
			ControlsKnown: true, AcceptanceKnown: true, Known: true}
	}
	health := mk("health details seen by support agents", "illegitimate_access", "use", risk.Significant, risk.Maximum)
	retention := mk("closed accounts' order history kept for years", "over_retention", "storage", risk.Significant, risk.Limited)
	transfer := mk("US authorities access the analytics data", "unlawful_transfer", "transfer", risk.Significant, risk.Significant)
	cardTheft := mk("card data theft", "illegitimate_access", "storage", risk.Significant, risk.Maximum)
	tests := []struct {
		name     string
		role     string
		risks    []Risk
		wantTop  []string
		wantNone string // a prefix no suggestion may have
	}{
		{"who may see the data comes first, not devices or premises", "", []Risk{health},
			[]string{"iso29151:9.4.1", "iso29151:8.2.3", "iso29151:9.2.1"}, ""},
		{"a maximum impact at storage: encryption first", "", []Risk{cardTheft},
			[]string{"iso29151:10.1.1", "iso29151:9.4.4", "iso29151:10.1.2"}, ""},
		{"over-retention: the retention control first", "", withCatalogs(retention, "iso29151", "iso27701"),
			[]string{"iso27701:A.7.4.7", "iso29151:A.7", "iso27701:A.7.4.6"}, "iso27701:B."},
		{"a transfer: transfer agreements and bases", "", withCatalogs(transfer, "iso29151", "iso27701"),
			[]string{"iso29151:13.2.2", "iso27701:A.7.5.1", "iso29151:13.2.1"}, "iso27701:B."},
		{"a processor's transfer: the processor's controls, not the controller's", "processor", withCatalogs(transfer, "iso29151", "iso27701"),
			[]string{"iso29151:13.2.2", "iso27701:B.8.5.1", "iso27701:B.8.5.5"}, "iso27701:A."},
		{"a joint controller is a controller", "joint_controller", withCatalogs(health, "iso27701"),
			[]string{"iso27701:A.7.2.6", "iso27701:A.7.4.9"}, "iso27701:B."},
		{"a controller is suggested no cloud processor controls", "controller", withCatalogs(health, "iso27018"), nil, "iso27018:"},
		{"a cloud processor is", "processor", withCatalogs(health, "iso27018"),
			[]string{"iso27018:A.11.2", "iso27018:A.11.8"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			act := everyStage
			act.Role = tt.role
			res, _ := Evaluate(Assessment{Activity: act, Risks: tt.risks}, options(t))
			got := res.Risks[0].SuggestedControls
			if !res.Risks[0].SuggestionsKnown {
				t.Fatal("suggestions unknown")
			}
			if len(got) < len(tt.wantTop) || !slices.Equal(got[:len(tt.wantTop)], tt.wantTop) {
				t.Errorf("suggested %v, want %v first", got, tt.wantTop)
			}
			if tt.wantTop == nil && len(got) > 0 {
				t.Errorf("suggested %v, want none", got)
			}
			for _, ref := range got {
				if tt.wantNone != "" && strings.HasPrefix(ref, tt.wantNone) {
					t.Errorf("suggested %s (%v)", ref, got)
				}
			}
		})
	}
}

func TestSuggestionsNeedAKnownActivity(t *testing.T) {
	res, _ := Evaluate(Assessment{Activity: Activity{}, Risks: []Risk{baseRisk()}}, options(t))
	if res.Risks[0].SuggestionsKnown {
		t.Error("the activity's role decides the suggestions: unknown while the activity is")
	}
}

// The scores the risk-model guide quotes, with their reasons.
func TestScore(t *testing.T) {
	set, _ := catalog.Builtin()
	get := func(ref string) *catalog.Control {
		c, err := set.LookupControl(ref)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	words := titleWords("Illegitimate access")
	infosec := []string{"information_security"}
	tests := []struct {
		ref, stage string
		preferred  catalog.Reduction
		want       int
	}{
		// use stage 4, information_security 3, "Information access restriction" 3.
		{"iso29151:9.4.1", "use", catalog.ReducesImpact, 10},
		// use stage 4, principle 3, crosswalk 1, two categories 1.
		{"iso29151:8.2.3", "use", catalog.ReducesImpact, 9},
		// organisation-wide 1, principle 3, group "Access control" 3, crosswalk 1, one category 1.
		{"iso29151:9.2.1", "use", catalog.ReducesImpact, 9},
		// use stage 4, principle 3, two categories 1: no word of the category.
		{"iso29151:6.2.1", "use", catalog.ReducesImpact, 8},
		// made for other stages 0; principle 3, impact 3, crosswalk 1, two categories 1.
		{"iso29151:10.1.1", "use", catalog.ReducesImpact, 8},
		{"iso29151:10.1.1", "storage", catalog.ReducesImpact, 12},
		// The transfer controls of the guide's examples/gap example.
		{"iso29151:13.2.2", "transfer", catalog.ReducesLikelihood, 15},
		{"iso27701:A.7.5.1", "transfer", catalog.ReducesLikelihood, 15},
		// no stage given: no stage points for anyone.
		{"iso29151:9.2.1", "", catalog.ReducesLikelihood, 11},
	}
	transferPrinciples := []string{"use_retention_and_disclosure_limitation", "accountability"}
	for _, tt := range tests {
		principles, w := infosec, words
		if strings.HasPrefix(tt.ref, "iso29151:13.") || strings.HasPrefix(tt.ref, "iso27701:") {
			principles, w = transferPrinciples, titleWords("Unlawful transfer")
		}
		if got := score(get(tt.ref), tt.stage, principles, w, tt.preferred); got != tt.want {
			t.Errorf("score(%s, %q, %s) = %d, want %d", tt.ref, tt.stage, tt.preferred, got, tt.want)
		}
	}
}

func TestNamesAny(t *testing.T) {
	tests := []struct {
		title string
		words []string
		want  bool
	}{
		{"Information access restriction", titleWords("Illegitimate access"), true},
		{"Mobile device policy", titleWords("Illegitimate access"), false},
		{"Agreements on information transfer", titleWords("Unlawful transfer"), true},
		{"Records of transfers", titleWords("Unlawful transfer"), true},
		{"PII transmission controls", titleWords("Unlawful transfer"), false},
		{"Retention", titleWords("Over-retention"), true},
		{"Acceptable use of assets", titleWords("Use of PII"), false}, // words under four letters do not count
	}
	for _, tt := range tests {
		if got := namesAny(tt.title, tt.words); got != tt.want {
			t.Errorf("namesAny(%q, %v) = %v, want %v", tt.title, tt.words, got, tt.want)
		}
	}
}
