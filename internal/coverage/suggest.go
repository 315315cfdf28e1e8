package coverage

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
)

// Points a candidate control earns for a risk (docs/guides/risk-model.md,
// "Suggested controls", states the same rule for users). The life-cycle
// stage weighs most: a control made for where the risk arises acts on it
// directly. Naming the feared event and serving its principle are the
// two signs that the control is about the risk's category rather than
// merely listing it among others.
const (
	pointsStage          = 4 // made for the risk's life-cycle stage
	pointsOrgWide        = 1 // organisation-wide: no stage of its own
	pointsPrinciple      = 3 // serves a principle of the risk category
	pointsNamesCategory  = 3 // its title or group title names the feared event
	pointsDimension      = 3 // lowers the dimension rated higher
	pointsCrosswalk      = 1 // linked to another catalog (related)
	pointsFocused        = 1 // treats at most two categories
	maxCategoriesFocused = 2
)

// suggest ranks the catalog controls that treat the risk's category, are
// not selected for it and are written for the organisation's role in the
// activity, best first. stage is the risk's life-cycle stage, or "".
func (e *evaluator) suggest(r Risk, stage string) []string {
	selected := map[string]bool{}
	var catalogs []string
	for _, c := range r.Controls {
		selected[c.Ref] = true
	}
	for _, rk := range e.a.Risks {
		for _, c := range rk.Controls {
			if name, _, ok := strings.Cut(c.Ref, ":"); ok && !slices.Contains(catalogs, name) {
				catalogs = append(catalogs, name)
			}
		}
	}
	if len(catalogs) == 0 {
		catalogs = []string{e.opt.DefaultCatalog}
	}
	preferred := catalog.ReducesLikelihood
	if r.Impact > r.Likelihood {
		preferred = catalog.ReducesImpact
	}
	var principles []string
	var words []string
	if rc, ok := e.opt.Catalog.RiskCategory(r.Category); ok {
		principles = rc.Principles
		words = titleWords(rc.Title)
	}
	excluded := excludedRole(e.a.Activity.Role)
	type ranked struct {
		ref   string
		score int
		order int
	}
	var candidates []ranked
	order := 0
	for _, name := range catalogs {
		cat, err := e.opt.Catalog.Catalog(name)
		if err != nil {
			continue
		}
		for _, c := range cat.Select(catalog.Filter{Treats: r.Category}) {
			order++
			if selected[c.Ref()] || c.Role == excluded {
				continue
			}
			candidates = append(candidates, ranked{c.Ref(), score(c, stage, principles, words, preferred), order})
		}
	}
	sort.SliceStable(candidates, func(i, j int) bool {
		if candidates[i].score != candidates[j].score {
			return candidates[i].score > candidates[j].score
		}
		return candidates[i].order < candidates[j].order
	})
	out := []string{}
	for _, c := range candidates {
		if len(out) == e.opt.MaxSuggestions {
			break
		}
		out = append(out, c.ref)
	}
	return out
}

// excludedRole is the role whose controls do not fit the organisation's
// role in the activity: a controller (or joint controller, or an activity
// that names no role, which pii_processing_activity makes a controller)
// is not given a processor's controls, and a processor not a
// controller's. Controls written for no role fit both.
func excludedRole(activityRole string) string {
	if activityRole == "processor" {
		return "controller"
	}
	return "processor"
}

func score(c *catalog.Control, stage string, principles, words []string, preferred catalog.Reduction) int {
	s := 0
	switch {
	case stage == "":
	case slices.Contains(c.Stages, stage):
		s += pointsStage
	case len(c.Stages) == 0:
		s += pointsOrgWide
	}
	if slices.Contains(principles, c.Principle) {
		s += pointsPrinciple
	}
	if namesAny(c.Title, words) || namesAny(c.GroupTitle, words) {
		s += pointsNamesCategory
	}
	if c.Reduces == preferred {
		s += pointsDimension
	}
	if len(c.Related) > 0 {
		s += pointsCrosswalk
	}
	if len(c.Treats) <= maxCategoriesFocused {
		s += pointsFocused
	}
	return s
}

// titleWords are the words of a risk category's title that can name it in
// a control's title: four letters or more ("Illegitimate access" gives
// illegitimate and access; "Over-retention" gives over and retention).
func titleWords(title string) []string {
	var out []string
	for _, w := range splitWords(title) {
		if len([]rune(w)) >= 4 {
			out = append(out, w)
		}
	}
	return out
}

// namesAny reports whether text has one of words as a whole word, a
// plural "s" aside (transfer names "Information transfer" and
// "transfers").
func namesAny(text string, words []string) bool {
	for _, t := range splitWords(text) {
		t = strings.TrimSuffix(t, "s")
		for _, w := range words {
			if t == strings.TrimSuffix(w, "s") {
				return true
			}
		}
	}
	return false
}

func splitWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
}
