package posture

import (
	"slices"
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/applicability"
	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// Organization is the provider configuration's organization attribute as a
// plan's configuration.provider_config writes it: the controller (or
// processor) that the records of processing name. Only constants are in a
// plan; a field the plan does not give (not set, or written with a
// reference) is null, and Note says why when the whole attribute is
// missing.
type Organization struct {
	Name         Value `json:"name"`
	Contact      Value `json:"contact"`
	DPOContact   Value `json:"dpo_contact"`
	Jurisdiction Value `json:"jurisdiction"`
	// Roles are the roles the organisation processes PII in; empty means
	// every role.
	Roles              []Value `json:"roles"`
	ScopeJustification Value   `json:"scope_justification"`
	// Note says why nothing is stated: the document is a state (which
	// carries no provider configuration), the plan sets no organization,
	// or sets it with an expression the plan does not evaluate. "" when
	// the attribute is a constant.
	Note string `json:"note,omitempty"`
	// Fix says what to do about Note.
	Fix string `json:"fix,omitempty"`
}

// Why organization fields are not stated.
const (
	orgNoteState       = "a state carries no provider configuration"
	orgNoteUnset       = "the provider block sets no organization"
	orgNoteNoBlock     = "the plan has no provider \"pii\" block in its root module"
	orgNoteNotConstant = "the provider block writes organization as an expression the plan does not evaluate"
)

// NotStated is what a report prints for a field of a record that the
// documents do not give.
const NotStated = "not stated"

// readOrganization reads the organization of one document from its pii
// provider block (nil when it has none).
func readOrganization(doc *tfplan.Document, block *tfplan.ProviderBlock) *Organization {
	org := &Organization{Roles: []Value{}}
	switch {
	case doc.Kind == tfplan.State:
		org.Note, org.Fix = orgNoteState, "report a plan of the configuration to name the organisation"
		return org
	case block == nil:
		org.Note, org.Fix = orgNoteNoBlock, "add organization to the provider \"pii\" block"
		return org
	}
	e, ok := block.Arguments["organization"]
	switch {
	case !ok:
		org.Note, org.Fix = orgNoteUnset, "set organization in the provider \"pii\" block"
		return org
	case !e.Constant:
		org.Note = orgNoteNotConstant + " (" + e.String() + ")"
		org.Fix = "write organization with constant values, which the plan records"
		return org
	}
	v := e.Value
	if sensitive(v) {
		// Never read; every field stays not stated.
		org.Note, org.Fix = "the organization is marked sensitive", "do not mark organization sensitive"
		return org
	}
	rd := &reader{}
	s := func(name string) Value {
		x := rd.value(get(v, name))
		if x.IsKnown() && strings.TrimSpace(x.String()) == "" {
			return Value{}
		}
		return x
	}
	org.Name, org.Contact, org.DPOContact = s("name"), s("contact"), s("dpo_contact")
	org.Jurisdiction, org.ScopeJustification = s("jurisdiction"), s("scope_justification")
	if j := org.Jurisdiction; j.IsKnown() {
		org.Jurisdiction = Text(strings.ToUpper(j.String()))
	}
	org.Roles = nonNil(rd.list(get(v, "roles")))
	return org
}

// organizationStated reports whether the configuration was read at all.
func (o *Organization) stated() bool { return o != nil && o.Note == "" }

// Scope is the scope of the Statement of Applicability: the roles the
// organisation processes PII in, as organization.roles says, and why the
// controls for the other roles do not apply.
type Scope struct {
	// Roles are catalog roles (controller, processor); empty is every role.
	Roles []string `json:"roles"`
	// Excluded are the catalog roles left out, in catalog order.
	Excluded      []string `json:"excluded"`
	Justification Value    `json:"justification"`
	// Document names the document the scope was read from.
	Document string `json:"document,omitempty"`
}

// scope returns the statement's scope from the documents' organizations:
// the union of the roles they state, so that a role one document acts in is
// in scope. A document whose organization lists no roles (every role), or
// none that can be read, leaves everything in scope.
func scopeOf(docs []Document) (*Scope, applicability.Scope) {
	var roles []string
	var just Value
	from := ""
	for _, d := range docs {
		o := d.Organization
		if !o.stated() {
			continue
		}
		if len(o.Roles) == 0 || !AllKnown(o.Roles) {
			return nil, applicability.Scope{}
		}
		for _, r := range o.Roles {
			if !slices.Contains(roles, r.String()) {
				roles = append(roles, r.String())
			}
		}
		if just.IsNull() {
			just = o.ScopeJustification
		}
		if from == "" {
			from = d.Name
		}
	}
	if len(roles) == 0 {
		return nil, applicability.Scope{}
	}
	as := applicability.Scope{Roles: roles}
	if just.IsKnown() {
		as.Justification = just.String()
	}
	excluded := as.ExcludedRoles()
	if len(excluded) == 0 {
		return nil, applicability.Scope{}
	}
	// Roles in catalog order, for a stable output.
	ordered := []string{}
	for _, r := range catalog.Roles {
		if slices.Contains(roles, r) {
			ordered = append(ordered, r)
		}
	}
	for _, r := range roles {
		if !slices.Contains(ordered, r) {
			ordered = append(ordered, r)
		}
	}
	return &Scope{Roles: ordered, Excluded: excluded, Justification: just, Document: from}, as
}

// asOf says when a document is from, as a heading shows it: "plan of
// 2026-11-28T21:02:08Z, Terraform 1.11.4", or, for a state, "state (the
// document carries no timestamp), Terraform 1.11.4".
func asOf(d Document) string {
	kind := d.Kind
	if kind == "" {
		kind = "document"
	}
	s := kind + " (the document carries no timestamp)"
	if d.Timestamp != "" {
		s = kind + " of " + d.Timestamp
	}
	if d.TerraformVersion != "" {
		return s + ", Terraform " + d.TerraformVersion
	}
	return s + ", Terraform version not stated"
}
