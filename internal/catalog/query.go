package catalog

import (
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/suggest"
)

// Filter selects controls of one catalog. Empty fields select everything.
type Filter struct {
	// Group is a group id; it selects the group and the groups beneath it.
	Group string
	// Principle is a 29100 principle key.
	Principle string
	// Treats is a risk category key.
	Treats string
	// Search is matched case-insensitively against the id, title,
	// objective and group title.
	Search string
}

// FilterError says which filter field names something that does not exist,
// so that callers can point at the right attribute or flag.
type FilterError struct {
	Field string // "group", "principle" or "treats"
	Err   *NotFoundError
}

func (e *FilterError) Error() string { return e.Err.Error() }

// Check reports the first filter field that names an unknown group,
// principle or risk category. A filter that matches nothing is not an error;
// a filter that could never match anything because of a typo is.
func (s *Set) Check(c *Catalog, f Filter) error {
	if f.Group != "" {
		if _, ok := c.groupByID[f.Group]; !ok {
			ids := keysOf(c.groupByID)
			SortIDs(ids)
			// Groups are filtered from the provider and the command line
			// alike, so the hint names the other catalogs without saying
			// which attribute or flag to change.
			return &FilterError{"group", &NotFoundError{
				Kind: "group", Name: f.Group, Scope: "in catalog " + c.ref(), Suggestions: suggest.Closest(f.Group, ids, 3), Known: ids,
				Catalog: c.ref(), Elsewhere: c.groupsElsewhere(f.Group),
			}}
		}
	}
	if f.Principle != "" {
		if _, ok := s.principleByKey[f.Principle]; !ok {
			keys := keysOf(s.principleByKey)
			return &FilterError{"principle", &NotFoundError{Kind: "principle", Name: f.Principle, Suggestions: suggest.Closest(f.Principle, keys, 3), Known: keys}}
		}
	}
	if f.Treats != "" {
		if _, ok := s.riskByKey[f.Treats]; !ok {
			keys := s.RiskCategoryKeys()
			return &FilterError{"treats", &NotFoundError{Kind: "risk category", Name: f.Treats, Suggestions: suggest.Closest(f.Treats, keys, 3), Known: keys}}
		}
	}
	return nil
}

// Select returns the controls of c that pass the filter, in natural id order.
func (c *Catalog) Select(f Filter) []*Control {
	groups := c.groupAndBelow(f.Group)
	search := strings.ToLower(f.Search)
	out := []*Control{}
	for _, ctl := range c.controls {
		if f.Group != "" && !groups[ctl.Group] {
			continue
		}
		if f.Principle != "" && ctl.Principle != f.Principle {
			continue
		}
		if f.Treats != "" && !ctl.TreatsCategory(f.Treats) {
			continue
		}
		if search != "" && !ctl.mentions(search) {
			continue
		}
		out = append(out, ctl)
	}
	return out
}

func (c *Control) mentions(lowered string) bool {
	for _, field := range []string{c.ID, c.Title, c.Objective, c.GroupTitle} {
		if strings.Contains(strings.ToLower(field), lowered) {
			return true
		}
	}
	return false
}

// groupAndBelow returns the group and every group whose parent chain leads
// to it.
func (c *Catalog) groupAndBelow(id string) map[string]bool {
	out := map[string]bool{}
	if id == "" {
		return out
	}
	for _, g := range c.groups {
		for cur, hops := g, 0; cur != nil && hops <= len(c.groups); hops++ {
			if cur.ID == id {
				out[g.ID] = true
				break
			}
			cur = c.groupByID[cur.Parent]
		}
	}
	return out
}
