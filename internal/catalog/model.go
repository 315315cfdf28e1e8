package catalog

import (
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Sensitivity ranks how much harm the exposure of a PII category can cause.
// Its values are ordered: Low < Medium < High < Special.
type Sensitivity int

const (
	SensitivityLow Sensitivity = iota + 1
	SensitivityMedium
	SensitivityHigh
	// SensitivitySpecial marks GDPR Art. 9 special categories and Art. 10
	// criminal data, which need an extra legal condition to be processed.
	SensitivitySpecial
)

var sensitivityNames = []string{"low", "medium", "high", "special"}

// SensitivityNames lists the accepted sensitivity values, lowest first.
func SensitivityNames() []string { return append([]string(nil), sensitivityNames...) }

func (s Sensitivity) String() string {
	if s < SensitivityLow || s > SensitivitySpecial {
		return "unknown"
	}
	return sensitivityNames[s-1]
}

// ParseSensitivity reads "low", "medium", "high" or "special".
func ParseSensitivity(name string) (Sensitivity, bool) {
	for i, n := range sensitivityNames {
		if n == name {
			return Sensitivity(i + 1), true
		}
	}
	return 0, false
}

// Reduction says what a control mainly lowers when it is in place: the
// likelihood that a feared event happens, or its impact on the PII principal
// when it does.
type Reduction string

const (
	ReducesLikelihood Reduction = "likelihood"
	ReducesImpact     Reduction = "impact"
)

// Stages are the PII life-cycle stages of ISO/IEC 29151, in life-cycle order.
var Stages = []string{"collection", "storage", "use", "transfer", "disposal"}

// Roles a 27701-style control can be written for.
var Roles = []string{"controller", "processor"}

// Principle is one of the ISO/IEC 29100 privacy principles.
type Principle struct {
	Key         string
	Number      int
	Title       string
	Description string
	DeclRange   hcl.Range
}

// RiskCategory is a kind of feared event for PII principals. Controls say
// which categories they treat; risk assessments classify risks by them.
type RiskCategory struct {
	Key         string
	Title       string
	Description string
	// Principles are the privacy principles whose controls most directly
	// treat the category; suggestions of controls for a risk favour them.
	Principles []string
	DeclRange  hcl.Range
}

// PIICategory is a node of the PII taxonomy. Keys are dotted paths; a parent
// key stands for all of its children.
type PIICategory struct {
	Key         string
	Title       string
	Sensitivity Sensitivity
	Description string
	DeclRange   hcl.Range
}

// Parent returns the key of the category's parent, or "" for a root.
func (p *PIICategory) Parent() string { return parentKey(p.Key) }

func parentKey(key string) string {
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		return key[:i]
	}
	return ""
}

// Catalog is a named, versioned set of controls such as "iso29151" 2017.
type Catalog struct {
	Name        string
	Version     string
	Title       string
	Description string
	DeclRange   hcl.Range

	groups      []*Group
	groupByID   map[string]*Group
	controls    []*Control
	controlByID map[string]*Control
	// set is the Set the catalog belongs to, so that a lookup that fails
	// here can say which other catalogs have the id. It is assigned once,
	// when the Set is built.
	set *Set
}

// Key is the catalog's unambiguous name: "name@version".
func (c *Catalog) Key() string { return c.Name + "@" + c.Version }

// Groups returns the catalog's control groups in natural id order.
func (c *Catalog) Groups() []*Group { return c.groups }

// Group returns the group with the given id.
func (c *Catalog) Group(id string) (*Group, bool) {
	g, ok := c.groupByID[id]
	return g, ok
}

// Controls returns every control in natural id order (5.1.1 … 18.2.3, A.2 … A.13).
func (c *Catalog) Controls() []*Control { return c.controls }

// Control returns the control with the given id.
func (c *Catalog) Control(id string) (*Control, bool) {
	ctl, ok := c.controlByID[id]
	return ctl, ok
}

// ControlIDs lists the ids of every control, for suggestions.
func (c *Catalog) ControlIDs() []string {
	ids := make([]string, len(c.controls))
	for i, ctl := range c.controls {
		ids[i] = ctl.ID
	}
	return ids
}

// Group is a heading under which a catalog files its controls.
type Group struct {
	ID        string
	Title     string
	Parent    string
	DeclRange hcl.Range
}

// Control is one control of a catalog, with the project's mapping of it to a
// privacy principle and the risk categories it treats.
type Control struct {
	// Catalog is the name of the catalog the control belongs to; Version
	// its edition.
	Catalog      string
	Version      string
	ID           string
	Title        string
	Group        string
	GroupTitle   string
	Principle    string
	Objective    string
	Treats       []string
	Reduces      Reduction
	Stages       []string
	Related      []string
	Role         string
	GDPRArticles []string
	Parent       string
	DeclRange    hcl.Range
}

// Ref is the control's qualified id, "catalog:id", as crosswalks and
// pii_control resources write it.
func (c *Control) Ref() string { return c.Catalog + ":" + c.ID }

// TreatsCategory reports whether the control treats the risk category.
func (c *Control) TreatsCategory(key string) bool {
	for _, t := range c.Treats {
		if t == key {
			return true
		}
	}
	return false
}

// naturalLess orders dotted ids by their parts, numbers numerically and
// before words: 5.1.1 < 9.2.1 < 10.1.1 < A.2 < A.12.
func naturalLess(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		if pa[i] == pb[i] {
			continue
		}
		na, errA := strconv.Atoi(pa[i])
		nb, errB := strconv.Atoi(pb[i])
		switch {
		case errA == nil && errB == nil:
			if na != nb {
				return na < nb
			}
		case errA == nil:
			return true
		case errB == nil:
			return false
		}
		return pa[i] < pb[i]
	}
	return len(pa) < len(pb)
}

// SortIDs sorts ids in natural order, in place.
func SortIDs(ids []string) {
	sort.SliceStable(ids, func(i, j int) bool { return naturalLess(ids[i], ids[j]) })
}
