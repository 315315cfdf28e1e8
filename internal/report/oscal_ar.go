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
	"github.com/privacycode/terraform-provider-pii/internal/risk"
	"github.com/privacycode/terraform-provider-pii/internal/systems"
	"github.com/privacycode/terraform-provider-pii/internal/verification"
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
	Observations     []arObservation     `json:"observations,omitempty"`
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
	UUID                        string                 `json:"uuid"`
	Title                       string                 `json:"title"`
	Description                 string                 `json:"description"`
	Props                       props                  `json:"props,omitempty"`
	Origins                     []arOrigin             `json:"origins,omitempty"`
	Target                      arTarget               `json:"target"`
	ImplementationStatementUUID string                 `json:"implementation-statement-uuid,omitempty"`
	RelatedObservations         []arRelatedObservation `json:"related-observations,omitempty"`
	RelatedRisks                []arRelatedRisk        `json:"related-risks,omitempty"`
}

type arRelatedObservation struct {
	ObservationUUID string `json:"observation-uuid"`
}

type arRelatedRisk struct {
	RiskUUID string `json:"risk-uuid"`
}

type arObservation struct {
	UUID        string      `json:"uuid"`
	Title       string      `json:"title"`
	Description string      `json:"description"`
	Props       props       `json:"props,omitempty"`
	Methods     []string    `json:"methods"`
	Types       []string    `json:"types,omitempty"`
	Origins     []arOrigin  `json:"origins,omitempty"`
	Subjects    []arSubject `json:"subjects,omitempty"`
	Collected   string      `json:"collected"`
}

type arSubject struct {
	SubjectUUID string `json:"subject-uuid"`
	Type        string `json:"type"`
	Title       string `json:"title,omitempty"`
	Props       props  `json:"props,omitempty"`
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
	// With Options.Verification: the verification, the security plan's
	// statements, the resources of the infrastructure, the pii_control
	// resources by document and address, the UUIDs of the risks that rely
	// on each contradicted control, the observations' time, and the
	// observations that contradict each control.
	v         *verification.Outcome
	stmtUUIDs map[*posture.Control]string
	infra     *infraResources
	byAddress map[[2]string]*posture.Control
	riskUUIDs map[string][]string
	when      string
	contraObs map[*verification.Control][]string
}

// writeOSCALAR writes the posture (and the policy results of
// Options.Check) as OSCAL assessment results.
func writeOSCALAR(b *bytes.Buffer, p *posture.Posture, opt Options) error {
	when, err := oscalTime(p, opt)
	if err != nil {
		return err
	}
	g := newUUIDs()
	w := &arWriter{p: p, g: g, reqUUIDs: requirementUUIDs(g, p), stmtUUIDs: statementUUIDs(g, p), ps: newParties(g), controls: map[string]*posture.Control{},
		v: opt.Verification, when: when}
	if w.v != nil {
		w.infra = newInfraResources(g, p, opt.Check)
		w.byAddress = map[[2]string]*posture.Control{}
		w.riskUUIDs = map[string][]string{}
		w.contraObs = map[*verification.Control][]string{}
		for _, c := range p.Controls {
			w.byAddress[[2]string{c.Document, c.Address}] = c
		}
	}
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
			Props: metadataProps(p, opt),
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
	if w.v != nil {
		res.Observations = w.observations()
		res.Findings = append(res.Findings, w.verificationFindings()...)
	}
	res.Description = resultDescription(p, opt.Check, res.Risks)
	if w.v != nil {
		res.Description += "\n\n" + verificationSentence(w.v) + " One observation per implementing policy evaluated and per evidence entry that is an address, for every claimed control; one finding per contradicted control, whose target is the statement of the security plan's implemented requirement; each risk's adjusted characterization is its verified residual."
	}
	res.ReviewedControls = w.reviewedControls(opt.Check)
	res.Remarks = strings.Join(remarks, "\n\n")
	doc.Results = []arResult{res}

	resources := []oResource{{
		UUID: plan, Title: "Assessment plan",
		Description: "What was assessed: the privacy impact assessments that the pii_risk_assessment resources declare, one risk each per assessed risk, with the assessor's inherent likelihood and impact and the residual ones that follow from the implemented, in-scope controls that treat the risk's category (as the provider computes them; see the risk model guide)" +
			", and, when the report is made with --with-check, every policy of the pack on every resource of the documents, one finding each.",
	}}
	if w.v != nil {
		resources[0].Description += " With the verification (--with-check), every control the posture claims (implemented, partial or alternative) checked against the infrastructure of the documents: one observation per policy that implements it evaluated on the resources in its scope (their results) and per evidence entry that is an address (what the documents hold for it); one finding per contradicted control; and the residual of each risk computed again with the contradicted controls not in place."
	}
	resources = append(resources, documentResources(g, p)...)
	if w.infra != nil {
		resources = append(resources, w.infra.resources()...)
	}
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
	if w.v != nil {
		for _, vc := range w.v.Controls {
			if c := w.byAddress[[2]string{vc.Document, vc.Address}]; c != nil && c.ID.IsKnown() {
				add(vc.Ref)
			}
		}
	}
	rc := arReviewedControls{
		Description: "The controls selected for the assessed risks and, with --with-check, the controls the policies implement. A control id is the catalog and control in lower case with a hyphen: iso29151:10.1.1 is iso29151-10.1.1.",
	}
	if w.v != nil {
		rc.Description = "The controls selected for the assessed risks, the controls the policies implement and the controls the posture claims, verified against the infrastructure. A control id is the catalog and control in lower case with a hyphen: iso29151:10.1.1 is iso29151-10.1.1."
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
func riskStatus(r *posture.Risk) string { return coverageStatus(r.Coverage.Is, r) }

// coverageStatus is riskStatus for the coverage that is matches: the
// declared one, or the verified one when the report has a verification.
func coverageStatus(is func(string) bool, r *posture.Risk) string {
	switch {
	case is("covered"), is("avoided"), is("transferred"):
		return "closed"
	case is("accepted"):
		return "deviation-approved"
	case is("uncovered"), is("partially_covered"):
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
	var vr *verification.Risk
	if w.v != nil && r.Name.IsKnown() {
		vr = w.v.Risk(a.Document, a.Address, r.Name.String())
	}
	if vr != nil {
		pr.add("verified-coverage", vr.VerifiedCoverage)
		pr.add("verified-residual-level", vr.VerifiedResidual)
		pr.add("covered-on-paper-only", strconv.FormatBool(vr.PaperOnly))
		for _, c := range vr.Contradicted {
			pr.add("contradicted-control", c)
		}
		for _, c := range vr.UnknownControls {
			pr.add("unknown-control", c)
		}
	}

	out := arRisk{
		UUID:        w.g.make(key...),
		Title:       valueText(r.Name, fmt.Sprintf("Risk %d of %s", i+1, a.Address)),
		Description: riskDescription(a, r),
		Statement:   riskStatement(r),
		Props:       pr,
		Status:      riskStatus(r),
		Origins:     []arOrigin{w.assessorOrigin(a)},
	}
	if vr != nil {
		out.Status = coverageStatus(func(s string) bool { return vr.VerifiedCoverage == s }, r)
		out.Statement += verifiedStatement(vr)
		for _, c := range vr.Contradicted {
			w.riskUUIDs[c] = append(w.riskUUIDs[c], out.UUID)
		}
	}
	if c, ok := characterization(riskInitial, w.assessorOrigin(a), r.Likelihood, r.Impact, r.InherentScore, r.InherentLevel); ok {
		out.Characterizations = append(out.Characterizations, c)
	}
	if !r.Avoided() {
		c, ok := characterization(riskAdjusted, w.toolOrigin(), r.ResidualLikelihood, r.ResidualImpact, r.ResidualScore, r.ResidualLevel)
		if vr != nil {
			c, ok = w.verifiedCharacterization(r, vr)
		}
		if ok {
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

// verifiedCharacterization is a risk's adjusted characterization when the
// report has a verification: the verified residual (with the contradicted
// controls not in place), the declared one in props when it differs;
// false for a risk whose verified residual is avoided.
func (w *arWriter) verifiedCharacterization(r *posture.Risk, vr *verification.Risk) (arCharacterization, bool) {
	if vr.VerifiedResidual == posture.LevelAvoided {
		return arCharacterization{}, false
	}
	if !vr.Changed() {
		c, ok := characterization(riskAdjusted, w.toolOrigin(), r.ResidualLikelihood, r.ResidualImpact, r.ResidualScore, r.ResidualLevel)
		if ok {
			c.Props.add("residual-basis", "verified")
		}
		return c, ok
	}
	likelihood, impact, score, level := posture.Text(vr.VerifiedLikelihood), posture.Text(vr.VerifiedImpact), posture.Value{}, posture.Text(vr.VerifiedResidual)
	if vr.VerifiedResidual == verification.Unknown {
		level = posture.UnknownValue()
	}
	l, errL := risk.ParseRating(vr.VerifiedLikelihood)
	i, errI := risk.ParseRating(vr.VerifiedImpact)
	if errL == nil && errI == nil {
		score = posture.Int(int64(risk.Score(l, i)))
	}
	c, ok := characterization(riskAdjusted, w.toolOrigin(), likelihood, impact, score, level)
	if !ok {
		return c, false
	}
	c.Props.add("residual-basis", "verified")
	c.Props.value("declared-residual-likelihood", r.ResidualLikelihood)
	c.Props.value("declared-residual-impact", r.ResidualImpact)
	c.Props.value("declared-residual-score", r.ResidualScore)
	c.Props.value("declared-residual-level", r.ResidualLevel)
	return c, true
}

// verifiedStatement is what a risk's statement adds when the report has a
// verification.
func verifiedStatement(vr *verification.Risk) string {
	s := "\n\nVerified against the infrastructure: residual level " + vr.VerifiedResidual + " (" + vr.VerifiedCoverage + ")"
	if vr.VerifiedLikelihood != "" && vr.VerifiedImpact != "" {
		s += ", likelihood " + vr.VerifiedLikelihood + ", impact " + vr.VerifiedImpact
	}
	switch {
	case len(vr.Contradicted) > 0:
		s += ", because " + strings.Join(vr.Contradicted, ", ") + " " + pluralWord(len(vr.Contradicted), "is", "are") + " contradicted and counted as not in place"
	case len(vr.UnknownControls) > 0:
		s += ", known only after apply because the verification of " + strings.Join(vr.UnknownControls, ", ") + " is"
	default:
		s += ": as declared"
	}
	if vr.PaperOnly {
		s += "; the risk is covered on paper only (declared residual " + vr.DeclaredResidual + ", " + vr.DeclaredCoverage + ")"
	}
	return s + "."
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
	status := ""
	if w.v != nil {
		status = w.v.RefStatus(id)
	}
	if status == verification.Contradicted {
		desc += " The infrastructure contradicts it, so the verified residual does not count it."
	}
	mf.Description = desc
	mf.Props.add("control-id", id)
	mf.Props.add("effect", rc.Effect)
	mf.Props.add("verification-status", status)
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

// observations are the evidence of the verification, for every claimed
// control in posture order: one TEST observation per implementing policy
// evaluated on resources in its scope (subjects: the resources, each with
// its result), one EXAMINE observation per evidence entry that is an
// address (subjects: the resources found for it, or the one its document
// lacks). Each is a control-objective; one that contradicts the control
// (a failing result, evidence planned for deletion or missing) is also a
// finding.
func (w *arWriter) observations() []arObservation {
	var out []arObservation
	for _, vc := range w.v.Controls {
		byPolicy := map[string][]verification.Check{}
		for _, ch := range vc.Checks {
			byPolicy[ch.Policy] = append(byPolicy[ch.Policy], ch)
		}
		policies := slices.Clone(vc.Policies)
		for pol := range byPolicy {
			if !slices.Contains(policies, pol) {
				policies = append(policies, pol)
			}
		}
		slices.Sort(policies)
		for _, pol := range policies {
			checks := byPolicy[pol]
			if len(checks) == 0 {
				continue
			}
			status := worstStatus(checks)
			var items []string
			var subjects []arSubject
			for _, ch := range checks {
				items = append(items, string(ch.Status)+" on "+ch.Resource)
				sub := arSubject{SubjectUUID: w.infra.ref(ch.Resource, true), Type: "resource", Title: ch.Resource}
				sub.Props.add("status", string(ch.Status))
				subjects = append(subjects, sub)
			}
			desc := fmt.Sprintf("The policy %s, which implements %s, on the resources that hold PII in the scope of %s (%s): %s.",
				pol, vc.Ref, vc.Address, vc.Document, strings.Join(items, ", "))
			if status == results.Fail {
				desc += " This contradicts the control, declared " + vc.Declared + "."
			}
			o := w.observation(vc, status == results.Fail, "TEST", fmt.Sprintf("%s on the resources of %s: %s", pol, vc.Address, status), desc, subjects, "policy", pol)
			o.Props.add("policy", pol)
			o.Props.add("status", string(status))
			out = append(out, o)
		}
		for _, ev := range vc.Evidence {
			var subjects []arSubject
			subject := func(q string, found bool) {
				sub := arSubject{SubjectUUID: w.infra.ref(q, found), Type: "resource", Title: q}
				sub.Props.add("evidence-state", ev.State)
				subjects = append(subjects, sub)
			}
			var desc, word string
			contradicts := false
			switch ev.State {
			case verification.EvidenceFound:
				word = "found"
				desc = "a resource of the documents: " + strings.Join(ev.Resources, ", ") + "."
				for _, q := range ev.Resources {
					subject(q, true)
				}
			case verification.EvidenceDeleted:
				word, contradicts = "planned for deletion", true
				desc = "planned for deletion: " + strings.Join(ev.Resources, ", ") + ". This contradicts the control, declared " + vc.Declared + "."
				for _, q := range ev.Resources {
					subject(q, true)
				}
			case verification.EvidenceMissing:
				word, contradicts = "missing", true
				label, address, _, _ := systems.Parse(ev.Entry)
				desc = "not in the document labelled " + label + ", which is given. This contradicts the control, declared " + vc.Declared + "."
				subject(systems.Qualified(label, address), false)
			default:
				word = "not found"
				desc = "in none of the documents given: it says nothing either way."
			}
			desc = fmt.Sprintf("The evidence entry %s that %s (%s, %s) names is %s", ev.Entry, vc.Address, vc.Document, vc.Ref, desc)
			o := w.observation(vc, contradicts, "EXAMINE", "Evidence "+ev.Entry+" of "+vc.Address+": "+word, desc, subjects, "evidence", ev.Entry)
			o.Props.add("evidence-entry", ev.Entry)
			o.Props.add("evidence-state", ev.State)
			out = append(out, o)
		}
	}
	return out
}

// observation is one observation of the verification of a control, with
// the props every one has; the caller adds its own.
func (w *arWriter) observation(vc *verification.Control, contradicts bool, method, title, desc string, subjects []arSubject, name ...string) arObservation {
	o := arObservation{
		UUID:        w.g.make(append([]string{"observation", vc.Document, vc.Address}, name...)...),
		Title:       title,
		Description: desc,
		Methods:     []string{method},
		Types:       []string{"control-objective"},
		Origins:     []arOrigin{w.toolOrigin()},
		Subjects:    subjects,
		Collected:   w.when,
	}
	if contradicts {
		o.Types = append(o.Types, "finding")
		w.contraObs[vc] = append(w.contraObs[vc], o.UUID)
	}
	o.Props.add("control-id", vc.Ref)
	o.Props.add("address", vc.Address)
	o.Props.add("document", vc.Document)
	o.Props.add("verification-status", vc.Status)
	return o
}

// worstStatus is the status of a policy's results on a control's
// resources: fail when one fails, else error, else unknown, else pass.
func worstStatus(checks []verification.Check) results.Status {
	rank := map[results.Status]int{results.Pass: 0, results.Unknown: 1, results.Error: 2, results.Fail: 3}
	worst := results.Pass
	for _, ch := range checks {
		if rank[ch.Status] > rank[worst] {
			worst = ch.Status
		}
	}
	return worst
}

// verificationFindings are one finding per contradicted control, in
// posture order: its target is the statement of the control's implemented
// requirement in the security plan (token_smt, and the statement's UUID as
// implementation-statement-uuid), not satisfied; it relates the
// observations that contradict the control and the risks that rely on it.
func (w *arWriter) verificationFindings() []arFinding {
	var out []arFinding
	for _, vc := range w.v.Controls {
		if vc.Status != verification.Contradicted {
			continue
		}
		f := arFinding{
			UUID:  w.g.make("verification-finding", vc.Document, vc.Address),
			Title: fmt.Sprintf("%s (%s): contradicted", vc.Address, vc.Ref),
			Description: fmt.Sprintf("%s (%s) declares %s %s, but the infrastructure of the documents contradicts it: %s.",
				vc.Address, vc.Document, vc.Ref, vc.Declared, strings.TrimSuffix(vc.Reason, ".")),
			Origins: []arOrigin{w.toolOrigin()},
			Target: arTarget{Type: "statement-id", TargetID: statementID(controlToken(vc.Ref)), Status: arObjectiveStatus{
				State: "not-satisfied", Reason: "fail",
				Remarks: "Declared " + vc.Declared + "; the verification against the infrastructure found it contradicted.",
			}},
		}
		f.Props.add("policy", verification.PolicyControl)
		f.Props.add("control-id", vc.Ref)
		f.Props.add("address", vc.Address)
		f.Props.add("document", vc.Document)
		f.Props.add("declared-status", vc.Declared)
		f.Props.add("verification-status", vc.Status)
		if c := w.byAddress[[2]string{vc.Document, vc.Address}]; c != nil {
			f.ImplementationStatementUUID = w.stmtUUIDs[c]
		}
		for _, id := range w.contraObs[vc] {
			f.RelatedObservations = append(f.RelatedObservations, arRelatedObservation{ObservationUUID: id})
		}
		for _, id := range w.riskUUIDs[vc.Ref] {
			f.RelatedRisks = append(f.RelatedRisks, arRelatedRisk{RiskUUID: id})
		}
		out = append(out, f)
	}
	return out
}
