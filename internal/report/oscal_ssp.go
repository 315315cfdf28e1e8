package report

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/verification"
)

// The oscal-ssp format: an OSCAL system security plan of the posture. See
// the package documentation for what maps to what.

// Roles of the system security plan.
const (
	roleControlOwner  = "control-owner"
	roleActivityOwner = "activity-owner"
)

// placeholderControlID is the control id of the one implemented
// requirement of a plan whose documents declare no pii_control: OSCAL
// requires at least one.
const placeholderControlID = "no-control-declared"

type sspDocument struct {
	SSP *ssp `json:"system-security-plan"`
}

type ssp struct {
	UUID                  string                   `json:"uuid"`
	Metadata              oMetadata                `json:"metadata"`
	ImportProfile         oImport                  `json:"import-profile"`
	SystemCharacteristics sspCharacteristics       `json:"system-characteristics"`
	SystemImplementation  sspImplementation        `json:"system-implementation"`
	ControlImplementation sspControlImplementation `json:"control-implementation"`
	BackMatter            *oBackMatter             `json:"back-matter,omitempty"`
}

type oImport struct {
	Href    string `json:"href"`
	Remarks string `json:"remarks,omitempty"`
}

type sspCharacteristics struct {
	SystemIDs                []sspSystemID        `json:"system-ids"`
	SystemName               string               `json:"system-name"`
	Description              string               `json:"description"`
	Props                    props                `json:"props,omitempty"`
	SecuritySensitivityLevel string               `json:"security-sensitivity-level,omitempty"`
	SystemInformation        sspSystemInformation `json:"system-information"`
	Status                   oStatus              `json:"status"`
	AuthorizationBoundary    sspDescription       `json:"authorization-boundary"`
}

type sspSystemID struct {
	IdentifierType string `json:"identifier-type,omitempty"`
	ID             string `json:"id"`
}

type sspSystemInformation struct {
	InformationTypes []sspInformationType `json:"information-types"`
}

type sspInformationType struct {
	UUID                  string              `json:"uuid"`
	Title                 string              `json:"title"`
	Description           string              `json:"description"`
	Props                 props               `json:"props,omitempty"`
	Categorizations       []sspCategorization `json:"categorizations,omitempty"`
	ConfidentialityImpact *sspImpact          `json:"confidentiality-impact,omitempty"`
}

type sspCategorization struct {
	System             string   `json:"system"`
	InformationTypeIDs []string `json:"information-type-ids,omitempty"`
}

type sspImpact struct {
	Props props  `json:"props,omitempty"`
	Base  string `json:"base"`
}

type sspDescription struct {
	Description string `json:"description"`
}

type sspImplementation struct {
	Users      []sspUser    `json:"users"`
	Components []oComponent `json:"components"`
}

type sspUser struct {
	UUID    string   `json:"uuid"`
	Title   string   `json:"title,omitempty"`
	RoleIDs []string `json:"role-ids,omitempty"`
	Remarks string   `json:"remarks,omitempty"`
}

type sspControlImplementation struct {
	Description             string           `json:"description"`
	ImplementedRequirements []sspRequirement `json:"implemented-requirements"`
}

type sspRequirement struct {
	UUID             string             `json:"uuid"`
	ControlID        string             `json:"control-id"`
	Props            props              `json:"props,omitempty"`
	Links            []oLink            `json:"links,omitempty"`
	ResponsibleRoles []oResponsibleRole `json:"responsible-roles,omitempty"`
	Statements       []sspStatement     `json:"statements,omitempty"`
	Remarks          string             `json:"remarks,omitempty"`
}

type sspStatement struct {
	StatementID  string           `json:"statement-id"`
	UUID         string           `json:"uuid"`
	ByComponents []sspByComponent `json:"by-components"`
}

type sspByComponent struct {
	ComponentUUID        string       `json:"component-uuid"`
	UUID                 string       `json:"uuid"`
	Description          string       `json:"description"`
	ImplementationStatus *oImplStatus `json:"implementation-status,omitempty"`
}

type oImplStatus struct {
	State string `json:"state"`
}

// writeOSCALSSP writes the posture as an OSCAL system security plan.
func writeOSCALSSP(b *bytes.Buffer, p *posture.Posture, opt Options) error {
	when, err := oscalTime(p, opt)
	if err != nil {
		return err
	}
	g := newUUIDs()
	reqUUIDs := requirementUUIDs(g, p)
	stmtUUIDs := statementUUIDs(g, p)
	ps := newParties(g)
	name := systemName(opt)

	catalogs := catalogResource(g, p)
	thisSystem := g.make("component", "this-system")
	doc := &ssp{
		Metadata: oMetadata{
			Title: opt.title() + ": system security plan", LastModified: when, Version: when, OSCALVersion: OSCALVersion,
			Props: metadataProps(p, opt),
			Roles: []oRole{
				{ID: roleActivityOwner, Title: "Processing activity owner", Description: "Accountable for a processing activity (the owner of a pii_processing_activity)."},
				{ID: roleControlOwner, Title: "Control owner", Description: "Accountable for a control (the owner of a pii_control)."},
			},
			Remarks: oscalRemarks(p, opt),
		},
		ImportProfile: oImport{
			Href:    "#" + catalogs.UUID,
			Remarks: "The controls are those of the catalogs built into " + ToolName + " (and any catalog files loaded), as the pii_control resources select them. The back-matter resource names the catalogs; ISO text is copyrighted, so it holds ids and titles only, and no location to fetch them from.",
		},
		SystemCharacteristics: sspCharacteristics{
			SystemIDs:   []sspSystemID{{IdentifierType: systemIDType, ID: uuidV5(uuidNamespace, "system/"+name)}},
			SystemName:  name,
			Description: systemDescription(p),
			Status:      oStatus{State: "operational", Remarks: statusRemarks(p)},
			AuthorizationBoundary: sspDescription{
				Description: boundaryDescription(p),
			},
		},
	}
	var infoTypes []sspInformationType
	level := ""
	for _, a := range p.Activities {
		it := informationType(g, ps, a)
		if it.ConfidentialityImpact != nil && fipsRank[it.ConfidentialityImpact.Base] > fipsRank[level] {
			level = it.ConfidentialityImpact.Base
		}
		infoTypes = append(infoTypes, it)
	}
	if len(infoTypes) == 0 {
		var pr props
		pr.add("placeholder", "true")
		infoTypes = []sspInformationType{{
			UUID: g.make("information-type", "none"), Title: "No processing activity declared",
			Description: "The documents declare no pii_processing_activity, so there is no record of processing to describe yet. OSCAL requires at least one information type: this one stands for none.",
			Props:       pr,
		}}
	}
	doc.SystemCharacteristics.SystemInformation.InformationTypes = infoTypes
	doc.SystemCharacteristics.SecuritySensitivityLevel = level

	evidence := newEvidenceSet(g)
	verified := verifiedControls(opt.Verification)
	var infra *infraResources
	if opt.Verification != nil {
		infra = newInfraResources(g, p, opt.Check)
	}
	var reqs []sspRequirement
	for _, c := range p.Controls {
		vc := verified[[2]string{c.Document, c.Address}]
		req := implementedRequirement(g, ps, evidence, thisSystem, reqUUIDs[c], stmtUUIDs[c], c)
		if vc != nil {
			verifyRequirement(&req, infra, evidence, vc)
		}
		if role := conflictRole(p, c); role != "" {
			req.Props.add("scope-conflict", "true")
			if req.Remarks != "" {
				req.Remarks += "\n\n"
			}
			req.Remarks += "A control for " + role + "s, which organization.roles leaves out of scope: the declaration contradicts the scope."
		}
		reqs = append(reqs, req)
	}
	if len(reqs) == 0 {
		var pr props
		pr.add("placeholder", "true")
		reqs = []sspRequirement{{
			UUID: g.make("implemented-requirement", "none"), ControlID: placeholderControlID, Props: pr,
			Remarks: "The documents declare no pii_control, so no control is implemented, planned or excluded yet. OSCAL requires at least one implemented requirement: this one stands for none, and its control id names no catalog control.",
		}}
	}
	doc.ControlImplementation = sspControlImplementation{
		Description:             controlsDescription(p, opt.Verification),
		ImplementedRequirements: reqs,
	}
	doc.SystemImplementation = sspImplementation{
		Users: []sspUser{{
			UUID: g.make("user", "owners"), Title: "Owners of the processing activities and controls",
			RoleIDs: []string{roleActivityOwner, roleControlOwner},
			Remarks: "The parties named as owners in the metadata's responsible parties.",
		}},
		Components: []oComponent{{
			UUID: thisSystem, Type: "this-system", Title: name,
			Description: "The system whose privacy posture the documents declare: the infrastructure of the Terraform configuration and the processing of PII it carries.",
			Status:      oStatus{State: "operational"},
		}},
	}
	resources := []oResource{catalogs}
	resources = append(resources, documentResources(g, p)...)
	resources = append(resources, evidence.resources()...)
	if infra != nil {
		resources = append(resources, infra.resources()...)
	}
	doc.BackMatter = &oBackMatter{Resources: resources}
	ps.fill(&doc.Metadata)

	return encodeOSCAL(b, "ssp", sspDocument{SSP: doc}, func(id string) { doc.UUID = id })
}

// exclusionsText lists the out-of-scope groups: "iso27701: 18 controls
// for processors".
func exclusionsText(p *posture.Posture) string {
	var parts []string
	for _, info := range p.Catalogs {
		for _, ex := range info.Exclusions {
			parts = append(parts, fmt.Sprintf("%s: %d %s for %ss", info.Name, ex.Controls, pluralWord(ex.Controls, "control", "controls"), ex.Role))
		}
	}
	if len(parts) == 0 {
		return "none of the catalogs used has such controls"
	}
	return strings.Join(parts, ", ")
}

// conflictRole is the excluded role of a declared control out of scope,
// "" when the control is in scope.
func conflictRole(p *posture.Posture, c *posture.Control) string {
	if p.Scope == nil || !c.ID.IsKnown() {
		return ""
	}
	for _, r := range p.Applicability {
		if r.OutOfScope && r.Ref == c.ID.String() {
			return r.Role
		}
	}
	return ""
}

// systemName is the system's name: the report's title when given, else a
// name that says what the plan is of.
func systemName(opt Options) string {
	if t := str(opt.Title); t != "" {
		return t
	}
	return "Privacy posture"
}

func oscalRemarks(p *posture.Posture, opt Options) string {
	version := opt.Version
	if version == "" {
		version = "dev"
	}
	s := "Generated by " + ToolName + " " + version + " from " + documentNames(p) + " (terraform show -json)."
	if len(p.Documents) > 0 {
		s += " As of: " + sources(p) + "."
	}
	if p.Empty() {
		s += "\n\n" + EmptyNote
	}
	return s
}

func systemDescription(p *posture.Posture) string {
	if p.Empty() {
		return "The privacy posture that " + documentNames(p) + " " + declare(p) + ". " + EmptyNote
	}
	s := p.Summary
	return fmt.Sprintf("The privacy posture that %s %s: %d processing %s (records of processing), %d %s and %d risk %s with %d %s.",
		documentNames(p), declare(p), s.Activities, pluralWord(s.Activities, "activity", "activities"),
		s.Controls, pluralWord(s.Controls, "control", "controls"),
		s.Assessments, pluralWord(s.Assessments, "assessment", "assessments"), s.Risks, pluralWord(s.Risks, "risk", "risks"))
}

// declare agrees with the documents: "plan.json declares", "a.json, b.json
// declare".
func declare(p *posture.Posture) string { return pluralWord(len(p.Documents), "declares", "declare") }

func statusRemarks(p *posture.Posture) string {
	for _, d := range p.Documents {
		if d.Kind == "plan" {
			return "Read from a plan: the system as it will be once the plan is applied."
		}
	}
	return "Read from the state: the system as it is."
}

// boundaryDescription names what the plan covers: the activities and the
// systems they name at each stage of the life cycle.
func boundaryDescription(p *posture.Posture) string {
	if len(p.Activities) == 0 {
		return "No processing activity is declared, so the boundary holds no system yet."
	}
	var systems []string
	seen := map[string]bool{}
	addAll := func(vs []posture.Value) {
		for _, v := range vs {
			if v.IsKnown() && !seen[v.String()] {
				seen[v.String()] = true
				systems = append(systems, v.String())
			}
		}
	}
	for _, a := range p.Activities {
		for _, st := range []*posture.Stage{a.Collection, a.Storage, a.Use, a.Disposal} {
			if st != nil {
				addAll(st.Systems)
			}
		}
		for _, t := range a.Transfers {
			addAll(t.Systems)
		}
	}
	slices.Sort(systems)
	s := "The processing of PII that the pii_processing_activity resources declare (one information type each), and the systems they name at the stages of the PII life cycle (collection, storage, use, transfer, disposal)"
	if len(systems) == 0 {
		return s + "; they name no system yet."
	}
	return s + ": " + strings.Join(systems, ", ") + "."
}

// informationType is the information type of one processing activity.
func informationType(g *uuids, ps *parties, a *posture.Activity) sspInformationType {
	ps.party(roleActivityOwner, a.Owner)
	var pr props
	pr.value("activity-id", a.ID)
	pr.add("address", a.Address)
	pr.add("document", a.Document)
	pr.value("owner", a.Owner)
	pr.value("role", a.Role)
	for _, c := range a.Controllers {
		pr.value("controller", c)
	}
	pr.value("legal-basis", a.LegalBasis)
	pr.value("special-category-condition", a.SpecialCategoryCondition)
	pr.value("sensitivity", a.Sensitivity)
	pr.value("retention", a.Retention)
	pr.value("pia-required", a.PIARequired)
	for _, t := range a.PIATriggers {
		pr.value("pia-trigger", t)
	}

	desc := valueText(a.Description, "No description is declared.")
	lines := []string{
		"Purposes: " + listText(a.Purposes, "not stated"),
		"Legal basis: " + valueText(a.LegalBasis, "not stated"),
		"PII categories: " + listText(a.PIICategories, "none"),
		"PII principals: " + listText(a.Principals, "none"),
		"Retention: " + valueText(a.Retention, "not stated"),
		"Owner: " + valueText(a.Owner, "not stated"),
	}
	switch {
	case a.Role.Is("processor"):
		lines = append(lines, "Processed on behalf of the controllers (GDPR Art. 30(2)(a)): "+listText(a.Controllers, "not stated"))
	case len(a.Controllers) > 0:
		lines = append(lines, "Joint controllers: "+listText(a.Controllers, "not stated"))
	}
	lines = append(lines,
		"Security measures (implemented controls in place for the activity): "+orNone(strings.Join(a.SecurityMeasures, ", ")),
	)
	if rec := a.Record; rec != nil {
		who := "Controller"
		if a.Role.Is("processor") {
			who = "Processor"
		}
		var name, contact, dpo posture.Value
		if o := rec.Org; o != nil {
			name, contact, dpo = o.Name, o.Contact, o.DPOContact
		}
		lines = append(lines, fmt.Sprintf("%s (GDPR Art. %s(a)): %s; contact %s; data protection officer %s",
			who, rec.Article, valueText(name, posture.NotStated), valueText(contact, posture.NotStated), valueText(dpo, posture.NotStated)))
		if items := recordItems(a); len(items) > 0 {
			lines = append(lines, "Record of processing (GDPR Art. "+rec.Article+"): incomplete; "+strings.Join(items, "; "))
		} else {
			lines = append(lines, "Record of processing (GDPR Art. "+rec.Article+"): every item is stated")
		}
		pr.add("art30-complete", strconv.FormatBool(rec.Complete))
	}
	if len(a.Transfers) > 0 {
		var ts []string
		for _, t := range a.Transfers {
			if t.Unknown {
				ts = append(ts, posture.UnknownText)
				continue
			}
			ts = append(ts, fmt.Sprintf("%s (%s) in %s, %s", valueText(t.Recipient, "recipient not stated"),
				valueText(t.RecipientRole, "role not stated"), valueText(t.Country, "country not stated"), valueText(t.Mechanism, "mechanism not stated")))
		}
		lines = append(lines, "Transfers: "+strings.Join(ts, "; "))
	}
	desc += "\n\n- " + strings.Join(lines, "\n- ")

	cat := sspCategorization{System: piiCategorySystem}
	for _, c := range a.PIICategories {
		if c.IsKnown() && str(c.String()) != "" {
			cat.InformationTypeIDs = append(cat.InformationTypeIDs, str(c.String()))
		}
	}
	it := sspInformationType{
		UUID:            g.make("information-type", a.Document, a.Address),
		Title:           valueText(a.Name, a.Address),
		Description:     desc,
		Props:           pr,
		Categorizations: []sspCategorization{cat},
	}
	if level := fipsLevel(a.Sensitivity); level != "" {
		var ip props
		ip.value("sensitivity", a.Sensitivity)
		it.ConfidentialityImpact = &sspImpact{Props: ip, Base: level}
	}
	return it
}

func controlsDescription(p *posture.Posture, o *verification.Outcome) string {
	if len(p.Controls) == 0 {
		return "The documents declare no pii_control: no control is implemented, planned or excluded yet."
	}
	s := fmt.Sprintf("One implemented requirement per pii_control resource (%d: %s), in document order. A control's status is its implementation-status; its implementation (or, when it is not applicable or an alternative, its justification) the statement; its owner the responsible role; its evidence the links.",
		len(p.Controls), countsText(p.Summary.ControlsByStatus))
	if sc := p.Scope; sc != nil {
		s += " " + scopeRemarks(sc) + " Out-of-scope controls are excluded as a group, not listed as unaddressed: " + exclusionsText(p) + "."
		if n := p.Summary.ScopeConflicts; n > 0 {
			s += fmt.Sprintf(" %d declared %s contradict the scope (prop scope-conflict).", n, pluralWord(n, "control", "controls"))
		}
	}
	if o != nil {
		s += " " + verificationSentence(o) + " The verification of each control that claims to be implemented, partial or alternative is its verification-status prop (verified, contradicted, unknown or unverified), and the resources that verified or contradicted it are links (rel verified-by, contradicted-by, or checked-by for a result known only after apply) to back-matter resources titled with their addresses."
	}
	return s
}

// verificationSentence counts the claimed controls by verification and the
// risks covered on paper only.
func verificationSentence(o *verification.Outcome) string {
	n := map[string]int{}
	for _, c := range o.Controls {
		n[c.Status]++
	}
	paper := 0
	for _, a := range o.Assessments {
		for _, r := range a.Risks {
			if r.PaperOnly {
				paper++
			}
		}
	}
	return fmt.Sprintf("Checked against the infrastructure of the documents, the %d claimed %s are: %d %s, %d %s, %d %s, %d %s; %d %s covered on paper only.",
		len(o.Controls), pluralWord(len(o.Controls), "control", "controls"),
		n[verification.Contradicted], verification.Contradicted, n[verification.Unknown], verification.Unknown,
		n[verification.Unverified], verification.Unverified, n[verification.Verified], verification.Verified,
		paper, pluralWord(paper, "risk is", "risks are"))
}

// verifyRequirement adds a claimed control's verification to its
// implemented requirement: the verification-status prop, a remark that
// says why, a link per resource that verified or contradicted it, and the
// state of its evidence entries that are addresses.
func verifyRequirement(req *sspRequirement, infra *infraResources, ev *evidenceSet, vc *verification.Control) {
	req.Props.add("verification-status", vc.Status)
	note := "Checked against the infrastructure: " + vc.Status
	if r := strings.TrimSpace(vc.Reason); r != "" {
		note += " (" + strings.TrimSuffix(r, ".") + ")"
	}
	if req.Remarks != "" {
		req.Remarks += "\n\n"
	}
	req.Remarks += note + "."
	for _, r := range relations(vc) {
		if r.rank == 0 {
			continue // evidence found and not checked: its evidence link says so
		}
		req.Links = append(req.Links, oLink{Href: "#" + infra.ref(r.qualified, r.found), Rel: r.rel(), Text: r.qualified + ": " + strings.Join(r.notes, "; ")})
	}
	for _, e := range vc.Evidence {
		ev.state(e.Entry, e.State, e.Resources)
	}
}

// implementedRequirement is the implemented requirement of one
// pii_control.
func implementedRequirement(g *uuids, ps *parties, ev *evidenceSet, component, id, statement string, c *posture.Control) sspRequirement {
	var remarks []string
	var token string
	switch {
	case c.ID.IsKnown():
		token = controlToken(c.ID.String())
	case c.Catalog.IsKnown() && c.ControlID.IsKnown():
		token = controlToken(c.Catalog.String() + ":" + c.ControlID.String())
	default:
		token = controlToken("unknown." + c.Address)
		remarks = append(remarks, markerNote(c.ID, "The control id"))
	}
	var pr props
	state := oscalStatus(c.Status)
	pr.core("implementation-status", state)
	pr.value("control-id", c.ID)
	pr.value("control-title", c.Title)
	pr.value("status", c.Status)
	pr.add("address", c.Address)
	pr.add("document", c.Document)
	for _, a := range c.Activities {
		pr.value("activity", a)
	}
	pr.value("last-reviewed", c.LastReviewed)
	pr.value("review-interval", c.ReviewInterval)
	pr.value("review-due", c.ReviewDue)
	if state == "" {
		if note := markerNote(c.Status, "The status"); note != "" {
			remarks = append(remarks, note)
		} else if !c.Status.IsNull() {
			remarks = append(remarks, "The status "+c.Status.String()+" has no OSCAL implementation state.")
		}
	}
	switch {
	case c.Status.Is("not_applicable"):
	case len(c.Activities) == 0:
		remarks = append(remarks, "In place organisation-wide.")
	default:
		remarks = append(remarks, "In place for the processing activities "+posture.Join(c.Activities, ", ")+" only.")
	}

	var links []oLink
	for _, e := range c.Evidence {
		if !e.IsKnown() {
			remarks = append(remarks, markerNote(e, "An evidence item"))
			continue
		}
		if l, ok := ev.link(e.String(), c.Address); ok {
			links = append(links, l)
		}
	}

	bc := sspByComponent{ComponentUUID: component, UUID: g.make("by-component", c.Document, c.Address), Description: implementationText(c)}
	if state != "" {
		bc.ImplementationStatus = &oImplStatus{State: state}
	}
	return sspRequirement{
		UUID: id, ControlID: token, Props: pr, Links: links,
		ResponsibleRoles: []oResponsibleRole{ps.responsibleRole(roleControlOwner, c.Owner, "The owner")},
		Statements: []sspStatement{{
			StatementID: statementID(token), UUID: statement, ByComponents: []sspByComponent{bc},
		}},
		Remarks: strings.Join(remarks, "\n\n"),
	}
}

// implementationText is what a control's statement says: its
// implementation; its justification when it is not applicable; both when
// it is an alternative.
func implementationText(c *posture.Control) string {
	impl := valueText(c.Implementation, "")
	just := valueText(c.Justification, "")
	switch {
	case c.Status.Is("not_applicable"):
		if just == "" {
			return "Not applicable; no justification is declared."
		}
		return "Not applicable: " + just
	case c.Status.Is("alternative"):
		if impl == "" {
			impl = "An alternative control; no implementation is described."
		}
		if just == "" {
			return impl
		}
		return impl + "\n\nJustification: " + just
	}
	switch {
	case impl != "":
		return impl
	case just != "":
		return "No implementation is described. Justification: " + just
	}
	return "No implementation is described."
}

// evidenceSet makes the back-matter resources of evidence that is not a
// link: one per distinct text, whatever the number of controls that name
// it.
type evidenceSet struct {
	g      *uuids
	byText map[string]int
	list   []oResource
	users  [][]string
	// states are the verification's evidence states (found,
	// planned_for_deletion, missing, not_found) by text, and found the
	// qualified addresses of the resources found for them.
	states map[string]string
	found  map[string][]string
}

func newEvidenceSet(g *uuids) *evidenceSet {
	return &evidenceSet{g: g, byText: map[string]int{}, states: map[string]string{}, found: map[string][]string{}}
}

// state records what the verification found an evidence entry to be and
// the resources found for it; the first one recorded is kept (the same
// text is always looked up the same way).
func (es *evidenceSet) state(text, state string, resources []string) {
	if _, ok := es.states[text]; !ok && state != "" {
		es.states[text] = state
		es.found[text] = resources
	}
}

// link returns the evidence link for text named by the control at address:
// the URL itself, or "#" and the UUID of its back-matter resource.
func (es *evidenceSet) link(text, address string) (oLink, bool) {
	if strings.TrimSpace(text) == "" {
		return oLink{}, false
	}
	if href, ok := evidenceHref(text); ok {
		return oLink{Href: href, Rel: "evidence"}, true
	}
	i, ok := es.byText[text]
	if !ok {
		var pr props
		kind := "reference"
		if isResourceAddress(text) {
			kind = "terraform-address"
		}
		pr.add("evidence-type", kind)
		i = len(es.list)
		es.byText[text] = i
		es.list = append(es.list, oResource{UUID: es.g.make("evidence", text), Title: text, Props: pr})
		es.users = append(es.users, nil)
	}
	if !slices.Contains(es.users[i], address) {
		es.users[i] = append(es.users[i], address)
	}
	return oLink{Href: "#" + es.list[i].UUID, Rel: "evidence", Text: text}, true
}

func (es *evidenceSet) resources() []oResource {
	out := slices.Clone(es.list)
	for i := range out {
		out[i].Description = "Evidence named by " + strings.Join(es.users[i], ", ") + "."
		if st, ok := es.states[out[i].Title]; ok {
			out[i].Props = append(slices.Clone(out[i].Props), oProp{Name: "evidence-state", NS: oscalNS, Value: st})
			for _, q := range es.found[out[i].Title] {
				out[i].RLinks = append(out[i].RLinks, oRLink{Href: resourceURN(q)})
			}
		}
	}
	return out
}

// catalogResource describes the catalogs of the Statement of
// Applicability: the target of the import-profile.
func catalogResource(g *uuids, p *posture.Posture) oResource {
	r := oResource{UUID: g.make("catalogs"), Title: "Catalogs of the controls"}
	if len(p.Catalogs) == 0 {
		r.Description = "The documents declare no control, so no catalog is used yet."
		return r
	}
	var lines []string
	var names []string
	for _, c := range p.Catalogs {
		ref := c.Name
		if c.Version != "" {
			ref += "@" + c.Version
		}
		names = append(names, ref)
		r.Props.add("catalog", ref)
		line := fmt.Sprintf("- %s: %s (%d %s", ref, c.Title, c.Controls, pluralWord(c.Controls, "control", "controls"))
		for _, ex := range c.Exclusions {
			line += fmt.Sprintf("; %d for %ss out of scope", ex.Controls, ex.Role)
		}
		lines = append(lines, line+")")
	}
	r.Title = "Catalogs: " + strings.Join(names, ", ")
	r.Description = "The controls are those of these catalogs, as the pii_control resources select them. A control id is the catalog and control in lower case with a hyphen (iso29151:10.1.1 is iso29151-10.1.1); each implemented requirement keeps the original id in its control-id prop. Ids and titles only: ISO text is copyrighted.\n\n" + strings.Join(lines, "\n")
	return r
}
