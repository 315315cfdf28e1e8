package posture

import (
	"encoding/json"
	"strconv"

	"github.com/privacycode/terraform-provider-pii/internal/applicability"
)

// Resource types the model reads.
const (
	TypeActivity   = "pii_processing_activity"
	TypeControl    = "pii_control"
	TypeAssessment = "pii_risk_assessment"
)

// Posture is what a set of plan or state documents declares about privacy:
// the records of processing, the controls, the risk assessments and the
// Statement of Applicability they imply. It holds plain Go values: strings
// that were unknown at plan time or marked sensitive are markers (see
// Value), never their content.
type Posture struct {
	Documents   []Document    `json:"documents"`
	Activities  []*Activity   `json:"activities"`
	Controls    []*Control    `json:"controls"`
	Assessments []*Assessment `json:"assessments"`
	// Catalogs are the catalogs of the Statement of Applicability, in
	// load order.
	Catalogs []*CatalogInfo `json:"catalogs"`
	// Applicability is the Statement of Applicability: every control of
	// Catalogs, in catalog then natural id order, with the declared
	// controls the loaded catalogs do not have among them (and, after the
	// loaded catalogs, those of catalogs that are not loaded). Empty when
	// the posture is.
	Applicability []*ApplicabilityRow `json:"statement_of_applicability"`
	// Gaps are the risks that are uncovered or partially covered, in
	// assessment order.
	Gaps []Gap `json:"gaps"`
	// Skipped are the pii_* resources the model leaves out: those a plan
	// deletes (or forgets).
	Skipped []Skipped `json:"skipped"`
	// Scope is the scope of the Statement of Applicability when the
	// organization's roles leave a role out; nil when every role is in
	// scope.
	Scope   *Scope  `json:"scope"`
	Summary Summary `json:"summary"`
}

// OrganizationOf returns the organization of the named document: nil when
// no such document was read.
func (p *Posture) OrganizationOf(doc string) *Organization {
	for i := range p.Documents {
		if p.Documents[i].Name == doc {
			return p.Documents[i].Organization
		}
	}
	return nil
}

// Empty reports whether the documents declare no pii_* resource (besides
// those a plan deletes).
func (p *Posture) Empty() bool {
	return len(p.Activities) == 0 && len(p.Controls) == 0 && len(p.Assessments) == 0
}

// Document is one of the documents read.
type Document struct {
	Name             string `json:"name"`
	Kind             string `json:"kind"`
	TerraformVersion string `json:"terraform_version"`
	// Timestamp is when the plan was made, as the document says it (RFC
	// 3339): plans of Terraform 1.5 and later have one, states and older
	// plans none ("").
	Timestamp string `json:"timestamp,omitempty"`
	// AsOf says when the document is from, for headings: "plan of
	// 2026-11-28T21:02:08Z, Terraform 1.11.4", "state (the document
	// carries no timestamp), Terraform 1.11.4".
	AsOf string `json:"as_of"`
	// Resources counts the pii_* resources read from it.
	Resources int `json:"resources"`
	// Organization is the pii provider's organization attribute as the
	// plan's configuration writes it; with a Note when it says nothing
	// (a state, no provider block, no constant); nil when the
	// configuration was not read (Options.Providers).
	Organization *Organization `json:"organization"`
}

// Skipped is a resource left out of the model.
type Skipped struct {
	Address   string `json:"address"`
	Document  string `json:"document"`
	Operation string `json:"operation"`
}

// Activity is a pii_processing_activity: one record of processing.
type Activity struct {
	Address  string `json:"address"`
	Document string `json:"document"`
	// AlsoIn are the other documents that hold the same resource (same
	// address and id): it is read once, from the first document given.
	AlsoIn []string `json:"also_in,omitempty"`

	ID          Value `json:"id"`
	Name        Value `json:"name"`
	Description Value `json:"description"`
	Owner       Value `json:"owner"`
	Role        Value `json:"role"`
	// Controllers are, for a processor, the controllers it processes the
	// PII for (GDPR Art. 30(2)(a)); for a joint controller, the others.
	Controllers              []Value `json:"controllers"`
	Purposes                 []Value `json:"purposes"`
	LegalBasis               Value   `json:"legal_basis"`
	PIICategories            []Value `json:"pii_categories"`
	Principals               []Value `json:"principals"`
	Sensitivity              Value   `json:"sensitivity"`
	SpecialCategories        Value   `json:"special_categories"`
	SpecialCategoryCondition Value   `json:"special_category_condition"`
	Retention                Value   `json:"retention"`
	Volume                   Value   `json:"volume"`
	PIARequired              Value   `json:"pia_required"`
	PIATriggers              []Value `json:"pia_triggers"`
	LifecycleStages          []Value `json:"lifecycle_stages"`

	AutomatedDecisions     Value `json:"automated_decisions"`
	DatasetsCombined       Value `json:"datasets_combined"`
	InnovativeTechnology   Value `json:"innovative_technology"`
	PreventsRightOrService Value `json:"prevents_right_or_service"`
	Profiling              Value `json:"profiling"`
	SystematicMonitoring   Value `json:"systematic_monitoring"`

	// The life-cycle blocks: nil when the activity does not declare the
	// stage.
	Collection *Stage `json:"collection"`
	Storage    *Stage `json:"storage"`
	Use        *Stage `json:"use"`
	Disposal   *Stage `json:"disposal"`
	// Transfers are the transfer blocks, one per recipient.
	Transfers []*Transfer `json:"transfers"`

	// Assessments are the addresses of the assessments of this activity
	// (matched by activity id).
	Assessments []string `json:"assessments"`
	// SecurityMeasures are the qualified ids of the implemented controls
	// in place for the activity (organisation-wide or scoped to it): the
	// "general description of the technical and organisational security
	// measures" of GDPR Art. 30(1)(g).
	SecurityMeasures []string `json:"security_measures"`
	// Record says which items of GDPR Art. 30 the record lacks.
	Record *Record `json:"record"`
}

// Life-cycle stage names, in life-cycle order.
const (
	StageCollection = "collection"
	StageStorage    = "storage"
	StageUse        = "use"
	StageTransfer   = "transfer"
	StageDisposal   = "disposal"
)

// StageNames lists the life-cycle stages in order.
var StageNames = []string{StageCollection, StageStorage, StageUse, StageTransfer, StageDisposal}

// Stage is a life-cycle block of an activity. Only the fields of its kind
// are set: Source for collection, Countries for storage and use, Method
// for disposal.
type Stage struct {
	// Unknown: whether the activity declares the stage, and what the block
	// holds, is known only after apply.
	Unknown   bool    `json:"unknown,omitempty"`
	Systems   []Value `json:"systems"`
	Source    Value   `json:"source,omitzero"`
	Countries []Value `json:"countries,omitempty"`
	Method    Value   `json:"method,omitzero"`
}

// Transfer is a transfer block: a disclosure of the PII to a recipient.
type Transfer struct {
	// Unknown: the transfers of the activity are known only after apply;
	// this entry stands for all of them.
	Unknown       bool    `json:"unknown,omitempty"`
	Recipient     Value   `json:"recipient"`
	RecipientRole Value   `json:"recipient_role"`
	Country       Value   `json:"country"`
	Mechanism     Value   `json:"mechanism"`
	Systems       []Value `json:"systems"`
	// OutsideEEA says whether the country is outside the European Economic
	// Area (a GDPR Chapter V transfer); unknown or sensitive like Country.
	OutsideEEA Value `json:"outside_eea"`
}

// Control is a pii_control: one row of the Statement of Applicability as
// the organisation declares it.
type Control struct {
	Address  string `json:"address"`
	Document string `json:"document"`
	// AlsoIn are the other documents that hold the same resource (same
	// address and id): it is read once, from the first document given.
	AlsoIn []string `json:"also_in,omitempty"`

	// ID is the qualified id, catalog:control_id.
	ID             Value   `json:"id"`
	Catalog        Value   `json:"catalog"`
	ControlID      Value   `json:"control_id"`
	Title          Value   `json:"title"`
	Group          Value   `json:"group"`
	Principle      Value   `json:"principle"`
	Reduces        Value   `json:"reduces"`
	Treats         []Value `json:"treats"`
	Status         Value   `json:"status"`
	Owner          Value   `json:"owner"`
	Implementation Value   `json:"implementation"`
	Justification  Value   `json:"justification"`
	Evidence       []Value `json:"evidence"`
	// Activities are the ids of the activities the control is in place
	// for; empty means organisation-wide.
	Activities     []Value `json:"activities"`
	LastReviewed   Value   `json:"last_reviewed"`
	ReviewInterval Value   `json:"review_interval"`
	ReviewDue      Value   `json:"review_due"`
}

// Assessment is a pii_risk_assessment: a privacy impact assessment of one
// activity.
type Assessment struct {
	Address  string `json:"address"`
	Document string `json:"document"`
	// AlsoIn are the other documents that hold the same resource (same
	// address and id): it is read once, from the first document given.
	AlsoIn []string `json:"also_in,omitempty"`

	ID               Value       `json:"id"`
	Activity         ActivityRef `json:"activity"`
	Status           Value       `json:"status"`
	ApprovedBy       Value       `json:"approved_by"`
	Assessor         Value       `json:"assessor"`
	AssessedOn       Value       `json:"assessed_on"`
	NextReview       Value       `json:"next_review"`
	Covered          Value       `json:"covered"`
	UncoveredRisks   []Value     `json:"uncovered_risks"`
	LifecycleGaps    []Value     `json:"lifecycle_gaps"`
	MaxInherentLevel Value       `json:"max_inherent_level"`
	MaxResidualLevel Value       `json:"max_residual_level"`
	// RisksUnknown: the list of risks is known only after apply.
	RisksUnknown bool    `json:"risks_unknown,omitempty"`
	Risks        []*Risk `json:"risks"`
	// Controls are the distinct ids of the controls selected for any risk,
	// in order of first selection: the columns of the coverage matrix.
	Controls []Value `json:"controls"`
}

// ActivityRef is the assessed activity as the assessment holds it.
type ActivityRef struct {
	ID   Value `json:"id"`
	Name Value `json:"name"`
}

// Risk is one assessed risk.
type Risk struct {
	Name           Value `json:"name"`
	Category       Value `json:"category"`
	Description    Value `json:"description"`
	LifecycleStage Value `json:"lifecycle_stage"`
	RiskSource     Value `json:"risk_source"`
	Rationale      Value `json:"rationale"`
	// Likelihood and Impact are the inherent ratings.
	Likelihood Value `json:"likelihood"`
	Impact     Value `json:"impact"`
	// Treatment is mitigate, accept, avoid or transfer; mitigate when
	// the risk does not set it.
	Treatment          Value         `json:"treatment"`
	TransferTo         Value         `json:"transfer_to"`
	Acceptance         *Acceptance   `json:"acceptance"`
	InherentScore      Value         `json:"inherent_score"`
	InherentLevel      Value         `json:"inherent_level"`
	ResidualLikelihood Value         `json:"residual_likelihood"`
	ResidualImpact     Value         `json:"residual_impact"`
	ResidualScore      Value         `json:"residual_score"`
	ResidualLevel      Value         `json:"residual_level"`
	Coverage           Value         `json:"coverage"`
	Controls           []RiskControl `json:"controls"`
	EffectiveControls  []Value       `json:"effective_controls"`
	Gaps               []Value       `json:"gaps"`
	SuggestedControls  []Value       `json:"suggested_controls"`
}

// Avoided reports whether the risk is avoided: it has no residual.
func (r *Risk) Avoided() bool { return r.Treatment.Is("avoid") }

// IsGap reports whether the risk is uncovered or partially covered.
func (r *Risk) IsGap() bool {
	return r.Coverage.Is("uncovered") || r.Coverage.Is("partially_covered")
}

// Acceptance is the acceptance of a residual risk.
type Acceptance struct {
	AcceptedBy Value `json:"accepted_by"`
	Rationale  Value `json:"rationale"`
	Expires    Value `json:"expires"`
}

// Effects of a selected control on a risk: the cells of the coverage
// matrix.
const (
	// EffectEffective: the control lowers the risk (it is among the risk's
	// effective_controls).
	EffectEffective = "effective"
	// EffectPartial: the control is partial or alternative, treats the
	// risk's category and is in scope: it counts towards partial coverage
	// but lowers nothing.
	EffectPartial = "partial"
	// EffectNone: the control lowers nothing; Reason says why.
	EffectNone = "no_effect"
	// EffectUnknown: what the control does is known only after apply.
	EffectUnknown = "unknown"
)

// RiskControl is a control selected for a risk.
type RiskControl struct {
	// ID is the qualified control id.
	ID         Value   `json:"id"`
	Status     Value   `json:"status"`
	Activities []Value `json:"activities"`
	// Effect is one of the Effect constants.
	Effect string `json:"effect"`
	// Reason says why a control has no effect (or is only partial).
	Reason string `json:"reason,omitempty"`
}

// Gap is a risk that is uncovered or partially covered.
type Gap struct {
	Assessment    string  `json:"assessment"`
	Activity      Value   `json:"activity"`
	Risk          Value   `json:"risk"`
	Category      Value   `json:"category"`
	Coverage      Value   `json:"coverage"`
	ResidualLevel Value   `json:"residual_level"`
	Reasons       []Value `json:"reasons"`
}

// CatalogInfo is a catalog of the Statement of Applicability.
type CatalogInfo struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Title   string `json:"title"`
	// Controls counts the rows of the statement for this catalog.
	Controls int    `json:"controls"`
	ByStatus Counts `json:"by_status"`
	// InScope counts the rows in the statement's scope: those not
	// out_of_scope.
	InScope int `json:"in_scope"`
	// Exclusions are the groups of controls out of scope, one per role the
	// organization leaves out.
	Exclusions []Exclusion `json:"exclusions"`
}

// Exclusion is a group of a catalog's controls that the scope leaves out:
// those written for a role the organisation does not act in.
type Exclusion struct {
	Role          string `json:"role"`
	Controls      int    `json:"controls"`
	Justification Value  `json:"justification"`
	// Declared are the refs of the excluded controls that a pii_control
	// declares all the same: each contradicts the scope.
	Declared []string `json:"declared"`
}

// Text is the exclusion as the reports print it: "43 controls for
// processors are out of scope: We host no one else's PII."
func (e Exclusion) Text() string {
	s := strconv.Itoa(e.Controls) + " controls for " + e.Role + "s are out of scope"
	if e.Controls == 1 {
		s = "1 control for " + e.Role + "s is out of scope"
	}
	if e.Justification.IsNull() {
		return s + " (organization.scope_justification is not stated)"
	}
	return s + ": " + e.Justification.String()
}

// NotAddressed is the applicability status of a catalog control that no
// pii_control declares (as the pii_statement_of_applicability data source
// says it).
const NotAddressed = applicability.NotAddressed

// StatusUnknown counts statuses known only after apply; StatusSensitive
// those marked sensitive.
const (
	StatusUnknown   = "unknown"
	StatusSensitive = "sensitive"
)

// ApplicabilityRow is one control of the Statement of Applicability.
type ApplicabilityRow struct {
	Catalog        string `json:"catalog"`
	CatalogVersion string `json:"catalog_version"`
	ControlID      string `json:"control_id"`
	// Ref is the qualified id, catalog:control_id.
	Ref        string `json:"ref"`
	Title      string `json:"title"`
	Group      string `json:"group"`
	GroupTitle string `json:"group_title"`
	Principle  string `json:"principle"`
	// Role is the role the catalog writes the control for (controller,
	// processor), "" for any.
	Role string `json:"role,omitempty"`
	// InCatalog is false for a declared control that the loaded catalogs
	// do not have (one from the user's catalog files, when they are not
	// loaded).
	InCatalog bool `json:"in_catalog"`
	// Status is the most advanced status declared (implemented,
	// alternative, partial, planned, not_applicable), unknown when the
	// only declared statuses are unknown, or not_addressed.
	Status string `json:"status"`
	// Statuses are the distinct declared statuses, most advanced first.
	Statuses       []string `json:"statuses"`
	Justifications []Value  `json:"justifications"`
	Owners         []Value  `json:"owners"`
	Evidence       []Value  `json:"evidence"`
	Implementation []Value  `json:"implementation"`
	// Scope lists the activity ids of declarations scoped to activities;
	// empty when every declaration is organisation-wide.
	Scope []Value `json:"scope"`
	// DeclaredBy are the addresses of the pii_control resources.
	DeclaredBy []string `json:"declared_by"`
	// OutOfScope: the control is written for a role the organization
	// leaves out (Status is out_of_scope); with DeclaredBy, a declaration
	// that contradicts the scope.
	// Statuses still lists what they declare.
	OutOfScope bool `json:"out_of_scope,omitempty"`
}

// Summary holds the numbers of the posture.
type Summary struct {
	Activities int `json:"activities"`
	// PIARequired counts the activities whose pia_required is true.
	PIARequired int `json:"pia_required"`
	// Unassessed counts the activities no assessment refers to.
	Unassessed  int `json:"unassessed_activities"`
	Controls    int `json:"controls"`
	Assessments int `json:"assessments"`
	Risks       int `json:"risks"`
	Gaps        int `json:"gaps"`
	// RecordsIncomplete counts the activities whose record of processing
	// lacks an item of GDPR Art. 30 (or has one known only after apply).
	RecordsIncomplete int `json:"records_incomplete"`
	// ScopeConflicts counts the declared controls that the scope leaves
	// out.
	ScopeConflicts int `json:"scope_conflicts"`
	// ControlsByStatus counts the pii_control resources by status.
	ControlsByStatus Counts `json:"controls_by_status"`
	// RisksByInherentLevel and RisksByResidualLevel count the risks by
	// level; an avoided risk has no residual and counts as "avoided".
	RisksByInherentLevel Counts `json:"risks_by_inherent_level"`
	RisksByResidualLevel Counts `json:"risks_by_residual_level"`
	RisksByCoverage      Counts `json:"risks_by_coverage"`
	// Skipped counts the resources left out because a plan deletes them.
	Skipped int `json:"skipped"`
	// UnknownValues and SensitiveValues count the values the model holds
	// as markers.
	UnknownValues   int `json:"unknown_values"`
	SensitiveValues int `json:"sensitive_values"`
}

// Count is one key of Counts.
type Count struct {
	Key string
	N   int
}

// Counts are counts by key, in a fixed order: the expected keys first
// (with zeros), then any other key in the order met.
type Counts []Count

func newCounts(keys ...string) Counts {
	c := make(Counts, len(keys))
	for i, k := range keys {
		c[i] = Count{Key: k}
	}
	return c
}

// Get returns the count of key.
func (c Counts) Get(key string) int {
	for _, e := range c {
		if e.Key == key {
			return e.N
		}
	}
	return 0
}

// Total returns the sum of the counts.
func (c Counts) Total() int {
	n := 0
	for _, e := range c {
		n += e.N
	}
	return n
}

// NonZero returns the counts that are not zero.
func (c Counts) NonZero() Counts {
	var out Counts
	for _, e := range c {
		if e.N > 0 {
			out = append(out, e)
		}
	}
	return out
}

func (c *Counts) add(key string) {
	for i := range *c {
		if (*c)[i].Key == key {
			(*c)[i].N++
			return
		}
	}
	*c = append(*c, Count{Key: key, N: 1})
}

// MarshalJSON writes the counts as one JSON object, keys in order.
func (c Counts) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, e := range c {
		if i > 0 {
			b = append(b, ',')
		}
		k, err := json.Marshal(e.Key)
		if err != nil {
			return nil, err
		}
		b = append(b, k...)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(e.N), 10)
	}
	return append(b, '}'), nil
}

// statusKey is the Counts key of a status value.
func statusKey(v Value) string {
	switch v.State() {
	case Unknown:
		return StatusUnknown
	case Sensitive:
		return StatusSensitive
	case Null:
		return "none"
	}
	return v.String()
}
