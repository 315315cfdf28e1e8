package engine

import (
	"runtime"
	"strings"
	"sync"

	"github.com/zclconf/go-cty/cty"

	"github.com/privacycode/terraform-provider-pii/internal/systems"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// DefaultClassifications are the data_classification tag values that mark
// a resource as holding PII.
var DefaultClassifications = []string{"pii", "personal", "personal_data", "sensitive", "special"}

// holdersOf decides, for every resource of a document, whether it holds
// PII: its tags or labels say so, or a processing activity of any document
// of the run names it among its systems, or its configuration references
// such a resource directly (the split resources of a bucket: versioning,
// encryption, public access block). Package systems resolves the names.
func holdersOf(doc *tfplan.Document, classifications []string, named *systems.Resolution) map[*tfplan.Resource]bool {
	holds := map[*tfplan.Resource]bool{}
	// Reading the tags of every resource is most of the work: it is
	// shared between goroutines.
	tagged := make([]bool, len(doc.Resources))
	inParallel(len(doc.Resources), func(from, to int) {
		for i := from; i < to; i++ {
			tagged[i] = taggedPII(doc.Resources[i].After, classifications)
		}
	})
	direct := map[string]bool{} // config addresses of tagged holders
	for i, r := range doc.Resources {
		switch {
		case tagged[i]:
			holds[r] = true
			direct[r.ConfigAddress] = true
		case named.Named(r):
			holds[r] = true
		}
	}
	for _, r := range doc.Resources {
		if holds[r] {
			continue
		}
		for _, ref := range r.References {
			if direct[ref] {
				holds[r] = true
				break
			}
		}
	}
	return holds
}

// minPerGoroutine is the fewest resources worth a goroutine of their own
// in inParallel.
const minPerGoroutine = 1000

// inParallel calls fn over consecutive ranges that cover [0, n), on up to
// GOMAXPROCS goroutines, and returns when all calls have.
func inParallel(n int, fn func(from, to int)) {
	workers := min(runtime.GOMAXPROCS(0), n/minPerGoroutine)
	if workers <= 1 {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() { fn(w*n/workers, (w+1)*n/workers) })
	}
	wg.Wait()
}

// taggedPII reads tags, tags_all and labels.
func taggedPII(attrs cty.Value, classifications []string) bool {
	attrs, _ = attrs.Unmark()
	if !usable(attrs) || !attrs.Type().IsObjectType() {
		return false
	}
	for _, name := range []string{"tags", "tags_all", "labels"} {
		if !attrs.Type().HasAttribute(name) {
			continue
		}
		// Only reading here, never printing: marks can go.
		tags, _ := attrs.GetAttr(name).UnmarkDeep()
		if !usable(tags) || (!tags.Type().IsObjectType() && !tags.Type().IsMapType()) {
			continue
		}
		for it := tags.ElementIterator(); it.Next(); {
			k, v := it.Element()
			key := strings.ToLower(k.AsString())
			val, ok := stringOf(v)
			if !ok {
				continue
			}
			val = strings.ToLower(strings.TrimSpace(val))
			switch key {
			case "pii", "contains_pii", "personal_data":
				if val == "true" || val == "yes" || val == "1" {
					return true
				}
			case "data_classification", "data-classification", "dataclassification", "classification":
				for _, c := range classifications {
					if val == c {
						return true
					}
				}
			}
		}
	}
	return false
}

// usable is true for known, non-null values, marks set aside.
func usable(v cty.Value) bool {
	v, _ = v.Unmark()
	return v.IsKnown() && !v.IsNull()
}

func stringOf(v cty.Value) (string, bool) {
	v, _ = v.UnmarkDeep()
	if !v.IsKnown() || v.IsNull() {
		return "", false
	}
	switch {
	case v.Type() == cty.String:
		return v.AsString(), true
	case v.Type() == cty.Bool:
		if v.True() {
			return "true", true
		}
		return "false", true
	}
	return "", false
}
