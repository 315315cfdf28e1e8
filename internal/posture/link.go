package posture

import (
	"slices"
	"sort"
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/coverage"
	"github.com/privacycode/terraform-provider-pii/internal/risk"
)

// link connects what refers to what: assessments to their activities, the
// security measures of each activity, and the effect of each control
// selected for a risk.
func (p *Posture) link(set *catalog.Set) {
	byID := map[string]*Activity{}
	for _, a := range p.Activities {
		if a.ID.IsKnown() {
			if _, dup := byID[a.ID.String()]; !dup {
				byID[a.ID.String()] = a
			}
		}
	}
	for _, as := range p.Assessments {
		if as.Activity.ID.IsKnown() {
			if a := byID[as.Activity.ID.String()]; a != nil {
				a.Assessments = append(a.Assessments, as.Address)
			}
		}
	}
	for _, a := range p.Activities {
		for _, c := range p.Controls {
			if c.Status.Is(coverage.StatusImplemented) && c.ID.IsKnown() && inScope(c.Activities, a.ID) == yes &&
				!slices.Contains(a.SecurityMeasures, c.ID.String()) {
				a.SecurityMeasures = append(a.SecurityMeasures, c.ID.String())
			}
		}
		SortRefs(a.SecurityMeasures)
	}

	controls := map[string]*Control{}
	for _, c := range p.Controls {
		if c.ID.IsKnown() {
			if _, dup := controls[c.ID.String()]; !dup {
				controls[c.ID.String()] = c
			}
		}
	}
	for _, as := range p.Assessments {
		seen := map[string]bool{}
		for _, r := range as.Risks {
			for i := range r.Controls {
				c := &r.Controls[i]
				c.Effect, c.Reason = effect(r, c, as.Activity.ID, controls, set)
				if key := c.ID.String(); !seen[key] {
					seen[key] = true
					as.Controls = append(as.Controls, c.ID)
				}
			}
		}
	}
}

type tristate int

const (
	no tristate = iota
	yes
	maybe
)

// inScope says whether a control scoped to activities is in place for the
// activity id: yes when organisation-wide (no activities) or listed, maybe
// when something is not known.
func inScope(activities []Value, id Value) tristate {
	if len(activities) == 0 {
		return yes
	}
	if !id.IsKnown() {
		return maybe
	}
	if Contains(activities, id.String()) {
		return yes
	}
	if !AllKnown(activities) {
		return maybe
	}
	return no
}

// effect decides a selected control's cell of the coverage matrix, by the
// rules of the risk model (see docs/guides/risk-model.md): the provider's
// effective_controls say which controls lower the risk; of the others, a
// partial or alternative control that treats the category and is in scope
// counts towards partial coverage, and every other has no effect.
func effect(r *Risk, c *RiskControl, activityID Value, controls map[string]*Control, set *catalog.Set) (string, string) {
	if !c.ID.IsKnown() {
		return EffectUnknown, ""
	}
	id := c.ID.String()
	if Contains(r.EffectiveControls, id) {
		return EffectEffective, ""
	}
	if !AllKnown(r.EffectiveControls) || r.Coverage.IsMarker() {
		return EffectUnknown, ""
	}
	if c.Status.IsNull() {
		return EffectNone, "no status"
	}
	if !c.Status.IsKnown() {
		return EffectUnknown, ""
	}
	status := c.Status.String()
	if status == coverage.StatusNotApplicable {
		return EffectNone, "not applicable"
	}
	var treats []Value
	if decl := controls[id]; decl != nil && len(decl.Treats) > 0 {
		treats = decl.Treats
	} else if ctl, err := set.LookupControl(id); err == nil {
		for _, t := range ctl.Treats {
			treats = append(treats, Text(t))
		}
	}
	if r.Category.IsKnown() && treats != nil && AllKnown(treats) && !Contains(treats, r.Category.String()) {
		return EffectNone, "does not treat " + r.Category.String()
	}
	switch inScope(c.Activities, activityID) {
	case no:
		return EffectNone, "out of scope"
	case maybe:
		return EffectUnknown, ""
	}
	switch status {
	case coverage.StatusPlanned:
		return EffectNone, "planned"
	case coverage.StatusPartial, coverage.StatusAlternative:
		return EffectPartial, status
	case coverage.StatusImplemented:
		return EffectNone, "not counted"
	}
	return EffectNone, "status " + status
}

// SortRefs sorts qualified control ids (catalog:id) by catalog, then in
// natural id order (9.1.1 < 10.1.1 < A.2 < A.12).
func SortRefs(refs []string) {
	sort.SliceStable(refs, func(i, j int) bool { return refLess(refs[i], refs[j]) })
}

func refLess(a, b string) bool {
	ca, ia, _ := strings.Cut(a, ":")
	cb, ib, _ := strings.Cut(b, ":")
	if ca != cb {
		return ca < cb
	}
	if ia == ib {
		return false
	}
	pair := []string{ib, ia}
	catalog.SortIDs(pair)
	return pair[0] == ia
}

// Levels lists the risk levels, lowest first.
var Levels = risk.LevelNames()

// Residual level keys besides the levels.
const (
	// LevelAvoided counts avoided risks, which have no residual.
	LevelAvoided = "avoided"
)

// CoverageNames lists the coverage values of a risk.
var CoverageNames = []string{"covered", "partially_covered", "uncovered", "accepted", "avoided", "transferred"}

// ControlStatuses lists the pii_control statuses, most advanced first.
var ControlStatuses = []string{
	coverage.StatusImplemented, coverage.StatusAlternative, coverage.StatusPartial,
	coverage.StatusPlanned, coverage.StatusNotApplicable,
}

func (p *Posture) summarise() {
	s := Summary{
		Activities: len(p.Activities), Controls: len(p.Controls), Assessments: len(p.Assessments), Skipped: len(p.Skipped),
		ControlsByStatus:     newCounts(ControlStatuses...),
		RisksByInherentLevel: newCounts(Levels...),
		RisksByResidualLevel: newCounts(append(slices.Clone(Levels), LevelAvoided)...),
		RisksByCoverage:      newCounts(CoverageNames...),
	}
	for _, a := range p.Activities {
		if a.PIARequired.True() {
			s.PIARequired++
		}
		if len(a.Assessments) == 0 {
			s.Unassessed++
		}
	}
	for _, c := range p.Controls {
		s.ControlsByStatus.add(statusKey(c.Status))
	}
	for _, as := range p.Assessments {
		for _, r := range as.Risks {
			s.Risks++
			s.RisksByInherentLevel.add(statusKey(r.InherentLevel))
			if r.Avoided() {
				s.RisksByResidualLevel.add(LevelAvoided)
			} else {
				s.RisksByResidualLevel.add(statusKey(r.ResidualLevel))
			}
			s.RisksByCoverage.add(statusKey(r.Coverage))
			if r.IsGap() {
				s.Gaps++
				p.Gaps = append(p.Gaps, Gap{
					Assessment: as.Address, Activity: as.Activity.Name, Risk: r.Name, Category: r.Category,
					Coverage: r.Coverage, ResidualLevel: r.ResidualLevel, Reasons: r.Gaps,
				})
			}
		}
	}
	for _, a := range p.Activities {
		if a.Record != nil && !a.Record.Complete {
			s.RecordsIncomplete++
		}
	}
	for _, info := range p.Catalogs {
		for _, ex := range info.Exclusions {
			s.ScopeConflicts += len(ex.Declared)
		}
	}
	p.Summary = s
}
