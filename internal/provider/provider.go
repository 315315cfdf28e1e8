// Package provider adapts the project's framework-free core (catalog, and in
// later work risk, coverage and policy) to the Terraform plugin framework.
// It declares schemas, converts framework values to plain Go values and
// core errors to diagnostics at the right attribute path; it holds no
// privacy logic of its own.
package provider

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/validators"
)

// Defaults of the provider configuration.
const (
	DefaultRiskAppetite        = "medium"
	DefaultEnforcement         = "error"
	DefaultLargeScaleThreshold = 100000
	DefaultCatalog             = "iso29151"
)

var (
	riskAppetites = []string{"low", "medium", "high"}
	enforcements  = []string{"error", "warning"}
)

var (
	_ provider.Provider                   = (*piiProvider)(nil)
	_ provider.ProviderWithFunctions      = (*piiProvider)(nil)
	_ provider.ProviderWithValidateConfig = (*piiProvider)(nil)
)

// New returns a function that builds the provider, as providerserver wants.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &piiProvider{version: version}
	}
}

type piiProvider struct {
	version string
}

type providerModel struct {
	RiskAppetite        types.String `tfsdk:"risk_appetite"`
	Enforcement         types.String `tfsdk:"enforcement"`
	CatalogFiles        types.List   `tfsdk:"catalog_files"`
	LargeScaleThreshold types.Int64  `tfsdk:"large_scale_threshold"`
	Organization        types.Object `tfsdk:"organization"`
}

// organizationModel is the provider's organization attribute.
type organizationModel struct {
	Name               types.String `tfsdk:"name"`
	Contact            types.String `tfsdk:"contact"`
	DPOContact         types.String `tfsdk:"dpo_contact"`
	Jurisdiction       types.String `tfsdk:"jurisdiction"`
	Roles              types.List   `tfsdk:"roles"`
	ScopeJustification types.String `tfsdk:"scope_justification"`
}

// Organization is the controller (or processor) that the posture belongs
// to, as the provider configuration names it; empty fields are not set or
// not known.
type Organization struct {
	Name, Contact, DPOContact string
	// Jurisdiction is a country code (ISO 3166-1 alpha-2) or "EEA": where
	// the organisation's processing takes place without a transfer.
	Jurisdiction string
	// Roles are the roles the organisation processes PII in (controller,
	// processor); none means every role.
	Roles []string
	// ScopeJustification says why the controls for the other roles are out
	// of scope of the Statement of Applicability.
	ScopeJustification string
}

// Settings is what resources and data sources receive from the provider
// configuration, with defaults applied.
type Settings struct {
	Catalog             *catalog.Set
	RiskAppetite        string
	Enforcement         string
	LargeScaleThreshold int64
	// CatalogFilesUnknown is set when catalog_files was not known at
	// configuration, so that only the built-in catalogs are loaded.
	CatalogFilesUnknown bool
	Organization        Organization
}

func (p *piiProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "pii"
	resp.Version = p.version
}

func (p *piiProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Declares how an organisation processes personal data (PII), which privacy " +
			"controls it runs and which risks it assessed, and checks at plan time that the controls " +
			"cover the risks. Controls come from built-in catalogs (ISO/IEC 29151, ISO/IEC 27701) and " +
			"from the organisation's own catalog files. All resources are logical: nothing is created " +
			"outside Terraform state.",
		Attributes: map[string]schema.Attribute{
			"risk_appetite": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "How much residual privacy risk the organisation accepts: `low`, `medium` " +
					"or `high`. Assessed risks whose residual level is above the appetite must be covered by " +
					"implemented controls. Defaults to `" + DefaultRiskAppetite + "`.",
				Validators: []validator.String{validators.OneOf(riskAppetites...)},
			},
			"enforcement": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "What a coverage gap does to a plan: `error` stops it, `warning` reports " +
					"it and lets the plan go on (for adopting the provider on an existing estate). Defaults " +
					"to `" + DefaultEnforcement + "`.",
				Validators: []validator.String{validators.OneOf(enforcements...)},
			},
			"catalog_files": schema.ListAttribute{
				Optional:    true,
				ElementType: types.StringType,
				MarkdownDescription: "Paths of catalog files (HCL) to load on top of the built-in catalogs: " +
					"extra catalogs, controls (such as Annex A sub-controls from a licensed copy of a " +
					"standard) and taxonomy entries. Relative paths are resolved from the directory " +
					"Terraform runs in; write `\"${path.module}/catalog.hcl\"` to be independent of it. " +
					"See the catalog files guide for the format.",
				Validators: []validator.List{
					listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)),
					listvalidator.UniqueValues(),
				},
			},
			"large_scale_threshold": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: fmt.Sprintf("Number of PII principals from which a processing activity "+
					"counts as large scale, one of the criteria that make a privacy impact assessment "+
					"necessary. At least 1; defaults to `%d`.", DefaultLargeScaleThreshold),
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"organization": schema.SingleNestedAttribute{
				Optional: true,
				MarkdownDescription: "The organisation the posture belongs to: the controller (or processor) " +
					"that records of processing name (GDPR Art. 30(1)(a), 30(2)(a)). Reports print it in " +
					"their records of processing.",
				Attributes: map[string]schema.Attribute{
					"name": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "The organisation's legal name.",
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					"contact": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "How to contact the organisation about personal data: an address, an e-mail address or a web form.",
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					"dpo_contact": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "How to contact the data protection officer, where one is designated.",
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					"jurisdiction": schema.StringAttribute{
						Optional: true,
						MarkdownDescription: "Where the organisation processes PII without a transfer: `EEA` for the " +
							"European Economic Area, or an ISO 3166-1 alpha-2 country code (`GB`, `CH`). A stage " +
							"of an activity in a country outside it needs a matching transfer.",
						Validators: []validator.String{validators.Jurisdiction()},
					},
					"roles": schema.ListAttribute{
						Optional:    true,
						ElementType: types.StringType,
						MarkdownDescription: "The roles in which the organisation processes PII: `controller`, `processor` " +
							"or both (the default). Catalog controls written for a role left out (the ISO/IEC 27701 " +
							"Annex B and ISO/IEC 27018 controls for processors, the Annex A ones for controllers) " +
							"are out of scope of the Statement of Applicability, as one group with " +
							"`scope_justification`, and the summary counts the controls in scope.",
						Validators: []validator.List{
							listvalidator.SizeAtLeast(1),
							listvalidator.UniqueValues(),
							listvalidator.ValueStringsAre(validators.OneOf(catalog.Roles...)),
						},
					},
					"scope_justification": schema.StringAttribute{
						Optional: true,
						MarkdownDescription: "Why the controls for the roles `roles` leaves out do not apply, such as " +
							"`\"We process PII only for our own purposes; we host no one else's.\"`. Required when " +
							"`roles` leaves a role out; printed once for the excluded group in the Statement of " +
							"Applicability.",
						Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
					},
				},
			},
		},
	}
}

// ValidateConfig checks what the attributes' own validators cannot: a
// scope that leaves a role out needs the reason, and a reason needs a role
// left out.
func (p *piiProvider) ValidateConfig(ctx context.Context, req provider.ValidateConfigRequest, resp *provider.ValidateConfigResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || cfg.Organization.IsNull() || cfg.Organization.IsUnknown() {
		return
	}
	var org organizationModel
	resp.Diagnostics.Append(cfg.Organization.As(ctx, &org, objectAsOptions)...)
	if resp.Diagnostics.HasError() || org.Roles.IsUnknown() || org.ScopeJustification.IsUnknown() {
		return
	}
	roles, known := stringElements(org.Roles)
	if !known {
		return
	}
	var left []string
	for _, r := range catalog.Roles {
		if len(roles) > 0 && !slices.Contains(roles, r) {
			left = append(left, r)
		}
	}
	switch {
	case len(left) > 0 && org.ScopeJustification.IsNull():
		// At the organization: Terraform locates a provider's attributes,
		// not the fields of an object inside one.
		resp.Diagnostics.AddAttributeError(path.Root("organization"), "Missing scope justification",
			fmt.Sprintf("organization.roles leaves out %s, so the controls for %ss are out of scope of the Statement of "+
				"Applicability: set organization.scope_justification to why they do not apply (an auditor reads it there).",
				strings.Join(left, " and "), strings.Join(left, "s and ")))
	case len(left) == 0 && !org.ScopeJustification.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("organization"), "Scope justification without an exclusion",
			"organization.scope_justification is set, but organization.roles leaves no role out (it is unset or lists "+
				"controller and processor), so there is nothing out of scope for it to justify: remove it, or list only "+
				"the roles the organisation acts in.")
	}
}

func (p *piiProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	settings := &Settings{
		RiskAppetite:        stringOr(cfg.RiskAppetite, DefaultRiskAppetite),
		Enforcement:         stringOr(cfg.Enforcement, DefaultEnforcement),
		LargeScaleThreshold: DefaultLargeScaleThreshold,
	}
	if !cfg.LargeScaleThreshold.IsNull() && !cfg.LargeScaleThreshold.IsUnknown() {
		settings.LargeScaleThreshold = cfg.LargeScaleThreshold.ValueInt64()
	}
	if !cfg.Organization.IsNull() && !cfg.Organization.IsUnknown() {
		var org organizationModel
		resp.Diagnostics.Append(cfg.Organization.As(ctx, &org, objectAsOptions)...)
		if resp.Diagnostics.HasError() {
			return
		}
		settings.Organization = Organization{
			Name: stringOr(org.Name, ""), Contact: stringOr(org.Contact, ""),
			DPOContact: stringOr(org.DPOContact, ""), Jurisdiction: strings.ToUpper(stringOr(org.Jurisdiction, "")),
			ScopeJustification: stringOr(org.ScopeJustification, ""),
		}
		settings.Organization.Roles, _ = stringElements(org.Roles)
	}

	// catalog_files that depend on something not yet created cannot be
	// read now. Terraform that can defer is asked to; otherwise the plan
	// goes on with the built-in catalogs, and says so.
	if cfg.CatalogFiles.IsUnknown() || hasUnknownElement(cfg.CatalogFiles) {
		if req.ClientCapabilities.DeferralAllowed {
			resp.Deferred = &provider.Deferred{Reason: provider.DeferredReasonProviderConfigUnknown}
			return
		}
		resp.Diagnostics.AddAttributeWarning(path.Root("catalog_files"), "Catalog files not known yet",
			"catalog_files depends on values that are only known after apply, so this plan uses the built-in "+
				"catalogs only. Lookups of controls from those files fail until the paths are known; give "+
				"literal paths (such as \"${path.module}/catalog.hcl\") to avoid this.")
		settings.CatalogFilesUnknown = true
	}

	var files []string
	if !cfg.CatalogFiles.IsNull() && !settings.CatalogFilesUnknown {
		resp.Diagnostics.Append(cfg.CatalogFiles.ElementsAs(ctx, &files, false)...)
		if resp.Diagnostics.HasError() {
			return
		}
	}
	set, diags := catalog.LoadFiles(files)
	resp.Diagnostics.Append(catalogDiagnostics(diags, files)...)
	if resp.Diagnostics.HasError() {
		return
	}
	settings.Catalog = set
	tflog.Debug(ctx, "catalogs loaded", map[string]any{"catalogs": set.CatalogRefs(), "catalog_files": len(files)})

	resp.DataSourceData = settings
	resp.ResourceData = settings
}

// catalogDiagnostics reports catalog file problems at the element of
// catalog_files that names the file, with file:line:column in the detail.
func catalogDiagnostics(diags hcl.Diagnostics, files []string) diag.Diagnostics {
	var out diag.Diagnostics
	for _, d := range diags {
		at := path.Root("catalog_files")
		if d.Subject != nil {
			for i, f := range files {
				if f == d.Subject.Filename {
					at = at.AtListIndex(i)
				}
			}
		}
		if d.Subject == nil { // an unreadable file: its name is in the detail
			for i, f := range files {
				if strings.Contains(d.Detail, strconv.Quote(f)) {
					at = at.AtListIndex(i)
				}
			}
		}
		summary := "Invalid catalog file: " + d.Summary
		detail := d.Detail
		if loc := catalog.Location(d); loc != "" {
			detail = loc + ": " + detail
		}
		if d.Severity == hcl.DiagWarning {
			out.AddAttributeWarning(at, summary, detail)
		} else {
			out.AddAttributeError(at, summary, detail)
		}
	}
	return out
}

func hasUnknownElement(l types.List) bool {
	if l.IsNull() || l.IsUnknown() {
		return false
	}
	for _, e := range l.Elements() {
		if e.IsUnknown() {
			return true
		}
	}
	return false
}

// lookupDetail explains a failed lookup, adding why it may have failed
// when the user's catalog files could not be loaded yet.
func lookupDetail(s *Settings, err error) string {
	detail := capitalize(err.Error())
	if s != nil && s.CatalogFilesUnknown {
		detail += " The provider's catalog_files were not known when this plan started, so only the built-in catalogs were loaded."
	}
	return detail
}

func stringOr(v types.String, fallback string) string {
	if v.IsNull() || v.IsUnknown() || v.ValueString() == "" {
		return fallback
	}
	return v.ValueString()
}

func (p *piiProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewProcessingActivityResource,
		NewControlResource,
		NewRiskAssessmentResource,
	}
}

func (p *piiProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{
		NewRiskLevelFunction,
	}
}

func (p *piiProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewCatalogDataSource,
		NewCatalogControlDataSource,
		NewStatementOfApplicabilityDataSource,
	}
}

// settingsFrom takes the provider's Settings out of ProviderData, which is
// nil while Terraform validates a configuration before configuring the
// provider.
func settingsFrom(data any, diags *diag.Diagnostics) *Settings {
	if data == nil {
		return nil
	}
	s, ok := data.(*Settings)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("Expected *provider.Settings, got %T. This is a bug in the provider; please report it.", data))
		return nil
	}
	return s
}
