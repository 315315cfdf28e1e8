package provider

import (
	"context"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/coverage"
	"github.com/privacycode/terraform-provider-pii/internal/finding"
	"github.com/privacycode/terraform-provider-pii/internal/risk"
)

var (
	_ resource.ResourceWithConfigure   = (*riskAssessmentResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*riskAssessmentResource)(nil)
	_ resource.ResourceWithImportState = (*riskAssessmentResource)(nil)
)

// NewRiskAssessmentResource returns the pii_risk_assessment resource.
func NewRiskAssessmentResource() resource.Resource { return &riskAssessmentResource{} }

// today is the date acceptances expire against; tests may replace it.
var today = func() time.Time { return time.Now().UTC() }

type riskAssessmentResource struct {
	settings *Settings
}

type riskAssessmentModel struct {
	ID               types.String `tfsdk:"id"`
	Activity         types.Object `tfsdk:"activity"`
	Assessor         types.String `tfsdk:"assessor"`
	AssessedOn       types.String `tfsdk:"assessed_on"`
	NextReview       types.String `tfsdk:"next_review"`
	Status           types.String `tfsdk:"status"`
	ApprovedBy       types.String `tfsdk:"approved_by"`
	Risks            types.List   `tfsdk:"risks"`
	MaxInherentLevel types.String `tfsdk:"max_inherent_level"`
	MaxResidualLevel types.String `tfsdk:"max_residual_level"`
	Covered          types.Bool   `tfsdk:"covered"`
	UncoveredRisks   types.List   `tfsdk:"uncovered_risks"`
	LifecycleGaps    types.List   `tfsdk:"lifecycle_gaps"`
}

type riskModel struct {
	Name               types.String `tfsdk:"name"`
	Description        types.String `tfsdk:"description"`
	Category           types.String `tfsdk:"category"`
	LifecycleStage     types.String `tfsdk:"lifecycle_stage"`
	RiskSource         types.String `tfsdk:"risk_source"`
	Likelihood         types.String `tfsdk:"likelihood"`
	Impact             types.String `tfsdk:"impact"`
	Treatment          types.String `tfsdk:"treatment"`
	Controls           types.List   `tfsdk:"controls"`
	Acceptance         types.Object `tfsdk:"acceptance"`
	TransferTo         types.String `tfsdk:"transfer_to"`
	Rationale          types.String `tfsdk:"rationale"`
	InherentScore      types.Int64  `tfsdk:"inherent_score"`
	InherentLevel      types.String `tfsdk:"inherent_level"`
	ResidualLikelihood types.String `tfsdk:"residual_likelihood"`
	ResidualImpact     types.String `tfsdk:"residual_impact"`
	ResidualScore      types.Int64  `tfsdk:"residual_score"`
	ResidualLevel      types.String `tfsdk:"residual_level"`
	Coverage           types.String `tfsdk:"coverage"`
	EffectiveControls  types.List   `tfsdk:"effective_controls"`
	Gaps               types.List   `tfsdk:"gaps"`
	SuggestedControls  types.List   `tfsdk:"suggested_controls"`
}

var (
	stringListType = types.ListType{ElemType: types.StringType}
	stringSetType  = types.SetType{ElemType: types.StringType}

	// Only what coverage needs of a control: its catalog mapping (title,
	// treats, reduces) comes from the catalog. Fewer values per risk keep
	// large plans fast, since the framework's cost grows with every value.
	controlRefAttrTypes = map[string]attr.Type{
		"id": types.StringType, "catalog": types.StringType, "control_id": types.StringType,
		"status": types.StringType, "activities": stringSetType,
	}
	acceptanceAttrTypes = map[string]attr.Type{
		"accepted_by": types.StringType, "rationale": types.StringType, "expires": types.StringType,
	}
	riskAttrTypes = map[string]attr.Type{
		"name": types.StringType, "description": types.StringType, "category": types.StringType,
		"lifecycle_stage": types.StringType, "risk_source": types.StringType, "likelihood": types.StringType,
		"impact": types.StringType, "treatment": types.StringType,
		"controls":    types.ListType{ElemType: types.ObjectType{AttrTypes: controlRefAttrTypes}},
		"acceptance":  types.ObjectType{AttrTypes: acceptanceAttrTypes},
		"transfer_to": types.StringType, "rationale": types.StringType,
		"inherent_score": types.Int64Type, "inherent_level": types.StringType,
		"residual_likelihood": types.StringType, "residual_impact": types.StringType,
		"residual_score": types.Int64Type, "residual_level": types.StringType, "coverage": types.StringType,
		"effective_controls": stringListType, "gaps": stringListType, "suggested_controls": stringListType,
	}
)

func (r *riskAssessmentResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_risk_assessment"
}

func (r *riskAssessmentResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	computedString := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	computedList := func(desc string) schema.ListAttribute {
		return schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A privacy impact assessment (ISO/IEC 29134) of one processing activity: the risks assessed, " +
			"how each is treated and which controls treat it. At plan time the provider computes every risk's residual " +
			"likelihood and impact from the selected controls and reports each gap (a risk not covered within the risk " +
			"appetite, an acceptance that is no longer valid) as an error at that risk, or as a warning under " +
			"`enforcement = \"warning\"`. See the risk model guide for the rules. The resource is logical: it lives " +
			"in Terraform state only.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "`pia-` followed by the assessed activity's id.",
			},
			"activity": schema.SingleNestedAttribute{
				Required: true,
				MarkdownDescription: "The assessed activity: pass the whole resource, " +
					"`activity = pii_processing_activity.checkout`. Its attributes are read once known.",
				// Optional throughout: Terraform validates the configuration
				// while the activity object is still unknown.
				Attributes: map[string]schema.Attribute{
					"id":                 schema.StringAttribute{Optional: true, MarkdownDescription: "The activity's id."},
					"name":               schema.StringAttribute{Optional: true, MarkdownDescription: "The activity's name."},
					"sensitivity":        schema.StringAttribute{Optional: true, MarkdownDescription: "The activity's sensitivity."},
					"special_categories": schema.BoolAttribute{Optional: true, MarkdownDescription: "Whether the activity processes special categories."},
					"lifecycle_stages": schema.ListAttribute{Optional: true, ElementType: types.StringType,
						MarkdownDescription: "The life-cycle stages the activity declares."},
					"role": schema.StringAttribute{Optional: true,
						MarkdownDescription: "The organisation's role in the activity. Suggested controls leave out those written for the other role: " +
							"a processor's for a `controller` or `joint_controller` (also when unset), a controller's for a `processor`."},
					"pii_categories": schema.SetAttribute{Optional: true, ElementType: types.StringType,
						MarkdownDescription: "The activity's PII categories."},
				},
			},
			"assessor": schema.StringAttribute{Optional: true, MarkdownDescription: "Who carried out the assessment."},
			// Values are checked in ModifyPlan with the risks, not by schema
			// validators: a validator's error would stop the plan before
			// the risks' problems are found.
			"assessed_on": schema.StringAttribute{Optional: true, MarkdownDescription: "When, as `YYYY-MM-DD`."},
			"next_review": schema.StringAttribute{Optional: true, MarkdownDescription: "When the assessment is next reviewed, as `YYYY-MM-DD`; after `assessed_on`."},
			"status": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString("draft"),
				MarkdownDescription: "`draft` (default), `in_review` or `approved`.",
			},
			"approved_by": schema.StringAttribute{Optional: true, MarkdownDescription: "Who approved the assessment. Required when `status` is `approved`."},
			"risks": schema.ListNestedAttribute{
				Required:            true,
				MarkdownDescription: "The assessed risks; at least one. Every problem of a risk is reported at the risk, naming it.",
				// The risks' attributes are optional to Terraform and checked
				// by the provider: Terraform's own errors (a missing required
				// attribute) and schema validators would stop the plan at the
				// first problem, and could neither point at the risk nor name
				// it.
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":        schema.StringAttribute{Optional: true, MarkdownDescription: "Required. The risk's name, unique within the assessment."},
					"description": schema.StringAttribute{Optional: true, MarkdownDescription: "The risk scenario: who could do what to the PII, and the harm to the principals."},
					"category": schema.StringAttribute{Optional: true,
						MarkdownDescription: "Required. The risk category (the feared event), such as `illegitimate_access` or `over_retention`; see the catalog reference."},
					"lifecycle_stage": schema.StringAttribute{Optional: true,
						MarkdownDescription: "The life-cycle stage the risk arises at: `collection`, `storage`, `use`, `transfer` or `disposal`. The activity must declare it."},
					"risk_source": schema.StringAttribute{Optional: true, MarkdownDescription: "Who or what could cause the event (an external attacker, an employee, a processor)."},
					"likelihood": schema.StringAttribute{Optional: true,
						MarkdownDescription: "Required. The inherent likelihood, before controls: `negligible`, `limited`, `significant` or `maximum` (1–4)."},
					"impact": schema.StringAttribute{Optional: true,
						MarkdownDescription: "Required. The inherent impact on the principals: `negligible`, `limited`, `significant` or `maximum` (1–4)."},
					"treatment": schema.StringAttribute{Optional: true,
						MarkdownDescription: "`mitigate` (the default when unset: controls must cover the risk), `accept` (needs `acceptance`), " +
							"`avoid` (needs `rationale`) or `transfer` (needs `transfer_to`)."},
					"controls": schema.ListNestedAttribute{
						Optional: true,
						MarkdownDescription: "The controls that treat the risk: pass whole resources, " +
							"`controls = [pii_control.encryption, pii_control.access]`. Their attributes are read once known.",
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"id":         schema.StringAttribute{Optional: true, MarkdownDescription: "The control's qualified id, `catalog:control_id`."},
							"catalog":    schema.StringAttribute{Optional: true, MarkdownDescription: "The control's catalog, when `id` is not given."},
							"control_id": schema.StringAttribute{Optional: true, MarkdownDescription: "The control's id in its catalog, when `id` is not given."},
							"status":     schema.StringAttribute{Optional: true, MarkdownDescription: "The control's status; required for the control to count."},
							"activities": schema.SetAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "The activities the control is scoped to; empty for organisation-wide."},
						}},
					},
					"acceptance": schema.SingleNestedAttribute{
						Optional:            true,
						MarkdownDescription: "The acceptance of the residual risk, for `treatment = \"accept\"`.",
						Attributes: map[string]schema.Attribute{
							"accepted_by": schema.StringAttribute{Optional: true, MarkdownDescription: "Who accepted the risk (a role with the authority to)."},
							"rationale":   schema.StringAttribute{Optional: true, MarkdownDescription: "Why the risk is acceptable."},
							"expires":     schema.StringAttribute{Optional: true, MarkdownDescription: "When the acceptance lapses, as `YYYY-MM-DD`; a lapsed acceptance is a gap."},
						},
					},
					"transfer_to": schema.StringAttribute{Optional: true, MarkdownDescription: "Who carries a transferred risk (an insurer, a processor under contract)."},
					"rationale":   schema.StringAttribute{Optional: true, MarkdownDescription: "Why the risk is rated and treated as it is; required to avoid a risk, and to rate a special-category risk's impact below `significant` without a warning."},

					"inherent_score":      schema.Int64Attribute{Computed: true, MarkdownDescription: "likelihood × impact before controls (1–16)."},
					"inherent_level":      computedString("The level of the inherent score: `low`, `medium`, `high` or `very_high`."),
					"residual_likelihood": computedString("The likelihood after the effective controls."),
					"residual_impact":     computedString("The impact after the effective controls."),
					"residual_score":      schema.Int64Attribute{Computed: true, MarkdownDescription: "residual likelihood × residual impact."},
					"residual_level":      computedString("The level of the residual score."),
					"coverage": computedString("`covered`, `partially_covered`, `uncovered`, `accepted`, `avoided` or `transferred`; " +
						"unknown at plan while a control or the activity is not known yet."),
					"effective_controls": computedList("Ids of the selected controls that lower the risk: implemented, in scope and treating its category."),
					"gaps":               computedList("Sentences that say why the risk is not covered; empty when it is."),
					"suggested_controls": computedList("Up to five catalog controls that treat the risk's category, are not selected and fit the organisation's role " +
						"in the activity, best first: ranked by how well they fit the risk's life-cycle stage and category (see the risk model guide)."),
				}},
			},
			"max_inherent_level": computedString("The highest inherent level among the risks."),
			"max_residual_level": computedString("The highest residual level among the risks."),
			"covered":            schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether every risk is covered, accepted, avoided or transferred."},
			"uncovered_risks":    computedList("Names of the risks with a gap."),
			"lifecycle_gaps":     computedList("Life-cycle stages the activity declares but no risk is assessed on."),
		},
	}
}

func (r *riskAssessmentResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.settings = settingsFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *riskAssessmentResource) options(set *catalog.Set) coverage.Options {
	opt := coverage.Options{Catalog: set, Appetite: risk.Medium, GapSeverity: finding.Error, Today: today(), DefaultCatalog: DefaultCatalog}
	if s := r.settings; s != nil {
		if l, err := risk.ParseLevel(s.RiskAppetite); err == nil {
			opt.Appetite = l
		}
		if s.Enforcement == "warning" {
			opt.GapSeverity = finding.Warning
		}
	}
	return opt
}

// compute evaluates the assessment and fills the computed attributes. With
// final set (at apply), values that cannot be decided are null rather than
// unknown, since state must be wholly known.
func (r *riskAssessmentResource) compute(ctx context.Context, m *riskAssessmentModel, final bool, diags *diag.Diagnostics) {
	set := settingsCatalog(r.settings, diags)
	if set == nil {
		return
	}
	unknownString := types.StringUnknown()
	unknownList := types.ListUnknown(types.StringType)
	unknownInt := types.Int64Unknown()
	unknownBool := types.BoolUnknown()
	if final {
		unknownString, unknownList, unknownInt, unknownBool = types.StringNull(), types.ListNull(types.StringType), types.Int64Null(), types.BoolNull()
	}
	str := func(known bool, s string) types.String {
		if !known {
			return unknownString
		}
		return types.StringValue(s)
	}
	list := func(known bool, items []string) types.List {
		if !known {
			return unknownList
		}
		return stringList(items)
	}

	approval := coverage.Approval{Unknown: map[string]bool{}}
	for _, f := range []struct {
		name string
		v    types.String
		dst  *string
	}{{"status", m.Status, &approval.Status}, {"approved_by", m.ApprovedBy, &approval.ApprovedBy},
		{"assessed_on", m.AssessedOn, &approval.AssessedOn}, {"next_review", m.NextReview, &approval.NextReview}} {
		var ok bool
		if *f.dst, ok = stringValue(f.v); !ok {
			approval.Unknown[f.name] = true
		}
	}
	addFindings(diags, coverage.CheckApproval(approval))

	act := activityOf(m.Activity)
	m.ID = str(act.Known && act.ID != "", "pia-"+act.ID)
	if act.Known && act.ID == "" {
		m.ID = str(true, "pia-"+slugOrName(act.Name))
	}

	riskObjects, risksKnown := objectsOf(ctx, m.Risks, diags)
	if !risksKnown {
		m.MaxInherentLevel, m.MaxResidualLevel, m.Covered = unknownString, unknownString, unknownBool
		m.UncoveredRisks, m.LifecycleGaps = unknownList, unknownList
		return
	}
	// Conversion problems stop here; the approval's findings must not,
	// so that the risks are checked in the same plan.
	var conv diag.Diagnostics
	var models []riskModel
	var risks []coverage.Risk
	for _, o := range riskObjects {
		var rm riskModel
		if o.IsUnknown() {
			// A wholly unknown element cannot be written back field by
			// field; it stays unknown as a whole.
			risks = append(risks, coverage.Risk{})
			models = append(models, rm)
			continue
		}
		conv.Append(o.As(ctx, &rm, objectAsOptions)...)
		risks = append(risks, riskOf(rm))
		models = append(models, rm)
	}
	diags.Append(conv...)
	if conv.HasError() {
		return
	}
	res, fs := coverage.Evaluate(coverage.Assessment{Activity: act, Risks: risks}, r.options(set))
	addFindings(diags, atRisk(fs))

	elems := make([]attr.Value, len(models))
	for i, rm := range models {
		if riskObjects[i].IsUnknown() {
			elems[i] = types.ObjectUnknown(riskAttrTypes)
			continue
		}
		rr := res.Risks[i]
		rm.InherentScore, rm.InherentLevel = unknownInt, unknownString
		if rr.InherentKnown {
			rm.InherentScore, rm.InherentLevel = types.Int64Value(int64(rr.InherentScore)), types.StringValue(rr.InherentLevel.String())
		}
		rm.ResidualLikelihood, rm.ResidualImpact, rm.ResidualScore, rm.ResidualLevel = unknownString, unknownString, unknownInt, unknownString
		rm.EffectiveControls = unknownList
		if rr.ResidualKnown {
			rm.ResidualLikelihood, rm.ResidualImpact = types.StringValue(rr.ResidualLikelihood.String()), types.StringValue(rr.ResidualImpact.String())
			rm.ResidualScore, rm.ResidualLevel = types.Int64Value(int64(rr.ResidualScore)), types.StringValue(rr.ResidualLevel.String())
			rm.EffectiveControls = stringList(rr.EffectiveControls)
		}
		decided := rr.Coverage != coverage.Unknown
		rm.Coverage = str(decided, string(rr.Coverage))
		rm.Gaps = list(decided, rr.Gaps)
		rm.SuggestedControls = list(rr.SuggestionsKnown, rr.SuggestedControls)
		obj, d := types.ObjectValueFrom(ctx, riskAttrTypes, rm)
		diags.Append(d...)
		elems[i] = obj
	}
	if diags.HasError() {
		return
	}
	riskList, d := types.ListValue(types.ObjectType{AttrTypes: riskAttrTypes}, elems)
	diags.Append(d...)
	m.Risks = riskList

	m.MaxInherentLevel = str(res.MaxInherentKnown, res.MaxInherentLevel.String())
	m.MaxResidualLevel = str(res.MaxResidualKnown, res.MaxResidualLevel.String())
	m.Covered = unknownBool
	if res.CoveredKnown {
		m.Covered = types.BoolValue(res.Covered)
	}
	m.UncoveredRisks = list(res.CoveredKnown, res.UncoveredRisks)
	m.LifecycleGaps = list(res.LifecycleKnown, res.LifecycleGaps)
}

// activityOf reads the assessed activity from the object the user passed.
func activityOf(o types.Object) coverage.Activity {
	if o.IsNull() || o.IsUnknown() {
		return coverage.Activity{}
	}
	a := coverage.Activity{Known: true}
	var ok [5]bool
	a.ID, ok[0] = objectString(o, "id")
	a.Name, ok[1] = objectString(o, "name")
	a.Stages, ok[2] = objectStrings(o, "lifecycle_stages")
	a.SpecialCategories, ok[3] = objectBool(o, "special_categories")
	a.Role, ok[4] = objectString(o, "role")
	for _, k := range ok {
		a.Known = a.Known && k
	}
	if a.Name == "" {
		a.Name = a.ID
	}
	return a
}

func slugOrName(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), "-"))
}

// riskOf converts one risk for the core, which checks its values.
func riskOf(rm riskModel) coverage.Risk {
	r := coverage.Risk{Written: true, Known: true, Unknown: map[string]bool{}}
	for _, f := range []struct {
		name string
		v    types.String
		dst  *string
		// counts says whether the value is one that Known covers.
		counts bool
	}{
		{"name", rm.Name, &r.Name, true}, {"category", rm.Category, &r.Category, true},
		{"lifecycle_stage", rm.LifecycleStage, &r.LifecycleStage, true}, {"treatment", rm.Treatment, &r.Treatment, true},
		{"rationale", rm.Rationale, &r.Rationale, true}, {"transfer_to", rm.TransferTo, &r.TransferTo, true},
		{"likelihood", rm.Likelihood, &r.LikelihoodText, false}, {"impact", rm.Impact, &r.ImpactText, false},
	} {
		var ok bool
		if *f.dst, ok = stringValue(f.v); !ok {
			r.Unknown[f.name] = true
			r.Known = r.Known && !f.counts
		}
	}

	r.ControlsKnown = !rm.Controls.IsUnknown()
	if r.ControlsKnown && !rm.Controls.IsNull() {
		for _, e := range rm.Controls.Elements() {
			o, ok := e.(types.Object)
			if !ok {
				continue
			}
			r.Controls = append(r.Controls, controlOf(o))
		}
	}

	r.AcceptanceKnown = !rm.Acceptance.IsUnknown()
	if r.AcceptanceKnown && !rm.Acceptance.IsNull() {
		var acc coverage.Acceptance
		var ka [3]bool
		acc.AcceptedBy, ka[0] = objectString(rm.Acceptance, "accepted_by")
		acc.Rationale, ka[1] = objectString(rm.Acceptance, "rationale")
		acc.Expires, ka[2] = objectString(rm.Acceptance, "expires")
		r.AcceptanceKnown = ka[0] && ka[1] && ka[2]
		r.Acceptance = &acc
	}
	return r
}

// controlOf reads a selected control. Objects written by hand may give only
// the id (or catalog and control_id) and a status; the core completes them
// from the catalog and rejects what it cannot.
func controlOf(o types.Object) coverage.Control {
	if o.IsNull() || o.IsUnknown() {
		return coverage.Control{}
	}
	c := coverage.Control{Known: true}
	var k [5]bool
	var catalogName, controlID string
	c.Ref, k[0] = objectString(o, "id")
	catalogName, k[1] = objectString(o, "catalog")
	controlID, k[2] = objectString(o, "control_id")
	c.Status, k[3] = objectString(o, "status")
	c.Activities, k[4] = objectStrings(o, "activities")
	for _, known := range k {
		c.Known = c.Known && known
	}
	if c.Ref == "" && controlID != "" {
		c.Ref = orDefault(catalogName, DefaultCatalog) + ":" + controlID
	}
	return c
}

func orDefault(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// atRisk moves findings inside a risk (risks[1].lifecycle_stage,
// risks[1].controls[0]) to the risk itself (risks[1]). Terraform locates
// an attribute diagnostic inside a nested attribute's value only down to
// an element of a top-level attribute; a deeper path falls back to the
// resource's first line. The messages name the risk and the attribute.
func atRisk(fs finding.Findings) finding.Findings {
	out := make(finding.Findings, len(fs))
	for i, f := range fs {
		if len(f.Path) > 2 && f.Path[0].Name == "risks" && f.Path[1].IsIndex {
			f.Path = f.Path[:2:2]
		}
		out[i] = f
	}
	return out
}

func (r *riskAssessmentResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var m riskAssessmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.compute(ctx, &m, false, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &m)...)
}

func (r *riskAssessmentResource) save(ctx context.Context, get func(context.Context, any) diag.Diagnostics, state stateSetter, diags *diag.Diagnostics) {
	var m riskAssessmentModel
	diags.Append(get(ctx, &m)...)
	if diags.HasError() {
		return
	}
	var computed diag.Diagnostics
	r.compute(ctx, &m, true, &computed)
	if computed.HasError() {
		diags.Append(computed.Errors()...)
		return
	}
	diags.Append(state.Set(ctx, &m)...)
}

func (r *riskAssessmentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.save(ctx, req.Plan.Get, &resp.State, &resp.Diagnostics)
}

func (r *riskAssessmentResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.save(ctx, req.Plan.Get, &resp.State, &resp.Diagnostics)
}

func (r *riskAssessmentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var m riskAssessmentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (r *riskAssessmentResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {
}

func (r *riskAssessmentResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
