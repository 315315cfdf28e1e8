package catalog

import (
	"fmt"
	"sort"
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/suggest"
)

// Set is a resolved, read-only collection of catalogs and taxonomies.
type Set struct {
	catalogs     []*Catalog
	catalogByKey map[string]*Catalog
	// byName lists the editions of each catalog name in load order; the
	// first is the one an unqualified name refers to, so adding a second
	// edition never changes what existing configurations mean.
	byName map[string][]*Catalog

	principles     []*Principle
	principleByKey map[string]*Principle
	risks          []*RiskCategory
	riskByKey      map[string]*RiskCategory
	pii            []*PIICategory
	piiByKey       map[string]*PIICategory
}

func newSet() *Set {
	return &Set{
		catalogByKey:   map[string]*Catalog{},
		byName:         map[string][]*Catalog{},
		principleByKey: map[string]*Principle{},
		riskByKey:      map[string]*RiskCategory{},
		piiByKey:       map[string]*PIICategory{},
	}
}

func (s *Set) addCatalog(c *Catalog) {
	c.set = s
	s.catalogs = append(s.catalogs, c)
	s.catalogByKey[c.Key()] = c
	s.byName[c.Name] = append(s.byName[c.Name], c)
}

// finish puts everything in its presentation order.
func (s *Set) finish() {
	sort.SliceStable(s.principles, func(i, j int) bool { return s.principles[i].Number < s.principles[j].Number })
	sort.SliceStable(s.pii, func(i, j int) bool { return s.pii[i].Key < s.pii[j].Key })
	for _, c := range s.catalogs {
		sort.SliceStable(c.groups, func(i, j int) bool { return naturalLess(c.groups[i].ID, c.groups[j].ID) })
		sort.SliceStable(c.controls, func(i, j int) bool { return naturalLess(c.controls[i].ID, c.controls[j].ID) })
	}
}

// Catalogs returns every catalog in load order (built-ins first).
func (s *Set) Catalogs() []*Catalog { return s.catalogs }

// CatalogRefs lists the names by which catalogs can be referred to: each
// name, and name@version for every edition.
func (s *Set) CatalogRefs() []string {
	var refs []string
	for _, c := range s.catalogs {
		if s.byName[c.Name][0] == c {
			refs = append(refs, c.Name)
		}
		if len(s.byName[c.Name]) > 1 {
			refs = append(refs, c.Key())
		}
	}
	return refs
}

// Catalog resolves "name" (the first-loaded edition) or "name@version".
func (s *Set) Catalog(ref string) (*Catalog, error) {
	m := catalogRefPattern.FindStringSubmatch(ref)
	if m != nil {
		if m[2] != "" {
			if c, ok := s.catalogByKey[ref]; ok {
				return c, nil
			}
		} else if editions := s.byName[m[1]]; len(editions) > 0 {
			return editions[0], nil
		}
	}
	known := s.CatalogRefs()
	return nil, &NotFoundError{Kind: "catalog", Name: ref, Suggestions: suggest.Closest(ref, known, 3), Known: known}
}

// LookupControl resolves a qualified control id, "catalog:id". When the
// catalog lacks the id, the NotFoundError says which qualified ids would
// resolve (FixQualifiedID).
func (s *Set) LookupControl(ref string) (*Control, error) {
	name, id, ok := strings.Cut(ref, ":")
	if !ok {
		return nil, fmt.Errorf("%q is not a qualified control id: write catalog:id, such as %s", ref, s.qualifiedExamples(ref))
	}
	cat, err := s.Catalog(name)
	if err != nil {
		return nil, err
	}
	ctl, err := cat.Lookup(id)
	if nf, isNF := err.(*NotFoundError); isNF {
		// Asked for as catalog:id, the id is fixed by writing another
		// qualified id, not by another catalog attribute.
		nf.Fix = FixQualifiedID
	}
	return ctl, err
}

// Lookup returns the control with the given id, or a NotFoundError that
// names the other catalogs of the Set that have the id and suggests the
// closest ids of this one.
func (c *Catalog) Lookup(id string) (*Control, error) {
	if ctl, ok := c.controlByID[id]; ok {
		return ctl, nil
	}
	ref := c.ref()
	return nil, &NotFoundError{
		Kind: "control", Name: id, Scope: "in catalog " + ref, Suggestions: suggest.Closest(id, c.ControlIDs(), 3),
		Catalog: ref, Elsewhere: c.controlsElsewhere(id), Fix: FixCatalogAttribute,
	}
}

// Principles returns the privacy principles in 29100 order.
func (s *Set) Principles() []*Principle { return s.principles }

// Principle returns the principle with the given key.
func (s *Set) Principle(key string) (*Principle, bool) {
	p, ok := s.principleByKey[key]
	return p, ok
}

// RiskCategories returns the risk categories in declaration order.
func (s *Set) RiskCategories() []*RiskCategory { return s.risks }

// RiskCategory returns the risk category with the given key.
func (s *Set) RiskCategory(key string) (*RiskCategory, bool) {
	r, ok := s.riskByKey[key]
	return r, ok
}

// RiskCategoryKeys lists every risk category key in declaration order.
func (s *Set) RiskCategoryKeys() []string {
	keys := make([]string, len(s.risks))
	for i, r := range s.risks {
		keys[i] = r.Key
	}
	return keys
}

// PIICategories returns the PII taxonomy sorted by key, so that each parent
// comes just before its children.
func (s *Set) PIICategories() []*PIICategory { return s.pii }

// PIICategory returns the PII category with the given key, or a
// NotFoundError that suggests the closest keys.
func (s *Set) PIICategory(key string) (*PIICategory, error) {
	if c, ok := s.piiByKey[key]; ok {
		return c, nil
	}
	keys := make([]string, len(s.pii))
	for i, c := range s.pii {
		keys[i] = c.Key
	}
	return nil, &NotFoundError{Kind: "PII category", Name: key, Suggestions: suggest.Closest(key, keys, 3)}
}

// PIIDescendants returns the category and everything beneath it: what a
// parent key stands for.
func (s *Set) PIIDescendants(key string) []*PIICategory {
	var out []*PIICategory
	for _, c := range s.pii {
		if c.Key == key || strings.HasPrefix(c.Key, key+".") {
			out = append(out, c)
		}
	}
	return out
}
