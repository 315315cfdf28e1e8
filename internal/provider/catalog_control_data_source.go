package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = (*catalogControlDataSource)(nil)

// NewCatalogControlDataSource returns the pii_catalog_control data source.
func NewCatalogControlDataSource() datasource.DataSource { return &catalogControlDataSource{} }

type catalogControlDataSource struct {
	settings *Settings
}

func (d *catalogControlDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_catalog_control"
}

func (d *catalogControlDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := controlAttributes()
	attrs["catalog"] = schema.StringAttribute{
		Optional: true,
		Computed: true,
		MarkdownDescription: "The catalog that holds the control: `iso29151` (default), `iso27701`, `iso27018`, or a catalog loaded " +
			"from `catalog_files` (`name@version` picks one edition). An unknown catalog is an error that lists the known ones.",
	}
	attrs["id"] = schema.StringAttribute{
		Required: true,
		MarkdownDescription: "The control's id within the catalog, such as `9.2.1` or `A.7.4.9`. An unknown id is an " +
			"error that suggests the closest ids.",
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one control of a catalog: its title, group, the privacy principle it serves, " +
			"the risk categories it treats and its crosswalks.",
		Attributes: attrs,
	}
}

func (d *catalogControlDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.settings = settingsFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *catalogControlDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m controlModel
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
	ctl, err := cat.Lookup(m.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Unknown control", lookupDetail(d.settings, err))
		return
	}
	out := newControlModel(ctl)
	out.Catalog = types.StringValue(stringOr(m.Catalog, DefaultCatalog))
	resp.Diagnostics.Append(resp.State.Set(ctx, &out)...)
}
