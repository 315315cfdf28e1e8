package catalog

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/privacycode/terraform-provider-pii/internal/suggest"
)

var (
	keyPattern         = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	piiKeyPattern      = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$`)
	idPattern          = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
	versionPattern     = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
	catalogRefPattern  = regexp.MustCompile(`^([a-z][a-z0-9_]*)(?:@([A-Za-z0-9][A-Za-z0-9._-]*))?$`)
	reductionNames     = []string{string(ReducesLikelihood), string(ReducesImpact)}
	errSummaryDup      = "Duplicate declaration"
	errSummaryUnknown  = "Reference to undeclared name"
	errSummaryInvalid  = "Invalid value"
	errSummaryRequired = "Missing required attribute"
)

// resolver builds a Set from declarations, reporting every problem it finds
// rather than stopping at the first.
type resolver struct {
	set   *Set
	diags hcl.Diagnostics
}

func resolve(d *decls) (*Set, hcl.Diagnostics) {
	r := &resolver{set: newSet()}
	r.principles(d.principles)
	r.riskCategories(d.riskCategories)
	r.piiCategories(d.piiCategories)
	r.catalogs(d.catalogs)
	r.groups(d.groups)
	r.controls(d.controls)
	if r.diags.HasErrors() {
		return nil, r.diags
	}
	r.set.finish()
	return r.set, r.diags
}

func (r *resolver) errorf(subject hcl.Range, summary, format string, args ...any) {
	r.diags = append(r.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  summary,
		Detail:   fmt.Sprintf(format, args...),
		Subject:  subject.Ptr(),
	})
}

func (r *resolver) duplicate(what, name string, second, first hcl.Range) {
	r.errorf(second, errSummaryDup, "%s %q is already declared at %s; each must be declared once.", what, name, where(first))
}

// where renders a range as file:line:column.
func where(rng hcl.Range) string {
	return fmt.Sprintf("%s:%d:%d", rng.Filename, rng.Start.Line, rng.Start.Column)
}

func (r *resolver) unknown(at text, what string, known []string) {
	r.errorf(at.Range, errSummaryUnknown, "There is no %s %q.%s", what, at.Value, suggest.Phrase(suggest.Closest(at.Value, known, 3)))
}

func (r *resolver) oneOf(at text, what string, accepted []string) bool {
	for _, a := range accepted {
		if at.Value == a {
			return true
		}
	}
	r.errorf(at.Range, errSummaryInvalid, "%q is not a valid %s; accepted values are %s.%s",
		at.Value, what, quoteList(accepted), suggest.Phrase(suggest.Closest(at.Value, accepted, 1)))
	return false
}

func (r *resolver) required(at text, name string, block hcl.Range) bool {
	if at.Set {
		return true
	}
	r.errorf(block, errSummaryRequired, "The %q attribute is required here.", name)
	return false
}

func (r *resolver) matches(at text, re *regexp.Regexp, what, accepted string) bool {
	if re.MatchString(at.Value) {
		return true
	}
	r.errorf(at.Range, errSummaryInvalid, "%q is not a valid %s: %s.", at.Value, what, accepted)
	return false
}

func quoteList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = `"` + s + `"`
	}
	return strings.Join(q, ", ")
}

func (r *resolver) principles(ds []*principleDecl) {
	numbers := map[int]*principleDecl{}
	for _, d := range ds {
		if !r.matches(d.key, keyPattern, "principle key", "use lower-case letters, digits and underscores, starting with a letter") {
			continue
		}
		if prev, ok := r.set.principleByKey[d.key.Value]; ok {
			r.duplicate("Principle", d.key.Value, d.def, prev.DeclRange)
			continue
		}
		if prev, ok := numbers[d.number]; ok && d.number != 0 {
			r.errorf(d.numberRange, errSummaryDup, "Principle number %d is already used by %q at %s.", d.number, prev.key.Value, where(prev.def))
			continue
		}
		numbers[d.number] = d
		p := &Principle{Key: d.key.Value, Number: d.number, Title: d.title.Value, Description: d.description.Value, DeclRange: d.def}
		r.set.principleByKey[p.Key] = p
		r.set.principles = append(r.set.principles, p)
	}
}

func (r *resolver) riskCategories(ds []*riskCategoryDecl) {
	var pending []*riskCategoryDecl
	for _, d := range ds {
		if !r.matches(d.key, keyPattern, "risk category key", "use lower-case letters, digits and underscores, starting with a letter") {
			continue
		}
		if prev, ok := r.set.riskByKey[d.key.Value]; ok {
			r.duplicate("Risk category", d.key.Value, d.def, prev.DeclRange)
			continue
		}
		c := &RiskCategory{Key: d.key.Value, Title: d.title.Value, Description: d.description.Value, DeclRange: d.def}
		r.set.riskByKey[c.Key] = c
		r.set.risks = append(r.set.risks, c)
		pending = append(pending, d)
	}
	// Principles may be declared in any file.
	for _, d := range pending {
		c := r.set.riskByKey[d.key.Value]
		for _, p := range d.principles {
			if _, ok := r.set.principleByKey[p.Value]; !ok {
				r.unknown(p, "principle", keysOf(r.set.principleByKey))
				continue
			}
			c.Principles = append(c.Principles, p.Value)
		}
	}
}

func (r *resolver) piiCategories(ds []*piiCategoryDecl) {
	var ok []*piiCategoryDecl
	for _, d := range ds {
		if !r.matches(d.key, piiKeyPattern, "PII category key", `use dotted lower-case words such as "contact.email"`) {
			continue
		}
		if prev, dup := r.set.piiByKey[d.key.Value]; dup {
			r.duplicate("PII category", d.key.Value, d.def, prev.DeclRange)
			continue
		}
		sens, valid := ParseSensitivity(d.sensitivity.Value)
		if !valid {
			r.oneOf(d.sensitivity, "sensitivity", sensitivityNames)
		}
		c := &PIICategory{Key: d.key.Value, Title: d.title.Value, Sensitivity: sens, Description: d.description.Value, DeclRange: d.def}
		r.set.piiByKey[c.Key] = c
		r.set.pii = append(r.set.pii, c)
		ok = append(ok, d)
	}
	// Parents may be declared after their children, or in another file.
	for _, d := range ok {
		parent := parentKey(d.key.Value)
		if parent == "" {
			continue
		}
		if _, found := r.set.piiByKey[parent]; !found {
			r.errorf(d.key.Range, errSummaryUnknown, "PII category %q needs its parent %q to be declared as well.", d.key.Value, parent)
		}
	}
}

func (r *resolver) catalogs(ds []*catalogDecl) {
	for _, d := range ds {
		if !r.matches(d.name, keyPattern, "catalog name", "use lower-case letters, digits and underscores, starting with a letter") {
			continue
		}
		if !r.matches(d.version, versionPattern, "catalog version", "use letters, digits, '.', '_' or '-'") {
			continue
		}
		key := d.name.Value + "@" + d.version.Value
		if prev, dup := r.set.catalogByKey[key]; dup {
			r.duplicate("Catalog", key, d.def, prev.DeclRange)
			continue
		}
		c := &Catalog{
			Name: d.name.Value, Version: d.version.Value, Title: d.title.Value, Description: d.description.Value, DeclRange: d.def,
			groupByID: map[string]*Group{}, controlByID: map[string]*Control{},
		}
		r.set.addCatalog(c)
	}
}

// catalogRef resolves the first label of a group or control block.
func (r *resolver) catalogRef(at text) *Catalog {
	c, err := r.set.Catalog(at.Value)
	if err != nil {
		r.errorf(at.Range, errSummaryUnknown, "%s", err.Error())
		return nil
	}
	return c
}

func (r *resolver) groups(ds []*groupDecl) {
	type placed struct {
		decl *groupDecl
		cat  *Catalog
	}
	var ok []placed
	for _, d := range ds {
		cat := r.catalogRef(d.catalog)
		if cat == nil || !r.matches(d.id, idPattern, "group id", "use letters, digits, '.', '_' or '-'") {
			continue
		}
		if prev, dup := cat.groupByID[d.id.Value]; dup {
			r.duplicate("Group", cat.Name+":"+d.id.Value, d.def, prev.DeclRange)
			continue
		}
		g := &Group{ID: d.id.Value, Title: d.title.Value, Parent: d.parent.Value, DeclRange: d.def}
		cat.groupByID[g.ID] = g
		cat.groups = append(cat.groups, g)
		ok = append(ok, placed{d, cat})
	}
	for _, p := range ok {
		if !p.decl.parent.Set {
			continue
		}
		if _, found := p.cat.groupByID[p.decl.parent.Value]; !found {
			r.unknown(p.decl.parent, "group in catalog "+p.cat.Name+" called", keysOf(p.cat.groupByID))
			continue
		}
		if cycle := findCycle(p.decl.id.Value, func(id string) (string, bool) {
			g, ok := p.cat.groupByID[id]
			if !ok || g.Parent == "" {
				return "", false
			}
			return g.Parent, true
		}); cycle != nil {
			r.cycle("group", p.cat, cycle, p.decl.parent.Range, func(id string) hcl.Range { return p.cat.groupByID[id].DeclRange })
		}
	}
}

// findCycle follows parent links from start and returns the ids on the
// cycle, starting and ending at start, if start lies on one.
func findCycle(start string, parent func(string) (string, bool)) []string {
	path := []string{start}
	seen := map[string]bool{start: true}
	cur := start
	for {
		next, ok := parent(cur)
		if !ok {
			return nil
		}
		if next == start {
			return append(path, start)
		}
		if seen[next] {
			return nil // a cycle further up, reported from its own members
		}
		seen[next] = true
		path = append(path, next)
		cur = next
	}
}

func (r *resolver) cycle(what string, cat *Catalog, ids []string, subject hcl.Range, declOf func(string) hcl.Range) {
	places := make([]string, 0, len(ids)-1)
	for _, id := range ids[:len(ids)-1] {
		places = append(places, fmt.Sprintf("%q at %s", id, where(declOf(id))))
	}
	r.errorf(subject, "Cycle in parents", "The %s parents in catalog %s form a cycle: %s. Declared: %s.",
		what, cat.Name, strings.Join(ids, " → "), strings.Join(places, ", "))
}

func keysOf[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (r *resolver) controls(ds []*controlDecl) {
	type placed struct {
		decl *controlDecl
		cat  *Catalog
	}
	var ok []placed
	for _, d := range ds {
		cat := r.catalogRef(d.catalog)
		if cat == nil || !r.matches(d.id, idPattern, "control id", "use letters, digits, '.', '_' or '-'") {
			continue
		}
		if prev, dup := cat.controlByID[d.id.Value]; dup {
			r.duplicate("Control", cat.Name+":"+d.id.Value, d.def, prev.DeclRange)
			continue
		}
		c := &Control{Catalog: cat.Name, Version: cat.Version, ID: d.id.Value, DeclRange: d.def}
		cat.controlByID[c.ID] = c
		cat.controls = append(cat.controls, c)
		ok = append(ok, placed{d, cat})
	}

	// Parents first, so that a refining control can inherit what it leaves
	// out; a cycle makes inheritance meaningless, so those controls stop here.
	declOf := map[*Control]*controlDecl{}
	var acyclic []placed
	for _, p := range ok {
		declOf[p.cat.controlByID[p.decl.id.Value]] = p.decl
	}
	for _, p := range ok {
		if p.decl.parent.Set {
			if _, found := p.cat.controlByID[p.decl.parent.Value]; !found {
				r.unknown(p.decl.parent, "control in catalog "+p.cat.Name+" with id", p.cat.ControlIDs())
				continue
			}
			cycle := findCycle(p.decl.id.Value, func(id string) (string, bool) {
				c, ok := p.cat.controlByID[id]
				if !ok {
					return "", false
				}
				d := declOf[c]
				if d == nil || !d.parent.Set {
					return "", false
				}
				return d.parent.Value, true
			})
			if cycle != nil {
				r.cycle("control", p.cat, cycle, p.decl.parent.Range, func(id string) hcl.Range { return p.cat.controlByID[id].DeclRange })
				continue
			}
		}
		acyclic = append(acyclic, p)
	}
	done := map[*Control]bool{}
	var fill func(c *Control, d *controlDecl, cat *Catalog)
	fill = func(c *Control, d *controlDecl, cat *Catalog) {
		if done[c] {
			return
		}
		done[c] = true
		var parent *Control
		if d.parent.Set {
			parent = cat.controlByID[d.parent.Value]
			if pd := declOf[parent]; pd != nil {
				fill(parent, pd, cat)
			}
		}
		r.fillControl(c, d, cat, parent)
	}
	for _, p := range acyclic {
		fill(p.cat.controlByID[p.decl.id.Value], p.decl, p.cat)
	}
	// Crosswalks may point into catalogs declared later or in other files.
	for _, p := range acyclic {
		c := p.cat.controlByID[p.decl.id.Value]
		for _, rel := range p.decl.related {
			target, err := r.set.LookupControl(rel.Value)
			if err != nil {
				r.errorf(rel.Range, errSummaryUnknown, "Crosswalk %q does not resolve: %s", rel.Value, err.Error())
				continue
			}
			c.Related = append(c.Related, target.Ref())
		}
	}
}

// fillControl checks a control's attributes, taking from its parent (if
// any) those it does not set itself.
func (r *resolver) fillControl(c *Control, d *controlDecl, cat *Catalog, parent *Control) {
	pick := func(own text, inherited string) text {
		if own.Set || parent == nil {
			return own
		}
		return text{Value: inherited, Range: d.def, Set: inherited != ""}
	}
	pickList := func(own []text, set bool, inherited []string) ([]text, bool) {
		if set || parent == nil {
			return own, set
		}
		out := make([]text, len(inherited))
		for i, v := range inherited {
			out[i] = text{Value: v, Range: d.def, Set: true}
		}
		return out, len(inherited) > 0
	}
	var pGroup, pPrinciple, pReduces, pRole string
	var pTreats, pStages []string
	if parent != nil {
		pGroup, pPrinciple, pReduces, pRole = parent.Group, parent.Principle, string(parent.Reduces), parent.Role
		pTreats, pStages = parent.Treats, parent.Stages
	}

	c.Title = d.title.Value
	c.Objective = d.objective.Value
	c.Parent = d.parent.Value

	if group := pick(d.group, pGroup); r.required(group, "group", d.def) {
		if g, found := cat.groupByID[group.Value]; found {
			c.Group, c.GroupTitle = g.ID, g.Title
		} else {
			r.unknown(group, "group in catalog "+cat.Name+" called", keysOf(cat.groupByID))
		}
	}
	if principle := pick(d.principle, pPrinciple); r.required(principle, "principle", d.def) {
		if _, found := r.set.principleByKey[principle.Value]; found {
			c.Principle = principle.Value
		} else {
			r.unknown(principle, "principle", keysOf(r.set.principleByKey))
		}
	}
	if reduces := pick(d.reduces, pReduces); r.required(reduces, "reduces", d.def) && r.oneOf(reduces, "reduction", reductionNames) {
		c.Reduces = Reduction(reduces.Value)
	}
	if role := pick(d.role, pRole); role.Set && r.oneOf(role, "role", Roles) {
		c.Role = role.Value
	}
	treats, treatsSet := pickList(d.treats, d.treatsSet, pTreats)
	if !treatsSet || len(treats) == 0 {
		r.errorf(d.def, errSummaryRequired, "Control %s:%s must treat at least one risk category: set \"treats\" to a list of keys such as [\"illegitimate_access\"].", cat.Name, c.ID)
	}
	seen := map[string]bool{}
	for _, t := range treats {
		if _, found := r.set.riskByKey[t.Value]; !found {
			r.unknown(t, "risk category", keysOf(r.set.riskByKey))
			continue
		}
		if !seen[t.Value] {
			seen[t.Value] = true
			c.Treats = append(c.Treats, t.Value)
		}
	}
	stages, _ := pickList(d.stages, d.stagesSet, pStages)
	for _, s := range stages {
		if r.oneOf(s, "life-cycle stage", Stages) {
			c.Stages = append(c.Stages, s.Value)
		}
	}
	for _, a := range d.gdprArticles {
		c.GDPRArticles = append(c.GDPRArticles, a.Value)
	}
}
