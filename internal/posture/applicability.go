package posture

import (
	"slices"
	"sort"
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/applicability"
	"github.com/privacycode/terraform-provider-pii/internal/catalog"
)

// ApplicabilityStatuses lists the statuses of a Statement of Applicability
// row, most advanced first, as package applicability ranks them.
var ApplicabilityStatuses = applicability.Statuses

func statusRank(s string) int {
	if i := slices.Index(ApplicabilityStatuses, s); i >= 0 {
		return i
	}
	return len(ApplicabilityStatuses)
}

// buildApplicability builds the Statement of Applicability of every catalog of
// set that the declared controls select from, with what they say about each
// control. A catalog the posture declares no control of is left out: a
// controller's statement has no business listing the 25 rows of a cloud
// processor's catalog as "not addressed".
//
// The controls written for a role that scope leaves out are out_of_scope,
// as one group per catalog and role (CatalogInfo.Exclusions) with the
// justification of ps; a declaration of one is kept and counted as a
// conflict with the scope.
func buildApplicability(set *catalog.Set, controls []*Control, scope applicability.Scope, ps *Scope) ([]*CatalogInfo, []*ApplicabilityRow) {
	byControl := map[*catalog.Control]*ApplicabilityRow{}
	var infos []*CatalogInfo
	blocks := map[string][]*ApplicabilityRow{} // rows by catalog key
	firstEdition := map[string]string{}        // catalog name -> key of its first edition
	for _, cat := range set.Catalogs() {
		if _, ok := firstEdition[cat.Name]; !ok {
			firstEdition[cat.Name] = cat.Key()
		}
		for _, ctl := range cat.Controls() {
			row := newRow(cat.Name, cat.Version, ctl.ID, ctl.Title)
			row.Group, row.GroupTitle, row.Principle, row.InCatalog = ctl.Group, ctl.GroupTitle, ctl.Principle, true
			row.Role = ctl.Role
			byControl[ctl] = row
			blocks[cat.Key()] = append(blocks[cat.Key()], row)
		}
	}

	// Declared controls the catalogs do not have, by catalog name.
	extra := map[string][]*ApplicabilityRow{}
	extraByRef := map[string]*ApplicabilityRow{}
	for _, c := range controls {
		var row *ApplicabilityRow
		if c.ID.IsKnown() {
			if ctl, err := set.LookupControl(c.ID.String()); err == nil {
				row = byControl[ctl]
			}
		}
		if row == nil {
			key := c.ID.String()
			if !c.ID.IsKnown() {
				key = "\x00" + c.Address // one row per control that cannot be placed
			}
			row = extraByRef[key]
			if row == nil {
				name, version, _ := strings.Cut(c.Catalog.String(), "@")
				id := c.ControlID.String()
				if c.ID.IsKnown() {
					if n, i, ok := strings.Cut(c.ID.String(), ":"); ok {
						name, id = n, i
						name, version, _ = strings.Cut(name, "@")
					}
				}
				row = newRow(name, version, id, c.Title.String())
				if !c.ID.IsKnown() {
					row.Ref = c.ID.String()
				}
				row.Group, row.Principle = c.Group.String(), c.Principle.String()
				extraByRef[key] = row
				extra[name] = append(extra[name], row)
			}
		}
		declare(row, c)
	}
	for _, row := range byControl {
		if scope.Excludes(row.Role) {
			row.OutOfScope, row.Status = true, applicability.OutOfScope
		}
	}

	var rows []*ApplicabilityRow
	for _, cat := range set.Catalogs() {
		block := blocks[cat.Key()]
		if firstEdition[cat.Name] == cat.Key() {
			more := extra[cat.Name]
			for _, row := range more {
				row.CatalogVersion = cat.Version
			}
			block = append(block, more...)
			sortRows(block)
			delete(extra, cat.Name)
		}
		if !slices.ContainsFunc(block, func(r *ApplicabilityRow) bool { return len(r.DeclaredBy) > 0 }) {
			continue
		}
		info := &CatalogInfo{Name: cat.Name, Version: cat.Version, Title: cat.Title}
		tally(info, block)
		for _, role := range scope.ExcludedRoles() {
			ex := Exclusion{Role: role, Declared: []string{}}
			if ps != nil {
				ex.Justification = ps.Justification
			}
			for _, r := range block {
				if r.OutOfScope && r.Role == role {
					ex.Controls++
					if len(r.DeclaredBy) > 0 {
						ex.Declared = append(ex.Declared, r.Ref)
					}
				}
			}
			if ex.Controls > 0 {
				info.Exclusions = append(info.Exclusions, ex)
			}
		}
		infos = append(infos, info)
		rows = append(rows, block...)
	}
	// Catalogs that are not loaded at all, by name.
	names := make([]string, 0, len(extra))
	for n := range extra {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		block := extra[n]
		sortRows(block)
		info := &CatalogInfo{Name: n, Title: "not loaded: pass its catalog file to show every control"}
		tally(info, block)
		infos = append(infos, info)
		rows = append(rows, block...)
	}
	if infos == nil {
		infos = []*CatalogInfo{}
	}
	if rows == nil {
		rows = []*ApplicabilityRow{}
	}
	return infos, rows
}

func newRow(catalogName, version, id, title string) *ApplicabilityRow {
	return &ApplicabilityRow{
		Catalog: catalogName, CatalogVersion: version, ControlID: id, Ref: catalogName + ":" + id, Title: title,
		Status: NotAddressed, Statuses: []string{}, Justifications: []Value{}, Owners: []Value{}, Evidence: []Value{},
		Implementation: []Value{}, Scope: []Value{}, DeclaredBy: []string{},
	}
}

// declare adds what a pii_control says to its row.
func declare(row *ApplicabilityRow, c *Control) {
	row.DeclaredBy = append(row.DeclaredBy, c.Address)
	key := statusKey(c.Status)
	if !slices.Contains(row.Statuses, key) {
		row.Statuses = append(row.Statuses, key)
	}
	sort.SliceStable(row.Statuses, func(i, j int) bool { return statusRank(row.Statuses[i]) < statusRank(row.Statuses[j]) })
	row.Status = row.Statuses[0]
	add := func(list []Value, v Value) []Value {
		if v.IsNull() || (v.IsKnown() && strings.TrimSpace(v.String()) == "") {
			return list
		}
		for _, x := range list {
			if x == v {
				return list
			}
		}
		return append(list, v)
	}
	row.Justifications = add(row.Justifications, c.Justification)
	row.Owners = add(row.Owners, c.Owner)
	row.Implementation = add(row.Implementation, c.Implementation)
	for _, e := range c.Evidence {
		row.Evidence = add(row.Evidence, e)
	}
	for _, a := range c.Activities {
		row.Scope = add(row.Scope, a)
	}
}

func sortRows(rows []*ApplicabilityRow) {
	sort.SliceStable(rows, func(i, j int) bool { return refLess(rows[i].Ref, rows[j].Ref) })
}

func tally(info *CatalogInfo, rows []*ApplicabilityRow) {
	info.Controls = len(rows)
	info.ByStatus = newCounts(ApplicabilityStatuses...)
	info.Exclusions = []Exclusion{}
	for _, r := range rows {
		info.ByStatus.add(r.Status)
		if !r.OutOfScope {
			info.InScope++
		}
	}
}
