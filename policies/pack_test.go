package policies_test

import (
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/engine"
	"github.com/privacycode/terraform-provider-pii/internal/policy"
	"github.com/privacycode/terraform-provider-pii/internal/policytest"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
	"github.com/privacycode/terraform-provider-pii/policies"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// The date the goldens are computed as of, so that review dates do not
// make them age.
const asOf = "2026-11-28"

func builtinPack(t *testing.T) *policy.Pack {
	t.Helper()
	pack, diags := policy.ParseFS(policies.FS, ".")
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	return pack
}

// The pack's own tests pass (CI also runs them through the test command).
func TestPackTests(t *testing.T) {
	pack := builtinPack(t)
	tests, diags := policytest.ParseFS(policies.FS, ".")
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	for _, o := range policytest.Run(pack, tests) {
		if !o.OK() {
			t.Errorf("%s:%d %q:\n  %s", o.Test.File, o.Test.Line, o.Test.Name, strings.Join(o.Failures, "\n  "))
		}
	}
}

// Every policy is described, mapped to controls that exist, named after
// its folder, and tested with at least one passing and one failing case.
func TestPackPolicies(t *testing.T) {
	pack := builtinPack(t)
	set, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	tests, diags := policytest.ParseFS(policies.FS, ".")
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	expected := map[string]map[results.Status]bool{}
	for _, tt := range tests {
		for _, e := range tt.Expects {
			if expected[e.Policy] == nil {
				expected[e.Policy] = map[results.Status]bool{}
			}
			expected[e.Policy][e.Result] = true
		}
	}
	for _, p := range pack.Policies {
		where := fmt.Sprintf("%s:%d: %s", p.DeclRange.Filename, p.DeclRange.Start.Line, p.Name)
		folder := path.Dir(p.DeclRange.Filename)
		if folder != "posture" && !strings.HasPrefix(p.Name, folder+"_") {
			t.Errorf("%s: policies in %s/ are named %s_...", where, folder, folder)
		}
		if strings.TrimSpace(p.Description) == "" {
			t.Errorf("%s: no description", where)
		}
		if len(p.Controls) == 0 {
			t.Errorf("%s: no controls", where)
		}
		for _, c := range p.Controls {
			if _, err := set.LookupControl(c); err != nil {
				t.Errorf("%s: control %s: %v", where, c, err)
			}
		}
		for _, want := range []results.Status{results.Pass, results.Fail} {
			if !expected[p.Name][want] {
				t.Errorf("%s: no policy test expects %s", where, want)
			}
		}
	}
	for name, in := range pack.Inputs {
		if in.Default == cty.NilVal || in.Default.IsNull() {
			t.Errorf("input %s has no default: the built-in pack must run without --var", name)
		}
		if strings.TrimSpace(in.Description) == "" {
			t.Errorf("input %s has no description", name)
		}
	}
}

// TestRealPlans checks the pack over real plans of public repositories
// (copies in internal/tfplan/testdata/plans, and plans derived from them
// in testdata/plans, which tag a resource as PII), with assume_pii off and on,
// against goldens reviewed by hand (go test ./policies/ -update rewrites
// them). Whatever the goldens say, the pack never errors on a real plan,
// and with assume_pii off it never finds fault with a resource that holds
// no PII, unless the resource protects one that does (a trail, a key) and
// the message names it.
func TestRealPlans(t *testing.T) {
	paths, err := filepath.Glob("../internal/tfplan/testdata/plans/*.json")
	if err != nil || len(paths) < 15 {
		t.Fatalf("fixtures: %v %v", paths, err)
	}
	derived, err := filepath.Glob("testdata/plans/*.json")
	if err != nil || len(derived) == 0 {
		t.Fatalf("derived plans: %v %v", derived, err)
	}
	paths = append(paths, derived...)
	pack := builtinPack(t)
	for _, assume := range []bool{false, true} {
		eng, err := engine.New(pack, engine.Options{Today: asOf, Inputs: map[string]cty.Value{"assume_pii": cty.BoolVal(assume)}})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			name := strings.TrimSuffix(filepath.Base(p), ".json")
			t.Run(fmt.Sprintf("%s/assume_pii=%v", name, assume), func(t *testing.T) {
				b, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				doc, err := tfplan.Read(filepath.Base(p), b)
				if err != nil {
					t.Fatal(err)
				}
				report := eng.Check([]*tfplan.Document{doc})
				var holders []string
				for _, r := range report.Results {
					if r.Resource.HoldsPII {
						holders = append(holders, r.Resource.Address)
					}
				}
				for _, r := range report.Results {
					if r.Status == results.Error {
						t.Errorf("error: %s on %s: %v", r.Policy.Name, r.Resource.Address, r.Messages)
					}
					// A resource that only protects stores (a trail, a key)
					// may fail, but then it must name a store it protects.
					if !assume && (r.Status == results.Fail || r.Status == results.Unknown) && !r.Resource.HoldsPII &&
						!strings.HasPrefix(r.Resource.Type, "pii_") && !namesAny(strings.Join(r.Messages, " "), holders) {
						t.Errorf("%s on %s, which holds no PII and protects none: %s %v", r.Policy.Name, r.Resource.Address, r.Status, r.Messages)
					}
				}
				golden(t, filepath.Join("testdata", "golden", fmt.Sprintf("%s.assume_pii-%v.txt", name, assume)), summary(report))
			})
		}
	}
}

// namesAny reports whether message names one of the addresses.
func namesAny(message string, addresses []string) bool {
	for _, a := range addresses {
		if strings.Contains(message, a) {
			return true
		}
	}
	return false
}

// summary renders what a reviewer needs: the counts, then every result
// that is not a pass or not applicable, without policy file lines (which
// move with every edit).
func summary(r *results.Report) []byte {
	counts := map[results.Status]int{}
	var lines []string
	for _, res := range r.Results {
		counts[res.Status]++
		if res.Status == results.Pass || res.Status == results.NotApplicable {
			continue
		}
		pii := ""
		if res.Resource.HoldsPII {
			pii = " (holds PII)"
		}
		lines = append(lines, fmt.Sprintf("%s%s\n  %s %s [%s, %s]\n    %s", res.Resource.Address, pii, strings.ToUpper(string(res.Status)),
			res.Policy.Name, res.Policy.Severity, res.Policy.EnforcementLevel, strings.Join(res.Messages, "\n    ")))
	}
	sort.Strings(lines)
	var b strings.Builder
	fmt.Fprintf(&b, "pass %d, fail %d, unknown %d, error %d, not_applicable %d; blocking %d\n",
		counts[results.Pass], counts[results.Fail], counts[results.Unknown], counts[results.Error], counts[results.NotApplicable], len(r.Blocking(false)))
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	return []byte(b.String())
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./policies/ -update to create it)", err)
	}
	if string(want) != string(got) {
		t.Errorf("%s differs (review, then go test ./policies/ -update):\n--- want\n%s\n--- got\n%s", path, want, got)
	}
}

// The policies that check what an ISO/IEC 27018 control asks of a cloud
// processor name it next to their 29151 and 27701 controls (the catalog
// guide gives the reasons): data residency (A.12.1), encryption in transit
// (A.11.6), deletion and lifecycle (A.10.3, A.5.1), logs that record
// restores (A.11.3), one identity per user (A.11.8) and the processor's
// duties.
func TestPackNamesISO27018Controls(t *testing.T) {
	want := map[string][]string{
		"aws_pii_data_store_region_allowed":        {"iso27018:A.12.1"},
		"aws_pii_data_store_region_known":          {"iso27018:A.12.1"},
		"azurerm_data_residency":                   {"iso27018:A.12.1"},
		"google_data_residency":                    {"iso27018:A.12.1"},
		"activity_transfers_safeguarded":           {"iso27018:A.12.1"},
		"azurerm_flexible_server_secure_transport": {"iso27018:A.11.6"},
		"azurerm_mssql_server_tls":                 {"iso27018:A.11.6"},
		"azurerm_storage_secure_transfer":          {"iso27018:A.11.6"},
		"google_sql_ssl_required":                  {"iso27018:A.11.6"},
		"aws_s3_bucket_pii_expiration":             {"iso27018:A.10.3"},
		"google_storage_bucket_retention":          {"iso27018:A.10.3"},
		"google_bigquery_dataset_expiration":       {"iso27018:A.10.3"},
		"activity_retention_and_disposal":          {"iso27018:A.10.3"},
		"aws_cloudwatch_log_group_pii_retention":   {"iso27018:A.5.1"},
		"aws_cloudtrail_log_file_validation":       {"iso27018:A.11.3"},
		"aws_s3_bucket_pii_access_logging":         {"iso27018:A.11.3"},
		"google_storage_bucket_access_logging":     {"iso27018:A.11.3"},
		"azurerm_cosmosdb_local_auth_disabled":     {"iso27018:A.11.8"},
		"processor_activity_controls":              {"iso27018:A.3.1", "iso27018:A.2.1", "iso27018:A.10.3", "iso27018:A.12.1", "iso27018:A.11.12", "iso27018:A.10.1"},
	}
	got := map[string][]string{}
	for _, p := range builtinPack(t).Policies {
		for _, c := range p.Controls {
			if strings.HasPrefix(c, "iso27018:") {
				got[p.Name] = append(got[p.Name], c)
			}
		}
	}
	for name, controls := range want {
		if strings.Join(got[name], ",") != strings.Join(controls, ",") {
			t.Errorf("%s names the 27018 controls %v, want %v", name, got[name], controls)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s names 27018 controls %v: add it to this test and to the catalog guide", name, got[name])
		}
	}
}

// The README says how many policies the pack holds; the number is the
// pack's.
func TestReadmeCountsThePolicies(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("The pack built into the binary holds %d policies", len(builtinPack(t).Policies))
	if !strings.Contains(string(readme), want) {
		t.Errorf("README.md should say %q", want)
	}
}
