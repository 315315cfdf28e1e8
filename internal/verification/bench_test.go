package verification

import (
	"fmt"
	"io/fs"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/privacycode/terraform-provider-pii/internal/engine"
	"github.com/privacycode/terraform-provider-pii/internal/plangen"
	"github.com/privacycode/terraform-provider-pii/internal/policy"
	"github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/systems"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
	"github.com/privacycode/terraform-provider-pii/policies"
)

// builtinPack parses the embedded pack as the check command does.
func builtinPack(tb testing.TB) *policy.Pack {
	tb.Helper()
	var sources []policy.Source
	err := fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, policy.PolicySuffix) {
			return err
		}
		b, err := policies.FS.ReadFile(p)
		sources = append(sources, policy.Source{Filename: "<builtin>/" + p, Bytes: b})
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	pack, diags := policy.Parse(sources...)
	if diags.HasErrors() {
		tb.Fatal(diags.Error())
	}
	return pack
}

// manyDocsSummary is what every split must conclude alike: the counts of
// results by policy and status, of claims and of control statuses.
var manyDocsSummary string

func summarize(report *results.Report, outcome *Outcome, named *systems.Resolution) string {
	counts := map[string]int{}
	for _, r := range report.Results {
		counts[r.Policy.Name+" "+string(r.Status)]++
	}
	for _, c := range outcome.Controls {
		counts["control "+c.Status]++
	}
	counts["claims"], counts["not found"], counts["ambiguous"] = len(named.Claims), len(named.NotFound), len(named.Ambiguous)
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s: %d\n", k, counts[k])
	}
	return b.String()
}

// BenchmarkVerifyManyDocuments checks a posture of 500 activities with
// 50,000 generated AWS resources in 1, 10 and 50 documents, the same
// resources in each split (plangen.GenerateWorkspaces with
// plangen.DefaultWorkspacesConfig: 50 workspaces of 1,000 resources, merged
// 5 or 50 to a document): the pipeline of the check command
// (systems.Resolve, the built-in pack, posture.Read, Verify and Add) over
// documents read once, outside the timing. Every split must conclude the
// same. The target: docs=50 within 1.2x of docs=1. make
// bench-verify times the command itself, reading included, over the same
// documents as files (tools/workspacegen).
func BenchmarkVerifyManyDocuments(b *testing.B) {
	pack := builtinPack(b)
	cfg := plangen.DefaultWorkspacesConfig()
	for _, n := range []int{1, 10, 50} {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			set, err := plangen.GenerateWorkspaces(cfg, n)
			if err != nil {
				b.Fatal(err)
			}
			var docs []*tfplan.Document
			addresses := map[string]bool{}
			infra := 0
			for _, f := range set.Documents() {
				d, err := tfplan.Read(f.Name, f.Data)
				if err != nil {
					b.Fatal(err)
				}
				d.Label = f.Label
				docs = append(docs, d)
				if f.Label == plangen.PostureLabel {
					continue
				}
				for _, r := range d.Resources {
					addresses[r.Address] = true
				}
				infra += len(d.Resources)
			}
			if infra != cfg.Resources() || len(addresses) != infra {
				b.Fatalf("%d resources, %d distinct addresses, want %d distinct", infra, len(addresses), cfg.Resources())
			}
			eng, err := engine.New(pack, engine.Options{})
			if err != nil {
				b.Fatal(err)
			}
			// Not the setup's garbage (the merge's copies of the parts) in
			// the timing.
			runtime.GC()
			b.ReportAllocs()
			var report *results.Report
			var outcome *Outcome
			var named *systems.Resolution
			for b.Loop() {
				named = systems.Resolve(docs)
				report = eng.CheckResolved(docs, named)
				p, err := posture.Read(docs, posture.Options{})
				if err != nil {
					b.Fatal(err)
				}
				outcome, err = Verify(Input{Documents: docs, Posture: p, Check: report, Systems: named})
				if err != nil {
					b.Fatal(err)
				}
				outcome.Add(report, docs)
			}
			if len(named.NotFound) > 0 || len(named.Ambiguous) > 0 {
				b.Fatalf("%d systems not found (%v), %d ambiguous", len(named.NotFound), named.NotFound[:min(3, len(named.NotFound))], len(named.Ambiguous))
			}
			// The split must change the cost only, never the conclusions.
			if s := summarize(report, outcome, named); manyDocsSummary == "" {
				manyDocsSummary = s
			} else if s != manyDocsSummary {
				b.Errorf("docs=%d concludes otherwise than the first split:\n%s\nfirst:\n%s", n, s, manyDocsSummary)
			}
			b.ReportMetric(float64(infra), "resources/op")
			b.ReportMetric(float64(len(report.Results)), "results/op")
		})
	}
}
