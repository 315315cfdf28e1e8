package provider

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
)

var _ datasource.DataSourceWithConfigure = (*catalogDataSource)(nil)

// NewCatalogDataSource returns the pii_catalog data source.
func NewCatalogDataSource() datasource.DataSource { return &catalogDataSource{} }

type catalogDataSource struct {
	settings *Settings
}

type catalogDataSourceModel struct {
	Catalog   types.String   `tfsdk:"catalog"`
	Version   types.String   `tfsdk:"version"`
	Title     types.String   `tfsdk:"title"`
	Group     types.String   `tfsdk:"group"`
	Principle types.String   `tfsdk:"principle"`
	Treats    types.String   `tfsdk:"treats"`
	Search    types.String   `tfsdk:"search"`
	IDs       []string       `tfsdk:"ids"`
	Controls  []controlModel `tfsdk:"controls"`
}

func (d *catalogDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_catalog"
}

func (d *catalogDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the controls of a catalog, optionally filtered by group, privacy principle, " +
			"risk category or text. Use it to pick the controls a posture should implement, or to look " +
			"up what a catalog offers for a risk. Filters combine with AND; a filter that names a group, " +
			"principle or risk category that does not exist is an error with suggestions, while a valid " +
			"filter that matches nothing returns an empty list.",
		Attributes: map[string]schema.Attribute{
			"catalog": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "The catalog to list: `iso29151` (default), `iso27701`, `iso27018`, or the name of a catalog " +
					"loaded from `catalog_files`. Write `name@version` to pick one edition when several are loaded.",
			},
			"version": schema.StringAttribute{Computed: true, MarkdownDescription: "The edition of the catalog listed, such as `2017`."},
			"title":   schema.StringAttribute{Computed: true, MarkdownDescription: "The catalog's title."},
			"group": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only controls of this group (and of the groups beneath it), such as `9` for access control or `A` for the ISO/IEC 29151 Annex A sections.",
			},
			"principle": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only controls that mainly serve this ISO/IEC 29100 principle, such as `consent_and_choice`.",
			},
			"treats": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only controls that treat this risk category, such as `over_retention`.",
			},
			"search": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only controls whose id, title, objective or group title contain this text, ignoring case.",
			},
			"ids": schema.ListAttribute{
				Computed: true, ElementType: types.StringType,
				MarkdownDescription: "The qualified ids (`catalog:id`) of the selected controls, in catalog order: handy for `for_each`.",
			},
			"controls": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The selected controls, in catalog order (5.1.1 … 18.2.3, then A.2 … A.13).",
				NestedObject:        schema.NestedAttributeObject{Attributes: controlAttributes()},
			},
		},
	}
}

func (d *catalogDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.settings = settingsFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *catalogDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m catalogDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	set := settingsCatalog(d.settings, &resp.Diagnostics)
	if set == nil {
		return
	}
	cat, err := set.Catalog(stringOr(m.Catalog, DefaultCatalog))
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("catalog"), "Unknown catalog", lookupDetail(d.settings, err))
		return
	}
	filter := catalog.Filter{
		Group:     m.Group.ValueString(),
		Principle: m.Principle.ValueString(),
		Treats:    m.Treats.ValueString(),
		Search:    m.Search.ValueString(),
	}
	if err := set.Check(cat, filter); err != nil {
		var fe *catalog.FilterError
		if errors.As(err, &fe) {
			resp.Diagnostics.AddAttributeError(path.Root(fe.Field), "Unknown "+fe.Err.Kind, lookupDetail(d.settings, fe))
		} else {
			resp.Diagnostics.AddError("Invalid filter", err.Error())
		}
		return
	}
	m.Catalog = types.StringValue(stringOr(m.Catalog, DefaultCatalog))
	m.Version = types.StringValue(cat.Version)
	m.Title = types.StringValue(cat.Title)
	selected := cat.Select(filter)
	m.Controls = make([]controlModel, len(selected))
	m.IDs = make([]string, len(selected))
	for i, c := range selected {
		m.Controls[i] = newControlModel(c)
		m.IDs[i] = c.Ref()
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// settingsCatalog returns the provider's catalogs, or the built-in ones
// when a resource or data source runs before the provider is configured.
func settingsCatalog(s *Settings, diags *diag.Diagnostics) *catalog.Set {
	if s != nil && s.Catalog != nil {
		return s.Catalog
	}
	set, err := catalog.Builtin()
	if err != nil {
		diags.AddError("Broken built-in catalog", err.Error())
		return nil
	}
	return set
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	if s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
