package catalog

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/suggest"
)

// NotFoundError reports a name that does not exist, with the other
// catalogs that have it and the closest known names when there are any.
type NotFoundError struct {
	// Kind is what was looked for: "catalog", "control", "PII category", ….
	Kind string
	// Name is what was asked for.
	Name string
	// Scope narrows the kind, such as "in catalog iso29151".
	Scope       string
	Suggestions []string
	// Known is the full list of names, given when it is short enough to
	// print (catalogs).
	Known []string

	// Catalog is the catalog that was searched, as it is referred to
	// ("iso29151", or "iso29151@2025" for a later edition); empty for
	// names that belong to no catalog.
	Catalog string
	// Elsewhere lists the other catalogs that have a control (or group)
	// with exactly this id, in load order. Someone who writes A.7.4.5 in
	// iso29151 most likely has the right id in the wrong catalog, which
	// "did you mean" cannot tell them.
	Elsewhere []Elsewhere
	// Fix says how the default message tells the user to reach Elsewhere.
	// Callers with other wording (a CLI flag, say) can build their own
	// from Elsewhere and set it to FixNone.
	Fix Fix
}

// Elsewhere is another catalog that has the name that was looked for.
type Elsewhere struct {
	// Catalog is how to refer to the catalog: its name, or name@version
	// for an edition that is not the first of its name.
	Catalog string
	// Title is the title of the control or group there.
	Title string
}

// Fix is a way of pointing at a name that is in another catalog.
type Fix int

const (
	// FixNone names the other catalogs only.
	FixNone Fix = iota
	// FixCatalogAttribute says `set catalog = "iso27701"`: the id was given
	// on its own, next to a catalog (pii_control, pii_catalog_control).
	FixCatalogAttribute
	// FixQualifiedID says `use "iso27701:A.7.4.5"`: the id was given as
	// catalog:id (a risk's controls, crosswalks, policies, imports).
	FixQualifiedID
)

func (e *NotFoundError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "there is no %s %q", e.Kind, e.Name)
	if len(e.Elsewhere) > 0 && e.Catalog != "" {
		// The other catalog comes first: it is the likelier answer than a
		// neighbouring id of the same catalog.
		b.WriteString(" in " + e.Catalog + "; " + e.elsewhereText())
		if fix := e.FixText(); fix != "" {
			b.WriteString(": " + fix)
		}
	} else if e.Scope != "" {
		b.WriteString(" " + e.Scope)
	}
	b.WriteString(".")
	b.WriteString(suggest.Phrase(e.Suggestions))
	if len(e.Known) > 0 {
		b.WriteString(" Known: " + strings.Join(e.Known, ", ") + ".")
	}
	return b.String()
}

// elsewhereText is `iso27701 has it ("Title")`, or for several catalogs
// `iso27701 ("Title") and acme ("Other title") have it`.
func (e *NotFoundError) elsewhereText() string {
	if len(e.Elsewhere) == 1 {
		return e.Elsewhere[0].Catalog + " has it (" + strconv.Quote(e.Elsewhere[0].Title) + ")"
	}
	parts := make([]string, len(e.Elsewhere))
	for i, o := range e.Elsewhere {
		parts[i] = o.Catalog + " (" + strconv.Quote(o.Title) + ")"
	}
	return joinAnd(parts, "and") + " have it"
}

// FixText is the default instruction for reaching the name in the other
// catalogs, such as `set catalog = "iso27701"` or `use "iso27701:A.7.4.5"`,
// or "" when there is none.
func (e *NotFoundError) FixText() string {
	if len(e.Elsewhere) == 0 {
		return ""
	}
	choices := make([]string, len(e.Elsewhere))
	for i, o := range e.Elsewhere {
		switch e.Fix {
		case FixCatalogAttribute:
			choices[i] = strconv.Quote(o.Catalog)
		case FixQualifiedID:
			choices[i] = strconv.Quote(o.Catalog + ":" + e.Name)
		}
	}
	switch e.Fix {
	case FixCatalogAttribute:
		return "set catalog = " + joinAnd(choices, "or")
	case FixQualifiedID:
		return "use " + joinAnd(choices, "or")
	}
	return ""
}

// joinAnd joins "a", "b" and "c" as `a, b and c` (or `a, b or c`).
func joinAnd(items []string, word string) string {
	if len(items) == 1 {
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + word + " " + items[len(items)-1]
}

// ref is how the catalog is referred to: its bare name for the edition a
// bare name means, else name@version.
func (c *Catalog) ref() string {
	if c.set == nil || len(c.set.byName[c.Name]) == 0 || c.set.byName[c.Name][0] == c {
		return c.Name
	}
	return c.Key()
}

// controlsElsewhere lists the other catalogs of c's Set that have a control
// with exactly this id.
func (c *Catalog) controlsElsewhere(id string) []Elsewhere {
	if c.set == nil {
		return nil
	}
	var out []Elsewhere
	for _, o := range c.set.catalogs {
		if ctl, ok := o.controlByID[id]; ok && o != c {
			out = append(out, Elsewhere{Catalog: o.ref(), Title: ctl.Title})
		}
	}
	return out
}

// groupsElsewhere lists the other catalogs of c's Set that have a group
// with exactly this id.
func (c *Catalog) groupsElsewhere(id string) []Elsewhere {
	if c.set == nil {
		return nil
	}
	var out []Elsewhere
	for _, o := range c.set.catalogs {
		if g, ok := o.groupByID[id]; ok && o != c {
			out = append(out, Elsewhere{Catalog: o.ref(), Title: g.Title})
		}
	}
	return out
}

// qualifiedExamples is the example of a qualified id for an unqualified
// one: the id in each catalog that has it, or a generic example.
func (s *Set) qualifiedExamples(id string) string {
	var refs []string
	for _, c := range s.catalogs {
		if _, ok := c.controlByID[id]; ok {
			refs = append(refs, strconv.Quote(c.ref()+":"+id))
		}
	}
	if len(refs) == 0 {
		return `"iso29151:9.2.1"`
	}
	return joinAnd(refs, "or")
}
