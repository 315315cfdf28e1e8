// Package systems resolves the systems that processing activities name
// against the documents of one run.
//
// A pii_processing_activity lists, stage by stage, the systems that hold
// or handle its PII. A system is either a Terraform resource address
// ("aws_s3_bucket.orders", "module.shop.aws_db_instance.main[0]",
// "data.aws_s3_bucket.legacy") or a plain name ("payroll_saas"), which
// stays a name. The documents given to one check (a plan or state per
// workspace) form one view, so an address resolves against all of them:
//
//   - "shop:aws_s3_bucket.orders" is qualified with a document's label
//     (tfplan.Document.Label) and resolves in that document only;
//   - an unqualified address resolves in the activity's own document when
//     that document has it (as a reference in a configuration is local),
//     else in the one other document that has it. When several other
//     documents have it the claim is ambiguous: every match counts as
//     holding PII (a check that looks at too much is safer than one that
//     looks away), and the ambiguity is reported, never resolved silently.
//
// A resource matches an address by its instance address or by its
// configuration address (every instance of a counted block). A resource
// whose configuration refers to a resource that a claim names (one hop,
// in the same document: the split resources of a bucket) holds the PII of
// the same activities.
package systems

import (
	"regexp"
	"sort"
	"strings"

	"github.com/zclconf/go-cty/cty"

	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// ActivityType is the resource type whose stages name the systems.
const ActivityType = "pii_processing_activity"

// Claim is one system named by one activity.
type Claim struct {
	// Activity is the activity's id, or its address while the id is
	// unknown.
	Activity string `json:"activity"`
	// ActivityAddress and Document (a label) locate the activity.
	ActivityAddress string `json:"activity_address"`
	Document        string `json:"document"`
	// System is the system as the activity writes it.
	System string `json:"system"`
}

// Ambiguity is an unqualified address that matches resources of several
// documents, none of them the activity's own.
type Ambiguity struct {
	Claim
	// Documents are the labels of the documents that have the address,
	// sorted.
	Documents []string `json:"documents"`
}

// Match is a resource found for an address.
type Match struct {
	Document *tfplan.Document
	Resource *tfplan.Resource
}

// Resolution is what the systems of every activity resolve to.
type Resolution struct {
	docs    []*tfplan.Document
	byLabel map[string]*tfplan.Document
	index   map[*tfplan.Document]*addressIndex
	// activities are the ids of the activities that name a resource,
	// directly or one hop, sorted and distinct.
	activities map[*tfplan.Resource][]string
	// Claims are every address claim, in document and activity order.
	Claims []Claim
	// Ambiguous lists the ambiguous claims, in claim order.
	Ambiguous []Ambiguity
	// NotFound lists the address claims that no document given has.
	NotFound []Claim
}

type addressIndex struct {
	byAddress map[string][]*tfplan.Resource
}

func newIndex(doc *tfplan.Document) *addressIndex {
	ix := &addressIndex{byAddress: make(map[string][]*tfplan.Resource, len(doc.Resources))}
	for _, r := range doc.Resources {
		if r == nil {
			continue
		}
		keys := []string{r.Address}
		if r.ConfigAddress != r.Address {
			keys = append(keys, r.ConfigAddress)
		}
		if r.ModuleAddress == "" && r.Mode == "data" {
			// Activities have always been allowed to name a root data
			// source by type.name.
			keys = append(keys, r.Type+"."+r.Name)
		}
		for _, k := range keys {
			ix.byAddress[k] = append(ix.byAddress[k], r)
		}
	}
	return ix
}

// lookup returns the resources of the document at address.
func (ix *addressIndex) lookup(address string) []*tfplan.Resource {
	return ix.byAddress[address]
}

var (
	labelPattern   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*$`)
	addressPattern = regexp.MustCompile(`^(module\.[A-Za-z_][A-Za-z0-9_-]*(\[[^\]]+\])?\.)*(data\.)?[A-Za-z][A-Za-z0-9-]*_[A-Za-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_-]*(\[[^\]]+\])?$`)
)

// ValidLabel reports whether s can name a document in a qualified
// address: a letter or digit, then letters, digits, "_", "-" or ".".
func ValidLabel(s string) bool { return labelPattern.MatchString(s) }

// Parse splits a system or evidence entry into a document label and a
// resource address. qualified is true for "label:address"; ok is false
// for a plain name that is no address at all.
func Parse(s string) (label, address string, qualified, ok bool) {
	s = strings.TrimSpace(s)
	if l, a, found := strings.Cut(s, ":"); found && ValidLabel(l) && addressPattern.MatchString(a) {
		return l, a, true, true
	}
	if addressPattern.MatchString(s) {
		return "", s, false, true
	}
	return "", "", false, false
}

// Resolve resolves the systems of every activity of the documents.
func Resolve(docs []*tfplan.Document) *Resolution {
	res := &Resolution{docs: docs, byLabel: map[string]*tfplan.Document{}, index: map[*tfplan.Document]*addressIndex{},
		activities: map[*tfplan.Resource][]string{}}
	for _, d := range docs {
		if d == nil {
			continue
		}
		if _, dup := res.byLabel[d.Label]; !dup {
			res.byLabel[d.Label] = d
		}
	}
	ix := func(d *tfplan.Document) *addressIndex {
		if x, ok := res.index[d]; ok {
			return x
		}
		x := newIndex(d)
		res.index[d] = x
		return x
	}

	direct := map[*tfplan.Document]map[string][]string{} // doc → config address → activity ids
	name := func(d *tfplan.Document, r *tfplan.Resource, activity string) {
		res.activities[r] = append(res.activities[r], activity)
		if direct[d] == nil {
			direct[d] = map[string][]string{}
		}
		direct[d][r.ConfigAddress] = append(direct[d][r.ConfigAddress], activity)
	}
	for _, d := range docs {
		if d == nil {
			continue
		}
		for _, a := range d.ByType(ActivityType) {
			if a.Mode != "managed" || a.Operation == tfplan.OpDelete || a.Operation == tfplan.OpForget {
				continue
			}
			// Only reading here, never printing: marks can go.
			after, _ := a.After.UnmarkDeep()
			activity := a.Address
			if id, ok := stringOf(getAttr(after, "id")); ok && id != "" {
				activity = id
			}
			for _, s := range ActivitySystems(after) {
				label, address, qualified, ok := Parse(s)
				if !ok {
					continue
				}
				c := Claim{Activity: activity, ActivityAddress: a.Address, Document: d.Label, System: s}
				res.Claims = append(res.Claims, c)
				var matches []Match
				switch {
				case qualified:
					if target := res.byLabel[label]; target != nil {
						for _, r := range ix(target).lookup(address) {
							matches = append(matches, Match{target, r})
						}
					}
				default:
					for _, r := range ix(d).lookup(address) {
						matches = append(matches, Match{d, r})
					}
					if len(matches) == 0 {
						var labels []string
						for _, other := range docs {
							if other == nil || other == d {
								continue
							}
							found := ix(other).lookup(address)
							for _, r := range found {
								matches = append(matches, Match{other, r})
							}
							if len(found) > 0 {
								labels = append(labels, other.Label)
							}
						}
						if len(labels) > 1 {
							sort.Strings(labels)
							res.Ambiguous = append(res.Ambiguous, Ambiguity{Claim: c, Documents: labels})
						}
					}
				}
				if len(matches) == 0 {
					res.NotFound = append(res.NotFound, c)
				}
				for _, m := range matches {
					name(m.Document, m.Resource, activity)
				}
			}
		}
	}
	// One hop, within each document.
	for d, byConfig := range direct {
		for _, r := range d.Resources {
			for _, ref := range r.References {
				if ids, ok := byConfig[ref]; ok && ref != r.ConfigAddress {
					res.activities[r] = append(res.activities[r], ids...)
				}
			}
		}
	}
	for r, ids := range res.activities {
		res.activities[r] = distinct(ids)
	}
	return res
}

// Activities returns the ids of the activities that name r, directly or
// one hop, sorted; nil when none does.
func (res *Resolution) Activities(r *tfplan.Resource) []string {
	if res == nil {
		return nil
	}
	return res.activities[r]
}

// Named reports whether an activity names r, directly or one hop.
func (res *Resolution) Named(r *tfplan.Resource) bool { return len(res.Activities(r)) > 0 }

// Document returns the document with the label, or nil when none given
// has it.
func (res *Resolution) Document(label string) *tfplan.Document { return res.byLabel[label] }

// Find returns the resources an address names (qualified or not) in the
// documents given: a qualified address in its document, an unqualified one
// in every document.
func (res *Resolution) Find(label, address string) []Match {
	var docs []*tfplan.Document
	if label != "" {
		if d := res.byLabel[label]; d != nil {
			docs = []*tfplan.Document{d}
		}
	} else {
		docs = res.docs
	}
	var out []Match
	for _, d := range docs {
		if d == nil {
			continue
		}
		x, ok := res.index[d]
		if !ok {
			x = newIndex(d)
			res.index[d] = x
		}
		for _, r := range x.lookup(address) {
			out = append(out, Match{d, r})
		}
	}
	return out
}

// Qualified writes a resource's address qualified with its document's
// label.
func Qualified(label, address string) string { return label + ":" + address }

// ActivitySystems collects the systems of every life-cycle stage of a
// processing activity's values, in stage order.
func ActivitySystems(v cty.Value) []string {
	if !usable(v) || !v.Type().IsObjectType() {
		return nil
	}
	var out []string
	collect := func(stage cty.Value) {
		sys := getAttr(stage, "systems")
		if !usable(sys) || !sys.CanIterateElements() {
			return
		}
		for it := sys.ElementIterator(); it.Next(); {
			_, s := it.Element()
			if str, ok := stringOf(s); ok {
				out = append(out, str)
			}
		}
	}
	for _, stage := range []string{"collection", "storage", "use", "disposal", "transfer"} {
		s := getAttr(v, stage)
		if !usable(s) {
			continue
		}
		if s.CanIterateElements() && !s.Type().IsObjectType() {
			for it := s.ElementIterator(); it.Next(); {
				_, each := it.Element()
				collect(each)
			}
			continue
		}
		collect(s)
	}
	return out
}

func getAttr(v cty.Value, name string) cty.Value {
	if !usable(v) || !v.Type().IsObjectType() || !v.Type().HasAttribute(name) {
		return cty.NilVal
	}
	return v.GetAttr(name)
}

func usable(v cty.Value) bool {
	if v == cty.NilVal {
		return false
	}
	v, _ = v.Unmark()
	return v.IsKnown() && !v.IsNull()
}

func stringOf(v cty.Value) (string, bool) {
	if v == cty.NilVal {
		return "", false
	}
	v, _ = v.UnmarkDeep()
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

func distinct(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}
