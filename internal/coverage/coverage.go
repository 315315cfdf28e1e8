package coverage

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/finding"
	"github.com/privacycode/terraform-provider-pii/internal/isotime"
	"github.com/privacycode/terraform-provider-pii/internal/risk"
	"github.com/privacycode/terraform-provider-pii/internal/suggest"
)

// Control statuses, as pii_control declares them.
const (
	StatusImplemented   = "implemented"
	StatusPartial       = "partial"
	StatusPlanned       = "planned"
	StatusNotApplicable = "not_applicable"
	StatusAlternative   = "alternative"
)

// Statuses lists the accepted control statuses.
var Statuses = []string{StatusImplemented, StatusPartial, StatusPlanned, StatusNotApplicable, StatusAlternative}

// Treatments of a risk (ISO/IEC 29134 risk treatment options).
const (
	TreatMitigate = "mitigate"
	TreatAccept   = "accept"
	TreatAvoid    = "avoid"
	TreatTransfer = "transfer"
)

// Treatments lists the accepted treatments.
var Treatments = []string{TreatMitigate, TreatAccept, TreatAvoid, TreatTransfer}

// Coverage is the conclusion for one risk.
type Coverage string

const (
	Covered          Coverage = "covered"
	PartiallyCovered Coverage = "partially_covered"
	Uncovered        Coverage = "uncovered"
	Accepted         Coverage = "accepted"
	Avoided          Coverage = "avoided"
	Transferred      Coverage = "transferred"
	// Unknown: some input is not known yet; decided once it is.
	Unknown Coverage = "unknown"
)

// IsGap reports whether the coverage leaves the risk untreated.
func (c Coverage) IsGap() bool { return c == Uncovered || c == PartiallyCovered }

// Control is a pii_control as an assessment selects it.
type Control struct {
	// Ref is the control's qualified id, "catalog:id".
	Ref    string
	Title  string
	Status string
	// Activities are the ids of the activities the control is in place
	// for; empty means organisation-wide.
	Activities []string
	Treats     []string
	Reduces    catalog.Reduction
	// Known is false while any field above is unknown.
	Known bool
}

// InScope reports whether the control applies to the activity.
func (c Control) InScope(activityID string) bool {
	if len(c.Activities) == 0 {
		return true
	}
	return slices.Contains(c.Activities, activityID)
}

// Acceptance is a risk owner's acceptance of a residual risk.
type Acceptance struct {
	AcceptedBy string
	Rationale  string
	// Expires is a date (YYYY-MM-DD) or "" for no expiry.
	Expires string
}

// Risk is one assessed risk. Zero ratings mean "not known yet".
type Risk struct {
	Name           string
	Category       string
	LifecycleStage string
	Likelihood     risk.Rating
	Impact         risk.Rating
	Treatment      string
	Controls       []Control
	// ControlsKnown is false while the list of controls itself is unknown.
	ControlsKnown bool
	Acceptance    *Acceptance
	// AcceptanceKnown is false while the acceptance object is unknown.
	AcceptanceKnown bool
	TransferTo      string
	Rationale       string
	// Known is false while the category, stage or treatment is unknown.
	Known bool

	// Written is set by callers that pass the risk as the configuration
	// wrote it and leave checking its values to Evaluate (the provider):
	// the ratings are then read from LikelihoodText and ImpactText, and a
	// missing name, category or rating is an error. Callers that checked
	// the values themselves leave it false; zero ratings then mean "not
	// known yet".
	Written                    bool
	LikelihoodText, ImpactText string
	// Unknown names the attributes not known yet ("name", "category",
	// "lifecycle_stage", "likelihood", "impact", "treatment",
	// "acceptance.expires"), so that the known ones are still checked.
	Unknown map[string]bool
}

// unknown reports whether the attribute's value is not known yet.
func (r Risk) unknown(attr string) bool {
	if r.Unknown == nil {
		return !r.Known
	}
	return r.Unknown[attr]
}

// Activity is what an assessment needs of the assessed activity.
type Activity struct {
	ID                string
	Name              string
	Stages            []string
	SpecialCategories bool
	// Role is the organisation's role in the activity: controller (also
	// when empty, the default of pii_processing_activity),
	// joint_controller or processor. It decides which role-specific
	// catalog controls are suggested.
	Role string
	// Known is false while the activity object is unknown.
	Known bool
}

// Assessment is a privacy impact assessment of one activity.
type Assessment struct {
	Activity Activity
	Risks    []Risk
}

// Options are the organisation's settings.
type Options struct {
	Catalog  *catalog.Set
	Appetite risk.Level
	// GapSeverity is Error under enforcement "error", Warning under "warning".
	GapSeverity finding.Severity
	// Today decides whether an acceptance has expired.
	Today time.Time
	// DefaultCatalog is where controls are suggested from when the
	// assessment selects none.
	DefaultCatalog string
	// MaxSuggestions caps suggested_controls per risk (default 5).
	MaxSuggestions int
}

// RiskResult is the evaluation of one risk. Fields that cannot be decided
// yet are flagged by InherentKnown and ResidualKnown.
type RiskResult struct {
	InherentKnown      bool
	InherentScore      int
	InherentLevel      risk.Level
	ResidualKnown      bool
	ResidualLikelihood risk.Rating
	ResidualImpact     risk.Rating
	ResidualScore      int
	ResidualLevel      risk.Level
	Coverage           Coverage
	EffectiveControls  []string
	Gaps               []string
	// SuggestionsKnown is false while the category or the activity's role
	// is not known, or the category is not valid.
	SuggestionsKnown  bool
	SuggestedControls []string
}

// Result is the evaluation of an assessment.
type Result struct {
	Risks []RiskResult
	// MaxInherentKnown and MaxResidualKnown are false while any risk's
	// level is unknown.
	MaxInherentKnown bool
	MaxInherentLevel risk.Level
	MaxResidualKnown bool
	MaxResidualLevel risk.Level
	// CoveredKnown is false while a risk is unknown and no other risk is
	// already a gap.
	CoveredKnown   bool
	Covered        bool
	UncoveredRisks []string
	// LifecycleKnown is false while the activity's stages or a risk's
	// stage is unknown.
	LifecycleKnown bool
	LifecycleGaps  []string
}

// Evaluate checks an assessment and computes every risk's residual and
// coverage. Findings carry paths relative to the assessment resource
// (risks[i]...).
func Evaluate(a Assessment, opt Options) (Result, finding.Findings) {
	if opt.MaxSuggestions == 0 {
		opt.MaxSuggestions = 5
	}
	if opt.GapSeverity == 0 {
		opt.GapSeverity = finding.Error
	}
	e := &evaluator{a: a, opt: opt}
	return e.run()
}

type evaluator struct {
	a   Assessment
	opt Options
	fs  finding.Findings
}

func (e *evaluator) run() (Result, finding.Findings) {
	res := Result{
		Risks:            make([]RiskResult, len(e.a.Risks)),
		MaxInherentKnown: true, MaxResidualKnown: true, CoveredKnown: true, Covered: true,
		LifecycleKnown: e.a.Activity.Known,
		UncoveredRisks: []string{}, LifecycleGaps: []string{},
	}
	firstByName := map[string]int{}
	for i, r := range e.a.Risks {
		p := finding.Root("risks").Index(i)
		if !r.unknown("name") && r.Name != "" {
			if first, dup := firstByName[r.Name]; dup {
				e.fs.Errorf(p.Attr("name"), "Duplicate risk name", "Risk %q: risks[%d] has the same name. Risk names must be unique within an assessment.", r.Name, first)
			} else {
				firstByName[r.Name] = i
			}
		}
		rr := e.evaluateRisk(r, i, p)
		res.Risks[i] = rr

		if rr.InherentKnown {
			res.MaxInherentLevel = max(res.MaxInherentLevel, rr.InherentLevel)
		} else {
			res.MaxInherentKnown = false
		}
		switch {
		case rr.Coverage == Avoided:
			// The processing that would cause it is gone: no residual.
		case rr.ResidualKnown:
			res.MaxResidualLevel = max(res.MaxResidualLevel, rr.ResidualLevel)
		default:
			res.MaxResidualKnown = false
		}
		switch {
		case rr.Coverage == Unknown:
			res.CoveredKnown = false
		case rr.Coverage.IsGap() || len(rr.Gaps) > 0:
			res.Covered = false
			res.UncoveredRisks = append(res.UncoveredRisks, r.Name)
		}
		if !r.Known {
			res.LifecycleKnown = false
		}
	}
	// A definite gap decides the assessment even while other risks wait.
	if !res.Covered {
		res.CoveredKnown = true
	}
	if len(e.a.Risks) == 0 {
		res.MaxInherentKnown, res.MaxResidualKnown = false, false
		e.fs.Errorf(finding.Root("risks"), "No risks", "An assessment lists at least one risk: what could go wrong for the people whose PII the activity processes.")
	}
	if res.LifecycleKnown {
		res.LifecycleGaps = e.lifecycleGaps()
	}
	return res, e.fs
}

// lifecycleGaps lists declared stages that no risk is assessed on.
func (e *evaluator) lifecycleGaps() []string {
	gaps := []string{}
	assessed := map[string]bool{}
	for _, r := range e.a.Risks {
		assessed[r.LifecycleStage] = true
	}
	for _, stage := range catalog.Stages {
		if slices.Contains(e.a.Activity.Stages, stage) && !assessed[stage] {
			gaps = append(gaps, stage)
		}
	}
	if len(gaps) > 0 {
		e.fs.Warnf(finding.Root("risks"), "Life-cycle stage not assessed",
			"Activity %q declares the %s %s, but no risk is assessed on %s. Assess what can go wrong there, or remove the stage from the activity if PII does not go through it.",
			e.a.Activity.Name, plural(len(gaps), "stage", "stages"), quoteJoin(gaps), pronoun(len(gaps)))
	}
	return gaps
}

func (e *evaluator) evaluateRisk(r Risk, i int, p finding.Path) RiskResult {
	rr := RiskResult{Coverage: Unknown, EffectiveControls: []string{}, Gaps: []string{}, SuggestedControls: []string{}}
	if !r.Known && r.Unknown == nil {
		// Nothing says which values are known: check none of them.
		if r.Likelihood.Valid() && r.Impact.Valid() {
			rr.InherentKnown = true
			rr.InherentScore, rr.InherentLevel = risk.Assess(r.Likelihood, r.Impact)
		}
		return rr
	}
	// Every value is checked on its own, so that one plan reports all of
	// a risk's problems; each later step needs only the values it uses.
	v := e.checkValues(&r, i, p)
	ratingsOK := r.Likelihood.Valid() && r.Impact.Valid()
	if ratingsOK {
		rr.InherentKnown = true
		rr.InherentScore, rr.InherentLevel = risk.Assess(r.Likelihood, r.Impact)
	}
	categoryOK := !r.unknown("category") && e.checkCategory(r, i, p)
	stageOK := !r.unknown("lifecycle_stage") && v.stage && e.checkStage(r, i, p)
	if categoryOK && !r.unknown("lifecycle_stage") && e.a.Activity.Known {
		stage := r.LifecycleStage
		if !v.stage {
			stage = "" // not a stage: rank as if none were given
		}
		rr.SuggestionsKnown = true
		rr.SuggestedControls = e.suggest(r, stage)
	}
	if e.a.Activity.Known && e.a.Activity.SpecialCategories && r.Impact.Valid() && r.Impact < risk.Significant &&
		!r.unknown("rationale") && r.Rationale == "" {
		e.fs.Warnf(p.Attr("impact"), "Impact looks low for special-category data",
			"%s rates its impact %s, yet activity %q processes special categories of PII. Harm from such data is usually significant or maximum; give a rationale for the lower rating, or raise it.",
			e.who(r, i), r.Impact, e.a.Activity.Name)
	}
	if v.treatment {
		e.checkTreatmentInputs(r, i, p)
	}

	// The controls need the category (what they treat) and the activity
	// (their scope); the residual needs the ratings too.
	if !categoryOK || !r.ControlsKnown || !e.a.Activity.Known {
		return rr
	}
	effective, partial, allKnown := e.classifyControls(r, i, p)
	if !ratingsOK || !allKnown {
		return rr
	}
	nLikelihood, nImpact := 0, 0
	for _, c := range effective {
		if c.Reduces == catalog.ReducesImpact {
			nImpact++
		} else {
			nLikelihood++
		}
		rr.EffectiveControls = append(rr.EffectiveControls, c.Ref)
	}
	rr.ResidualKnown = true
	rr.ResidualLikelihood = r.Likelihood.Lower(min(nLikelihood, 2))
	rr.ResidualImpact = r.Impact.Lower(min(nImpact, 2))
	rr.ResidualScore, rr.ResidualLevel = risk.Assess(rr.ResidualLikelihood, rr.ResidualImpact)

	// Coverage is decided on a risk whose every value is known and valid.
	if !r.Known || !v.treatment || !stageOK || !v.name {
		return rr
	}
	switch r.Treatment {
	case TreatMitigate:
		e.mitigate(r, i, p, &rr, len(effective), len(partial))
	case TreatAccept:
		e.accept(r, i, p, &rr)
	case TreatAvoid:
		rr.Coverage = Avoided
	case TreatTransfer:
		rr.Coverage = Transferred
	}
	return rr
}

// who names the risk at the start of a message: `Risk "name"`, or its
// place in the list when it has no name.
func (e *evaluator) who(r Risk, i int) string {
	if r.unknown("name") || strings.TrimSpace(r.Name) == "" {
		return fmt.Sprintf("The risk at risks[%d]", i)
	}
	return fmt.Sprintf("Risk %q", r.Name)
}

// validity says which of a risk's written values can be used.
type validity struct {
	name, stage, treatment bool
}

// checkValues checks the values that need nothing but themselves: the
// presence of the required ones, the ratings, stage and treatment names
// and the acceptance's expiry date. In Written mode it also reads the
// ratings from their text.
func (e *evaluator) checkValues(r *Risk, i int, p finding.Path) validity {
	v := validity{name: true, stage: true, treatment: true}
	who := e.who(*r, i)
	if r.Written && !r.unknown("name") && strings.TrimSpace(r.Name) == "" {
		v.name = false
		e.fs.Errorf(p.Attr("name"), "Risk without a name",
			"%s has no name. Give every risk a name, unique within the assessment, so that gaps and reports can refer to it.", who)
	}
	if r.Written && !r.unknown("category") && r.Category == "" {
		e.fs.Errorf(p.Attr("category"), "Risk category missing",
			"%s has no category: set category to the feared event, one of %s.", who, strings.Join(e.opt.Catalog.RiskCategoryKeys(), ", "))
	}
	if r.Written {
		r.Likelihood = e.checkRating(r, i, p, "likelihood", r.LikelihoodText, "how likely the feared event is before any control")
		r.Impact = e.checkRating(r, i, p, "impact", r.ImpactText, "how badly it would harm the people concerned")
	}
	if !r.unknown("lifecycle_stage") && r.LifecycleStage != "" && !slices.Contains(catalog.Stages, r.LifecycleStage) {
		v.stage = false
		e.fs.Errorf(p.Attr("lifecycle_stage"), "Invalid life-cycle stage", "%s: %q is not a life-cycle stage; use one of %s.%s",
			who, r.LifecycleStage, quoteList(catalog.Stages), suggest.Phrase(suggest.Closest(r.LifecycleStage, catalog.Stages, 1)))
	}
	switch {
	case r.unknown("treatment"):
		v.treatment = false
	case r.Treatment == "":
		r.Treatment = TreatMitigate
	case !slices.Contains(Treatments, r.Treatment):
		v.treatment = false
		e.fs.Errorf(p.Attr("treatment"), "Invalid treatment", "%s: %q is not a treatment; use one of %s.%s",
			who, r.Treatment, quoteList(Treatments), suggest.Phrase(suggest.Closest(r.Treatment, Treatments, 1)))
	}
	if r.AcceptanceKnown && r.Acceptance != nil && r.Acceptance.Expires != "" && !r.unknown("acceptance.expires") {
		if _, err := isotime.ParseDate(r.Acceptance.Expires); err != nil {
			e.fs.Errorf(p.Attr("acceptance").Attr("expires"), "Invalid value", "%s, acceptance.expires: %s", who, err.Error())
		}
	}
	return v
}

// checkRating reads a rating written as its name; a missing or unknown
// one is 0.
func (e *evaluator) checkRating(r *Risk, i int, p finding.Path, attr, text, what string) risk.Rating {
	if r.unknown(attr) {
		return 0
	}
	names := risk.RatingNames()
	if text == "" {
		e.fs.Errorf(p.Attr(attr), "Missing "+attr, "%s has no %s: rate %s as one of %s.", e.who(*r, i), attr, what, quoteList(names))
		return 0
	}
	if k := slices.Index(names, text); k >= 0 {
		return risk.Rating(k + 1)
	}
	e.fs.Errorf(p.Attr(attr), "Invalid "+attr, "%s: %q is not a rating for %s; use one of %s.%s",
		e.who(*r, i), text, attr, quoteList(names), suggest.Phrase(suggest.Closest(text, names, 1)))
	return 0
}

func (e *evaluator) checkCategory(r Risk, i int, p finding.Path) bool {
	if r.Category == "" {
		return false
	}
	if _, ok := e.opt.Catalog.RiskCategory(r.Category); ok {
		return true
	}
	e.fs.Errorf(p.Attr("category"), "Unknown risk category", "%s: there is no risk category %q.%s Known: %s.",
		e.who(r, i), r.Category, suggest.Phrase(suggest.Closest(r.Category, e.opt.Catalog.RiskCategoryKeys(), 3)), strings.Join(e.opt.Catalog.RiskCategoryKeys(), ", "))
	return false
}

func (e *evaluator) checkStage(r Risk, i int, p finding.Path) bool {
	if r.LifecycleStage == "" || !e.a.Activity.Known {
		return true
	}
	if slices.Contains(e.a.Activity.Stages, r.LifecycleStage) {
		return true
	}
	declared := "none"
	if len(e.a.Activity.Stages) > 0 {
		declared = quoteJoin(e.a.Activity.Stages)
	}
	e.fs.Errorf(p.Attr("lifecycle_stage"), "Life-cycle stage not declared by the activity",
		"%s is assessed on the %q stage, but activity %q does not declare a %s block (declared stages: %s). Declare the stage on the activity, or assess the risk on a declared stage.",
		e.who(r, i), r.LifecycleStage, e.a.Activity.Name, r.LifecycleStage, declared)
	return false
}

func (e *evaluator) checkTreatmentInputs(r Risk, i int, p finding.Path) {
	who := e.who(r, i)
	switch r.Treatment {
	case TreatAccept:
		if r.AcceptanceKnown && r.Acceptance == nil {
			e.fs.Errorf(p.Attr("acceptance"), "Acceptance missing",
				"%s is accepted, which needs an acceptance object naming who accepted it and why: acceptance = { accepted_by = \"...\", rationale = \"...\", expires = \"YYYY-MM-DD\" }.", who)
		}
		if r.AcceptanceKnown && r.Acceptance != nil && (r.Acceptance.AcceptedBy == "" || r.Acceptance.Rationale == "") {
			e.fs.Errorf(p.Attr("acceptance"), "Acceptance incomplete", "%s is accepted, but its acceptance must name accepted_by and give a rationale.", who)
		}
	case TreatAvoid:
		if !r.unknown("rationale") && r.Rationale == "" {
			e.fs.Errorf(p.Attr("rationale"), "Rationale missing", "%s is avoided, which needs a rationale saying how: what processing was dropped or changed so that the risk cannot arise.", who)
		}
	case TreatTransfer:
		if !r.unknown("transfer_to") && r.TransferTo == "" {
			e.fs.Errorf(p.Attr("transfer_to"), "Transfer target missing", "%s is transferred, which needs transfer_to: the party that carries it (an insurer, a processor under contract).", who)
		}
	}
	if r.Treatment != TreatAccept && r.AcceptanceKnown && r.Acceptance != nil {
		e.fs.Warnf(p.Attr("acceptance"), "Acceptance ignored", "%s has an acceptance but its treatment is %q; the acceptance only counts with treatment = \"accept\".", who, r.Treatment)
	}
}

// classifyControls sorts the selected controls into effective and partial
// ones, and says why each of the others has no effect. Controls not known
// yet are skipped, and allKnown is then false.
func (e *evaluator) classifyControls(r Risk, i int, p finding.Path) (effective, partial []Control, allKnown bool) {
	allKnown = true
	seen := map[string]int{}
	for j, c := range r.Controls {
		if !c.Known {
			allKnown = false
			continue
		}
		cp := p.Attr("controls").Index(j)
		at := fmt.Sprintf("%s, controls[%d]", e.who(r, i), j)
		c, ok := e.resolveControl(c, cp, at)
		if !ok {
			continue
		}
		if first, dup := seen[c.Ref]; dup {
			e.fs.Warnf(cp, "Control selected twice", "%s: %s is already selected at controls[%d]; it counts once.", at, c.Ref, first)
			continue
		}
		seen[c.Ref] = j
		switch {
		case !slices.Contains(Statuses, c.Status):
			e.fs.Errorf(cp, "Invalid control status", "%s: %s %s has status %q, which is not a control status; use one of %s.%s",
				at, c.Ref, c.Title, c.Status, quoteList(Statuses), suggest.Phrase(suggest.Closest(c.Status, Statuses, 1)))
		case c.Status == StatusNotApplicable:
			e.fs.Errorf(cp, "Not-applicable control selected",
				"%s: %s %s is declared not_applicable, so it cannot treat this risk. Remove it from the risk's controls, or change its status.", at, c.Ref, c.Title)
		case !slices.Contains(c.Treats, r.Category):
			e.fs.Warnf(cp, "Control has no effect on this risk",
				"%s: %s %s does not treat %s (it treats %s), so it does not lower this risk.", at, c.Ref, c.Title, r.Category, strings.Join(c.Treats, ", "))
		case !c.InScope(e.a.Activity.ID):
			e.fs.Warnf(cp, "Control out of scope",
				"%s: %s %s is in place only for other activities (%s), not for %q, so it does not lower this risk.", at, c.Ref, c.Title, strings.Join(c.Activities, ", "), e.a.Activity.Name)
		case c.Status == StatusPlanned:
			e.fs.Warnf(cp, "Planned control has no effect yet",
				"%s: %s %s is planned, not implemented: it does not lower this risk until its status is implemented.", at, c.Ref, c.Title)
		case c.Status == StatusPartial || c.Status == StatusAlternative:
			partial = append(partial, c)
		case c.Status == StatusImplemented:
			effective = append(effective, c)
		}
	}
	return effective, partial, allKnown
}

// resolveControl completes a control given as a hand-written object (only
// its id and status) from the catalog, and rejects one that names no
// catalog control or has no status.
func (e *evaluator) resolveControl(c Control, cp finding.Path, at string) (Control, bool) {
	if c.Treats == nil || c.Reduces == "" || c.Title == "" {
		entry, err := e.opt.Catalog.LookupControl(c.Ref)
		if err != nil {
			e.fs.Errorf(cp, "Unknown control", "%s: %s", at, err.Error())
			return c, false
		}
		if c.Treats == nil {
			c.Treats = entry.Treats
		}
		if c.Reduces == "" {
			c.Reduces = entry.Reduces
		}
		if c.Title == "" {
			c.Title = entry.Title
		}
	}
	if c.Status == "" {
		e.fs.Errorf(cp, "Control without a status",
			"%s: %s %s has no status, so nothing says it is in place. Pass the pii_control resource itself (controls = [pii_control.name]) so that its status counts.", at, c.Ref, c.Title)
		return c, false
	}
	return c, true
}

func (e *evaluator) mitigate(r Risk, i int, p finding.Path, rr *RiskResult, effective, partial int) {
	within := rr.ResidualLevel <= e.opt.Appetite
	switch {
	case effective > 0 && within:
		rr.Coverage = Covered
		return
	case effective > 0 || partial > 0:
		rr.Coverage = PartiallyCovered
	default:
		rr.Coverage = Uncovered
	}
	var why string
	switch {
	case effective == 0 && partial == 0:
		why = fmt.Sprintf("no selected control is implemented, in scope and treats %s", r.Category)
	case effective == 0:
		why = fmt.Sprintf("the selected controls that treat %s are only partially implemented", r.Category)
	default:
		why = fmt.Sprintf("the residual level %s is above the risk appetite %s", rr.ResidualLevel, e.opt.Appetite)
	}
	gap := fmt.Sprintf("%s: %s; inherent %s (%d), residual %s (%d), appetite %s",
		strings.ReplaceAll(string(rr.Coverage), "_", " "), why, rr.InherentLevel, rr.InherentScore, rr.ResidualLevel, rr.ResidualScore, e.opt.Appetite)
	rr.Gaps = append(rr.Gaps, gap)
	summary := "Risk not covered"
	if rr.Coverage == PartiallyCovered {
		summary = "Risk only partially covered"
	}
	e.fs.Add(e.opt.GapSeverity, p, summary, "%s (%s) is %s: %s. Inherent level %s (%d), residual %s (%d), risk appetite %s.%s",
		e.who(r, i), r.Category, strings.ReplaceAll(string(rr.Coverage), "_", " "), why,
		rr.InherentLevel, rr.InherentScore, rr.ResidualLevel, rr.ResidualScore, e.opt.Appetite, e.advice(*rr))
}

func (e *evaluator) accept(r Risk, i int, p finding.Path, rr *RiskResult) {
	if !r.AcceptanceKnown {
		return // stays unknown
	}
	rr.Coverage = Accepted
	if r.Acceptance == nil {
		rr.Coverage = Uncovered
		rr.Gaps = append(rr.Gaps, "accepted without an acceptance record")
		return // reported by checkTreatmentInputs
	}
	var problem string
	if rr.ResidualLevel == risk.VeryHigh {
		problem = fmt.Sprintf("a very_high residual (%d) cannot be accepted; lower it with controls, avoid the processing or transfer the risk", rr.ResidualScore)
	} else if r.Acceptance.Expires != "" {
		expires, err := time.Parse("2006-01-02", r.Acceptance.Expires)
		if err == nil && expires.Before(truncateDay(e.opt.Today)) {
			problem = fmt.Sprintf("the acceptance by %s expired on %s; review the risk and renew or replace the acceptance", r.Acceptance.AcceptedBy, r.Acceptance.Expires)
		}
	}
	if problem == "" {
		return
	}
	rr.Coverage = Uncovered
	rr.Gaps = append(rr.Gaps, "acceptance not valid: "+problem)
	e.fs.Add(e.opt.GapSeverity, p.Attr("acceptance"), "Risk acceptance not valid", "%s (%s) is accepted, but %s. Inherent level %s (%d), residual %s (%d), risk appetite %s.%s",
		e.who(r, i), r.Category, problem, rr.InherentLevel, rr.InherentScore, rr.ResidualLevel, rr.ResidualScore, e.opt.Appetite, e.advice(*rr))
}

// advice names the best catalog controls to select.
func (e *evaluator) advice(rr RiskResult) string {
	if len(rr.SuggestedControls) == 0 {
		return ""
	}
	n := min(3, len(rr.SuggestedControls))
	names := make([]string, n)
	for i, ref := range rr.SuggestedControls[:n] {
		names[i] = ref
		if c, err := e.opt.Catalog.LookupControl(ref); err == nil {
			names[i] = ref + " " + c.Title
		}
	}
	return " Select implemented controls that treat this risk, such as " + joinOr(names) + "."
}

func truncateDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// quoteList renders accepted values as "a", "b", "c", the way the
// provider's other "use one of" messages do.
func quoteList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

func quoteJoin(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	return joinAnd(q)
}

func joinAnd(items []string) string { return joinWith(items, "and") }
func joinOr(items []string) string  { return joinWith(items, "or") }

func joinWith(items []string, word string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + word + " " + items[len(items)-1]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}
