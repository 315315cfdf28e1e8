package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/privacycode/terraform-provider-pii/internal/applicability"
)

var _ datasource.DataSourceWithConfigure = (*statementOfApplicabilityDataSource)(nil)

// NewStatementOfApplicabilityDataSource returns the
// pii_statement_of_applicability data source.
func NewStatementOfApplicabilityDataSource() datasource.DataSource {
	return &statementOfApplicabilityDataSource{}
}

type statementOfApplicabilityDataSource struct {
	settings *Settings
}

type soaModel struct {
	Catalog  types.String     `tfsdk:"catalog"`
	Controls types.List       `tfsdk:"controls"`
	Rows     []soaRowModel    `tfsdk:"rows"`
	Counts   map[string]int64 `tfsdk:"counts"`
	Summary  types.String     `tfsdk:"summary"`
}

type soaRowModel struct {
	ID             types.String `tfsdk:"id"`
	Ref            types.String `tfsdk:"ref"`
	Title          types.String `tfsdk:"title"`
	Group          types.String `tfsdk:"group"`
	GroupTitle     types.String `tfsdk:"group_title"`
	Status         types.String `tfsdk:"status"`
	Statuses       []string     `tfsdk:"statuses"`
	Justifications []string     `tfsdk:"justifications"`
	Owners         []string     `tfsdk:"owners"`
}

func (d *statementOfApplicabilityDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_statement_of_applicability"
}

func (d *statementOfApplicabilityDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The Statement of Applicability of a catalog: a row for every control, with the status the " +
			"organisation's `pii_control` resources declare for it (`not_addressed` when none does), their " +
			"justifications and owners, and the count of controls per status.",
		Attributes: map[string]schema.Attribute{
			"catalog": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "The catalog to state: `iso29151` (default), `iso27701`, `iso27018` or one loaded from `catalog_files`.",
			},
			"controls": schema.ListNestedAttribute{
				Optional: true,
				MarkdownDescription: "The organisation's controls: pass whole `pii_control` resources, such as " +
					"`[pii_control.encryption, pii_control.access]` or `values(pii_control.all)`. Controls of other catalogs are left out with a warning.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":            schema.StringAttribute{Optional: true, MarkdownDescription: "The control's qualified id, `catalog:control_id`."},
					"catalog":       schema.StringAttribute{Optional: true, MarkdownDescription: "The control's catalog, when `id` is not given."},
					"control_id":    schema.StringAttribute{Optional: true, MarkdownDescription: "The control's id, when `id` is not given."},
					"status":        schema.StringAttribute{Optional: true, MarkdownDescription: "The declared status."},
					"justification": schema.StringAttribute{Optional: true, MarkdownDescription: "The declared justification."},
					"owner":         schema.StringAttribute{Optional: true, MarkdownDescription: "The control's owner."},
				}},
			},
			"rows": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "One row per catalog control, in catalog order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":          schema.StringAttribute{Computed: true, MarkdownDescription: "The control's id in the catalog."},
					"ref":         schema.StringAttribute{Computed: true, MarkdownDescription: "The qualified id, `catalog:id`."},
					"title":       schema.StringAttribute{Computed: true, MarkdownDescription: "The control's title."},
					"group":       schema.StringAttribute{Computed: true, MarkdownDescription: "The control's group id."},
					"group_title": schema.StringAttribute{Computed: true, MarkdownDescription: "The control's group title."},
					"status": schema.StringAttribute{Computed: true,
						MarkdownDescription: "The most advanced declared status (`implemented`, `alternative`, `partial`, `planned`, `not_applicable`), or `not_addressed`; " +
							"`out_of_scope` for a control written for a role the provider's `organization.roles` leaves out."},
					"statuses":       schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Every declared status, when several controls scope the control to different activities."},
					"justifications": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "The declared justifications; for an `out_of_scope` row, `organization.scope_justification` first."},
					"owners":         schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "The declared owners."},
				}},
			},
			"counts": schema.MapAttribute{
				Computed: true, ElementType: types.Int64Type,
				MarkdownDescription: "The number of catalog controls per status, every status included (zero counts too).",
			},
			"summary": schema.StringAttribute{Computed: true, MarkdownDescription: "The counts in one line, such as `126 controls: 14 implemented, 112 not_addressed`; with controls out of scope, " +
				"`31 controls in scope: 4 implemented, 27 not_addressed; 18 out of scope (controls for processors)`."},
		},
	}
}

func (d *statementOfApplicabilityDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.settings = settingsFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *statementOfApplicabilityDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m soaModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	set := settingsCatalog(d.settings, &resp.Diagnostics)
	if set == nil {
		return
	}
	m.Catalog = types.StringValue(stringOr(m.Catalog, DefaultCatalog))
	cat, err := set.Catalog(m.Catalog.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("catalog"), "Unknown catalog", lookupDetail(d.settings, err))
		return
	}
	objects, _ := objectsOf(ctx, m.Controls, &resp.Diagnostics)
	var decls []applicability.Declaration
	for _, o := range objects {
		var dcl applicability.Declaration
		dcl.Ref, _ = objectString(o, "id")
		if dcl.Ref == "" {
			name, _ := objectString(o, "catalog")
			id, _ := objectString(o, "control_id")
			dcl.Ref = orDefault(name, DefaultCatalog) + ":" + id
		}
		dcl.Status, _ = objectString(o, "status")
		dcl.Justification, _ = objectString(o, "justification")
		dcl.Owner, _ = objectString(o, "owner")
		decls = append(decls, dcl)
	}
	var scope applicability.Scope
	if d.settings != nil {
		scope = applicability.Scope{Roles: d.settings.Organization.Roles, Justification: d.settings.Organization.ScopeJustification}
	}
	st, fs := applicability.BuildScoped(cat, decls, scope)
	addFindings(&resp.Diagnostics, fs)
	if resp.Diagnostics.HasError() {
		return
	}
	m.Rows = make([]soaRowModel, len(st.Rows))
	for i, r := range st.Rows {
		m.Rows[i] = soaRowModel{
			ID: types.StringValue(r.Control.ID), Ref: types.StringValue(r.Control.Ref()), Title: types.StringValue(r.Control.Title),
			Group: types.StringValue(r.Control.Group), GroupTitle: types.StringValue(r.Control.GroupTitle),
			Status: types.StringValue(r.Status), Statuses: r.Statuses, Justifications: r.Justifications, Owners: r.Owners,
		}
	}
	m.Counts = map[string]int64{}
	for k, v := range st.Counts {
		m.Counts[k] = int64(v)
	}
	m.Summary = types.StringValue(st.Summary())
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
