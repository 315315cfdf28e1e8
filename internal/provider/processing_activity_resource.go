package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/privacycode/terraform-provider-pii/internal/activity"
	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/planmodifiers"
)

var (
	_ resource.ResourceWithConfigure   = (*processingActivityResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*processingActivityResource)(nil)
	_ resource.ResourceWithImportState = (*processingActivityResource)(nil)
)

// NewProcessingActivityResource returns the pii_processing_activity resource.
func NewProcessingActivityResource() resource.Resource { return &processingActivityResource{} }

type processingActivityResource struct {
	settings *Settings
}

type processingActivityModel struct {
	ID                       types.String `tfsdk:"id"`
	Name                     types.String `tfsdk:"name"`
	Description              types.String `tfsdk:"description"`
	Role                     types.String `tfsdk:"role"`
	Controllers              types.Set    `tfsdk:"controllers"`
	Owner                    types.String `tfsdk:"owner"`
	Purposes                 types.List   `tfsdk:"purposes"`
	LegalBasis               types.String `tfsdk:"legal_basis"`
	PIICategories            types.Set    `tfsdk:"pii_categories"`
	SpecialCategoryCondition types.String `tfsdk:"special_category_condition"`
	Principals               types.Set    `tfsdk:"principals"`
	Volume                   types.Int64  `tfsdk:"volume"`
	Retention                types.String `tfsdk:"retention"`
	Profiling                types.Bool   `tfsdk:"profiling"`
	AutomatedDecisions       types.Bool   `tfsdk:"automated_decisions"`
	SystematicMonitoring     types.Bool   `tfsdk:"systematic_monitoring"`
	DatasetsCombined         types.Bool   `tfsdk:"datasets_combined"`
	InnovativeTechnology     types.Bool   `tfsdk:"innovative_technology"`
	PreventsRightOrService   types.Bool   `tfsdk:"prevents_right_or_service"`
	Collection               types.Object `tfsdk:"collection"`
	Storage                  types.Object `tfsdk:"storage"`
	Use                      types.Object `tfsdk:"use"`
	Transfer                 types.List   `tfsdk:"transfer"`
	Disposal                 types.Object `tfsdk:"disposal"`
	Sensitivity              types.String `tfsdk:"sensitivity"`
	SpecialCategories        types.Bool   `tfsdk:"special_categories"`
	LifecycleStages          types.List   `tfsdk:"lifecycle_stages"`
	PIATriggers              types.List   `tfsdk:"pia_triggers"`
	PIARequired              types.Bool   `tfsdk:"pia_required"`
}

func (r *processingActivityResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_processing_activity"
}

func systemsAttribute(stage string) schema.SetAttribute {
	return schema.SetAttribute{
		Optional:    true,
		ElementType: types.StringType,
		MarkdownDescription: "Systems that hold or handle the PII at the " + stage + " stage: Terraform resource addresses " +
			"(such as `aws_s3_bucket.orders`) or any ids. The policy pack uses them to find the infrastructure that holds PII. None may be blank.",
	}
}

func flagAttribute(description string) schema.BoolAttribute {
	return schema.BoolAttribute{
		Optional: true, Computed: true, Default: booldefault.StaticBool(false),
		MarkdownDescription: description + " One of the EDPB WP248 criteria for a privacy impact assessment. Defaults to `false`.",
	}
}

func (r *processingActivityResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "One record of processing (GDPR Art. 30), described along the ISO/IEC 29151 PII life cycle: " +
			"what PII is processed, about whom, why, on what legal basis, for how long, where it is collected, stored, " +
			"used, transferred and disposed of. At plan time the provider derives the activity's sensitivity and the " +
			"EDPB WP248 criteria it meets, and says whether a privacy impact assessment is required. " +
			"The resource is logical: it lives in Terraform state only. Every value is checked at plan, all at once (an " +
			"unknown PII category does not hide a malformed retention), and a problem in a stage or a transfer block is " +
			"reported at that block and names it (`Transfer to \"Zendesk\": ...`). Values known only after apply are " +
			"checked then.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "Derived from `name`: a readable slug and a short hash of the exact name (such as " +
					"`checkout-payments-1a2b3c4d`), valid and distinct for any name, in any script. Controls refer to it in `activities`.",
			},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The activity's name, as the records of processing show it. Changing it replaces the activity (its id changes).",
				PlanModifiers:       []planmodifier.String{planmodifiers.RequiresReplaceOnChange()},
			},
			"description": schema.StringAttribute{Optional: true, MarkdownDescription: "What the processing is, in a few sentences."},
			"role": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString("controller"),
				MarkdownDescription: "The organisation's role in the processing: `controller`, `processor` (it processes the PII on " +
					"behalf of the `controllers`, as a cloud service does for its customers) or `joint_controller`. Defaults to `controller`.",
			},
			"controllers": schema.SetAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: "For `role = \"processor\"`, the PII controllers on whose behalf the organisation processes the " +
					"PII: named customers, or how they are identified when there are many (`[\"Each customer, under its data " +
					"processing agreement\"]`). Required for a processor, whose record of processing names each controller " +
					"(GDPR Art. 30(2)(a)). For `joint_controller`, the other controllers (a warning when there are none); with " +
					"`controller` it has no effect and draws a warning.",
			},
			"owner": schema.StringAttribute{Optional: true, MarkdownDescription: "Who is accountable for the activity (a team or role)."},
			"purposes": schema.ListAttribute{
				Required: true, ElementType: types.StringType,
				MarkdownDescription: "The purposes of the processing, each in words a PII principal would understand. At least one; none may be blank.",
			},
			"legal_basis": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "The lawful basis (GDPR Art. 6): `consent`, `contract`, `legal_obligation`, `vital_interests`, " +
					"`public_task` or `legitimate_interests`. Leaving it out draws a warning, since every processing needs one, " +
					"except with `role = \"processor\"`: a processor acts on its controllers' instructions and relies on their " +
					"basis. Consent with `child` principals draws a warning about parental consent.",
			},
			"pii_categories": schema.SetAttribute{
				Required: true, ElementType: types.StringType,
				MarkdownDescription: "Keys of the PII categories processed, from the PII taxonomy (such as `contact.email`, " +
					"`financial.payment_card`, `special.health`). A parent key (`contact`) stands for all its children. " +
					"An unknown key is an error that suggests the closest ones (`special.health` for `health`); categories of " +
					"your own are declared in catalog files (`catalog_files`).",
			},
			"special_category_condition": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "The GDPR Art. 9(2) condition that allows processing special categories (or, for criminal " +
					"data, `authorised_by_law`, Art. 10). Required when any PII category has sensitivity `special`. One of " +
					"`explicit_consent`, `employment_social_protection`, `vital_interests`, `not_for_profit_body`, " +
					"`manifestly_made_public`, `legal_claims`, `substantial_public_interest`, `health_or_social_care`, " +
					"`public_health`, `archiving_research_statistics`, `authorised_by_law`.",
			},
			"principals": schema.SetAttribute{
				Required: true, ElementType: types.StringType,
				MarkdownDescription: "The categories of PII principals (data subjects), such as `customer` or `employee`. " +
					"`child`, `minor`, `pupil`, `employee`, `patient`, `elderly`, `asylum_seeker`, `mentally_ill` and " +
					"`vulnerable_adult` count as vulnerable in the threshold analysis.",
			},
			"volume": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "The approximate number of PII principals. From the provider's `large_scale_threshold` " +
					"on, the processing counts as large scale.",
			},
			"retention": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "How long the PII is kept, as an ISO 8601 duration such as `P30D`, `P6M` or `P7Y`. " +
					"Leaving it out draws a warning.",
			},
			"profiling":                 flagAttribute("Whether the processing evaluates or scores people (profiling, GDPR Art. 4(4))."),
			"automated_decisions":       flagAttribute("Whether decisions with legal or similarly significant effect are made without human involvement (GDPR Art. 22)."),
			"systematic_monitoring":     flagAttribute("Whether people are observed, monitored or tracked systematically."),
			"datasets_combined":         flagAttribute("Whether datasets from different sources or purposes are matched or combined."),
			"innovative_technology":     flagAttribute("Whether the processing uses new technology or organisational solutions."),
			"prevents_right_or_service": flagAttribute("Whether the processing can prevent people from exercising a right or using a service or contract."),
			"sensitivity": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The highest sensitivity of the activity's PII categories: `low`, `medium`, `high` or `special`. Known at plan.",
			},
			"special_categories": schema.BoolAttribute{
				Computed:            true,
				MarkdownDescription: "Whether any PII category (or a category beneath a declared parent) has sensitivity `special`. Known at plan.",
			},
			"lifecycle_stages": schema.ListAttribute{
				Computed: true, ElementType: types.StringType,
				MarkdownDescription: "The life-cycle stages the activity declares, in life-cycle order (`collection`, `storage`, `use`, `transfer`, `disposal`).",
			},
			"pia_triggers": schema.ListAttribute{
				Computed: true, ElementType: types.StringType,
				MarkdownDescription: "The EDPB WP248 criteria the activity meets: `evaluation_or_scoring`, `automated_decisions`, " +
					"`systematic_monitoring`, `sensitive_data` (sensitivity high or special), `large_scale`, `datasets_combined`, " +
					"`vulnerable_principals`, `innovative_technology`, `prevents_right_or_service`.",
			},
			"pia_required": schema.BoolAttribute{
				Computed:            true,
				MarkdownDescription: "Whether a privacy impact assessment is required: two or more `pia_triggers`.",
			},
		},
		Blocks: map[string]schema.Block{
			"collection": schema.SingleNestedBlock{
				MarkdownDescription: "How the PII is collected.",
				Attributes: map[string]schema.Attribute{
					"source": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "Where the PII comes from: `data_subject`, `third_party`, `public` or `derived`.",
					},
					"systems": systemsAttribute("collection"),
				},
			},
			"storage": schema.SingleNestedBlock{
				MarkdownDescription: "Where the PII is stored.",
				Attributes: map[string]schema.Attribute{
					"systems": systemsAttribute("storage"),
					"countries": schema.SetAttribute{
						Optional: true, ElementType: types.StringType,
						MarkdownDescription: "The countries where the PII is stored, as ISO 3166-1 alpha-2 codes (`DE`, `IE`, `US`). " +
							"With the provider's `organization.jurisdiction` set, a country outside it that no `transfer` " +
							"goes to draws a warning.",
					},
				},
			},
			"use": schema.SingleNestedBlock{
				MarkdownDescription: "Where the PII is used.",
				Attributes: map[string]schema.Attribute{
					"systems": systemsAttribute("use"),
					"countries": schema.SetAttribute{
						Optional: true, ElementType: types.StringType,
						MarkdownDescription: "The countries from which the PII is used or accessed (a support team abroad), as " +
							"ISO 3166-1 alpha-2 codes. With the provider's `organization.jurisdiction` set, a country outside " +
							"it that no `transfer` goes to draws a warning.",
					},
				},
			},
			"transfer": schema.ListNestedBlock{
				MarkdownDescription: "A disclosure or transfer of the PII to a recipient; repeat the block for each recipient.",
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"recipient": schema.StringAttribute{
							Required:            true,
							MarkdownDescription: "Who receives the PII.",
						},
						"recipient_role": schema.StringAttribute{
							Optional:            true,
							MarkdownDescription: "The recipient's role: `controller`, `processor`, `joint_controller`, `third_party` or `public_authority`.",
						},
						"country": schema.StringAttribute{
							Required:            true,
							MarkdownDescription: "The recipient's country, as an ISO 3166-1 alpha-2 code (`US`, not `USA`; `GB`, not `UK`).",
						},
						"mechanism": schema.StringAttribute{
							Required: true,
							MarkdownDescription: "The transfer safeguard: `not_required` (same jurisdiction), `adequacy` (an adequacy " +
								"decision), `scc` (standard contractual clauses), `bcr` (binding corporate rules), `derogation` " +
								"(GDPR Art. 49) or `none`, which is an error: PII may not leave without a safeguard. `adequacy` to " +
								"a country whose decision covers only some recipients (the US: those certified under the EU-US " +
								"Data Privacy Framework) draws a warning that says so; with the provider's " +
								"`organization.jurisdiction` set, so does `not_required` to a country outside it.",
						},
						"systems": systemsAttribute("transfer"),
					},
				},
			},
			"disposal": schema.SingleNestedBlock{
				MarkdownDescription: "How the PII is disposed of at the end of its retention.",
				Attributes: map[string]schema.Attribute{
					"method": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "`deletion`, `crypto_erasure`, `anonymisation`, `return` (to the controller) or `destruction` (of media).",
					},
					"systems": systemsAttribute("disposal"),
				},
			},
		},
	}
}

func (r *processingActivityResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.settings = settingsFrom(req.ProviderData, &resp.Diagnostics)
}

// toActivity converts the model for the core, noting unknown inputs.
func (m *processingActivityModel) toActivity(ctx context.Context, diags *diag.Diagnostics) activity.Activity {
	unknown := map[string]bool{}
	note := func(name string, known bool) {
		if !known {
			unknown[name] = true
		}
	}
	var a activity.Activity
	var ok bool
	a.Name, ok = stringValue(m.Name)
	note("name", ok)
	a.Role, ok = stringValue(m.Role)
	note("role", ok)
	a.Controllers, ok = stringElements(m.Controllers)
	note("controllers", ok)
	a.LegalBasis, ok = stringValue(m.LegalBasis)
	note("legal_basis", ok)
	a.Purposes, ok = stringElements(m.Purposes)
	note("purposes", ok)
	a.PIICategories, ok = stringElements(m.PIICategories)
	note("pii_categories", ok)
	a.SpecialCategoryCondition, ok = stringValue(m.SpecialCategoryCondition)
	note("special_category_condition", ok)
	a.Principals, ok = stringElements(m.Principals)
	note("principals", ok)
	note("volume", !m.Volume.IsUnknown())
	a.Volume = m.Volume.ValueInt64()
	a.Retention, ok = stringValue(m.Retention)
	note("retention", ok)
	for _, f := range []struct {
		name string
		v    types.Bool
		dst  *bool
	}{
		{"profiling", m.Profiling, &a.Profiling},
		{"automated_decisions", m.AutomatedDecisions, &a.AutomatedDecisions},
		{"systematic_monitoring", m.SystematicMonitoring, &a.SystematicMonitoring},
		{"datasets_combined", m.DatasetsCombined, &a.DatasetsCombined},
		{"innovative_technology", m.InnovativeTechnology, &a.InnovativeTechnology},
		{"prevents_right_or_service", m.PreventsRightOrService, &a.PreventsRightOrService},
	} {
		*f.dst, ok = boolValue(f.v)
		note(f.name, ok)
	}

	stagesKnown := true
	for _, st := range []struct {
		name string
		v    types.Object
	}{{"collection", m.Collection}, {"storage", m.Storage}, {"use", m.Use}, {"disposal", m.Disposal}} {
		switch {
		case st.v.IsUnknown():
			stagesKnown = false
		case !st.v.IsNull():
			stage := activity.Stage{Name: st.name, Unknown: map[string]bool{}}
			var ok bool
			stage.Source, ok = objectString(st.v, "source")
			noteIn(stage.Unknown, "source", ok)
			stage.Method, ok = objectString(st.v, "method")
			noteIn(stage.Unknown, "method", ok)
			stage.Countries, ok = objectStrings(st.v, "countries")
			noteIn(stage.Unknown, "countries", ok)
			stage.Systems, ok = objectStrings(st.v, "systems")
			noteIn(stage.Unknown, "systems", ok)
			a.Stages = append(a.Stages, stage)
		}
	}
	transfers, ok := objectsOf(ctx, m.Transfer, diags)
	note("transfers", ok)
	for _, t := range transfers {
		// An unknown block keeps its place, so that the findings about
		// the others keep their indexes.
		tr := activity.Transfer{Unknown: map[string]bool{}}
		if t.IsUnknown() {
			for _, n := range []string{"recipient", "recipient_role", "country", "mechanism", "systems"} {
				tr.Unknown[n] = true
			}
			a.Transfers = append(a.Transfers, tr)
			continue
		}
		tr.Recipient, ok = objectString(t, "recipient")
		noteIn(tr.Unknown, "recipient", ok)
		tr.RecipientRole, ok = objectString(t, "recipient_role")
		noteIn(tr.Unknown, "recipient_role", ok)
		tr.Country, ok = objectString(t, "country")
		noteIn(tr.Unknown, "country", ok)
		tr.Mechanism, ok = objectString(t, "mechanism")
		noteIn(tr.Unknown, "mechanism", ok)
		tr.Systems, ok = objectStrings(t, "systems")
		noteIn(tr.Unknown, "systems", ok)
		a.Transfers = append(a.Transfers, tr)
	}
	note("stages", stagesKnown)
	a.Unknown = unknown
	return a
}

// noteIn marks an attribute of a block as unknown.
func noteIn(unknown map[string]bool, name string, known bool) {
	if !known {
		unknown[name] = true
	}
}

// compute fills the computed attributes from the core's analysis.
func (r *processingActivityResource) compute(ctx context.Context, m *processingActivityModel, diags *diag.Diagnostics) {
	set := settingsCatalog(r.settings, diags)
	if set == nil {
		return
	}
	opt := activity.Options{Catalog: set, LargeScaleThreshold: int64(DefaultLargeScaleThreshold)}
	if r.settings != nil {
		opt.LargeScaleThreshold = r.settings.LargeScaleThreshold
		// "" when organization.jurisdiction is not set or not known: then
		// nothing is judged abroad.
		opt.Jurisdiction = r.settings.Organization.Jurisdiction
	}
	a := m.toActivity(ctx, diags)
	an, fs := activity.Analyze(a, opt)
	addFindings(diags, fs)

	m.ID = knownString(an.IDKnown, an.ID)
	m.Sensitivity = knownString(an.SensitivityKnown, an.Sensitivity.String())
	m.SpecialCategories = knownBool(an.SensitivityKnown, an.SpecialCategories)
	m.LifecycleStages = knownList(an.StagesKnown, an.Stages)
	m.PIATriggers = knownList(an.TriggersKnown, an.Triggers)
	m.PIARequired = knownBool(an.TriggersKnown, an.PIARequired)
	if an.SensitivityKnown && an.Sensitivity == 0 {
		m.Sensitivity = types.StringValue(catalog.SensitivityLow.String())
	}
}

func (r *processingActivityResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	var m processingActivityModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.compute(ctx, &m, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &m)...)
}

func (r *processingActivityResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.save(ctx, req.Plan.Get, &resp.State, &resp.Diagnostics)
}

func (r *processingActivityResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.save(ctx, req.Plan.Get, &resp.State, &resp.Diagnostics)
}

// save stores the planned values; it recomputes them so that the state
// holds only known values even if the plan was made with unknowns.
func (r *processingActivityResource) save(ctx context.Context, get func(context.Context, any) diag.Diagnostics, state stateSetter, diags *diag.Diagnostics) {
	var m processingActivityModel
	diags.Append(get(ctx, &m)...)
	if diags.HasError() {
		return
	}
	var ignored diag.Diagnostics // reported at plan already
	r.compute(ctx, &m, &ignored)
	if ignored.HasError() {
		diags.Append(ignored.Errors()...)
		return
	}
	diags.Append(state.Set(ctx, &m)...)
}

func (r *processingActivityResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	// Logical resource: the state is the truth.
	var m processingActivityModel
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (r *processingActivityResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {
}

func (r *processingActivityResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// stateSetter is the part of tfsdk.State that save needs.
type stateSetter interface {
	Set(context.Context, any) diag.Diagnostics
}
