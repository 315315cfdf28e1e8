package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/privacycode/terraform-provider-pii/internal/coverage"
	"github.com/privacycode/terraform-provider-pii/internal/planmodifiers"
)

var (
	_ resource.ResourceWithConfigure   = (*controlResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*controlResource)(nil)
	_ resource.ResourceWithImportState = (*controlResource)(nil)
)

// NewControlResource returns the pii_control resource.
func NewControlResource() resource.Resource { return &controlResource{} }

type controlResource struct {
	settings *Settings
}

type controlResourceModel struct {
	ID             types.String `tfsdk:"id"`
	Catalog        types.String `tfsdk:"catalog"`
	ControlID      types.String `tfsdk:"control_id"`
	Status         types.String `tfsdk:"status"`
	Justification  types.String `tfsdk:"justification"`
	Implementation types.String `tfsdk:"implementation"`
	Owner          types.String `tfsdk:"owner"`
	Evidence       types.List   `tfsdk:"evidence"`
	Activities     types.Set    `tfsdk:"activities"`
	LastReviewed   types.String `tfsdk:"last_reviewed"`
	ReviewInterval types.String `tfsdk:"review_interval"`
	Title          types.String `tfsdk:"title"`
	Group          types.String `tfsdk:"group"`
	Principle      types.String `tfsdk:"principle"`
	Treats         types.List   `tfsdk:"treats"`
	Reduces        types.String `tfsdk:"reduces"`
	ReviewDue      types.String `tfsdk:"review_due"`
}

func (r *controlResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_control"
}

func (r *controlResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "One catalog control and how far the organisation has put it in place: a row of the " +
			"Statement of Applicability. Risk assessments select controls to treat their risks; only `implemented` " +
			"controls lower a risk. The catalog's mapping (title, principle, risk categories treated, whether it lowers " +
			"likelihood or impact) is copied into computed attributes, known at plan. The resource is logical: it " +
			"lives in Terraform state only.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The qualified control id, `<catalog>:<control_id>` (such as `iso29151:10.1.1`). Import uses it.",
			},
			"catalog": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(DefaultCatalog),
				MarkdownDescription: "The catalog that holds the control: `iso29151` (default), `iso27701`, `iso27018` (a cloud PII processor's controls) or one loaded from " +
					"`catalog_files` (`name@version` picks an edition). An unknown catalog is an error that lists the known ones.",
				// Values are checked in ModifyPlan, all at once: a schema
				// validator's error would stop the plan before the others
				// (an unknown control id) are found.
				PlanModifiers: []planmodifier.String{planmodifiers.RequiresReplaceOnChange()},
			},
			"control_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The control's id in the catalog, such as `10.1.1` or `A.7.4.9`. An id that does not exist " +
					"is an error that suggests the closest ids.",
				PlanModifiers: []planmodifier.String{planmodifiers.RequiresReplaceOnChange()},
			},
			"status": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "`implemented` (in place and effective), `partial` (in place for part of the scope: " +
					"counts towards partial coverage, lowers no risk), `planned` (not in place yet: no effect), " +
					"`not_applicable` (excluded from the Statement of Applicability; selecting it for a risk is an error) " +
					"or `alternative` (another control is in place instead; counts like `partial`).",
			},
			"justification": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Why the status is what it is. Required for `not_applicable` and `alternative`.",
			},
			"implementation": schema.StringAttribute{Optional: true, MarkdownDescription: "How the control is implemented, in a few sentences."},
			"owner":          schema.StringAttribute{Optional: true, MarkdownDescription: "Who is responsible for the control (a team or role)."},
			"evidence": schema.ListAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Where the evidence is: links, document ids, Terraform addresses of the resources that implement the control.",
			},
			"activities": schema.SetAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Ids of the processing activities the control is in place for " +
					"(`[pii_processing_activity.checkout.id]`). Empty or unset means organisation-wide.",
			},
			"last_reviewed": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "When the control was last reviewed, as `YYYY-MM-DD`.",
			},
			"review_interval": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString("P1Y"),
				MarkdownDescription: "How often the control is reviewed, as an ISO 8601 duration. Defaults to `P1Y`.",
			},
			"title":     schema.StringAttribute{Computed: true, MarkdownDescription: "The control's title, from the catalog."},
			"group":     schema.StringAttribute{Computed: true, MarkdownDescription: "The control's group id, from the catalog (such as `10` for cryptography)."},
			"principle": schema.StringAttribute{Computed: true, MarkdownDescription: "The ISO/IEC 29100 principle the control mainly serves, from the catalog."},
			"treats": schema.ListAttribute{
				Computed: true, ElementType: types.StringType,
				MarkdownDescription: "The risk categories the control treats, from the catalog.",
			},
			"reduces": schema.StringAttribute{Computed: true, MarkdownDescription: "What the control mainly lowers, `likelihood` or `impact`, from the catalog."},
			"review_due": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When the next review is due (`last_reviewed` + `review_interval`, `YYYY-MM-DD`); null when never reviewed.",
			},
		},
	}
}

func (r *controlResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.settings = settingsFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *controlResource) compute(m *controlResourceModel, diags *diag.Diagnostics) {
	set := settingsCatalog(r.settings, diags)
	if set == nil {
		return
	}
	unknown := map[string]bool{}
	im := coverage.Implementation{}
	for _, f := range []struct {
		name string
		v    types.String
		dst  *string
	}{
		{"catalog", m.Catalog, &im.Catalog}, {"control_id", m.ControlID, &im.ControlID}, {"status", m.Status, &im.Status},
		{"justification", m.Justification, &im.Justification}, {"last_reviewed", m.LastReviewed, &im.LastReviewed},
		{"review_interval", m.ReviewInterval, &im.ReviewInterval},
	} {
		var ok bool
		if *f.dst, ok = stringValue(f.v); !ok {
			unknown[f.name] = true
		}
	}
	im.Evidence = evidenceOf(m.Evidence, unknown)
	var ok bool
	if im.Activities, ok = stringElements(m.Activities); !ok {
		unknown["activities"] = true
	}
	im.Unknown = unknown
	res, fs := coverage.CheckImplementation(im, set)
	addFindings(diags, fs)

	idKnown := !unknown["catalog"] && !unknown["control_id"]
	m.ID = knownString(idKnown, im.Catalog+":"+im.ControlID)
	if c := res.Control; c != nil {
		// The id uses the name the user wrote, so that "iso29151@2017"
		// and "iso29151" stay distinct rows if both are declared.
		m.Title, m.Group, m.Principle = types.StringValue(c.Title), types.StringValue(c.Group), types.StringValue(c.Principle)
		m.Treats, m.Reduces = stringList(c.Treats), types.StringValue(string(c.Reduces))
	} else {
		m.Title, m.Group, m.Principle = types.StringUnknown(), types.StringUnknown(), types.StringUnknown()
		m.Treats, m.Reduces = types.ListUnknown(types.StringType), types.StringUnknown()
	}
	switch {
	case !res.ReviewDueKnown:
		m.ReviewDue = types.StringUnknown()
	case res.ReviewDue == "":
		m.ReviewDue = types.StringNull()
	default:
		m.ReviewDue = types.StringValue(res.ReviewDue)
	}
}

// evidenceOf reads the evidence list element by element, so that the known
// entries are checked while others are not known yet.
func evidenceOf(l types.List, unknown map[string]bool) []string {
	if l.IsUnknown() {
		unknown["evidence"] = true
		return nil
	}
	var out []string
	for i, e := range l.Elements() {
		s, ok := e.(types.String)
		if !ok || s.IsUnknown() {
			unknown[fmt.Sprintf("evidence[%d]", i)] = true
		}
		out = append(out, s.ValueString()) // "" when null or not a string
	}
	return out
}

func (r *controlResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var m controlResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.compute(&m, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &m)...)
}

func (r *controlResource) save(ctx context.Context, get func(context.Context, any) diag.Diagnostics, state stateSetter, diags *diag.Diagnostics) {
	var m controlResourceModel
	diags.Append(get(ctx, &m)...)
	if diags.HasError() {
		return
	}
	var computed diag.Diagnostics
	r.compute(&m, &computed)
	if computed.HasError() {
		diags.Append(computed.Errors()...)
		return
	}
	diags.Append(state.Set(ctx, &m)...)
}

func (r *controlResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.save(ctx, req.Plan.Get, &resp.State, &resp.Diagnostics)
}

func (r *controlResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.save(ctx, req.Plan.Get, &resp.State, &resp.Diagnostics)
}

func (r *controlResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var m controlResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (r *controlResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

// ImportState takes the qualified id, catalog:control_id.
func (r *controlResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	name, id, ok := strings.Cut(req.ID, ":")
	if !ok || name == "" || id == "" {
		resp.Diagnostics.AddError("Invalid import id",
			fmt.Sprintf("%q is not a pii_control id: write <catalog>:<control_id>, such as iso29151:10.1.1.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("catalog"), name)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("control_id"), id)...)
	// The catalog's mapping is known now: expressions that read it (an
	// output of the control's title, say) work right after the import.
	set := settingsCatalog(r.settings, &resp.Diagnostics)
	if set == nil {
		return
	}
	c, err := set.LookupControl(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id", capitalize(err.Error()))
		return
	}
	for attr, v := range map[string]any{
		"title": c.Title, "group": c.Group, "principle": c.Principle, "treats": c.Treats, "reduces": string(c.Reduces), "review_interval": "P1Y",
	} {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(attr), v)...)
	}
}
