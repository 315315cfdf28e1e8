package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/privacycode/terraform-provider-pii/internal/plangen"
	"github.com/privacycode/terraform-provider-pii/internal/policy"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// benchDir is the benchmark pack: 30 policies over the plans of
// internal/plangen (make bench-policy checks them with the CLI).
const benchDir = "testdata/bench"

func loadBenchPack(t testing.TB) *policy.Pack {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(benchDir, "*"+policy.PolicySuffix))
	if err != nil || len(files) == 0 {
		t.Fatalf("no policies in %s: %v", benchDir, err)
	}
	var sources []policy.Source
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, policy.Source{Filename: f, Bytes: b})
	}
	pack, diags := policy.Parse(sources...)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	return pack
}

func TestBenchPack(t *testing.T) {
	pack := loadBenchPack(t)
	if len(pack.Policies) != 30 {
		t.Errorf("%d policies, want 30", len(pack.Policies))
	}
	levels := map[string]int{}
	globs := 0
	for _, p := range pack.Policies {
		levels[p.EnforcementLevel]++
		if p.TypePattern == "*" {
			globs++
		}
		if len(p.Controls) == 0 || p.Description == "" {
			t.Errorf("%s has no controls or no description", p.Name)
		}
	}
	if globs < 2 || levels[results.Advisory] == 0 || levels[results.Mandatory] == 0 || levels[results.MandatoryOverridable] == 0 {
		t.Errorf("%d \"*\" policies, enforcement levels %v", globs, levels)
	}

	// Over a generated plan: no policy errs, each one decides something,
	// and exactly the data stores plangen made PII-bearing hold PII.
	data, st, err := plangen.Generate(plangen.Config{Resources: 4000})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := tfplan.Read("plan.json", data)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := New(pack, Options{})
	if err != nil {
		t.Fatal(err)
	}
	report := eng.Check([]*tfplan.Document{doc})
	decided := map[string]map[results.Status]int{}
	stores := map[string]bool{}
	for _, typ := range plangen.DataStoreTypes {
		stores[typ] = true
	}
	holders := map[string]bool{}
	for _, r := range report.Results {
		if r.Status == results.Error {
			t.Errorf("%s on %s: %s", r.Policy.Name, r.Resource.Address, strings.Join(r.Messages, "; "))
		}
		if decided[r.Policy.Name] == nil {
			decided[r.Policy.Name] = map[results.Status]int{}
		}
		decided[r.Policy.Name][r.Status]++
		if stores[r.Resource.Type] && r.Resource.HoldsPII {
			holders[r.Resource.Address] = true
		}
	}
	for _, p := range pack.Policies {
		if d := decided[p.Name]; d[results.Pass]+d[results.Fail]+d[results.Unknown] == 0 {
			t.Errorf("%s decides nothing: %v", p.Name, d)
		}
	}
	if len(holders) != st.PII || st.PII != st.DataStores/5 {
		t.Errorf("%d data stores hold PII, want %d of %d", len(holders), st.PII, st.DataStores)
	}
	if report.ExitCode(false) != results.ExitBlocking {
		t.Errorf("exit code %d, want failures that block", report.ExitCode(false))
	}
}

// BenchmarkCheck reads a generated plan (internal/plangen) and checks it
// with the benchmark pack: what `terraform-provider-pii check` does, the
// output aside.
func BenchmarkCheck(b *testing.B) {
	pack := loadBenchPack(b)
	for _, n := range []int{20000, 40000} {
		b.Run(fmt.Sprintf("resources=%d", n), func(b *testing.B) {
			data, _, err := plangen.Generate(plangen.Config{Resources: n})
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			var report *results.Report
			for b.Loop() {
				doc, err := tfplan.Read("plan.json", data)
				if err != nil {
					b.Fatal(err)
				}
				eng, err := New(pack, Options{})
				if err != nil {
					b.Fatal(err)
				}
				report = eng.Check([]*tfplan.Document{doc})
			}
			b.ReportMetric(float64(len(report.Results)), "results/op")
		})
	}
}
