package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func runWithStdin(stdin string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := Run(Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Version: "1.2.3"}, args)
	return code, out.String(), errOut.String()
}

func TestCheckCommand(t *testing.T) {
	plan, err := os.ReadFile("testdata/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	brokenDir := t.TempDir()
	broken, _ := os.ReadFile("testdata/broken.policy.hcl.txt")
	if err := os.WriteFile(filepath.Join(brokenDir, "broken.policy.hcl"), broken, 0o600); err != nil {
		t.Fatal(err)
	}
	notJSON := filepath.Join(t.TempDir(), "plan.txt")
	if err := os.WriteFile(notJSON, []byte("Plan: 1 to add"), 0o600); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name     string
		stdin    string
		args     []string
		wantCode int
		wantOut  []string
		wantErr  []string
	}{
		{name: "mandatory failures exit 1", args: []string{"check", "--policy-dir", "testdata/policies", "testdata/plan.json"}, wantCode: 1,
			wantOut: []string{"aws_db_instance.customers", "password (sensitive) is too short", "results: "}},
		{name: "flags after the plan", args: []string{"check", "testdata/plan.json", "--policy-dir", "testdata/policies", "--format", "json"}, wantCode: 1,
			wantOut: []string{`"status": "fail"`}},
		{name: "stdin", stdin: string(plan), args: []string{"check", "--policy-dir", "testdata/policies", "-"}, wantCode: 1,
			wantOut: []string{"aws_s3_bucket.logs"}},
		{name: "override", args: []string{"check", "--policy-dir", "testdata/policies", "--override", "db_password_strength", "testdata/plan.json"}, wantCode: 1},
		{name: "var", args: []string{"check", "--policy-dir", "testdata/policies", "--var", `regions=["us-east-1"]`, "--format", "json", "testdata/plan.json"}, wantCode: 1},
		{name: "unknown var", args: []string{"check", "--policy-dir", "testdata/policies", "--var", "region=x", "testdata/plan.json"}, wantCode: 2,
			wantErr: []string{`Error: --var region: the policies declare no input "region". Did you mean "regions"?`}},
		{name: "no plan", args: []string{"check"}, wantCode: 2, wantErr: []string{"give at least one plan or state JSON file"}},
		{name: "missing plan", args: []string{"check", "nope.json"}, wantCode: 2, wantErr: []string{"Error: nope.json: no such file or directory"}},
		{name: "not JSON", args: []string{"check", notJSON}, wantCode: 2, wantErr: []string{"is not JSON"}},
		{name: "policy syntax error", args: []string{"check", "--policy-dir", brokenDir, "testdata/plan.json"}, wantCode: 2,
			wantErr: []string{`broken.policy.hcl:2:14: Invalid severity: "hihg" is not a valid severity; use one of "low", "medium", "high", "critical". Did you mean "high"?`}},
		{name: "missing policy dir", args: []string{"check", "--policy-dir", "nowhere", "testdata/plan.json"}, wantCode: 2, wantErr: []string{"--policy-dir nowhere: no such file or directory"}},
		{name: "unknown format", args: []string{"check", "--format", "yaml", "testdata/plan.json"}, wantCode: 2, wantErr: []string{`unknown format "yaml"`}},
		{name: "unknown flag", args: []string{"check", "--colour", "testdata/plan.json"}, wantCode: 2, wantErr: []string{"flag provided but not defined: -colour"}},
		{name: "stdin twice", stdin: string(plan), args: []string{"check", "-", "-"}, wantCode: 2, wantErr: []string{"standard input (-) can be read only once"}},
		// The plan's PII buckets lack encryption with KMS, a public access
		// block (for one) and more; its activity declares no retention and
		// no legal basis.
		{name: "built-in pack", args: []string{"check", "testdata/plan.json"}, wantCode: 1,
			wantOut: []string{"aws_s3_bucket.orders (create, holds PII)", "aws_s3_bucket_pii_kms_encryption  [BLOCKING]",
				"<builtin>/posture/activities.policy.hcl", "result: 10 blocking failures (mandatory policies)"}},
		{name: "own pack with the built-in pack", args: []string{"check", "--policy-dir", "testdata/policies", "--with-builtin", "testdata/plan.json"}, wantCode: 1,
			wantOut: []string{"password (sensitive) is too short", "aws_s3_bucket_pii_kms_encryption  [BLOCKING]", "<builtin>/aws/s3.policy.hcl"}},
		{name: "built-in pack, overridden", args: []string{"check", "--override", "aws_s3_bucket_pii_expiration", "testdata/plan.json"}, wantCode: 1,
			wantOut: []string{"aws_s3_bucket_pii_expiration  [overridden]"}},
	}
	testSummary := regexp.MustCompile(`(?m)^\w*:? ?\d+ passed, \d+ failed`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runWithStdin(tt.stdin, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.wantCode, out, errOut)
			}
			expectOutput(t, out, errOut, tt.wantOut, tt.wantErr)
			if strings.Contains(out+errOut, "hunter2") {
				t.Error("a sensitive value leaked")
			}
			if strings.Contains(errOut, "goroutine ") || strings.Contains(errOut, "panic:") {
				t.Error("a Go stack trace reached the user")
			}
			if testSummary.MatchString(out + errOut) {
				t.Error("output looks like a test runner summary")
			}
		})
	}
}

func TestCheckOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "results.json")
	code, _, errOut := runWithStdin("", "check", "--policy-dir", "testdata/policies", "--format", "json", "--output", out, "testdata/plan.json")
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if !strings.Contains(errOut, "results: ") {
		t.Errorf("the terminal gets the count line: %q", errOut)
	}
}

func TestTestCommand(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string
		wantErr  []string
	}{
		{"passing tests", []string{"test", "testdata/policies"}, 0, []string{"policy tests: 2 ok, 0 failing"}, nil},
		{"verbose", []string{"test", "--verbose", "testdata/policies"}, 0, []string{"ok   a PII bucket with KMS passes"}, nil},
		{"failing test", []string{"test", "testdata/failing-tests"}, 1,
			[]string{"FAIL expects the wrong result", "db_password_strength on aws_db_instance.x: got fail, want pass: aws_db_instance.x password short is too short", "policy tests: 0 ok, 1 failing"},
			[]string{`Warning: testdata/failing-tests/pack.policy.hcl:11: policy bucket_tagged names control iso29151:8.2.9: there is no control "8.2.9" in catalog iso29151. Did you mean "8.2.1", "8.2.2" or "8.2.3"?`}},
		{"built-in pack", []string{"test"}, 0, []string{"0 failing"}, nil},
		{"no tests", []string{"test", "testdata/notests"}, 2, nil, []string{"no policy tests found"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runWithStdin("", tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d\n%s\n%s", code, tt.wantCode, out, errOut)
			}
			expectOutput(t, out, errOut, tt.wantOut, tt.wantErr)
		})
	}
}

// The documents of one check form one view: the posture of one workspace
// verified against the plan of another, named on the command line.
func TestCheckVerifiesAcrossDocuments(t *testing.T) {
	const (
		posture = "../report/testdata/verified-posture-plan.json"
		storage = "../report/testdata/storage-plan.json"
		fixed   = "../report/testdata/storage-fixed-plan.json"
	)
	dir := t.TempDir()
	sameName := filepath.Join(dir, "storage-plan.json")
	b, err := os.ReadFile(storage)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(sameName, b, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string
		wantErr  []string
		noOut    bool
	}{
		{name: "named document: the control is contradicted, the risk covered on paper only", wantCode: 1,
			args: []string{"check", "--format", "json", posture, "storage=" + storage},
			wantOut: []string{
				`pii_control.backup_encryption (iso29151:10.1.1, declared implemented) is contradicted: fails: aws_s3_bucket_pii_kms_encryption on storage:aws_s3_bucket.grafana_backups.`,
				`risk \"backups_read_by_outsiders\" is covered on paper only: declared residual medium (covered), verified residual high (uncovered), because iso29151:10.1.1 is contradicted.`,
			}},
		{name: "the fixed variant verifies the control", wantCode: 1, // the bucket still fails other mandatory policies
			args:    []string{"check", "--format", "json", posture, "storage=" + fixed},
			wantOut: []string{`is verified: passes: aws_s3_bucket_pii_kms_encryption on storage:aws_s3_bucket.grafana_backups.`}},
		{name: "the default name is the file's base name: the qualified system is not found", wantCode: 0,
			args: []string{"check", "--format", "json", posture, storage},
			wantOut: []string{`is unverified: no resource that holds PII for monitoring-platform-accounts-425e35d1 was checked by`,
				`evidence not found in the documents given: storage:aws_s3_bucket.grafana_backups.`}},
		{name: "the posture alone: unverified, nothing fails", wantCode: 0,
			args:    []string{"check", posture},
			wantOut: []string{"results: 13 pass, 0 fail, 6 not_applicable", "result: no blocking failures"}},
		{name: "the verification's policies can be overridden", wantCode: 1,
			args:    []string{"check", posture, "storage=" + storage, "--override", "pii_control_verified", "--override", "pii_risk_assessment_verified"},
			wantOut: []string{"FAIL     pii_control_verified  [overridden]"}},
		{name: "two documents with one name", wantCode: 2, noOut: true,
			args:    []string{"check", posture, storage, sameName},
			wantErr: []string{"Error: " + storage + " and " + sameName + " are both named storage-plan, so storage-plan:ADDRESS would not say which document; name them with NAME=PATH (as storage-plan-2=" + sameName + ")"}},
		{name: "a name that cannot qualify an address", wantCode: 2, noOut: true,
			args:    []string{"check", posture, "my shop=" + storage},
			wantErr: []string{"Error: my shop=" + storage + ": a document is named NAME=PATH, where NAME starts with a letter or digit and has only letters, digits, '_', '-' and '.'"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runWithStdin("", tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d\nstderr:\n%s\nstdout:\n%.3000s", code, tt.wantCode, errOut, out)
			}
			expectOutput(t, out, errOut, tt.wantOut, tt.wantErr)
			if tt.noOut && out != "" {
				t.Errorf("stdout is not empty:\n%.500s", out)
			}
		})
	}
}
