// Package applicability builds a Statement of Applicability: every control
// of a catalog, with what the organisation has declared about it (its
// pii_control resources), including the controls nobody has addressed yet.
package applicability

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/coverage"
	"github.com/privacycode/terraform-provider-pii/internal/finding"
)

// NotAddressed is the status of a catalog control no declaration selects.
const NotAddressed = "not_addressed"

// OutOfScope is the status of a control written for a role the organisation
// does not act in (a processor control for a controller-only organisation):
// the organisation excludes such controls as a group, with one
// justification, instead of one not_applicable declaration per control.
const OutOfScope = "out_of_scope"

// Statuses lists every row status, most advanced first; out_of_scope rows
// are outside the statement's scope and come last.
var Statuses = []string{
	coverage.StatusImplemented, coverage.StatusAlternative, coverage.StatusPartial,
	coverage.StatusPlanned, coverage.StatusNotApplicable, NotAddressed, OutOfScope,
}

// Scope is the roles in which the organisation processes PII. The zero
// Scope (no roles) is every role: nothing is out of scope.
type Scope struct {
	// Roles are catalog roles (catalog.Roles: controller, processor).
	Roles []string
	// Justification says why the controls for the other roles do not apply.
	Justification string
}

// Excludes reports whether a control written for role is out of scope. A
// control for no particular role is always in scope.
func (s Scope) Excludes(role string) bool {
	return role != "" && len(s.Roles) > 0 && !slices.Contains(s.Roles, role)
}

// ExcludedRoles lists the catalog roles the scope leaves out, in
// catalog.Roles order.
func (s Scope) ExcludedRoles() []string {
	var out []string
	for _, r := range catalog.Roles {
		if s.Excludes(r) {
			out = append(out, r)
		}
	}
	return out
}

func rank(status string) int {
	for i, s := range Statuses {
		if s == status {
			return i
		}
	}
	return len(Statuses)
}

// Declaration is one pii_control as the statement reads it.
type Declaration struct {
	// Ref is the qualified id, catalog:control_id.
	Ref           string
	Status        string
	Justification string
	Owner         string
	Activities    []string
}

// Row is one catalog control in the statement.
type Row struct {
	Control *catalog.Control
	// Status is the most advanced status among the declarations, or
	// not_addressed.
	Status string
	// Statuses are the distinct statuses declared, most advanced first
	// (several declarations may scope one control to different activities).
	Statuses       []string
	Justifications []string
	Owners         []string
	Declarations   int
}

// Statement is a catalog's Statement of Applicability.
type Statement struct {
	Rows   []Row
	Counts map[string]int
	// Scope is the scope the statement was built with; Justification is
	// every out_of_scope row's.
	Scope Scope
}

// InScope is the number of rows in the statement's scope.
func (st Statement) InScope() int { return len(st.Rows) - st.Counts[OutOfScope] }

// Build makes the statement of cat from the declarations, with every role
// in scope. A declaration of another catalog's control, or of a control the
// catalog does not have, is reported at its index.
func Build(cat *catalog.Catalog, decls []Declaration) (Statement, finding.Findings) {
	return BuildScoped(cat, decls, Scope{})
}

// BuildScoped makes the statement of cat within scope: the controls written
// for a role outside it are out_of_scope rows carrying the scope's
// justification, and a declaration of one is reported, since it says the
// organisation runs a control its scope says does not apply.
func BuildScoped(cat *catalog.Catalog, decls []Declaration, scope Scope) (Statement, finding.Findings) {
	var fs finding.Findings
	byID := map[string][]Declaration{}
	for i, d := range decls {
		name, id, _ := strings.Cut(d.Ref, ":")
		if name != cat.Name && name != cat.Key() {
			fs.Warnf(finding.Root("controls").Index(i), "Control of another catalog",
				"%s is not a control of catalog %s; it is left out of this statement. Build one statement per catalog.", d.Ref, cat.Name)
			continue
		}
		c, err := cat.Lookup(id)
		if err != nil {
			// The declaration names the control as catalog:id, so a
			// control of another catalog is reached by its qualified id.
			var nf *catalog.NotFoundError
			if errors.As(err, &nf) {
				nf.Fix = catalog.FixQualifiedID
			}
			msg := err.Error()
			fs.Errorf(finding.Root("controls").Index(i), "Unknown control", "%s", strings.ToUpper(msg[:1])+msg[1:])
			continue
		}
		if scope.Excludes(c.Role) {
			fs.Warnf(finding.Root("controls").Index(i), "Control out of scope",
				"%s is a control for %ss, and the provider's organization.roles (%s) leaves that role out of scope; "+
					"the statement lists it as out_of_scope. Add %q to organization.roles if the organisation also acts as one, or remove the declaration.",
				d.Ref, c.Role, strings.Join(scope.Roles, ", "), c.Role)
		}
		byID[id] = append(byID[id], d)
	}
	st := Statement{Counts: map[string]int{}, Scope: scope}
	for _, s := range Statuses {
		st.Counts[s] = 0
	}
	for _, c := range cat.Controls() {
		row := Row{Control: c, Status: NotAddressed, Statuses: []string{}, Justifications: []string{}, Owners: []string{}}
		for _, d := range byID[c.ID] {
			row.Declarations++
			row.Statuses = appendUnique(row.Statuses, d.Status)
			if j := strings.TrimSpace(d.Justification); j != "" {
				row.Justifications = appendUnique(row.Justifications, j)
			}
			if o := strings.TrimSpace(d.Owner); o != "" {
				row.Owners = appendUnique(row.Owners, o)
			}
		}
		sort.SliceStable(row.Statuses, func(i, j int) bool { return rank(row.Statuses[i]) < rank(row.Statuses[j]) })
		if len(row.Statuses) > 0 {
			row.Status = row.Statuses[0]
		}
		if scope.Excludes(c.Role) {
			row.Status = OutOfScope
			if j := strings.TrimSpace(scope.Justification); j != "" && !slices.Contains(row.Justifications, j) {
				row.Justifications = append([]string{j}, row.Justifications...)
			}
		}
		st.Counts[row.Status]++
		st.Rows = append(st.Rows, row)
	}
	return st, fs
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// Summary renders the counts on one line, such as
// "126 controls: 14 implemented, 2 partial, 110 not_addressed", or, when
// some controls are out of scope, "31 controls in scope: 4 implemented, 27
// not_addressed; 18 out of scope (controls for processors)".
func (st Statement) Summary() string {
	var parts []string
	for _, s := range Statuses {
		if n := st.Counts[s]; n > 0 && s != OutOfScope {
			parts = append(parts, fmt.Sprintf("%d %s", n, s))
		}
	}
	out := st.Counts[OutOfScope]
	if out == 0 {
		return fmt.Sprintf("%d controls: %s", len(st.Rows), strings.Join(parts, ", "))
	}
	var roles []string
	for _, r := range st.Scope.ExcludedRoles() {
		roles = append(roles, r+"s")
	}
	line := fmt.Sprintf("%d controls in scope", st.InScope())
	if len(parts) > 0 {
		line += ": " + strings.Join(parts, ", ")
	}
	return fmt.Sprintf("%s; %d out of scope (controls for %s)", line, out, strings.Join(roles, " and "))
}
