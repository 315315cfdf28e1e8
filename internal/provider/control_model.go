package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
)

// controlModel is one catalog control as both data sources return it.
type controlModel struct {
	ID           types.String `tfsdk:"id"`
	Catalog      types.String `tfsdk:"catalog"`
	Ref          types.String `tfsdk:"ref"`
	Title        types.String `tfsdk:"title"`
	Group        types.String `tfsdk:"group"`
	GroupTitle   types.String `tfsdk:"group_title"`
	Principle    types.String `tfsdk:"principle"`
	Treats       []string     `tfsdk:"treats"`
	Reduces      types.String `tfsdk:"reduces"`
	Objective    types.String `tfsdk:"objective"`
	Stages       []string     `tfsdk:"stages"`
	Related      []string     `tfsdk:"related"`
	Role         types.String `tfsdk:"role"`
	GDPRArticles []string     `tfsdk:"gdpr_articles"`
}

func newControlModel(c *catalog.Control) controlModel {
	return controlModel{
		ID:           types.StringValue(c.ID),
		Catalog:      types.StringValue(c.Catalog),
		Ref:          types.StringValue(c.Ref()),
		Title:        types.StringValue(c.Title),
		Group:        types.StringValue(c.Group),
		GroupTitle:   types.StringValue(c.GroupTitle),
		Principle:    types.StringValue(c.Principle),
		Treats:       nonNil(c.Treats),
		Reduces:      types.StringValue(string(c.Reduces)),
		Objective:    types.StringValue(c.Objective),
		Stages:       nonNil(c.Stages),
		Related:      nonNil(c.Related),
		Role:         types.StringValue(c.Role),
		GDPRArticles: nonNil(c.GDPRArticles),
	}
}

// nonNil makes absent lists empty rather than null, so that length() and
// for expressions work on every control alike.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// controlAttributes describes a control's attributes. With id computed it
// serves the controls list; pii_catalog_control declares catalog and id
// itself as arguments.
func controlAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":      schema.StringAttribute{Computed: true, MarkdownDescription: "The control's id within its catalog, such as `9.2.1`."},
		"catalog": schema.StringAttribute{Computed: true, MarkdownDescription: "The name of the catalog the control belongs to."},
		"ref": schema.StringAttribute{Computed: true, MarkdownDescription: "The qualified id, `catalog:id` (such as `iso29151:9.2.1`), " +
			"as `pii_control` resources, crosswalks and policies refer to the control."},
		"title":       schema.StringAttribute{Computed: true, MarkdownDescription: "The control's short title."},
		"group":       schema.StringAttribute{Computed: true, MarkdownDescription: "The id of the group the control is filed under (for ISO/IEC 29151, the clause number such as `9`, or `A` for Annex A)."},
		"group_title": schema.StringAttribute{Computed: true, MarkdownDescription: "The title of the control's group."},
		"principle":   schema.StringAttribute{Computed: true, MarkdownDescription: "The key of the ISO/IEC 29100 privacy principle the control mainly serves, such as `information_security`."},
		"treats": schema.ListAttribute{Computed: true, ElementType: types.StringType,
			MarkdownDescription: "Keys of the risk categories the control treats, such as `illegitimate_access`."},
		"reduces": schema.StringAttribute{Computed: true, MarkdownDescription: "What the control mainly lowers when it is in place: " +
			"`likelihood` (it prevents the feared event) or `impact` (it limits the harm when the event happens)."},
		"objective": schema.StringAttribute{Computed: true, MarkdownDescription: "What the control achieves for PII protection, in this project's words."},
		"stages": schema.ListAttribute{Computed: true, ElementType: types.StringType,
			MarkdownDescription: "The PII life-cycle stages the control mainly applies to (`collection`, `storage`, `use`, `transfer`, `disposal`); empty for organisation-wide controls."},
		"related": schema.ListAttribute{Computed: true, ElementType: types.StringType,
			MarkdownDescription: "Qualified ids of related controls in other catalogs (an indicative crosswalk)."},
		"role": schema.StringAttribute{Computed: true, MarkdownDescription: "For ISO/IEC 27701 and 27018 controls, whether the control is written for a PII `controller` or a `processor` (every iso27018 control is a cloud processor's); empty otherwise."},
		"gdpr_articles": schema.ListAttribute{Computed: true, ElementType: types.StringType,
			MarkdownDescription: "GDPR articles the control helps to meet (an indicative crosswalk, given for ISO/IEC 27701 controls)."},
	}
}
