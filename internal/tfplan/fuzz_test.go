package tfplan

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"
)

// fuzzSeeds are the seed corpus of FuzzRead: the small hand-written
// documents, two small real plans, cut and mangled variants of them, and
// the error cases.
func fuzzSeeds(t testing.TB) [][]byte {
	var seeds [][]byte
	for _, file := range []string{
		"plan_0_1.json", "plan_1_2.json", "state_1_0.json",
		"plans/Yevgene-DP__aws_devops_task_6_deploy_storage__tfplan.json",
		"plans/oocx__tfplan2md__examples_azuredevops_terraform_plan2.json",
	} {
		data, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, data)
		// Cut in the middle, and mangled: brackets and quotes swapped,
		// numbers where strings were, a digit run made huge.
		seeds = append(seeds, data[:len(data)/2], data[:len(data)/3])
		for _, swap := range [][2]string{
			{"]", "}"}, {`"`, `'`}, {`"create"`, `7`}, {`true`, `"true"`}, {`{}`, `[]`},
			{`"index": 0`, `"index": 1e999999999999`}, {`"after": {`, `"after": [{`},
		} {
			if mangled := bytes.Replace(data, []byte(swap[0]), []byte(swap[1]), 3); !bytes.Equal(mangled, data) {
				seeds = append(seeds, mangled)
			}
		}
	}
	for _, s := range []string{
		"", " ", "x", "[]", "[1,2", "null", `"s"`, "{}", `{"format_version":"1.0"}`, `{"format_version":"2.0"}`,
		`{"format_version":"1.2","resource_changes":[{"address":"a.b","mode":"managed","type":"a","name":"b","change":{"actions":["create"],"after":{"x":[1,null]},"after_unknown":{"x":[false,true,{"y":true}],"z":true},"after_sensitive":{"x":true}}}]}`,
		`{"format_version":"1.0","values":{"root_module":{"child_modules":[{"address":"module.a[\"k\"]","resources":[{"address":"module.a[\"k\"].x.y","mode":"data","type":"x","name":"y","values":{"a":"b"},"sensitive_values":{"a":true}}]}]}}}`,
		`{"format_version":"1.2","configuration":{"root_module":{"resources":[{"address":"a.b","mode":"managed","type":"a","name":"b","expressions":{"x":{"references":["c.d.e","data.f.g"]},"blk":[{"y":{"references":["h.i[0]"]}}]}}],"module_calls":{"m":{"module":{"resources":[]}}}}}}`,
		`{"format_version":"1.2","variables":{"r":{"value":"eu-west-1"}},"resource_changes":[{"address":"module.m.a.b","module_address":"module.m","mode":"managed","type":"a","name":"b","provider_name":"x/a","change":{"actions":["create"],"after":{}}}],"configuration":{"provider_config":{"a":{"name":"a","expressions":{"region":{"references":["var.r"]},"zone":{"constant_value":[1,{"x":null}]}}},"module.m:a":{"name":"a","module_address":"module.m"}},"root_module":{"module_calls":{"m":{"module":{"resources":[{"address":"a.b","mode":"managed","type":"a","name":"b","provider_config_key":"m:a"}]}}}}}}`,
		"\xef\xbb\xbf{}", "\xff\xfe", `{"a":"\ud800"}`, `{"a":1e400}`, `{"a":-0.0e-0}`,
	} {
		seeds = append(seeds, []byte(s))
	}
	// The files given by mistake (see sniff.go), and cut versions of them.
	for _, s := range [][]byte{savedPlan(t), gzipOf(t, "{}"), []byte(planText), []byte(planTextColour), []byte(stateText), []byte(rawState)} {
		seeds = append(seeds, s, s[:len(s)/2])
	}
	return seeds
}

// FuzzRead feeds arbitrary bytes to Read. Whatever the input, Read must not
// panic and returns either a document or a *FormatError with a one-line
// message; it calls the input "not JSON" exactly when encoding/json does;
// and a document's resources and indexes are consistent. The seed corpus
// runs with the tests; go test -fuzz FuzzRead explores further.
func FuzzRead(f *testing.F) {
	for _, seed := range fuzzSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read("fuzz.json", data)
		if (doc == nil) == (err == nil) {
			t.Fatalf("document %v and error %v", doc, err)
		}
		if err != nil {
			checkFuzzError(t, data, err)
			return
		}
		if !json.Valid(bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})) {
			t.Fatalf("a document from input that is not JSON")
		}
		for _, r := range doc.Resources {
			if r.Address == "" || r.Operation == "" || r.After == cty.NilVal || r.Before == cty.NilVal {
				t.Fatalf("incomplete resource %+v", r)
			}
			if doc.Lookup(r.Address) == nil {
				t.Fatalf("Lookup(%q) is nil", r.Address)
			}
			for _, by := range doc.ReferencedBy(r) {
				if !contains(by.References, r.ConfigAddress) {
					t.Fatalf("ReferencedBy(%s) has %s", r.Address, by.Address)
				}
			}
			// What a policy engine does with the values must not panic
			// either.
			containsUnknown(r.After)
			sensitivePaths(r.Before)
			_ = r.After.GoString()
		}
		n := 0
		for _, typ := range doc.Types() {
			n += len(doc.ByType(typ))
		}
		if n != len(doc.Resources) {
			t.Fatalf("ByType finds %d resources of %d", n, len(doc.Resources))
		}
	})
}

func checkFuzzError(t *testing.T, data []byte, err error) {
	t.Helper()
	var ferr *FormatError
	if !errors.As(err, &ferr) {
		t.Fatalf("got %T %v, want a *FormatError", err, err)
	}
	if ferr.Name != "fuzz.json" || ferr.Reason == "" || strings.ContainsAny(err.Error(), "\n\r") {
		t.Fatalf("bad message %q", err.Error())
	}
	stripped := bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	notJSON := strings.HasPrefix(ferr.Reason, "is not JSON") || strings.HasPrefix(ferr.Reason, "is empty") ||
		strings.HasPrefix(ferr.Reason, "is UTF-16")
	if valid := json.Valid(stripped); valid == notJSON {
		t.Fatalf("encoding/json says valid: %v, Read says %q", valid, err)
	}
}

// TestFuzzSeedsAreVaried checks that the seed corpus reaches every outcome.
func TestFuzzSeedsAreVaried(t *testing.T) {
	var docs, notJSON, other int
	for _, seed := range fuzzSeeds(t) {
		_, err := Read("seed.json", seed)
		var ferr *FormatError
		switch {
		case err == nil:
			docs++
		case errors.As(err, &ferr) && strings.HasPrefix(ferr.Reason, "is not JSON"):
			notJSON++
		default:
			other++
		}
	}
	if docs < 5 || notJSON < 5 || other < 5 {
		t.Errorf("seeds give %d documents, %d not JSON, %d other errors", docs, notJSON, other)
	}
}
