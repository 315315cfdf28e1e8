package report

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/results"
)

// The oscal-ar format: OSCAL assessment results of the posture, with a
// finding per policy result (--with-check) and a risk per assessed risk.
// See the package documentation for what maps to what.

// Roles of the assessment results.
const (
	roleAssessor     = "assessor"
	roleApprover     = "approver"
	roleRiskAcceptor = "risk-acceptor"
)

// Risk adjustments: the prop that tells a risk's inherent characterization
// from its residual one.
const (
	riskAdjustmentProp = "risk-adjustment"
	riskInitial        = "initial"
	riskAdjusted       = "adjusted"
)

type arDocument struct {
	AR *ar `json:"assessment-results"`
}

type ar struct {
	UUID       string       `json:"uuid"`
	Metadata   oMetadata    `json:"metadata"`
	ImportAP   oImport      `json:"import-ap"`
	Results    []arResult   `json:"results"`
	BackMatter *oBackMatter `json:"back-matter,omitempty"`
}

type arResult struct {
	UUID             string              `json:"uuid"`
	Title            string              `json:"title"`
	Description      string              `json:"description"`
	Start            string              `json:"start"`
	Props            props               `json:"props,omitempty"`
	LocalDefinitions *arLocalDefinitions `json:"local-definitions,omitempty"`
	ReviewedControls arReviewedControls  `json:"reviewed-controls"`
	Findings         []arFinding         `json:"findings,omitempty"`
	Risks            []arRisk            `json:"risks,omitempty"`
	Remarks          string              `json:"remarks,omitempty"`
}

type arLocalDefinitions struct {
	Components []oComponent `json:"components,omitempty"`
}

type arReviewedControls struct {
	Description       string               `json:"description,omitempty"`
	ControlSelections []arControlSelection `json:"control-selections"`
}

type arControlSelection struct {
	Description     string            `json:"description,omitempty"`
	IncludeControls []arSelectControl `json:"include-controls,omitempty"`
}

type arSelectControl struct {
	ControlID string `json:"control-id"`
}

type arOrigin struct {
	Actors []arActor `json:"actors"`
}

type arActor struct {
	Type      string `json:"type"`
	ActorUUID string `json:"actor-uuid"`
	RoleID    string `json:"role-id,omitempty"`
}

type arFinding struct {
	UUID        string     `json:"uuid"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Props       props      `json:"props,omitempty"`
	Origins     []arOrigin `json:"origins,omitempty"`
	Target      arTarget   `json:"target"`
}

type arTarget struct {
	Type     string            `json:"type"`
	TargetID string            `json:"target-id"`
	Props    props             `json:"props,omitempty"`
	Status   arObjectiveStatus `json:"status"`
}

type arObjectiveStatus struct {
	State   string `json:"state"`
	Reason  string `json:"reason,omitempty"`
	Remarks string `json:"remarks,omitempty"`
}

type arRisk struct {
	UUID              string               `json:"uuid"`
	Title             string               `json:"title"`
	Description       string               `json:"description"`
	Statement         string               `json:"statement"`
	Props             props                `json:"props,omitempty"`
	Status            string               `json:"status"`
	Origins           []arOrigin           `json:"origins,omitempty"`
	Characterizations []arCharacterization `json:"characterizations,omitempty"`
	MitigatingFactors []arMitigatingFactor `json:"mitigating-factors,omitempty"`
	Remediations      []arResponse         `json:"remediations,omitempty"`
}

type arCharacterization struct {
	Props  props     `json:"props,omitempty"`
	Origin arOrigin  `json:"origin"`
	Facets []arFacet `json:"facets"`
}

type arFacet struct {
	Name   string `json:"name"`
	System string `json:"system"`
	Value  string `json:"value"`
}

type arMitigatingFactor struct {
	UUID               string `json:"uuid"`
	ImplementationUUID string `json:"implementation-uuid,omitempty"`
	Description        string `json:"description"`
	Props              props  `json:"props,omitempty"`
}

type arResponse struct {
	UUID        string `json:"uuid"`
	Lifecycle   string `json:"lifecycle"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Props       props  `json:"props,omitempty"`
}

// arWriter holds what the parts of the assessment results share.
type arWriter struct {
	p    *posture.Posture
	g    *uuids
	ps   *parties
	tool string
	// controls are the pii_control resources by qualified id: the first
	// implemented one, else the first one.
	controls map[string]*posture.Control
	reqUUIDs map[*posture.Control]string
}

// writeOSCALAR writes the posture (and the policy results of
// Options.Check) as OSCAL assessment results.
func writeOSCALAR(b *bytes.Buffer, p *posture.Posture, opt Options) error {
	when, err := oscalTime(p, opt)
	if err != nil {
		return err
	}
	g := newUUIDs()
	w := &arWriter{p: p, g: g, reqUUIDs: requirementUUIDs(g, p), ps: newParties(g), controls: map[string]*posture.Control{}}
	for _, c := range p.Controls {
		if !c.ID.IsKnown() {
			continue
		}
		if prev, ok := w.controls[c.ID.String()]; !ok || (!prev.Status.Is("implemented") && c.Status.Is("implemented")) {
			w.controls[c.ID.String()] = c
		}
	}
	w.tool = g.make("component", "tool")
	plan := g.make("assessment-plan")

	doc := &ar{
		Metadata: oMetadata{
			Title: opt.title() + ": assessment results", LastModified: when, Version: when, OSCALVersion: OSCALVersion,
			Props: generatorProps(opt),
			Roles: []oRole{
				{ID: roleAssessor, Title: "Assessor", Description: "Carried out a privacy impact assessment (the assessor of a pii_risk_assessment)."},
				{ID: roleApprover, Title: "Approver", Description: "Approved a privacy impact assessment (its approved_by)."},
				{ID: roleRiskAcceptor, Title: "Risk acceptor", Description: "Accepted a residual risk (the accepted_by of a risk's acceptance)."},
			},
			Remarks: oscalRemarks(p, opt),
		},
		ImportAP: oImport{
			Href:    "#" + plan,
			Remarks: "There is no separate OSCAL assessment plan: the back-matter resource says what was assessed and how.",
		},
	}
	res := arResult{
		UUID: g.make("result"), Title: "Privacy risk assessments", Start: when,
		LocalDefinitions: &arLocalDefinitions{Components: []oComponent{{
			UUID: w.tool, Type: "software", Title: ToolName,
			Description: "The Terraform provider and command-line tool that evaluates the privacy posture: the residual risks after the effective controls, and the policy pack.",
			Props:       generatorProps(opt),
			Status:      oStatus{State: "operational"},
		}}},
	}
	if opt.Check != nil {
		res.Title += " and policy results"
	}
	var remarks []string
	for _, a := range p.Assessments {
		if a.RisksUnknown {
			remarks = append(remarks, "The risks of "+a.Address+" are known only after apply "+posture.UnknownText+".")
		}
		w.ps.party(roleAssessor, a.Assessor)
		w.ps.party(roleApprover, a.ApprovedBy)
		for i, r := range a.Risks {
			res.Risks = append(res.Risks, w.risk(a, i, r))
		}
	}
	if opt.Check != nil {
		res.Findings = w.findings(opt.Check)
	}
	res.Description = resultDescription(p, opt.Check, res.Risks)
	res.ReviewedControls = w.reviewedControls(opt.Check)
	res.Remarks = strings.Join(remarks, "\n\n")
	doc.Results = []arResult{res}

	resources := []oResource{{
		UUID: plan, Title: "Assessment plan",
		Description: "What was assessed: the privacy impact assessments that the pii_risk_assessment resources declare, one risk each per assessed risk, with the assessor's inherent likelihood and impact and the residual ones that follow from the implemented, in-scope controls that treat the risk's category (as the provider computes them; see the risk model guide)" +
			", and, when the report is made with --with-check, every policy of the pack on every resource of the documents, one finding each.",
	}}
	resources = append(resources, documentResources(g, p)...)
	doc.BackMatter = &oBackMatter{Resources: resources}
	w.ps.fill(&doc.Metadata)

	return encodeOSCAL(b, "ar", arDocument{AR: doc}, func(id string) { doc.UUID = id })
}

func resultDescription(p *posture.Posture, check *results.Report, risks []arRisk) string {
	var s string
	switch {
	case p.Empty():
		s = EmptyNote
	case len(p.Assessments) == 0:
		s = "The documents declare no pii_risk_assessment: there is no assessed risk to report yet."
	default:
		s = fmt.Sprintf("%d privacy impact %s with %d assessed %s, one OSCAL risk each", len(p.Assessments),
			pluralWord(len(p.Assessments), "assessment", "assessments"), len(risks), pluralWord(len(risks), "risk", "risks"))
		if len(p.Summary.RisksByCoverage.NonZero()) > 0 {
			s += " (" + countsText(p.Summary.RisksByCoverage) + ")"
		}
		s += "."
	}
	if check != nil {
		s += "\n\nPolicy results (" + check.CountLine() + "): one finding each."
	}
	return s
}

// toolOrigin is the origin of what this tool concluded.
func (w *arWriter) toolOrigin() arOrigin {
	return arOrigin{Actors: []arActor{{Type: "tool", ActorUUID: w.tool}}}
}

// assessorOrigin is the assessor of an assessment, or this tool when the
// assessor is not known.
func (w *arWriter) assessorOrigin(a *posture.Assessment) arOrigin {
	if id, ok := w.ps.party(roleAssessor, a.Assessor); ok {
		return arOrigin{Actors: []arActor{{Type: "party", ActorUUID: id, RoleID: roleAssessor}}}
	}
	return w.toolOrigin()
}

// reviewedControls selects the controls selected for the assessed risks
// and those the policies implement, in the order met.
func (w *arWriter) reviewedControls(check *results.Report) arReviewedControls {
	var ids []arSelectControl
	seen := map[string]bool{}
	add := func(id string) {
		t := controlToken(id)
		if !seen[t] {
			seen[t] = true
			ids = append(ids, arSelectControl{ControlID: t})
		}
	}
	for _, a := range w.p.Assessments {
		for _, r := range a.Risks {
			for _, rc := range r.Controls {
				if rc.ID.IsKnown() {
					add(rc.ID.String())
				}
			}
		}
	}
	if check != nil {
		for _, pol := range checkPolicies(check) {
			for _, c := range pol.Controls {
				add(c)
			}
		}
	}
	rc := arReviewedControls{
		Description: "The controls selected for the assessed risks and, with --with-check, the controls the policies implement. A control id is the catalog and control in lower case with a hyphen: iso29151:10.1.1 is iso29151-10.1.1.",
	}
	if len(ids) == 0 {
		rc.ControlSelections = []arControlSelection{{Description: "No control is selected for an assessed risk, and no policy names one."}}
		return rc
	}
	rc.ControlSelections = []arControlSelection{{IncludeControls: ids}}
	return rc
}

// checkPolicies are the policies of a check, those of its results
// included, by name.
func checkPolicies(r *results.Report) []*results.Policy {
	var out []*results.Policy
	seen := map[*results.Policy]bool{}
	for _, p := range r.Policies {
		if p != nil && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, res := range r.Results {
		if res.Policy != nil && !seen[res.Policy] {
			seen[res.Policy] = true
			out = append(out, res.Policy)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// findingState maps a policy result's status to the finding's objective
// status: pass and not_applicable satisfy the objective; fail, error and
// unknown (not shown to hold) do not.
func findingState(s results.Status) (state, reason string) {
	switch s {
	case results.Pass:
		return "satisfied", "pass"
	case results.NotApplicable:
		return "satisfied", "other"
	case results.Fail:
		return "not-satisfied", "fail"
	}
	return "not-satisfied", "other"
}

// findings are one finding per policy result, by document, resource and
// policy.
func (w *arWriter) findings(r *results.Report) []arFinding {
	overridden := map[string]bool{}
	for _, name := range r.Overridden {
		overridden[name] = true
	}
	var list []results.Result
	for _, res := range r.Results {
		if res.Policy != nil && res.Resource != nil {
			list = append(list, res)
		}
	}
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.Resource.Document != b.Resource.Document {
			return a.Resource.Document < b.Resource.Document
		}
		if a.Resource.Address != b.Resource.Address {
			return a.Resource.Address < b.Resource.Address
		}
		return a.Policy.Name < b.Policy.Name
	})
	var out []arFinding
	for _, res := range list {
		pol := res.Policy
		blocking := res.Blocking(false) && (pol.EnforcementLevel != results.MandatoryOverridable || !overridden[pol.Name])
		var pr props
		pr.add("policy", pol.Name)
		pr.add("resource", res.Resource.Address)
		pr.add("resource-type", res.Resource.Type)
		pr.add("document", res.Resource.Document)
		pr.add("status", string(res.Status))
		pr.add("severity", pol.Severity)
		pr.add("enforcement-level", pol.EnforcementLevel)
		pr.add("blocking", strconv.FormatBool(blocking))
		for _, c := range pol.Controls {
			pr.add("control-id", c)
		}
		if pol.File != "" {
			pr.add("policy-source", pol.File+":"+strconv.Itoa(pol.Line))
		}
		target := arTarget{Type: "objective-id", TargetID: controlToken("policy." + pol.Name)}
		if len(pol.Controls) > 0 {
			target = arTarget{Type: "statement-id", TargetID: statementID(controlToken(pol.Controls[0]))}
		}
		state, reason := findingState(res.Status)
		target.Status = arObjectiveStatus{State: state, Reason: reason}
		if reason == "other" {
			target.Status.Remarks = "The policy result is " + string(res.Status) + "."
		}
		out = append(out, arFinding{
			UUID:        w.g.make("finding", res.Resource.Document, res.Resource.Address, pol.Name),
			Title:       fmt.Sprintf("%s: %s on %s", pol.Name, res.Status, res.Resource.Address),
			Description: findingText(res),
			Props:       pr,
			Origins:     []arOrigin{w.toolOrigin()},
			Target:      target,
		})
	}
	return out
}

// findingText is a finding's description: the result's messages (already
// redacted by the policy engine), or what its status means.
func findingText(res results.Result) string {
	var msgs []string
	for _, m := range res.Messages {
		if strings.TrimSpace(m) != "" {
			msgs = append(msgs, m)
		}
	}
	if len(msgs) > 0 {
		return strings.Join(msgs, "\n\n")
	}
	switch res.Status {
	case results.Pass:
		return "The policy holds for the resource."
	case results.NotApplicable:
		return "The policy does not apply to the resource."
	case results.Unknown:
		return "The outcome depends on values known only after apply."
	case results.Error:
		return "Evaluating the policy failed."
	}
	return "The policy fails for the resource."
}

// riskStatus maps a risk's coverage to an OSCAL risk status:
//
//   - covered, avoided, transferred → closed
//   - accepted → deviation-approved
//   - uncovered, partially_covered → remediating when a control selected
//     for the risk is planned, open otherwise
//   - known only after apply (or not set) → investigating
func riskStatus(r *posture.Risk) string {
	switch {
	case r.Coverage.Is("covered"), r.Coverage.Is("avoided"), r.Coverage.Is("transferred"):
		return "closed"
	case r.Coverage.Is("accepted"):
		return "deviation-approved"
	case r.IsGap():
		for _, rc := range r.Controls {
			if rc.Status.Is("planned") {
				return "remediating"
			}
		}
		return "open"
	}
	return "investigating"
}

// risk is the OSCAL risk of one assessed risk.
func (w *arWriter) risk(a *posture.Assessment, i int, r *posture.Risk) arRisk {
	key := []string{"risk", a.Document, a.Address, "#" + strconv.Itoa(i+1)}
	if r.Name.IsKnown() {
		key[3] = r.Name.String()
	}
	var pr props
	pr.add("assessment", a.Address)
	pr.value("assessment-id", a.ID)
	pr.value("assessment-status", a.Status)
	pr.add("document", a.Document)
	pr.value("activity-id", a.Activity.ID)
	pr.value("category", r.Category)
	pr.value("lifecycle-stage", r.LifecycleStage)
	pr.value("treatment", r.Treatment)
	pr.value("coverage", r.Coverage)

	out := arRisk{
		UUID:        w.g.make(key...),
		Title:       valueText(r.Name, fmt.Sprintf("Risk %d of %s", i+1, a.Address)),
		Description: riskDescription(a, r),
		Statement:   riskStatement(r),
		Props:       pr,
		Status:      riskStatus(r),
		Origins:     []arOrigin{w.assessorOrigin(a)},
	}
	if c, ok := characterization(riskInitial, w.assessorOrigin(a), r.Likelihood, r.Impact, r.InherentScore, r.InherentLevel); ok {
		out.Characterizations = append(out.Characterizations, c)
	}
	if !r.Avoided() {
		if c, ok := characterization(riskAdjusted, w.toolOrigin(), r.ResidualLikelihood, r.ResidualImpact, r.ResidualScore, r.ResidualLevel); ok {
			out.Characterizations = append(out.Characterizations, c)
		}
	}
	for _, rc := range r.Controls {
		if rc.Effect != posture.EffectEffective || !rc.ID.IsKnown() {
			continue
		}
		out.MitigatingFactors = append(out.MitigatingFactors, w.mitigatingFactor(key, rc))
	}
	out.Remediations = w.responses(key, r)
	return out
}

// characterization is a risk's inherent (initial) or residual (adjusted)
// likelihood, impact, score and level, as facets on the four-step scale;
// false when none of them is set.
func characterization(adjustment string, origin arOrigin, likelihood, impact, score, level posture.Value) (arCharacterization, bool) {
	var facets []arFacet
	for _, f := range []struct {
		name string
		v    posture.Value
	}{{"likelihood", likelihood}, {"impact", impact}, {"score", score}, {"level", level}} {
		if v := str(f.v.String()); v != "" {
			facets = append(facets, arFacet{Name: f.name, System: riskScaleSystem, Value: v})
		}
	}
	if len(facets) == 0 {
		return arCharacterization{}, false
	}
	var pr props
	pr.add(riskAdjustmentProp, adjustment)
	return arCharacterization{Props: pr, Origin: origin, Facets: facets}, true
}

func riskDescription(a *posture.Assessment, r *posture.Risk) string {
	lines := []string{
		"Category: " + valueText(r.Category, "not stated"),
		"Life-cycle stage: " + valueText(r.LifecycleStage, "not stated"),
		"Risk source: " + valueText(r.RiskSource, "not stated"),
	}
	if !r.Rationale.IsNull() {
		lines = append(lines, "Rationale: "+r.Rationale.String())
	}
	lines = append(lines,
		"Processing activity: "+valueText(a.Activity.Name, "not stated")+", id "+valueText(a.Activity.ID, "not stated"),
		"Assessment: "+a.Address+" ("+valueText(a.Status, "status not stated")+"), assessed by "+valueText(a.Assessor, "an assessor not stated")+
			" on "+valueText(a.AssessedOn, "a date not stated"),
	)
	return valueText(r.Description, "No description is declared.") + "\n\n- " + strings.Join(lines, "\n- ")
}

func riskStatement(r *posture.Risk) string {
	s := fmt.Sprintf("Inherent: likelihood %s, impact %s (score %s, level %s).",
		valueText(r.Likelihood, "not stated"), valueText(r.Impact, "not stated"),
		valueText(r.InherentScore, "not stated"), valueText(r.InherentLevel, "not stated"))
	if r.Avoided() {
		return s + " Avoided: the processing that would cause the risk is not done, so it has no residual."
	}
	var effective []string
	pending := r.Coverage.IsMarker()
	for _, rc := range r.Controls {
		switch rc.Effect {
		case posture.EffectEffective:
			effective = append(effective, rc.ID.String())
		case posture.EffectUnknown:
			pending = true
		}
	}
	s += fmt.Sprintf(" Residual: likelihood %s, impact %s (score %s, level %s)",
		valueText(r.ResidualLikelihood, "not stated"), valueText(r.ResidualImpact, "not stated"),
		valueText(r.ResidualScore, "not stated"), valueText(r.ResidualLevel, "not stated"))
	switch {
	case pending:
		s += "; which selected controls lower it is known only after apply."
	case len(effective) > 0:
		s += ", after the effective controls " + strings.Join(effective, ", ") + "."
	default:
		s += "; no selected control lowers it."
	}
	s += " Treatment: " + valueText(r.Treatment, "not stated") + "; coverage: " + valueText(r.Coverage, "not stated") + "."
	if len(r.Gaps) > 0 {
		s += "\n\nGaps:\n\n- " + posture.Join(r.Gaps, "\n- ")
	}
	return s
}

// mitigatingFactor is an effective control of a risk, pointing to the
// implemented requirement of the pii_control that declares it.
func (w *arWriter) mitigatingFactor(key []string, rc posture.RiskControl) arMitigatingFactor {
	id := rc.ID.String()
	desc := id
	mf := arMitigatingFactor{UUID: w.g.make(append(slices.Clone(key), "mitigating-factor", id)...)}
	if c := w.controls[id]; c != nil {
		mf.ImplementationUUID = w.reqUUIDs[c]
		if c.Title.IsKnown() {
			desc += " (" + c.Title.String() + ")"
		}
		if c.Reduces.IsKnown() {
			desc += ": implemented and in scope, it lowers the risk's " + c.Reduces.String() + "."
		} else {
			desc += ": implemented and in scope, it lowers the risk."
		}
	} else {
		desc += ": it lowers the risk."
	}
	mf.Description = desc
	mf.Props.add("control-id", id)
	mf.Props.add("effect", rc.Effect)
	return mf
}

// responses are a risk's remediations: the treatment when it is accept,
// transfer or avoid (completed); every selected control that is planned
// (planned); and, for a gap (a risk uncovered or partially covered), every
// control the provider suggests (recommendation).
func (w *arWriter) responses(key []string, r *posture.Risk) []arResponse {
	var out []arResponse
	// add adds a response; control, when set, is the control it is about.
	add := func(lifecycle, title, desc, control string, name ...string) {
		resp := arResponse{UUID: w.g.make(append(slices.Clone(key), name...)...), Lifecycle: lifecycle, Title: title, Description: desc}
		resp.Props.add("control-id", control)
		out = append(out, resp)
	}
	switch {
	case r.Treatment.Is("accept"):
		desc := "The residual risk is accepted."
		if acc := r.Acceptance; acc != nil {
			w.ps.party(roleRiskAcceptor, acc.AcceptedBy)
			desc = "Accepted by " + valueText(acc.AcceptedBy, "an acceptor not stated") + ": " + valueText(acc.Rationale, "no rationale stated") +
				" The acceptance expires " + valueText(acc.Expires, "never") + "."
		}
		add("completed", "Accept the residual risk", desc, "", "response", "accept")
	case r.Treatment.Is("transfer"):
		add("completed", "Transfer the risk", "Transferred to: "+valueText(r.TransferTo, "not stated"), "", "response", "transfer")
	case r.Treatment.Is("avoid"):
		add("completed", "Avoid the risk", "The processing that would cause the risk is not done: the risk is avoided and has no residual.", "", "response", "avoid")
	}
	for _, rc := range r.Controls {
		if rc.Status.Is("planned") && rc.ID.IsKnown() {
			id := rc.ID.String()
			add("planned", "Implement "+id, "The control is selected for the risk and planned: once implemented (and in scope), it lowers the risk.", id, "response", "planned", id)
		}
	}
	for _, s := range r.SuggestedControls {
		if s.IsKnown() && r.IsGap() {
			id := s.String()
			add("recommendation", "Select "+id, "The provider suggests this catalog control for the risk's category: select it for the risk and implement it to lower the risk.", id, "response", "suggested", id)
		}
	}
	return out
}
