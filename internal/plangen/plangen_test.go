package plangen

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

func generate(t *testing.T, n int) ([]byte, Stats, *tfplan.Document) {
	t.Helper()
	data, st, err := Generate(Config{Resources: n})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := tfplan.Read("generated.json", data)
	if err != nil {
		t.Fatalf("%d resources: %v", n, err)
	}
	return data, st, doc
}

func TestGenerate(t *testing.T) {
	const n = 3000
	data, st, doc := generate(t, n)
	if len(doc.Resources) != n || st.Resources != n || st.Bytes != int64(len(data)) {
		t.Fatalf("%d resources read, stats %d (%d bytes of %d), want %d", len(doc.Resources), st.Resources, st.Bytes, len(data), n)
	}
	if doc.Kind != tfplan.Plan || doc.FormatVersion != "1.2" {
		t.Errorf("kind %s, format %s", doc.Kind, doc.FormatVersion)
	}
	if len(doc.Types()) != int(numKinds) {
		t.Errorf("types %v, want all %d", doc.Types(), numKinds)
	}
	for typ, count := range st.ByType {
		if got := len(doc.ByType(typ)); got != count {
			t.Errorf("%s: %d in the document, %d in the stats", typ, got, count)
		}
	}

	// Exactly a fifth of the data stores hold PII, tagged or named by an
	// activity, and nothing else marks a data store.
	stores := map[string]bool{}
	for _, typ := range DataStoreTypes {
		for _, r := range doc.ByType(typ) {
			stores[r.Address] = true
		}
	}
	named := map[string]bool{}
	for _, a := range doc.ByType("pii_processing_activity") {
		after, _ := a.After.UnmarkDeep()
		for it := after.GetAttr("storage").GetAttr("systems").ElementIterator(); it.Next(); {
			_, s := it.Element()
			if !stores[s.AsString()] {
				t.Errorf("%s names %s, which is no data store of the plan", a.Address, s.AsString())
			}
			named[s.AsString()] = true
		}
	}
	tagged := 0
	for addr := range stores {
		r := doc.Lookup(addr)
		if classification(r) == "pii" {
			tagged++
			if named[addr] {
				t.Errorf("%s is both tagged and named", addr)
			}
		}
		for _, ref := range r.References {
			if stores[ref] {
				t.Errorf("data store %s refers to data store %s", addr, ref)
			}
		}
	}
	if len(stores) != st.DataStores || tagged != st.Tagged || len(named) != st.Named {
		t.Errorf("stores %d tagged %d named %d; stats %+v", len(stores), tagged, len(named), st)
	}
	if want := st.DataStores / 5; st.PII != want || tagged+len(named) != want || st.Named == 0 {
		t.Errorf("%d of %d data stores hold PII (%d tagged, %d named), want %d", tagged+len(named), st.DataStores, tagged, len(named), want)
	}
	if st.Modules == 0 {
		t.Error("no child modules")
	}

	// Unknowns, sensitive values, operations and references.
	ops := map[string]int{}
	var unknownID, sensitivePassword, unknownBucketRef int
	for _, r := range doc.Resources {
		ops[r.Operation]++
		after, _ := r.After.Unmark()
		if r.Operation == tfplan.OpCreate && after.Type().IsObjectType() && after.Type().HasAttribute("id") && !after.GetAttr("id").IsKnown() {
			unknownID++
		}
		if r.Type == "aws_db_instance" && r.Operation != tfplan.OpDelete && after.GetAttr("password").HasMark(tfplan.Sensitive) {
			sensitivePassword++
		}
		if strings.HasPrefix(r.Type, "aws_s3_bucket_") {
			var bucket *tfplan.Resource
			for _, ref := range r.References {
				if x := doc.Lookup(ref); x != nil && x.Type == "aws_s3_bucket" {
					bucket = x
				}
			}
			if bucket == nil || len(r.References) > 2 {
				t.Errorf("%s refers to %v, want its bucket (and its key)", r.Address, r.References)
				continue
			}
			if by := doc.ReferencedBy(bucket); len(by) == 0 {
				t.Errorf("nothing refers to %s", bucket.Address)
			}
			if !after.GetAttr("bucket").IsKnown() {
				unknownBucketRef++
			}
		}
	}
	for _, op := range []string{tfplan.OpCreate, tfplan.OpUpdate, tfplan.OpNoOp, tfplan.OpReplace, tfplan.OpDelete} {
		if ops[op] == 0 {
			t.Errorf("no %s in %v", op, ops)
		}
	}
	if unknownID == 0 || sensitivePassword != st.ByType["aws_db_instance"] || unknownBucketRef == 0 {
		t.Errorf("unknown ids %d, sensitive passwords %d of %d, unknown bucket references %d",
			unknownID, sensitivePassword, st.ByType["aws_db_instance"], unknownBucketRef)
	}

	// The sections terraform writes.
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"planned_values", "resource_changes", "prior_state", "configuration"} {
		if len(top[k]) == 0 {
			t.Errorf("no %s", k)
		}
	}
}

func classification(r *tfplan.Resource) string {
	after, _ := r.After.UnmarkDeep()
	if !after.Type().IsObjectType() || !after.Type().HasAttribute("tags") {
		return ""
	}
	tags := after.GetAttr("tags")
	if tags.IsNull() || !tags.Type().HasAttribute("data_classification") {
		return ""
	}
	v := tags.GetAttr("data_classification")
	if v.Type() != cty.String {
		return ""
	}
	return v.AsString()
}

func TestDeterministic(t *testing.T) {
	a, _, err := Generate(Config{Resources: 500})
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := Generate(Config{Resources: 500})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two documents of the same config differ")
	}
}

// Every size is exact, however the units and activities fall.
func TestSizes(t *testing.T) {
	for n := 1; n <= 120; n++ {
		_, st, doc := generate(t, n)
		if len(doc.Resources) != n || st.Resources != n || st.PII != st.DataStores/5 {
			t.Fatalf("%d: %d resources, stats %+v", n, len(doc.Resources), st)
		}
	}
	if _, _, err := Generate(Config{}); err == nil {
		t.Error("no error for 0 resources")
	}
}
