// Package verification checks the posture that pii_control resources
// declare against the infrastructure of the same run: the plans and states
// of every workspace are the evidence for the controls the posture claims.
//
// For every pii_control that claims implemented, partial or alternative,
// Verify computes a status from two kinds of evidence:
//
//   - the policies that implement the control: those of the pack whose
//     controls name its qualified id (a control's related ids do not
//     count), with their results on the resources in the control's scope:
//     resources that hold PII for the activities it is scoped to, or every
//     resource that holds PII when it is organisation-wide;
//   - its evidence entries that are Terraform addresses, looked up in the
//     documents: one a plan deletes contradicts the control, and so does a
//     qualified address (shop:aws_kms_key.orders) whose document is given
//     but does not have it; an unqualified address found in no document is
//     only "not found here".
//
// The statuses: verified (an implementing policy was evaluated on an
// in-scope resource, all such results pass and no evidence contradicts),
// contradicted (an implementing policy fails on an in-scope resource, or
// evidence contradicts), unknown (nothing contradicts but a result is
// unknown, or an error), unverified (no policy implements the control, or
// none was evaluated on an in-scope resource). A planned or
// not_applicable control is not verified at all.
//
// Each assessed risk's residual is then computed again by package
// coverage, with the contradicted controls counted as not in place and
// the unknown ones making the result unknown. A risk that is covered (or
// validly accepted) on the declared posture but not on the verified one
// is covered on paper only.
//
// Outcome.Add turns all of it into policy results that every output
// format renders: one per claiming pii_control, one per
// pii_risk_assessment, one per processing activity that names resource
// addresses (an address that several documents have is ambiguous).
package verification

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/coverage"
	"github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/risk"
	"github.com/privacycode/terraform-provider-pii/internal/systems"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// Statuses of a declared control, in these words in every output.
const (
	Verified     = "verified"
	Contradicted = "contradicted"
	Unknown      = "unknown"
	Unverified   = "unverified"
)

// Input is what Verify reads. Posture, Check and Systems must come from
// the same Documents.
type Input struct {
	Documents []*tfplan.Document
	Posture   *posture.Posture
	// Check is the pack's report over the documents.
	Check   *results.Report
	Systems *systems.Resolution
	// Catalogs complete controls selected as hand-written objects; nil
	// means the built-in catalogs.
	Catalogs *catalog.Set
	// Today decides whether a risk acceptance has expired.
	Today time.Time
}

// Outcome is everything Verify concluded.
type Outcome struct {
	// Controls are the claiming pii_control resources, in posture order.
	Controls []*Control `json:"controls"`
	// Assessments are the pii_risk_assessment resources, in posture
	// order.
	Assessments []*Assessment `json:"assessments"`
	// Activities are the activities that name resource addresses.
	Activities []*Activity `json:"activities"`
}

// Control is the verification of one pii_control.
type Control struct {
	Address  string `json:"address"`
	Document string `json:"document"`
	// Ref is the control's qualified id; Declared its declared status.
	Ref      string `json:"control"`
	Declared string `json:"declared_status"`
	Status   string `json:"status"`
	// Reason says in one sentence why the status is what it is.
	Reason string `json:"reason"`
	// Policies are the policies of the pack that implement the control.
	Policies []string `json:"policies"`
	// Checks are the implementing policies' results on in-scope
	// resources (pass, fail, unknown or error), in report order.
	Checks []Check `json:"checks"`
	// Evidence is what the control's evidence addresses were found to be.
	Evidence []Evidence `json:"evidence"`
}

// Check is one implementing policy's result on one in-scope resource.
type Check struct {
	Policy string `json:"policy"`
	// Resource is the resource's address qualified with its document's
	// label; Document the document's name.
	Resource string         `json:"resource"`
	Document string         `json:"document"`
	Status   results.Status `json:"status"`
}

// Evidence states of an evidence entry that is an address.
const (
	EvidenceFound    = "found"
	EvidenceDeleted  = "planned_for_deletion"
	EvidenceMissing  = "missing"   // its document is given but lacks it: contradicts
	EvidenceNotFound = "not_found" // in no document given: says nothing
)

// Evidence is one evidence entry that is a Terraform address.
type Evidence struct {
	Entry string `json:"entry"`
	State string `json:"state"`
	// Resources are the qualified addresses found for it.
	Resources []string `json:"resources,omitempty"`
}

// Assessment is the verification of one pii_risk_assessment.
type Assessment struct {
	Address  string  `json:"address"`
	Document string  `json:"document"`
	Risks    []*Risk `json:"risks"`
	// Verified counts the selected controls whose verification is
	// verified.
	Verified int `json:"verified_controls"`
}

// Risk compares a risk's declared and verified coverage.
type Risk struct {
	Name             string `json:"name"`
	DeclaredCoverage string `json:"declared_coverage"`
	DeclaredResidual string `json:"declared_residual_level"`
	// VerifiedCoverage and VerifiedResidual are "unknown" while a
	// control the risk relies on has an unknown verification.
	VerifiedCoverage string `json:"verified_coverage"`
	VerifiedResidual string `json:"verified_residual_level"`
	// VerifiedLikelihood and VerifiedImpact are the verified residual
	// ratings ("" while unknown, or for an avoided risk).
	VerifiedLikelihood string `json:"verified_residual_likelihood,omitempty"`
	VerifiedImpact     string `json:"verified_residual_impact,omitempty"`
	// Contradicted and UnknownControls are the selected controls whose
	// verification is contradicted or unknown.
	Contradicted    []string `json:"contradicted_controls"`
	UnknownControls []string `json:"unknown_controls"`
	// PaperOnly: covered on the declared posture, not on the verified one.
	PaperOnly bool `json:"covered_on_paper_only"`
}

// Changed reports whether the verified residual or coverage differs from
// the declared one.
func (r *Risk) Changed() bool {
	return r.VerifiedCoverage != r.DeclaredCoverage || r.VerifiedResidual != r.DeclaredResidual
}

// Activity is the resolution of one activity's system addresses.
type Activity struct {
	Address  string `json:"address"`
	Document string `json:"document"`
	// Ambiguous are its unqualified addresses that several documents
	// have.
	Ambiguous []systems.Ambiguity `json:"ambiguous"`
}

// ControlStatus is the verification of the claiming pii_control at an
// address of a document, "" for a control that claims nothing.
func (o *Outcome) ControlStatus(document, address string) string {
	for _, c := range o.Controls {
		if c.Document == document && c.Address == address {
			return c.Status
		}
	}
	return ""
}

// RefStatus is the verification of the claiming controls with a qualified
// id: contradicted when one is, else unknown when one is, else the first
// one's; "" when none claims it.
func (o *Outcome) RefStatus(ref string) string {
	var same []*Control
	for _, c := range o.Controls {
		if c.Ref == ref {
			same = append(same, c)
		}
	}
	return worst(same)
}

// Risk returns the verification of a risk of an assessment, or nil.
func (o *Outcome) Risk(document, assessment, risk string) *Risk {
	for _, a := range o.Assessments {
		if a.Document != document || a.Address != assessment {
			continue
		}
		for _, r := range a.Risks {
			if r.Name == risk {
				return r
			}
		}
	}
	return nil
}

// Verify verifies every claiming control and every assessment.
func Verify(in Input) (*Outcome, error) {
	set := in.Catalogs
	if set == nil {
		var err error
		if set, err = catalog.Builtin(); err != nil {
			return nil, fmt.Errorf("loading the built-in catalogs: %w", err)
		}
	}
	if in.Today.IsZero() {
		in.Today = time.Now().UTC()
	}
	v := &verifier{in: in, set: set, labels: map[string]string{}, byRef: map[string][]*Control{}}
	for _, d := range in.Documents {
		v.labels[d.Name] = d.Label
	}
	out := &Outcome{Controls: []*Control{}, Assessments: []*Assessment{}, Activities: []*Activity{}}
	implementing := map[string][]string{}
	if in.Check != nil {
		for _, p := range in.Check.Policies {
			if isOwn(p.Name) {
				continue
			}
			for _, c := range p.Controls {
				implementing[c] = append(implementing[c], p.Name)
			}
		}
	}
	for _, c := range in.Posture.Controls {
		if !claims(c.Status) {
			continue
		}
		vc := v.control(c, implementing)
		out.Controls = append(out.Controls, vc)
		v.byRef[vc.Ref] = append(v.byRef[vc.Ref], vc)
	}
	for _, as := range in.Posture.Assessments {
		out.Assessments = append(out.Assessments, v.assessment(as))
	}
	out.Activities = v.activities()
	return out, nil
}

type verifier struct {
	in     Input
	set    *catalog.Set
	labels map[string]string // document name → label
	byRef  map[string][]*Control
}

// claims reports whether a declared status claims the control is (at
// least partly) in place. An unknown status claims nothing yet.
func claims(status posture.Value) bool {
	return status.Is(coverage.StatusImplemented) || status.Is(coverage.StatusPartial) || status.Is(coverage.StatusAlternative)
}

func (v *verifier) qualified(doc, address string) string {
	label, ok := v.labels[doc]
	if !ok {
		label = tfplan.DefaultLabel(doc)
	}
	return systems.Qualified(label, address)
}

func (v *verifier) control(c *posture.Control, implementing map[string][]string) *Control {
	vc := &Control{Address: c.Address, Document: c.Document, Ref: c.ID.String(), Declared: c.Status.String(),
		Policies: []string{}, Checks: []Check{}, Evidence: []Evidence{}}
	if !c.ID.IsKnown() {
		vc.Status, vc.Reason = Unknown, "the control's id is known only after apply"
		return vc
	}
	vc.Policies = slices.Clone(implementing[vc.Ref])
	sort.Strings(vc.Policies)

	scoped := len(c.Activities) > 0
	scope := posture.Strings(c.Activities)
	scopeKnown := posture.AllKnown(c.Activities)
	if v.in.Check != nil && len(vc.Policies) > 0 {
		for _, res := range v.in.Check.Results {
			if !slices.Contains(vc.Policies, res.Policy.Name) || !res.Resource.HoldsPII {
				continue
			}
			if scoped && !intersects(scope, res.Resource.Activities) {
				continue
			}
			switch res.Status {
			case results.Pass, results.Fail, results.Unknown, results.Error:
				vc.Checks = append(vc.Checks, Check{Policy: res.Policy.Name, Resource: v.qualified(res.Resource.Document, res.Resource.Address),
					Document: res.Resource.Document, Status: res.Status})
			}
		}
	}
	for _, e := range c.Evidence {
		if !e.IsKnown() {
			continue // unknown or sensitive: nothing to look up, nothing to print
		}
		if ev, ok := v.evidence(e.String()); ok {
			vc.Evidence = append(vc.Evidence, ev)
		}
	}

	var failing, unknown, passing []string
	for _, ch := range vc.Checks {
		entry := ch.Policy + " on " + ch.Resource
		switch ch.Status {
		case results.Fail:
			failing = append(failing, entry)
		case results.Unknown, results.Error:
			unknown = append(unknown, entry)
		case results.Pass:
			passing = append(passing, entry)
		}
	}
	var against, notFound []string
	for _, ev := range vc.Evidence {
		switch ev.State {
		case EvidenceDeleted:
			against = append(against, fmt.Sprintf("evidence %s is planned for deletion", ev.Entry))
		case EvidenceMissing:
			label, _, _, _ := systems.Parse(ev.Entry)
			against = append(against, fmt.Sprintf("evidence %s is not in %s", ev.Entry, label))
		case EvidenceNotFound:
			notFound = append(notFound, ev.Entry)
		}
	}
	switch {
	case len(failing) > 0 || len(against) > 0:
		vc.Status = Contradicted
		var parts []string
		if len(failing) > 0 {
			parts = append(parts, "fails: "+strings.Join(failing, ", "))
		}
		parts = append(parts, against...)
		vc.Reason = strings.Join(parts, "; ")
	case len(unknown) > 0 || (scoped && !scopeKnown):
		vc.Status = Unknown
		if len(unknown) > 0 {
			vc.Reason = "known only after apply: " + strings.Join(unknown, ", ")
		} else {
			vc.Reason = "the activities the control is scoped to are known only after apply"
		}
	case len(passing) > 0:
		vc.Status = Verified
		vc.Reason = "passes: " + strings.Join(passing, ", ")
	default:
		vc.Status = Unverified
		switch {
		case len(vc.Policies) == 0:
			vc.Reason = "no policy of the pack implements " + vc.Ref
		case scoped:
			vc.Reason = fmt.Sprintf("no resource that holds PII for %s was checked by %s", strings.Join(scope, ", "), someOf(vc.Policies))
		default:
			vc.Reason = "no resource that holds PII was checked by " + someOf(vc.Policies)
		}
	}
	if len(notFound) > 0 {
		vc.Reason += "; evidence not found in the documents given: " + strings.Join(notFound, ", ")
	}
	return vc
}

// evidence looks an evidence entry up; ok is false for an entry that is
// no Terraform address (a URL, a document name).
func (v *verifier) evidence(entry string) (Evidence, bool) {
	label, address, qualified, ok := systems.Parse(entry)
	if !ok {
		return Evidence{}, false
	}
	ev := Evidence{Entry: entry}
	matches := v.in.Systems.Find(label, address)
	for _, m := range matches {
		ev.Resources = append(ev.Resources, systems.Qualified(m.Document.Label, m.Resource.Address))
	}
	deleted := len(matches) > 0
	for _, m := range matches {
		if m.Resource.Operation != tfplan.OpDelete && m.Resource.Operation != tfplan.OpForget && m.Resource.Deposed == "" {
			deleted = false
		}
	}
	switch {
	case deleted:
		ev.State = EvidenceDeleted
	case len(matches) > 0:
		ev.State = EvidenceFound
	case qualified && v.in.Systems.Document(label) != nil:
		ev.State = EvidenceMissing
	default:
		ev.State = EvidenceNotFound
	}
	return ev, true
}

// someOf names the policies, the first three when there are more.
func someOf(policies []string) string {
	if len(policies) <= 3 {
		return strings.Join(policies, ", ")
	}
	return fmt.Sprintf("%s and %d more implementing policies", strings.Join(policies[:3], ", "), len(policies)-3)
}

func intersects(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// verdict is the worst status of the claiming controls with a ref:
// contradicted, then unknown, then the rest.
func (v *verifier) verdict(ref string) string { return worst(v.byRef[ref]) }

// worst is the worst status of controls: contradicted, then unknown, then
// the first one's; "" for none.
func worst(controls []*Control) string {
	status := ""
	for _, c := range controls {
		switch {
		case c.Status == Contradicted:
			return Contradicted
		case c.Status == Unknown:
			status = Unknown
		case status == "":
			status = c.Status
		}
	}
	return status
}

func (v *verifier) assessment(as *posture.Assessment) *Assessment {
	va := &Assessment{Address: as.Address, Document: as.Document, Risks: []*Risk{}}
	appetite := v.appetite(as)
	for _, ref := range as.Controls {
		if ref.IsKnown() && v.verdict(ref.String()) == Verified {
			va.Verified++
		}
	}
	for _, r := range as.Risks {
		vr := &Risk{Name: r.Name.String(), DeclaredCoverage: r.Coverage.String(), DeclaredResidual: residualText(r),
			Contradicted: []string{}, UnknownControls: []string{}}
		for _, c := range r.Controls {
			if !c.ID.IsKnown() {
				continue
			}
			switch v.verdict(c.ID.String()) {
			case Contradicted:
				vr.Contradicted = append(vr.Contradicted, c.ID.String())
			case Unknown:
				vr.UnknownControls = append(vr.UnknownControls, c.ID.String())
			}
		}
		vr.VerifiedCoverage, vr.VerifiedResidual = vr.DeclaredCoverage, vr.DeclaredResidual
		if !r.Avoided() && r.ResidualLikelihood.IsKnown() && r.ResidualImpact.IsKnown() {
			vr.VerifiedLikelihood, vr.VerifiedImpact = r.ResidualLikelihood.String(), r.ResidualImpact.String()
		}
		if len(vr.Contradicted) > 0 || len(vr.UnknownControls) > 0 {
			vr.VerifiedCoverage, vr.VerifiedResidual, vr.VerifiedLikelihood, vr.VerifiedImpact = v.recompute(as, r, appetite)
		}
		vr.PaperOnly = !gap(vr.DeclaredCoverage) && r.Coverage.IsKnown() && gap(vr.VerifiedCoverage)
		va.Risks = append(va.Risks, vr)
	}
	return va
}

func gap(coverageName string) bool {
	return coverage.Coverage(coverageName).IsGap()
}

func residualText(r *posture.Risk) string {
	if r.Avoided() {
		return posture.LevelAvoided
	}
	return r.ResidualLevel.String()
}

// appetite is the pii provider's risk_appetite in the assessment's
// document, as the plan's configuration gives it; the provider's default
// (medium) when the document does not say (a state).
func (v *verifier) appetite(as *posture.Assessment) risk.Level {
	level := risk.Medium
	for _, d := range v.in.Documents {
		if d.Name != as.Document {
			continue
		}
		r := d.Lookup(as.Address)
		if r == nil {
			continue
		}
		if s, ok := providerString(r, "risk_appetite"); ok {
			if l, err := risk.ParseLevel(s); err == nil {
				level = l
			}
		}
	}
	return level
}

// recompute evaluates one risk again with the contradicted controls not
// in place and the unknown ones unknown.
func (v *verifier) recompute(as *posture.Assessment, r *posture.Risk, appetite risk.Level) (coverageName, residual, likelihood, impact string) {
	inherentL, err1 := risk.ParseRating(r.Likelihood.String())
	inherentI, err2 := risk.ParseRating(r.Impact.String())
	known := r.Likelihood.IsKnown() && r.Impact.IsKnown() && err1 == nil && err2 == nil && r.Category.IsKnown() &&
		r.Treatment.IsKnown() && as.Activity.ID.IsKnown()
	if !known {
		return Unknown, Unknown, "", ""
	}
	cr := coverage.Risk{
		Name: r.Name.String(), Category: r.Category.String(), LifecycleStage: r.LifecycleStage.Or(""),
		Likelihood: inherentL, Impact: inherentI, Treatment: r.Treatment.String(), ControlsKnown: true,
		TransferTo: r.TransferTo.Or(""), Rationale: r.Rationale.Or(""), Known: true, AcceptanceKnown: true,
	}
	if a := r.Acceptance; a != nil {
		cr.Acceptance = &coverage.Acceptance{AcceptedBy: a.AcceptedBy.Or(""), Rationale: a.Rationale.Or(""), Expires: a.Expires.Or("")}
	}
	for _, c := range r.Controls {
		ref := c.ID.String()
		cc := coverage.Control{Ref: ref, Status: c.Status.Or(""), Activities: posture.Strings(c.Activities),
			Known: c.ID.IsKnown() && c.Status.IsKnown() && posture.AllKnown(c.Activities)}
		if decl := v.declared(ref); decl != nil && len(decl.Treats) > 0 && posture.AllKnown(decl.Treats) {
			cc.Treats = posture.Strings(decl.Treats)
			cc.Reduces = catalog.Reduction(decl.Reduces.Or(""))
			cc.Title = decl.Title.Or("")
		}
		switch v.verdict(ref) {
		case Contradicted:
			cc.Status = coverage.StatusPlanned // not in place
		case Unknown:
			cc.Known = false
		}
		cr.Controls = append(cr.Controls, cc)
	}
	stages := []string{}
	if cr.LifecycleStage != "" {
		stages = append(stages, cr.LifecycleStage)
	}
	res, _ := coverage.Evaluate(coverage.Assessment{
		Activity: coverage.Activity{ID: as.Activity.ID.String(), Name: as.Activity.Name.Or(""), Stages: stages, Known: true},
		Risks:    []coverage.Risk{cr},
	}, coverage.Options{Catalog: v.set, Appetite: appetite, Today: v.in.Today})
	rr := res.Risks[0]
	if rr.Coverage == coverage.Unknown {
		return Unknown, Unknown, "", ""
	}
	residual = Unknown
	switch {
	case rr.Coverage == coverage.Avoided:
		residual = posture.LevelAvoided
	case rr.ResidualKnown:
		residual = rr.ResidualLevel.String()
		likelihood, impact = rr.ResidualLikelihood.String(), rr.ResidualImpact.String()
	}
	return string(rr.Coverage), residual, likelihood, impact
}

func (v *verifier) declared(ref string) *posture.Control {
	for _, c := range v.in.Posture.Controls {
		if c.ID.Is(ref) {
			return c
		}
	}
	return nil
}

func (v *verifier) activities() []*Activity {
	byActivity := map[string]*Activity{}
	var out []*Activity
	if v.in.Systems == nil {
		return []*Activity{}
	}
	nameOf := map[string]string{} // label → document name
	for _, d := range v.in.Documents {
		nameOf[d.Label] = d.Name
	}
	for _, c := range v.in.Systems.Claims {
		key := c.Document + "\x00" + c.ActivityAddress
		if _, ok := byActivity[key]; !ok {
			a := &Activity{Address: c.ActivityAddress, Document: nameOf[c.Document], Ambiguous: []systems.Ambiguity{}}
			byActivity[key] = a
			out = append(out, a)
		}
	}
	for _, amb := range v.in.Systems.Ambiguous {
		a := byActivity[amb.Document+"\x00"+amb.ActivityAddress]
		a.Ambiguous = append(a.Ambiguous, amb)
	}
	if out == nil {
		out = []*Activity{}
	}
	return out
}
