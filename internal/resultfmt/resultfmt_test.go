package resultfmt

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/privacycode/terraform-provider-pii/internal/results"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var extensions = map[string]string{
	"text":     "txt",
	"json":     "json",
	"sarif":    "sarif",
	"junit":    "xml",
	"markdown": "md",
}

// testReport covers every status, every enforcement level, an overridden
// policy, two documents (and one with no resources), a module address with
// a quoted index key, multi-line and multiple messages, a result without
// messages, and user text with <script>, | and non-Latin characters. Its
// results are out of order on purpose.
func testReport() *results.Report {
	encrypted := &results.Policy{
		Name: "s3_encrypted", Description: "S3 buckets holding PII are encrypted with a customer-managed KMS key.",
		Controls: []string{"iso29151:A.11.3", "iso27701:6.7.1.1"}, Severity: "high", EnforcementLevel: results.Mandatory,
		File: "policies/storage.hcl", Line: 3, ResourceType: "aws_s3_bucket",
	}
	public := &results.Policy{
		Name: "s3_public_access", Description: "S3 buckets holding PII block public access.",
		Controls: []string{"iso29151:A.11.1"}, Severity: "critical", EnforcementLevel: results.MandatoryOverridable,
		File: "policies/storage.hcl", Line: 18, ResourceType: "aws_s3_bucket",
	}
	logging := &results.Policy{
		Name: "s3_logging", Description: "S3 buckets holding PII log access.",
		Controls: []string{"iso29151:A.12.4"}, Severity: "medium", EnforcementLevel: results.MandatoryOverridable,
		File: "policies/storage.hcl", Line: 31, ResourceType: "aws_s3_bucket",
	}
	owner := &results.Policy{
		Name: "tags_owner", Description: "Every resource names an owner | <script>alert(1)</script> — 责任人",
		Controls: []string{"iso27701:7.2.8"}, Severity: "low", EnforcementLevel: results.Advisory,
		File: "policies/tags.hcl", Line: 1, ResourceType: "*",
	}
	region := &results.Policy{
		Name: "region_eea", Description: "Données personnelles restent dans l'EEE.",
		Controls: []string{"iso27701:7.5.1", "iso29151:A.13.1"}, Severity: "medium", EnforcementLevel: results.Mandatory,
		File: "policies/residency.hcl", Line: 5, ResourceType: "aws_*",
	}
	retention := &results.Policy{
		Name: "retention", Severity: "high", EnforcementLevel: results.Mandatory,
		File: "policies/retention.hcl", Line: 2, ResourceType: "aws_dynamodb_table",
	}
	rotation := &results.Policy{
		Name: "kms_rotation", Description: "KMS keys rotate yearly.", Controls: []string{"iso27701:6.7.1.2"},
		Severity: "medium", EnforcementLevel: results.Advisory, File: "policies/kms.hcl", Line: 1, ResourceType: "aws_kms_key",
	}

	orders := &results.Resource{Address: "aws_s3_bucket.orders", Type: "aws_s3_bucket", Document: "plan-prod.json",
		Actions: []string{"create"}, Operation: "create", HoldsPII: true}
	moduleB := &results.Resource{Address: `module.a.aws_s3_bucket.b["x"]`, Type: "aws_s3_bucket", Document: "plan-prod.json",
		Actions: []string{"delete", "create"}, Operation: "replace", HoldsPII: true}
	key := &results.Resource{Address: `aws_kms_key.k["<script>alert(1)</script>|键"]`, Type: "aws_kms_key", Document: "plan-prod.json",
		Actions: []string{"update"}, Operation: "update"}
	ordersStaging := &results.Resource{Address: "aws_s3_bucket.orders", Type: "aws_s3_bucket", Document: "plan-staging.json",
		Actions: []string{"update"}, Operation: "update", HoldsPII: true}
	users := &results.Resource{Address: "aws_dynamodb_table.users", Type: "aws_dynamodb_table", Document: "plan-staging.json",
		Actions: []string{"create"}, Operation: "create", HoldsPII: true}

	return &results.Report{
		Documents: []string{"plan-staging.json", "plan-prod.json", "plan-empty.json"},
		Policies:  []*results.Policy{region, encrypted, public, logging, owner, retention, rotation},
		Results: []results.Result{
			{Policy: region, Resource: users, Status: results.Unknown, Messages: []string{"region depends on var.region (known after apply)."}},
			{Policy: owner, Resource: moduleB, Status: results.Fail, Messages: []string{`Tag "owner" is missing | <script>alert(1)</script> & 所有者が必要です`}},
			{Policy: encrypted, Resource: orders, Status: results.Fail, Messages: []string{
				"Bucket \"orders\" holds PII but has no server-side encryption.\nSet server_side_encryption_configuration with a KMS key.",
				"kms_master_key_id is (sensitive); it must name a customer-managed key.",
			}},
			{Policy: public, Resource: orders, Status: results.Fail, Messages: []string{"Block public access is off."}},
			{Policy: owner, Resource: orders, Status: results.Pass},
			{Policy: region, Resource: orders, Status: results.Unknown, Messages: []string{"region is known only after apply."}},
			{Policy: retention, Resource: orders, Status: results.Error, Messages: []string{
				`policies/retention.hcl:4,12-30: Unsupported attribute; this object does not have an attribute named "retention_days".`,
			}},
			{Policy: encrypted, Resource: moduleB, Status: results.Pass},
			{Policy: logging, Resource: moduleB, Status: results.Fail, Messages: []string{"Access logging is disabled."}},
			{Policy: region, Resource: moduleB, Status: results.NotApplicable},
			{Policy: public, Resource: moduleB, Status: results.Unknown, Messages: []string{"block_public_acls is (known after apply)."}},
			{Policy: owner, Resource: key, Status: results.Pass},
			{Policy: region, Resource: key, Status: results.Fail},
			{Policy: encrypted, Resource: ordersStaging, Status: results.Pass},
			{Policy: logging, Resource: ordersStaging, Status: results.Pass},
			{Policy: owner, Resource: ordersStaging, Status: results.Pass},
			{Policy: region, Resource: ordersStaging, Status: results.NotApplicable},
			{Policy: owner, Resource: users, Status: results.Unknown, Messages: []string{"tags.owner is (known after apply)."}},
			{Policy: retention, Resource: users, Status: results.Pass},
		},
		Overridden: []string{"s3_public_access"},
	}
}

type goldenCase struct {
	name   string
	report func() *results.Report
	opt    Options
}

var goldenCases = []goldenCase{
	{"report", testReport, Options{Version: "1.2.3"}},
	{"report-strict", testReport, Options{Version: "1.2.3", Strict: true}},
	{"empty", func() *results.Report { return &results.Report{} }, Options{Version: "1.2.3"}},
}

func render(t *testing.T, format string, r *results.Report, opt Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, format, r, opt); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return buf.String()
}

func checkGolden(t *testing.T, file, got string) {
	t.Helper()
	path := filepath.Join("testdata", file)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/resultfmt/ -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the output (run with -update to accept):\n%s", path, firstDiff(string(want), got))
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d\nwant: %q\ngot:  %q", i+1, wl, gl)
		}
	}
	return "(no line differs)"
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases {
		for _, format := range Formats {
			t.Run(c.name+"/"+format, func(t *testing.T) {
				got := render(t, format, c.report(), c.opt)
				checkGolden(t, c.name+"."+extensions[format], got)
			})
		}
	}
	t.Run("report/text color", func(t *testing.T) {
		got := render(t, "text", testReport(), Options{Color: true})
		checkGolden(t, "report-color.txt", got)
	})
}

// CI systems read lines such as "12 passed, 3 failed" as test results.
var testRunnerSummary = regexp.MustCompile(`(?m)^\w*:? ?\d+ passed, \d+ failed`)

func TestNoTestRunnerSummary(t *testing.T) {
	if !testRunnerSummary.MatchString("tests: 3 passed, 1 failed") {
		t.Fatal("the pattern does not catch a test-runner summary")
	}
	reports := map[string]func() *results.Report{
		"report": testReport,
		"empty":  func() *results.Report { return &results.Report{} },
		"large":  func() *results.Report { return largeReport(3000, 500) },
	}
	for name, report := range reports {
		for _, format := range Formats {
			for _, opt := range []Options{{}, {Strict: true}, {Color: true}} {
				out := render(t, format, report(), opt)
				if m := testRunnerSummary.FindString(out); m != "" {
					t.Errorf("%s %s %+v: output has a test-runner summary line %q", name, format, opt, m)
				}
			}
		}
	}
}

func TestTextEndsWithCountAndVerdict(t *testing.T) {
	tests := []struct {
		name    string
		report  *results.Report
		opt     Options
		verdict string
	}{
		{"blocking", testReport(), Options{}, "result: 4 blocking failures (mandatory policies: 3 fail, 1 error)"},
		{"strict", testReport(), Options{Strict: true}, "result: 6 blocking failures (mandatory policies: 3 fail, 1 error, 2 unknown)"},
		{"empty", &results.Report{}, Options{}, "result: no blocking failures"},
		{"advisory and overridden only", &results.Report{Results: []results.Result{
			{Policy: &results.Policy{Name: "a", EnforcementLevel: results.Advisory}, Resource: &results.Resource{Address: "x.y"}, Status: results.Fail},
			{Policy: &results.Policy{Name: "o", EnforcementLevel: results.MandatoryOverridable}, Resource: &results.Resource{Address: "x.y"}, Status: results.Fail},
			{Policy: &results.Policy{Name: "m", EnforcementLevel: results.Mandatory}, Resource: &results.Resource{Address: "x.y"}, Status: results.Unknown},
		}, Overridden: []string{"o"}}, Options{}, "result: no blocking failures (1 advisory failure, 1 overridden, 1 unknown)"},
		{"only fails", &results.Report{Results: []results.Result{
			{Policy: &results.Policy{Name: "m", EnforcementLevel: results.Mandatory}, Resource: &results.Resource{Address: "x.y"}, Status: results.Fail},
			{Policy: &results.Policy{Name: "m", EnforcementLevel: results.Mandatory}, Resource: &results.Resource{Address: "x.z"}, Status: results.Fail},
		}}, Options{}, "result: 2 blocking failures (mandatory policies)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := render(t, "text", tt.report, tt.opt)
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) < 2 {
				t.Fatalf("output too short:\n%s", out)
			}
			if got, want := lines[len(lines)-2], tt.report.CountLine(); got != want {
				t.Errorf("count line %q, want %q", got, want)
			}
			if got := lines[len(lines)-1]; got != tt.verdict {
				t.Errorf("verdict %q, want %q", got, tt.verdict)
			}
			if n := len(regexp.MustCompile(`(?m)^results: `).FindAllString(out, -1)); n != 1 {
				t.Errorf("%d count lines, want one", n)
			}
		})
	}
}

func TestColorOnlyWhenAsked(t *testing.T) {
	r := testReport()
	r.Results[0].Messages = []string{"evil \x1b[2Jclear and \rreturn \a bell"}
	for _, format := range Formats {
		out := render(t, format, r, Options{})
		if strings.Contains(out, "\x1b") {
			t.Errorf("%s without colour contains an escape character", format)
		}
	}
	colored := render(t, "text", r, Options{Color: true})
	if !strings.Contains(colored, sgrRed+"FAIL"+sgrReset) {
		t.Error("coloured text does not paint FAIL")
	}
	if strings.Contains(colored, "\x1b[2J") {
		t.Error("an escape sequence from a message reached the terminal")
	}
	if !strings.Contains(colored, `evil \x1b[2Jclear and`) {
		t.Error("the escape in a message is not shown as \\x1b")
	}
}

func TestSARIFStructure(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			out := render(t, "sarif", c.report(), c.opt)
			var log struct {
				Schema  string `json:"$schema"`
				Version string `json:"version"`
				Runs    []struct {
					Tool struct {
						Driver struct {
							Name    string `json:"name"`
							Version string `json:"version"`
							Rules   []struct {
								ID               string `json:"id"`
								ShortDescription struct {
									Text string `json:"text"`
								} `json:"shortDescription"`
								DefaultConfiguration struct {
									Level string `json:"level"`
								} `json:"defaultConfiguration"`
								Properties map[string]any `json:"properties"`
							} `json:"rules"`
						} `json:"driver"`
					} `json:"tool"`
					Artifacts []struct {
						Location struct {
							URI string `json:"uri"`
						} `json:"location"`
					} `json:"artifacts"`
					Results []struct {
						RuleID    string `json:"ruleId"`
						RuleIndex int    `json:"ruleIndex"`
						Kind      string `json:"kind"`
						Level     string `json:"level"`
						Message   struct {
							Text string `json:"text"`
						} `json:"message"`
						Locations []struct {
							PhysicalLocation struct {
								ArtifactLocation struct {
									URI   string `json:"uri"`
									Index int    `json:"index"`
								} `json:"artifactLocation"`
							} `json:"physicalLocation"`
							LogicalLocations []struct {
								FullyQualifiedName string `json:"fullyQualifiedName"`
								Kind               string `json:"kind"`
							} `json:"logicalLocations"`
						} `json:"locations"`
						Suppressions []struct {
							Kind string `json:"kind"`
						} `json:"suppressions"`
						Properties map[string]any `json:"properties"`
					} `json:"results"`
				} `json:"runs"`
			}
			if err := json.Unmarshal([]byte(out), &log); err != nil {
				t.Fatalf("not JSON: %v", err)
			}
			if log.Version != "2.1.0" {
				t.Errorf("version %q", log.Version)
			}
			if log.Schema != "" {
				t.Errorf("$schema %q is written; the repository holds no URLs", log.Schema)
			}
			if len(log.Runs) != 1 {
				t.Fatalf("%d runs, want 1", len(log.Runs))
			}
			run := log.Runs[0]
			if run.Tool.Driver.Name != "terraform-provider-pii" || run.Tool.Driver.Version != c.opt.Version {
				t.Errorf("driver %q %q", run.Tool.Driver.Name, run.Tool.Driver.Version)
			}
			rules := map[string]int{}
			for i, rule := range run.Tool.Driver.Rules {
				if rule.ID == "" || rule.ShortDescription.Text == "" {
					t.Errorf("rule %d has no id or short description", i)
				}
				if _, dup := rules[rule.ID]; dup {
					t.Errorf("duplicate rule %q", rule.ID)
				}
				rules[rule.ID] = i
				switch rule.DefaultConfiguration.Level {
				case "error", "warning", "note":
				default:
					t.Errorf("rule %q level %q", rule.ID, rule.DefaultConfiguration.Level)
				}
			}
			report := c.report()
			want := 0
			for _, res := range report.Results {
				if res.Status == results.Fail || res.Status == results.Error || res.Status == results.Unknown {
					want++
				}
			}
			if len(run.Results) != want {
				t.Errorf("%d results, want %d (fail, error and unknown)", len(run.Results), want)
			}
			for i, res := range run.Results {
				idx, ok := rules[res.RuleID]
				if !ok {
					t.Errorf("result %d: ruleId %q is not a rule", i, res.RuleID)
				} else if idx != res.RuleIndex {
					t.Errorf("result %d: ruleIndex %d, rule %q is at %d", i, res.RuleIndex, res.RuleID, idx)
				}
				if res.Message.Text == "" {
					t.Errorf("result %d has no message", i)
				}
				// SARIF: a level other than "none" needs kind "fail".
				if res.Kind != "fail" {
					t.Errorf("result %d: kind %q", i, res.Kind)
				}
				if len(res.Locations) != 1 || len(res.Locations[0].LogicalLocations) != 1 ||
					res.Locations[0].LogicalLocations[0].Kind != "resource" || res.Locations[0].LogicalLocations[0].FullyQualifiedName == "" {
					t.Errorf("result %d: locations %+v", i, res.Locations)
					continue
				}
				art := res.Locations[0].PhysicalLocation.ArtifactLocation
				if art.Index >= len(run.Artifacts) || run.Artifacts[art.Index].Location.URI != art.URI {
					t.Errorf("result %d: artifact %+v is not in run.artifacts", i, art)
				}
				if res.Properties["document"] == "" || res.Properties["resource_type"] == "" {
					t.Errorf("result %d: properties %v", i, res.Properties)
				}
			}
		})
	}
}

func TestSARIFLevels(t *testing.T) {
	out := render(t, "sarif", testReport(), Options{})
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Level     string `json:"level"`
				Locations []struct {
					LogicalLocations []struct {
						FullyQualifiedName string `json:"fullyQualifiedName"`
					} `json:"logicalLocations"`
				} `json:"locations"`
				Suppressions []struct {
					Kind   string `json:"kind"`
					Status string `json:"status"`
				} `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	suppressed := map[string]bool{}
	for _, r := range log.Runs[0].Results {
		k := r.RuleID + " " + r.Locations[0].LogicalLocations[0].FullyQualifiedName
		got[k] = r.Level
		suppressed[k] = len(r.Suppressions) == 1 && r.Suppressions[0].Kind == "external" && r.Suppressions[0].Status == "accepted"
	}
	want := map[string]string{
		"s3_encrypted aws_s3_bucket.orders":                         "error",   // mandatory fail
		"s3_logging module.a.aws_s3_bucket.b[\"x\"]":                "error",   // mandatory_overridable fail
		"s3_public_access aws_s3_bucket.orders":                     "error",   // overridden, suppressed
		"tags_owner module.a.aws_s3_bucket.b[\"x\"]":                "warning", // advisory fail
		"retention aws_s3_bucket.orders":                            "error",   // error
		"region_eea aws_s3_bucket.orders":                           "note",    // unknown
		"region_eea aws_dynamodb_table.users":                       "note",
		"tags_owner aws_dynamodb_table.users":                       "note",
		"s3_public_access module.a.aws_s3_bucket.b[\"x\"]":          "note",
		"region_eea aws_kms_key.k[\"<script>alert(1)</script>|键\"]": "error",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("levels\n got %v\nwant %v", got, want)
	}
	for k, s := range suppressed {
		if s != (k == "s3_public_access aws_s3_bucket.orders") {
			t.Errorf("%s: suppressed %v", k, s)
		}
	}
}

// junitDoc is what a JUnit consumer reads.
type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Skipped  int      `xml:"skipped,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Errors   int    `xml:"errors,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Cases    []struct {
			Classname string `xml:"classname,attr"`
			Name      string `xml:"name,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Error *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"error"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func TestJUnitParses(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			out := render(t, "junit", c.report(), c.opt)
			var doc junitDoc
			if err := xml.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("not XML: %v\n%s", err, out)
			}
			var tests, failures, errs, skipped int
			for _, s := range doc.Suites {
				var f, e, sk int
				for _, tc := range s.Cases {
					if tc.Classname == "" || tc.Name == "" {
						t.Errorf("suite %s: test case without a class name or name", s.Name)
					}
					if tc.Failure != nil {
						f++
					}
					if tc.Error != nil {
						e++
					}
					if tc.Skipped != nil {
						sk++
					}
				}
				if s.Tests != len(s.Cases) || s.Failures != f || s.Errors != e || s.Skipped != sk {
					t.Errorf("suite %s counts tests=%d failures=%d errors=%d skipped=%d, elements say %d %d %d %d",
						s.Name, s.Tests, s.Failures, s.Errors, s.Skipped, len(s.Cases), f, e, sk)
				}
				tests += s.Tests
				failures += s.Failures
				errs += s.Errors
				skipped += s.Skipped
			}
			if doc.Tests != tests || doc.Failures != failures || doc.Errors != errs || doc.Skipped != skipped {
				t.Errorf("root counts %d %d %d %d, suites add up to %d %d %d %d",
					doc.Tests, doc.Failures, doc.Errors, doc.Skipped, tests, failures, errs, skipped)
			}
			if want := len(c.report().Results); doc.Tests != want {
				t.Errorf("%d tests, want one per result (%d)", doc.Tests, want)
			}
		})
	}

	// Characters XML cannot hold, and a CDATA end, still give valid XML.
	bad := testReport()
	bad.Results[1].Messages = []string{"escape \x1b[2J, nul \x00, cdata ]]> end"}
	var badDoc junitDoc
	if err := xml.Unmarshal([]byte(render(t, "junit", bad, Options{})), &badDoc); err != nil {
		t.Errorf("control characters break the XML: %v", err)
	}

	// The user text comes back exactly.
	var doc junitDoc
	if err := xml.Unmarshal([]byte(render(t, "junit", testReport(), Options{})), &doc); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range doc.Suites {
		for _, tc := range s.Cases {
			if tc.Classname == "tags_owner" && tc.Failure != nil {
				found = true
				want := `Tag "owner" is missing | <script>alert(1)</script> & 所有者が必要です`
				if tc.Failure.Message != want || !strings.Contains(tc.Failure.Text, want) || tc.Failure.Type != "fail" {
					t.Errorf("failure %+v, want message %q", tc.Failure, want)
				}
				if tc.Name != `plan-prod.json: module.a.aws_s3_bucket.b["x"]` {
					t.Errorf("test name %q", tc.Name)
				}
			}
		}
	}
	if !found {
		t.Error("the advisory failure is not a <failure>")
	}
}

func TestJSONSummary(t *testing.T) {
	for _, strict := range []bool{false, true} {
		r := testReport()
		out := render(t, "json", r, Options{Strict: strict, Version: "1.2.3"})
		var doc struct {
			SchemaVersion int `json:"schema_version"`
			Tool          struct {
				Name    string `json:"name"`
				Version string `json:"version"`
			} `json:"tool"`
			Documents []string         `json:"documents"`
			Summary   map[string]any   `json:"summary"`
			Policies  []results.Policy `json:"policies"`
			Results   []map[string]any `json:"results"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.SchemaVersion != 1 || doc.Tool.Name != ToolName || doc.Tool.Version != "1.2.3" {
			t.Errorf("header %d %+v", doc.SchemaVersion, doc.Tool)
		}
		want := map[string]any{
			"pass": 7.0, "fail": 5.0, "error": 1.0, "unknown": 4.0, "not_applicable": 2.0,
			"blocking": float64(len(r.Blocking(strict))), "strict": strict, "exit_code": float64(r.ExitCode(strict)),
		}
		if !reflect.DeepEqual(doc.Summary, want) {
			t.Errorf("strict %v: summary %v, want %v", strict, doc.Summary, want)
		}
		if len(doc.Results) != len(r.Results) || len(doc.Policies) != len(r.Policies) || len(doc.Documents) != 3 {
			t.Errorf("%d results, %d policies, %d documents", len(doc.Results), len(doc.Policies), len(doc.Documents))
		}
		blocking := 0
		for _, res := range doc.Results {
			if res["blocking"] == true {
				blocking++
			}
			for _, k := range []string{"policy", "resource", "status", "blocking", "overridden", "messages"} {
				if _, ok := res[k]; !ok {
					t.Errorf("result without %q: %v", k, res)
				}
			}
		}
		if blocking != len(r.Blocking(strict)) {
			t.Errorf("strict %v: %d results marked blocking, want %d", strict, blocking, len(r.Blocking(strict)))
		}
	}
}

func TestSensitivePassesThrough(t *testing.T) {
	const msg = "The password attribute is (sensitive) and stored in plain text."
	p := &results.Policy{Name: "secrets", EnforcementLevel: results.Mandatory, Severity: "high", File: "p.hcl", Line: 1}
	res := &results.Resource{Address: "aws_db_instance.main", Type: "aws_db_instance", Document: "plan.json"}
	r := &results.Report{Documents: []string{"plan.json"}, Policies: []*results.Policy{p},
		Results: []results.Result{{Policy: p, Resource: res, Status: results.Fail, Messages: []string{msg}}}}
	for _, format := range Formats {
		out := render(t, format, r, Options{})
		if !strings.Contains(out, msg) {
			t.Errorf("%s: the message is not written unchanged:\n%s", format, out)
		}
	}
	if r.Results[0].Messages[0] != msg {
		t.Error("the report's message was changed")
	}
}

func TestWriteDoesNotChangeTheReport(t *testing.T) {
	r := testReport()
	before := testReport()
	for _, format := range Formats {
		render(t, format, r, Options{Strict: true})
	}
	if !reflect.DeepEqual(r, before) {
		t.Error("Write changed the report")
	}
}

func TestOrderDoesNotMatter(t *testing.T) {
	r := testReport()
	rev := testReport()
	for i, j := 0, len(rev.Results)-1; i < j; i, j = i+1, j-1 {
		rev.Results[i], rev.Results[j] = rev.Results[j], rev.Results[i]
	}
	for i, j := 0, len(rev.Policies)-1; i < j; i, j = i+1, j-1 {
		rev.Policies[i], rev.Policies[j] = rev.Policies[j], rev.Policies[i]
	}
	rev.Documents = []string{"plan-empty.json", "plan-prod.json", "plan-staging.json"}
	for _, format := range Formats {
		if render(t, format, r, Options{}) != render(t, format, rev, Options{}) {
			t.Errorf("%s: output depends on the order of the report", format)
		}
	}
}

func TestMarkdownEscapes(t *testing.T) {
	out := render(t, "markdown", testReport(), Options{})
	if strings.Contains(out, "<script>") {
		t.Error("<script> is written as HTML")
	}
	for _, want := range []string{
		`aws\_kms\_key.k\["&lt;script&gt;alert(1)&lt;/script&gt;\|键"\]`,
		`Tag "owner" is missing \| &lt;script&gt;alert(1)&lt;/script&gt; &amp; 所有者が必要です`,
		"has no server-side encryption.<br>Set server\\_side\\_encryption\\_configuration",
		"<details>", "</details>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	// Every table row has as many cells as its header.
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "| ") {
			continue
		}
		cells := len(regexp.MustCompile(`(^|[^\\])\|`).FindAllString(line, -1)) - 1
		if cells != 2 && cells != 6 && cells != 7 {
			t.Errorf("row with %d cells: %s", cells, line)
		}
	}
}

// largeReport has failures and unknowns with long messages, enough to
// exceed the markdown limit.
func largeReport(failures, unknowns int) *results.Report {
	p := &results.Policy{Name: "encrypted", EnforcementLevel: results.Mandatory, Severity: "high",
		Controls: []string{"iso29151:A.11.3"}, File: "p.hcl", Line: 1}
	a := &results.Policy{Name: "owner", EnforcementLevel: results.Advisory, Severity: "low", File: "p.hcl", Line: 9}
	r := &results.Report{Documents: []string{"plan.json"}, Policies: []*results.Policy{p, a}}
	long := strings.Repeat("The bucket holds PII and is not encrypted. ", 3)
	for i := 0; i < failures; i++ {
		res := &results.Resource{Address: fmt.Sprintf("aws_s3_bucket.b[%d]", i), Type: "aws_s3_bucket", Document: "plan.json"}
		pol := p
		if i%2 == 1 {
			pol = a
		}
		r.Results = append(r.Results, results.Result{Policy: pol, Resource: res, Status: results.Fail, Messages: []string{long}})
	}
	for i := 0; i < unknowns; i++ {
		res := &results.Resource{Address: fmt.Sprintf("aws_s3_bucket.u[%d]", i), Type: "aws_s3_bucket", Document: "plan.json"}
		r.Results = append(r.Results, results.Result{Policy: p, Resource: res, Status: results.Unknown, Messages: []string{"kms_key_id is (known after apply)."}})
	}
	return r
}

var moreNote = regexp.MustCompile(`(?m)^… (\d+) (?:more )?(failures?|unknown results?) not shown; see the JSON or SARIF output\.$`)

func TestMarkdownTruncates(t *testing.T) {
	tests := []struct {
		name               string
		failures, unknowns int
		limit              int
		wantNotes          int
	}{
		{"fits", 10, 10, MarkdownLimit, 0},
		{"failures too many", 3000, 100, MarkdownLimit, 2},
		{"unknowns too many", 10, 5000, MarkdownLimit, 1},
		{"tiny limit", 50, 50, 2000, 2},
		{"nothing fits", 50, 50, 1000, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := largeReport(tt.failures, tt.unknowns)
			v, err := newView(r, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			writeMarkdownLimit(&b, v, tt.limit)
			out := b.String()
			if b.Len() > tt.limit {
				t.Errorf("%d bytes, over the limit of %d", b.Len(), tt.limit)
			}
			notes := moreNote.FindAllStringSubmatch(out, -1)
			if len(notes) != tt.wantNotes {
				t.Fatalf("%d truncation notes, want %d", len(notes), tt.wantNotes)
			}
			// Shown rows and the notes account for every result.
			shown := strings.Count(out, `| aws\_s3\_bucket.`)
			hidden := 0
			for _, n := range notes {
				k, err := strconv.Atoi(n[1])
				if err != nil {
					t.Fatal(err)
				}
				hidden += k
			}
			if shown+hidden != tt.failures+tt.unknowns {
				t.Errorf("%d rows shown and %d not shown, want %d in all", shown, hidden, tt.failures+tt.unknowns)
			}
			// Blocking failures are kept before advisory ones.
			blocking := strings.Count(out, "| **fail** (blocking) |")
			if strings.Contains(out, "| owner | fail |") && blocking < (tt.failures+1)/2 {
				t.Errorf("an advisory failure is shown while %d blocking ones are not", (tt.failures+1)/2-blocking)
			}
			if tt.limit == MarkdownLimit && tt.wantNotes > 0 && blocking == 0 {
				t.Error("no blocking failure is shown")
			}
			if !strings.HasSuffix(out, r.CountLine()+"\n") {
				t.Error("the footer was cut")
			}
		})
	}
}

func TestUnknownFormat(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, "yaml", testReport(), Options{})
	if err == nil || err.Error() != `unknown format "yaml"; use one of text, json, sarif, junit, markdown` {
		t.Errorf("error %v", err)
	}
	if buf.Len() != 0 {
		t.Error("something was written")
	}
	if got, want := render(t, "", testReport(), Options{}), render(t, "text", testReport(), Options{}); got != want {
		t.Error(`format "" is not text`)
	}
}

func TestMalformedReport(t *testing.T) {
	p := &results.Policy{Name: "p"}
	tests := []struct {
		name   string
		report *results.Report
		want   string
	}{
		{"nil report", nil, "no report to write"},
		{"no policy", &results.Report{Results: []results.Result{{Resource: &results.Resource{}}}}, "result 0 has no policy"},
		{"no resource", &results.Report{Results: []results.Result{{Policy: p}}}, `result 0 (policy "p") has no resource`},
		{"nil policy", &results.Report{Policies: []*results.Policy{p, nil}}, "policy 1 is nil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, format := range Formats {
				var buf bytes.Buffer
				err := Write(&buf, format, tt.report, Options{})
				if err == nil || err.Error() != tt.want {
					t.Errorf("%s: error %v, want %q", format, err, tt.want)
				}
				if buf.Len() != 0 {
					t.Errorf("%s: something was written", format)
				}
			}
		})
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	for _, format := range Formats {
		if err := Write(failingWriter{}, format, testReport(), Options{}); err == nil || err.Error() != "disk full" {
			t.Errorf("%s: error %v, want disk full", format, err)
		}
	}
}

func TestPolicyOnlyInResults(t *testing.T) {
	// A result whose policy the report does not list still gets a rule and
	// a JSON policy entry.
	p := &results.Policy{Name: "stray", EnforcementLevel: results.Mandatory}
	r := &results.Report{Results: []results.Result{{Policy: p, Resource: &results.Resource{Address: "a.b", Document: "plan.json"}, Status: results.Fail}}}
	sarif := render(t, "sarif", r, Options{})
	if !strings.Contains(sarif, `"id": "stray"`) {
		t.Errorf("no rule for the stray policy:\n%s", sarif)
	}
	js := render(t, "json", r, Options{})
	if !strings.Contains(js, `"name": "stray"`) || !strings.Contains(js, `"plan.json"`) {
		t.Errorf("the stray policy or its document is missing:\n%s", js)
	}
}

// BenchmarkWrite renders a large report (10,000 results) in each format.
func BenchmarkWrite(b *testing.B) {
	r := largeReport(5000, 5000)
	for _, format := range Formats {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(io.Discard, format, r, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The text, Markdown and JUnit formats show a result that passed or did not apply only when it
// says why (the verification of a claimed control does), after the
// resource's problems; results without a message stay a count.
func TestPassesThatSayWhy(t *testing.T) {
	verified := &results.Policy{Name: "pii_control_verified", EnforcementLevel: results.MandatoryOverridable}
	plain := &results.Policy{Name: "plain", EnforcementLevel: results.Mandatory}
	res := &results.Resource{Address: "pii_control.a", Document: "p.json"}
	report := &results.Report{Documents: []string{"p.json"}, Results: []results.Result{
		{Policy: verified, Resource: res, Status: results.Pass, Messages: []string{"pii_control.a (iso29151:10.1.1, declared implemented) is verified: passes: k on s:b.c."}},
		{Policy: plain, Resource: res, Status: results.Pass},
		{Policy: plain, Resource: &results.Resource{Address: "pii_control.b", Document: "p.json"}, Status: results.NotApplicable},
		{Policy: verified, Resource: &results.Resource{Address: "pii_control.b", Document: "p.json"}, Status: results.NotApplicable, Messages: []string{"pii_control.b (iso29151:12.1.1, declared implemented) is unverified: no policy of the pack implements iso29151:12.1.1."}},
	}}
	got := render(t, "text", report, Options{})
	want := `
p.json
  pii_control.a: 2 pass
    PASS     pii_control_verified
             pii_control.a (iso29151:10.1.1, declared implemented) is verified: passes: k on s:b.c.
  pii_control.b: 2 not_applicable
    N/A      pii_control_verified
             pii_control.b (iso29151:12.1.1, declared implemented) is unverified: no policy of the pack implements iso29151:12.1.1.
`
	if !strings.Contains(got, want) {
		t.Errorf("text output:\n%s\nwant it to hold:%s", got, want)
	}
	if strings.Contains(got, "plain") {
		t.Errorf("a result without a message is listed:\n%s", got)
	}
	for format, wants := range map[string][]string{
		"markdown": {
			"<summary>2 results that passed or did not apply, with what they say</summary>",
			"| pii\\_control.a | pii\\_control\\_verified | - | mandatory\\_overridable | - | pii\\_control.a (iso29151:10.1.1, declared implemented) is verified: passes: k on s:b.c. |",
		},
		"junit": {
			"<system-out>pii_control.a (iso29151:10.1.1, declared implemented) is verified: passes: k on s:b.c.</system-out>",
			`<skipped message="not applicable: pii_control.b (iso29151:12.1.1, declared implemented) is unverified: no policy of the pack implements iso29151:12.1.1."></skipped>`,
		},
	} {
		out := render(t, format, report, Options{})
		for _, w := range wants {
			if !strings.Contains(out, w) {
				t.Errorf("the %s output lacks %q:\n%s", format, w, out)
			}
		}
	}
}
