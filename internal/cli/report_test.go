package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

const completePlan = "../report/testdata/complete-plan.json"

func TestReportCommand(t *testing.T) {
	complete, err := os.ReadFile(completePlan)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	notJSON := filepath.Join(dir, "plan.txt")
	schema := filepath.Join(dir, "schema.json")
	empty := filepath.Join(dir, "empty.json")
	for name, content := range map[string]string{
		notJSON: "Plan: 1 to add",
		schema:  `{"format_version":"1.0","provider_schemas":{}}`,
		empty:   `{"format_version":"1.0"}`,
	} {
		if err := os.WriteFile(name, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}

	stamp := planTimestamp(t, completePlan)
	tests := []struct {
		name     string
		stdin    string
		args     []string
		wantCode int
		wantOut  []string
		wantErr  []string
		noOut    bool
	}{
		{name: "html by default", args: []string{"report", completePlan}, wantCode: 0,
			wantOut: []string{"<!DOCTYPE html>", "Checkout and payments", "Statement of Applicability", "terraform-provider-pii 1.2.3"}},
		{name: "markdown", args: []string{"report", "--format", "markdown", completePlan}, wantCode: 0,
			wantOut: []string{"# Privacy posture report", "## Records of processing"}},
		{name: "csv, flags after the input", args: []string{"report", completePlan, "--format", "csv"}, wantCode: 0,
			wantOut: []string{"record,activity_id,activity_name,", "transfer,marketing-analytics-and-personalisation-4c53a6d9,"}},
		{name: "json", args: []string{"report", "--format=json", completePlan}, wantCode: 0,
			wantOut: []string{`"schema_version": 1`, `"version": "1.2.3"`}},
		{name: "title", args: []string{"report", "--format", "markdown", "--title", "Acme <Ltd>", completePlan}, wantCode: 0,
			wantOut: []string{"# Acme &lt;Ltd&gt;"}},
		{name: "stdin", stdin: string(complete), args: []string{"report", "--format", "markdown", "-"}, wantCode: 0,
			wantOut: []string{"From -, plan of " + stamp + ", Terraform 1.11.4 · terraform-provider-pii", "Payroll and absence management",
				"| - | Example Retail B.V. | privacy@retail.example, Keizersgracht 1, Amsterdam | dpo@retail.example | controller |",
				"**Records of processing (GDPR Art. 30):** ✅ 3 of 3 complete."}},
		{name: "catalog file", args: []string{"report", "--format", "json", "--catalog-file", "../../examples/complete/catalog.hcl", completePlan}, wantCode: 0,
			wantOut: []string{`"ref": "iso29151:A.3.1"`}},
		// The policies fail, and the report is written all the same.
		{name: "with check, failing policies", args: []string{"report", "--with-check", "--policy-dir", "testdata/policies", "--format", "markdown", "testdata/plan.json"}, wantCode: 0,
			wantOut: []string{"## ❌ Policy results", "blocking"}},
		{name: "with check, built-in pack", args: []string{"report", "--with-check", "--format", "json", completePlan}, wantCode: 0,
			wantOut: []string{`"policy_results": {`, `"policy": "assessment_approved"`}},
		{name: "with check, var", args: []string{"report", "--with-check", "--policy-dir", "testdata/policies", "--var", `regions=["us-east-1"]`, "--format", "csv", "testdata/plan.json"}, wantCode: 0},
		{name: "oscal-ssp", args: []string{"report", "--format", "oscal-ssp", completePlan}, wantCode: 0,
			wantOut: []string{`"system-security-plan": {`, `"oscal-version": "1.1.3"`, `"last-modified": "` + stamp + `"`,
				`"control-id": "iso29151-9.1.1"`, `"value": "terraform-provider-pii 1.2.3"`}},
		{name: "oscal-ar", args: []string{"report", "--format", "oscal-ar", completePlan}, wantCode: 0,
			wantOut: []string{`"assessment-results": {`, `"start": "` + stamp + `"`, `"value": "adjusted"`, `"status": "deviation-approved"`}},
		{name: "oscal-ar with check", args: []string{"report", "--format", "oscal-ar", "--with-check", completePlan}, wantCode: 0,
			wantOut: []string{`"findings": [`, `"name": "policy",`, `"value": "assessment_approved"`, `"state": "not-satisfied"`}},
		{name: "no pii resources", args: []string{"report", "--format", "markdown", empty}, wantCode: 0,
			wantOut: []string{"## Nothing to report yet"}, wantErr: []string{"declares no pii_processing_activity, pii_control or pii_risk_assessment resource"}},

		{name: "no input", args: []string{"report"}, wantCode: 2, noOut: true, wantErr: []string{"give at least one plan or state JSON file"}},
		{name: "unknown format", args: []string{"report", "--format", "xlsx", completePlan}, wantCode: 2, noOut: true,
			wantErr: []string{`Error: unknown format "xlsx"; use one of html, markdown, csv, json, oscal-ssp, oscal-ar`}},
		{name: "missing file", args: []string{"report", "nope.json"}, wantCode: 2, noOut: true, wantErr: []string{"Error: nope.json: no such file or directory"}},
		{name: "not JSON", args: []string{"report", notJSON}, wantCode: 2, noOut: true, wantErr: []string{"is not JSON"}},
		{name: "JSON that is no plan", args: []string{"report", schema}, wantCode: 2, noOut: true,
			wantErr: []string{"is JSON but not a plan or state from terraform show -json: it has provider_schemas"}},
		{name: "stdin twice", stdin: string(complete), args: []string{"report", "-", "-"}, wantCode: 2, noOut: true, wantErr: []string{"standard input (-) can be read only once"}},
		{name: "policy dir without check", args: []string{"report", "--policy-dir", "testdata/policies", completePlan}, wantCode: 2, noOut: true,
			wantErr: []string{"add --with-check"}},
		{name: "built-in pack added without check", args: []string{"report", "--policy-dir", "testdata/policies", "--with-builtin", completePlan}, wantCode: 2, noOut: true,
			wantErr: []string{"--policy-dir, --with-builtin, --var and --var-file set up the policy check: add --with-check"}},
		{name: "own pack with the built-in pack", args: []string{"report", "--format", "markdown", "--with-check", "--policy-dir", "testdata/policies", "--with-builtin", completePlan}, wantCode: 0,
			wantOut: []string{`assessment\_approved`, "48 not\\_applicable"}},
		{name: "missing policy dir", args: []string{"report", "--with-check", "--policy-dir", "nowhere", completePlan}, wantCode: 2, noOut: true,
			wantErr: []string{"--policy-dir nowhere: no such file or directory"}},
		{name: "unknown var", args: []string{"report", "--with-check", "--policy-dir", "testdata/policies", "--var", "region=x", completePlan}, wantCode: 2, noOut: true,
			wantErr: []string{`--var region: the policies declare no input "region"`}},
		{name: "broken catalog file", args: []string{"report", "--catalog-file", "testdata/broken.hcl", completePlan}, wantCode: 2, noOut: true,
			wantErr: []string{"the catalog files do not load"}},
		{name: "unknown flag", args: []string{"report", "--colour", completePlan}, wantCode: 2, noOut: true, wantErr: []string{"flag provided but not defined: -colour"}},
		{name: "unwritable output", args: []string{"report", "--output", filepath.Join(dir, "no", "such", "dir", "r.html"), completePlan}, wantCode: 2,
			noOut: true, wantErr: []string{"--output " + filepath.Join(dir, "no", "such", "dir", "r.html") + ": no such file or directory"}},
		{name: "help", args: []string{"report", "-h"}, wantCode: 0, noOut: true, wantErr: []string{"Usage: terraform-provider-pii report [options] INPUT.json...", "-with-check"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runWithStdin(tt.stdin, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d\nstderr:\n%s", code, tt.wantCode, errOut)
			}
			expectOutput(t, out, errOut, tt.wantOut, tt.wantErr)
			if tt.noOut && out != "" {
				t.Errorf("stdout is not empty:\n%.500s", out)
			}
			if strings.Contains(out+errOut, "hunter2") {
				t.Error("a sensitive value leaked")
			}
			if strings.Contains(errOut, "goroutine ") || strings.Contains(errOut, "panic:") {
				t.Error("a Go stack trace reached the user")
			}
		})
	}
}

func TestReportOutputFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "records.csv")
	code, stdout, errOut := runWithStdin("", "report", "--format", "csv", "--output", out, "--with-check", completePlan)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if stdout != "" {
		t.Errorf("stdout is not empty: %q", stdout)
	}
	if !strings.Contains(errOut, "report: "+out+" written (csv, ") || !strings.Contains(errOut, "results: ") {
		t.Errorf("the terminal gets a summary line: %q", errOut)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// Three activities, three transfers, and the header.
	if len(records) != 7 {
		t.Errorf("%d records, want 7", len(records))
	}

	// A failed run leaves an existing report as it was.
	if code, _, _ := runWithStdin("", "report", "--output", out, "nope.json"); code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(b), "record,") {
		t.Errorf("the previous report was overwritten: %v %.50q", err, b)
	}
}

func TestReportListedInUsage(t *testing.T) {
	code, out, _ := runWithStdin("", "help")
	if code != 0 || !strings.Contains(out, "report ") {
		t.Errorf("usage does not list report:\n%s", out)
	}
	var doc map[string]any
	_, js, _ := runWithStdin("", "report", "--format", "json", completePlan)
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Errorf("the json format is not JSON: %v", err)
	}
}

// TestReportOSCAL: the OSCAL formats give the same bytes for the same
// plan, dated by its timestamp; a state is dated by SOURCE_DATE_EPOCH
// (or the time of the run); the assessment results hold findings only
// with --with-check.
func TestReportOSCAL(t *testing.T) {
	for _, format := range []string{"oscal-ssp", "oscal-ar"} {
		_, a, _ := runWithStdin("", "report", "--format", format, "--with-check", completePlan)
		_, b, _ := runWithStdin("", "report", "--format", format, "--with-check", completePlan)
		if a == "" || a != b {
			t.Errorf("%s: two runs on the same plan differ", format)
		}
		var doc map[string]any
		if err := json.Unmarshal([]byte(a), &doc); err != nil {
			t.Errorf("%s: not JSON: %v", format, err)
		}
	}
	if _, out, _ := runWithStdin("", "report", "--format", "oscal-ar", completePlan); strings.Contains(out, `"findings"`) {
		t.Error("findings without --with-check")
	}

	state := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(state, []byte(`{"format_version":"1.0","terraform_version":"1.11.4"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1796000000")
	code, out, errOut := runWithStdin("", "report", "--format", "oscal-ssp", state)
	if code != 0 || !strings.Contains(out, `"last-modified": "2026-11-30T00:53:20Z"`) {
		t.Errorf("exit %d, stderr %s; a state is not dated by SOURCE_DATE_EPOCH:\n%.600s", code, errOut, out)
	}
	// The plan's own timestamp wins.
	if _, out, _ := runWithStdin("", "report", "--format", "oscal-ar", completePlan); !strings.Contains(out, `"last-modified": "`+planTimestamp(t, completePlan)+`"`) {
		t.Error("the plan's timestamp does not date the document")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	if code, out, errOut := runWithStdin("", "report", "--format", "oscal-ar", state); code != 2 || out != "" || !strings.Contains(errOut, `SOURCE_DATE_EPOCH="yesterday" is not a number of seconds`) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	// Other formats print no date, whatever the environment.
	if code, out, _ := runWithStdin("", "report", "--format", "json", state); code != 0 || strings.Contains(out, "generated") {
		t.Errorf("the json report is dated: %.300s", out)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "")
	before := time.Now().UTC().Format("2006-01-02")
	code, out, _ = runWithStdin("", "report", "--format", "oscal-ar", state)
	after := time.Now().UTC().Format("2006-01-02")
	if code != 0 || !strings.Contains(out, `"last-modified": "`+before) && !strings.Contains(out, `"last-modified": "`+after) {
		t.Errorf("a state without SOURCE_DATE_EPOCH is not dated now: %.400s", out)
	}
}

const scopePlan = "../report/testdata/controller-scope-plan.json"

// TestReportFindsCatalogFiles: report loads the catalog files that the
// provider block names, relative to --config-dir or else the plan file's
// directory, and evaluates "${path.module}/..." from the root module's .tf
// files; a file it cannot find is a warning naming the file and where it
// looked, never a failure.
func TestReportFindsCatalogFiles(t *testing.T) {
	scope, err := os.ReadFile(scopePlan)
	if err != nil {
		t.Fatal(err)
	}
	elsewhere := filepath.Join(t.TempDir(), "plan.json")
	if err := os.WriteFile(elsewhere, scope, 0o600); err != nil {
		t.Fatal(err)
	}
	// The controls of examples/complete/catalog.hcl, and what the report
	// says of one it does not know.
	const own, unknown = `"ref": "iso29151:A.3.1",`, `"in_catalog": false`
	tests := []struct {
		name      string
		stdin     string
		args      []string
		wantOwn   bool
		wantErr   []string
		noWarning bool
	}{
		{name: "constant path beside the plan", args: []string{scopePlan}, wantOwn: true, noWarning: true},
		{name: "constant path in --config-dir", args: []string{"--config-dir", "../report/testdata", elsewhere}, wantOwn: true, noWarning: true},
		{name: "constant path not found", args: []string{elsewhere}, wantErr: []string{
			`Warning: ` + elsewhere + `: catalog file "complete-catalog.hcl", named in the provider block's catalog_files, was not found (looked for ` +
				filepath.Join(filepath.Dir(elsewhere), "complete-catalog.hcl") + `, relative to the plan file's directory ` + filepath.Dir(elsewhere) + `)`}},
		{name: "stdin, --config-dir", stdin: string(scope), args: []string{"--config-dir", "../report/testdata", "-"}, wantOwn: true, noWarning: true},
		{name: "path.module from the root module's .tf files", args: []string{"--config-dir", "../../examples/complete", completePlan}, wantOwn: true, noWarning: true},
		{name: "path.module without the configuration", args: []string{completePlan}, wantErr: []string{
			`Warning: ` + completePlan + `: the provider block's catalog_files is an expression that refers to path.module, which the plan does not evaluate, and there is no .tf file in ../report/testdata`}},
		{name: "--catalog-file and the same file found", args: []string{"--catalog-file", "../report/testdata/complete-catalog.hcl", scopePlan}, wantOwn: true, noWarning: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"report", "--format", "json"}, tt.args...)
			code, out, errOut := runWithStdin(tt.stdin, args...)
			if code != 0 {
				t.Fatalf("exit %d, want 0 (a catalog file not found is never a failure)\n%s", code, errOut)
			}
			if got := strings.Contains(out, own) && !strings.Contains(out, unknown); got != tt.wantOwn {
				t.Errorf("own controls loaded = %v, want %v", got, tt.wantOwn)
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
			if tt.noWarning && strings.Contains(errOut, "Warning") {
				t.Errorf("unexpected warning:\n%s", errOut)
			}
		})
	}
	if code, _, errOut := runWithStdin("", "report", "--config-dir", "nowhere", scopePlan); code != 2 || !strings.Contains(errOut, "--config-dir nowhere: not a directory") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// TestReportOrganization: the records name the organisation of the
// provider block, and the heading says when each document is from.
func TestReportOrganization(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(state, []byte(`{"format_version":"1.0","terraform_version":"1.11.4"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runWithStdin("", "report", "--format", "markdown", scopePlan, state)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"From ../report/testdata/controller-scope-plan.json, plan of " + planTimestamp(t, "../report/testdata/controller-scope-plan.json") + ", Terraform 1.11.4; " + state + ", state (the document carries no timestamp), Terraform 1.11.4",
		"| Acme Retail Ltd |", "✅ 3 of 3 complete", "18 controls for processors are out of scope",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

// planTimestamp is the timestamp of a saved plan, which changes each time
// scripts/report-fixtures.sh plans the examples again.
func planTimestamp(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := tfplan.Read(name, data)
	if err != nil || doc.Timestamp == "" {
		t.Fatalf("%s has no timestamp (%v)", name, err)
	}
	return doc.Timestamp
}
