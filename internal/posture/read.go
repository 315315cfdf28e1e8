package posture

import (
	"fmt"

	"github.com/zclconf/go-cty/cty"

	"github.com/privacycode/terraform-provider-pii/internal/applicability"
	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/country"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// Options tune Read.
type Options struct {
	// Catalogs are the catalogs of the Statement of Applicability and of
	// the controls' mapping; nil means the built-in catalogs.
	Catalogs *catalog.Set
	// Providers are the pii provider blocks of the documents
	// (tfplan.ReadProviderBlock), which hold the organization; a document
	// without one names no organization.
	Providers map[*tfplan.Document]*tfplan.ProviderBlock
}

// Read builds the posture the documents declare. Each document's managed
// pii_processing_activity, pii_control and pii_risk_assessment resources
// are read from their planned values (plans) or current values (states),
// in document order; a resource the plan deletes or forgets, and a deposed
// object, is left out and listed in Skipped. Read never fails on a value:
// one unknown at plan time becomes UnknownText, one marked sensitive
// SensitiveText. It fails only when the built-in catalogs do not load.
func Read(docs []*tfplan.Document, opt Options) (*Posture, error) {
	set := opt.Catalogs
	if set == nil {
		var err error
		if set, err = catalog.Builtin(); err != nil {
			return nil, fmt.Errorf("loading the built-in catalogs: %w", err)
		}
	}
	p := &Posture{
		Documents: []Document{}, Activities: []*Activity{}, Controls: []*Control{}, Assessments: []*Assessment{},
		Gaps: []Gap{}, Skipped: []Skipped{},
	}
	rd := &reader{}
	// The same resource given twice (two states of one workspace, or a
	// plan and its state) is one record: same type, address and id. The
	// first document given keeps it; the others are listed in AlsoIn.
	seen := map[string]*[]string{}
	merged := func(doc, typ, address string, id Value, alsoIn *[]string) bool {
		if !id.IsKnown() {
			return false
		}
		key := typ + "\x00" + address + "\x00" + id.String()
		if first, dup := seen[key]; dup {
			*first = append(*first, doc)
			return true
		}
		seen[key] = alsoIn
		return false
	}
	for _, doc := range docs {
		if doc == nil {
			continue
		}
		d := Document{Name: doc.Name, Kind: string(doc.Kind), TerraformVersion: doc.TerraformVersion, Timestamp: doc.Timestamp}
		d.AsOf = asOf(d)
		if opt.Providers != nil {
			// Without Providers the configuration was not read: no
			// organization, rather than one said to be missing.
			d.Organization = readOrganization(doc, opt.Providers[doc])
		}
		for _, r := range doc.Resources {
			if r == nil || r.Mode != "managed" {
				continue
			}
			switch r.Type {
			case TypeActivity, TypeControl, TypeAssessment:
			default:
				continue
			}
			if r.Deposed != "" || r.Operation == tfplan.OpDelete || r.Operation == tfplan.OpForget || isNull(r.After) {
				op := r.Operation
				if r.Deposed != "" {
					op += " (deposed object " + r.Deposed + ")"
				}
				p.Skipped = append(p.Skipped, Skipped{Address: r.Address, Document: doc.Name, Operation: op})
				continue
			}
			d.Resources++
			switch r.Type {
			case TypeActivity:
				if a := rd.activity(doc.Name, r); !merged(doc.Name, r.Type, r.Address, a.ID, &a.AlsoIn) {
					p.Activities = append(p.Activities, a)
				}
			case TypeControl:
				if c := rd.control(doc.Name, r); !merged(doc.Name, r.Type, r.Address, c.ID, &c.AlsoIn) {
					p.Controls = append(p.Controls, c)
				}
			case TypeAssessment:
				if as := rd.assessment(doc.Name, r); !merged(doc.Name, r.Type, r.Address, as.ID, &as.AlsoIn) {
					p.Assessments = append(p.Assessments, as)
				}
			}
		}
		p.Documents = append(p.Documents, d)
	}
	p.link(set)
	for _, a := range p.Activities {
		a.Record = record(a, p.OrganizationOf(a.Document))
	}
	var scope applicability.Scope
	p.Scope, scope = scopeOf(p.Documents)
	p.Catalogs, p.Applicability = []*CatalogInfo{}, []*ApplicabilityRow{}
	if !p.Empty() {
		// A statement of nothing but "not addressed" says nothing.
		p.Catalogs, p.Applicability = buildApplicability(set, p.Controls, scope, p.Scope)
	}
	p.summarise()
	p.Summary.UnknownValues, p.Summary.SensitiveValues = rd.unknown, rd.sensitive
	return p, nil
}

func (rd *reader) activity(doc string, r *tfplan.Resource) *Activity {
	v := r.After
	s := func(name string) Value { return rd.value(get(v, name)) }
	l := func(name string) []Value { return nonNil(rd.list(get(v, name))) }
	a := &Activity{
		Address: r.Address, Document: doc,
		ID: s("id"), Name: s("name"), Description: s("description"), Owner: s("owner"), Role: s("role"),
		Controllers: l("controllers"),
		Purposes:    l("purposes"), LegalBasis: s("legal_basis"), PIICategories: l("pii_categories"), Principals: l("principals"),
		Sensitivity: s("sensitivity"), SpecialCategories: s("special_categories"), SpecialCategoryCondition: s("special_category_condition"),
		Retention: s("retention"), Volume: s("volume"), PIARequired: s("pia_required"), PIATriggers: l("pia_triggers"),
		LifecycleStages: l("lifecycle_stages"),

		AutomatedDecisions: s("automated_decisions"), DatasetsCombined: s("datasets_combined"),
		InnovativeTechnology: s("innovative_technology"), PreventsRightOrService: s("prevents_right_or_service"),
		Profiling: s("profiling"), SystematicMonitoring: s("systematic_monitoring"),

		Assessments: []string{}, SecurityMeasures: []string{},
	}
	if a.Role.IsNull() {
		a.Role = Text("controller")
	}
	a.Collection = rd.stage(get(v, "collection"), "source", "")
	a.Storage = rd.stage(get(v, "storage"), "", "countries")
	a.Use = rd.stage(get(v, "use"), "", "countries")
	a.Disposal = rd.stage(get(v, "disposal"), "method", "")
	a.Transfers = rd.transfers(get(v, "transfer"))
	return a
}

// stage reads a life-cycle block; nil when it is not declared. extra names
// the block's scalar attribute (source, method), countries its list one.
func (rd *reader) stage(v cty.Value, extra, countries string) *Stage {
	if isNull(v) {
		return nil
	}
	inner, _ := v.Unmark()
	if !inner.IsKnown() && !sensitive(v) {
		rd.unknown++
		return &Stage{Unknown: true, Systems: []Value{}}
	}
	// A one-element list (as some providers encode a single block).
	if t := inner.Type(); inner.IsKnown() && (t.IsTupleType() || t.IsListType()) {
		if inner.LengthInt() == 0 {
			return nil
		}
		v = inner.Index(cty.NumberIntVal(0)).WithMarks(v.Marks())
	}
	st := &Stage{Systems: rd.list(get(v, "systems"))}
	if st.Systems == nil {
		st.Systems = []Value{}
	}
	switch extra {
	case "source":
		st.Source = rd.value(get(v, "source"))
	case "method":
		st.Method = rd.value(get(v, "method"))
	}
	if countries != "" {
		st.Countries = rd.list(get(v, countries))
		if st.Countries == nil {
			st.Countries = []Value{}
		}
	}
	return st
}

func (rd *reader) transfers(v cty.Value) []*Transfer {
	elems, marker, ok := rd.elements(v)
	if !ok {
		// One entry stands for the whole list.
		t := &Transfer{Unknown: marker.IsUnknown(), Systems: []Value{marker}}
		t.Recipient, t.RecipientRole, t.Country, t.Mechanism, t.OutsideEEA = marker, marker, marker, marker, marker
		return []*Transfer{t}
	}
	out := []*Transfer{}
	for _, e := range elems {
		t := &Transfer{
			Recipient: rd.value(get(e, "recipient")), RecipientRole: rd.value(get(e, "recipient_role")),
			Country: rd.value(get(e, "country")), Mechanism: rd.value(get(e, "mechanism")),
			Systems: rd.list(get(e, "systems")),
		}
		if t.Systems == nil {
			t.Systems = []Value{}
		}
		switch {
		case t.Country.IsKnown():
			t.OutsideEEA = Bool(!country.InEEA(t.Country.String()))
		case t.Country.IsMarker():
			// Derived from the country, it is as unknown or as
			// sensitive as the country.
			t.OutsideEEA = t.Country
		}
		out = append(out, t)
	}
	return out
}

func (rd *reader) control(doc string, r *tfplan.Resource) *Control {
	v := r.After
	s := func(name string) Value { return rd.value(get(v, name)) }
	l := func(name string) []Value { return nonNil(rd.list(get(v, name))) }
	c := &Control{
		Address: r.Address, Document: doc,
		ID: s("id"), Catalog: s("catalog"), ControlID: s("control_id"), Title: s("title"), Group: s("group"),
		Principle: s("principle"), Reduces: s("reduces"), Treats: l("treats"), Status: s("status"), Owner: s("owner"),
		Implementation: s("implementation"), Justification: s("justification"), Evidence: l("evidence"),
		Activities: l("activities"), LastReviewed: s("last_reviewed"), ReviewInterval: s("review_interval"), ReviewDue: s("review_due"),
	}
	if c.Catalog.IsNull() {
		c.Catalog = Text("iso29151")
	}
	// The id is computed from catalog and control_id; when the plan does
	// not know it yet but knows both, say what it will be.
	if c.ID.IsUnknown() && c.Catalog.IsKnown() && c.ControlID.IsKnown() {
		c.ID = Text(c.Catalog.String() + ":" + c.ControlID.String())
	}
	return c
}

func (rd *reader) assessment(doc string, r *tfplan.Resource) *Assessment {
	v := r.After
	s := func(name string) Value { return rd.value(get(v, name)) }
	l := func(name string) []Value { return nonNil(rd.list(get(v, name))) }
	a := &Assessment{
		Address: r.Address, Document: doc,
		ID:       s("id"),
		Activity: ActivityRef{ID: rd.value(path(v, "activity", "id")), Name: rd.value(path(v, "activity", "name"))},
		Status:   s("status"), ApprovedBy: s("approved_by"), Assessor: s("assessor"), AssessedOn: s("assessed_on"),
		NextReview: s("next_review"), Covered: s("covered"), UncoveredRisks: l("uncovered_risks"),
		LifecycleGaps: l("lifecycle_gaps"), MaxInherentLevel: s("max_inherent_level"), MaxResidualLevel: s("max_residual_level"),
		Risks: []*Risk{}, Controls: []Value{},
	}
	if a.Status.IsNull() {
		a.Status = Text("draft")
	}
	elems, _, ok := rd.elements(get(v, "risks"))
	if !ok {
		a.RisksUnknown = true
		return a
	}
	for _, e := range elems {
		a.Risks = append(a.Risks, rd.risk(e))
	}
	return a
}

func (rd *reader) risk(v cty.Value) *Risk {
	s := func(name string) Value { return rd.value(get(v, name)) }
	l := func(name string) []Value { return nonNil(rd.list(get(v, name))) }
	r := &Risk{
		Name: s("name"), Category: s("category"), Description: s("description"), LifecycleStage: s("lifecycle_stage"),
		RiskSource: s("risk_source"), Rationale: s("rationale"), Likelihood: s("likelihood"), Impact: s("impact"),
		Treatment: s("treatment"), TransferTo: s("transfer_to"),
		InherentScore: s("inherent_score"), InherentLevel: s("inherent_level"),
		ResidualLikelihood: s("residual_likelihood"), ResidualImpact: s("residual_impact"),
		ResidualScore: s("residual_score"), ResidualLevel: s("residual_level"), Coverage: s("coverage"),
		EffectiveControls: l("effective_controls"), Gaps: l("gaps"), SuggestedControls: l("suggested_controls"),
		Controls: []RiskControl{},
	}
	if r.Treatment.IsNull() {
		r.Treatment = Text("mitigate")
	}
	if acc := get(v, "acceptance"); !isNull(acc) {
		r.Acceptance = &Acceptance{
			AcceptedBy: rd.value(get(acc, "accepted_by")), Rationale: rd.value(get(acc, "rationale")), Expires: rd.value(get(acc, "expires")),
		}
	}
	elems, marker, ok := rd.elements(get(v, "controls"))
	if !ok {
		r.Controls = append(r.Controls, RiskControl{ID: marker, Status: marker, Activities: []Value{}, Effect: EffectUnknown})
		return r
	}
	for _, e := range elems {
		c := RiskControl{ID: rd.value(get(e, "id")), Status: rd.value(get(e, "status")), Activities: nonNil(rd.list(get(e, "activities")))}
		if c.ID.IsNull() {
			// A hand-written object may give catalog and control_id only.
			cat, id := rd.value(get(e, "catalog")), rd.value(get(e, "control_id"))
			switch {
			case cat.IsNull() && id.IsKnown():
				c.ID = Text("iso29151:" + id.String())
			case cat.IsKnown() && id.IsKnown():
				c.ID = Text(cat.String() + ":" + id.String())
			case id.IsMarker():
				c.ID = id
			case cat.IsMarker():
				c.ID = cat
			}
		}
		r.Controls = append(r.Controls, c)
	}
	return r
}

func nonNil(vs []Value) []Value {
	if vs == nil {
		return []Value{}
	}
	return vs
}
