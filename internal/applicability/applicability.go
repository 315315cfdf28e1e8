// Package applicability builds a Statement of Applicability: every control
// of a catalog, with what the organisation has declared about it (its
// pii_control resources), including the controls nobody has addressed yet.
package applicability

import (
	"fmt"
	"sort"
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/coverage"
	"github.com/privacycode/terraform-provider-pii/internal/finding"
)

// NotAddressed is the status of a catalog control no declaration selects.
const NotAddressed = "not_addressed"

// Statuses lists every row status, most advanced first.
var Statuses = []string{
	coverage.StatusImplemented, coverage.StatusAlternative, coverage.StatusPartial,
	coverage.StatusPlanned, coverage.StatusNotApplicable, NotAddressed,
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
}

// Build makes the statement of cat from the declarations. A declaration of
// another catalog's control, or of a control the catalog does not have, is
// reported at its index.
func Build(cat *catalog.Catalog, decls []Declaration) (Statement, finding.Findings) {
	var fs finding.Findings
	byID := map[string][]Declaration{}
	for i, d := range decls {
		name, id, _ := strings.Cut(d.Ref, ":")
		if name != cat.Name && name != cat.Key() {
			fs.Warnf(finding.Root("controls").Index(i), "Control of another catalog",
				"%s is not a control of catalog %s; it is left out of this statement. Build one statement per catalog.", d.Ref, cat.Name)
			continue
		}
		if _, ok := cat.Control(id); !ok {
			fs.Errorf(finding.Root("controls").Index(i), "Unknown control", "There is no control %q in catalog %s.", id, cat.Name)
			continue
		}
		byID[id] = append(byID[id], d)
	}
	st := Statement{Counts: map[string]int{}}
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
// "126 controls: 14 implemented, 2 partial, 110 not_addressed".
func (st Statement) Summary() string {
	var parts []string
	for _, s := range Statuses {
		if n := st.Counts[s]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, s))
		}
	}
	return fmt.Sprintf("%d controls: %s", len(st.Rows), strings.Join(parts, ", "))
}
