package cli

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Run(Env{Stdout: &out, Stderr: &errOut, Version: "1.2.3"}, args)
	return code, out.String(), errOut.String()
}

func TestRun(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantOut    []string
		wantErr    []string
		wantOutNot []string
	}{
		{name: "no command prints usage", args: nil, wantCode: ExitUsage, wantErr: []string{"Usage: terraform-provider-pii <command>", "catalog", "version"}},
		{name: "help", args: []string{"help"}, wantCode: ExitOK, wantOut: []string{"Usage: terraform-provider-pii <command>"}},
		{name: "unknown command", args: []string{"chek"}, wantCode: ExitUsage, wantErr: []string{`Error: unknown command "chek".`, "Usage:"}},
		{name: "version", args: []string{"version"}, wantCode: ExitOK, wantOut: []string{"terraform-provider-pii 1.2.3\n"}},
		{name: "version takes no arguments", args: []string{"version", "x"}, wantCode: ExitUsage, wantErr: []string{"version takes no arguments"}},

		{name: "catalog table lists every catalog", args: []string{"catalog"}, wantCode: ExitOK,
			wantOut: []string{"CONTROL", "iso29151:5.1.1", "iso29151:A.13", "iso27701:B.8.5.8"}},
		{name: "catalog filtered", args: []string{"catalog", "--catalog", "iso29151", "--group", "10"}, wantCode: ExitOK,
			wantOut: []string{"iso29151:10.1.1", "iso29151:10.1.2"}, wantOutNot: []string{"iso29151:9.", "iso27701"}},
		{name: "group filter across catalogs skips those without it", args: []string{"catalog", "--group", "B.8.2"}, wantCode: ExitOK,
			wantOut: []string{"iso27701:B.8.2.1"}, wantOutNot: []string{"iso29151"}},
		{name: "catalog markdown", args: []string{"catalog", "--catalog", "iso27701", "--format", "markdown", "--treats", "unlawful_transfer"}, wantCode: ExitOK,
			wantOut: []string{"## iso27701 (2019)", "| Control | Title | Principle | Treats | Reduces |", "| `iso27701:A.7.5.1` |"}},
		{name: "catalog iso27018 table", args: []string{"catalog", "--catalog", "iso27018"}, wantCode: ExitOK,
			wantOut: []string{"iso27018:A.2.1 ", "iso27018:A.10.3 ", "PII return, transfer and disposal", "iso27018:A.12.2 "}, wantOutNot: []string{"iso29151", "iso27701"}},
		{name: "catalog iso27018 markdown", args: []string{"catalog", "--catalog", "iso27018", "--format", "markdown", "--group", "A.12"}, wantCode: ExitOK,
			wantOut: []string{"## iso27018 (2019)", "Controls listed: 2.", "| `iso27018:A.12.1` | Geographical location of PII | privacy_compliance | unlawful_transfer, lack_of_transparency | likelihood |"}},
		{name: "a 27018 section without controls lists none", args: []string{"catalog", "--catalog", "iso27018", "--format", "markdown", "--group", "A.4"}, wantCode: ExitOK,
			wantOut: []string{"## iso27018 (2019)", "Controls listed: 0."}, wantOutNot: []string{"| Control |"}},
		{name: "group A.11 across catalogs is 27018's", args: []string{"catalog", "--group", "A.11"}, wantCode: ExitOK,
			wantOut: []string{"iso27018:A.11.1 ", "iso27018:A.11.13 "}, wantOutNot: []string{"iso29151", "iso27701", "iso27018:A.12"}},
		{name: "27018 group typo", args: []string{"catalog", "--catalog", "iso27018", "--group", "A.13"}, wantCode: ExitUsage,
			wantErr: []string{`--group: there is no group "A.13" in catalog iso27018. Did you mean "A.1", "A.10" or "A.11"?`}},
		{name: "user catalog file", args: []string{"catalog", "--catalog-file", "testdata/annex_a.hcl", "--catalog", "internal"}, wantCode: ExitOK,
			wantOut: []string{"internal:RET-1", "Logs hold no PII beyond 30 days"}},
		{name: "broken catalog file", args: []string{"catalog", "--catalog-file", "testdata/broken.hcl"}, wantCode: ExitUsage,
			wantErr: []string{`testdata/broken.hcl:4:13: Reference to undeclared name: There is no risk category "data_los". Did you mean "data_loss"?`}},
		{name: "missing catalog file", args: []string{"catalog", "--catalog-file", "nope.hcl"}, wantCode: ExitUsage,
			wantErr: []string{`Catalog file "nope.hcl" cannot be read: no such file or directory.`}},
		{name: "unknown catalog", args: []string{"catalog", "--catalog", "iso2915"}, wantCode: ExitUsage,
			wantErr: []string{`there is no catalog "iso2915". Did you mean "iso29151"? Known: iso29151, iso27701, iso27018.`}},
		{name: "unknown principle", args: []string{"catalog", "--principle", "acountability"}, wantCode: ExitUsage,
			wantErr: []string{`--principle: there is no principle "acountability". Did you mean "accountability"?`}},
		{name: "group no catalog has", args: []string{"catalog", "--group", "99"}, wantCode: ExitUsage,
			wantErr: []string{`no catalog has a group "99"`}},
		{name: "unknown format", args: []string{"catalog", "--format", "yaml"}, wantCode: ExitUsage,
			wantErr: []string{`unknown format "yaml"; use one of table, json, markdown.`}},
		{name: "unknown flag", args: []string{"catalog", "--colour"}, wantCode: ExitUsage,
			wantErr: []string{"flag provided but not defined: -colour", "Usage: terraform-provider-pii catalog"}},
		{name: "stray argument", args: []string{"catalog", "extra.hcl"}, wantCode: ExitUsage,
			wantErr: []string{`unexpected argument "extra.hcl"; catalog files are given with --catalog-file.`}},
		{name: "catalog help", args: []string{"catalog", "-h"}, wantCode: ExitOK, wantErr: []string{"-catalog-file FILE"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.wantCode, out, errOut)
			}
			expectOutput(t, out, errOut, tt.wantOut, tt.wantErr)
			for _, w := range tt.wantOutNot {
				if strings.Contains(out, w) {
					t.Errorf("stdout has %q:\n%s", w, out)
				}
			}
		})
	}
}

// expectOutput checks that standard output and standard error hold every
// wanted text.
func expectOutput(t *testing.T, out, errOut string, wantOut, wantErr []string) {
	t.Helper()
	for _, w := range wantOut {
		if !strings.Contains(out, w) {
			t.Errorf("stdout lacks %q:\n%.4000s", w, out)
		}
	}
	for _, w := range wantErr {
		if !strings.Contains(errOut, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errOut)
		}
	}
}

// catalogJSONControl is what the catalog tests read of a control in the
// json format.
type catalogJSONControl struct {
	Ref          string   `json:"ref"`
	GroupTitle   string   `json:"group_title"`
	Role         string   `json:"role"`
	Related      []string `json:"related"`
	GDPRArticles []string `json:"gdpr_articles"`
	Treats       []string `json:"treats"`
}

// catalogJSON runs catalog --format json --catalog name and returns the
// controls of the one catalog it must list, at the version it must have.
func catalogJSON(t *testing.T, name, version string) []catalogJSONControl {
	t.Helper()
	code, out, errOut := run("catalog", "--format", "json", "--catalog", name)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Catalogs []struct {
			Name     string               `json:"name"`
			Version  string               `json:"version"`
			Controls []catalogJSONControl `json:"controls"`
		} `json:"catalogs"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(doc.Catalogs) != 1 || doc.Catalogs[0].Name != name || doc.Catalogs[0].Version != version {
		t.Fatalf("unexpected catalogs: %+v", doc.Catalogs)
	}
	return doc.Catalogs[0].Controls
}

func TestCatalogJSONOfISO27018(t *testing.T) {
	controls := catalogJSON(t, "iso27018", "2019")
	if len(controls) != 25 {
		t.Fatalf("%d controls, want 25", len(controls))
	}
	for _, c := range controls {
		if c.Role != "processor" || len(c.Related) == 0 {
			t.Errorf("%s: role %q, related %v", c.Ref, c.Role, c.Related)
		}
	}
	if first, last := controls[0], controls[24]; first.Ref != "iso27018:A.2.1" || first.GroupTitle != "Consent and choice" || last.Ref != "iso27018:A.12.2" {
		t.Errorf("first %+v, last %+v", first, last)
	}
}

func TestCatalogJSON(t *testing.T) {
	controls := catalogJSON(t, "iso27701", "2019")
	if len(controls) != 49 {
		t.Errorf("%d controls, want 49", len(controls))
	}
	first := controls[0]
	if first.Ref != "iso27701:A.7.2.1" || first.Role != "controller" || len(first.GDPRArticles) == 0 || len(first.Treats) == 0 {
		t.Errorf("first control = %+v", first)
	}
}

// The files people give check and report instead of terraform show -json
// output are named for what they are, with the command that makes the
// document from them, and are unusable input (exit 2).
func TestCommandsSayWhatAFileIs(t *testing.T) {
	dir := t.TempDir()
	// A stand-in for a plan saved by terraform plan -out: a zip with the
	// entries Terraform writes (tfplan, the states, tfconfig/, the lock
	// file). Read looks only for the tfplan entry.
	binaryPlan := filepath.Join(dir, "tfplan")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"tfplan", "tfstate", "tfstate-prev", "tfconfig/", "tfconfig/main.tf", ".terraform.lock.hcl"} {
		if _, err := zw.Create(name); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	textPlan := filepath.Join(dir, "plan.json")
	for name, content := range map[string][]byte{
		binaryPlan: buf.Bytes(),
		textPlan:   []byte("Terraform will perform the following actions:\n\n  # aws_s3_bucket.orders will be created\n"),
	} {
		if err := os.WriteFile(name, content, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	binaryMsg := binaryPlan + " is not JSON: it is a binary plan saved by terraform plan -out; run terraform show -json " + binaryPlan + " > plan.json and give plan.json"
	rawStateMsg := "testdata/terraform.tfstate is JSON but not a plan or state from terraform show -json: it is a raw state file (it has serial and lineage, not format_version); " +
		"run terraform show -json testdata/terraform.tfstate > state.json and give state.json"
	textMsg := textPlan + " is not JSON: it is the text that terraform plan and terraform show print; save the plan with terraform plan -out=tfplan, then run terraform show -json tfplan > " + textPlan + " and give " + textPlan
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"check a binary plan", []string{"check", binaryPlan}, binaryMsg},
		{"report a binary plan", []string{"report", binaryPlan}, binaryMsg},
		{"report a labelled binary plan", []string{"report", "shop=" + binaryPlan}, binaryMsg},
		{"check a raw state", []string{"check", "testdata/terraform.tfstate"}, rawStateMsg},
		{"report a raw state", []string{"report", "testdata/terraform.tfstate"}, rawStateMsg},
		{"check the text of a plan", []string{"check", textPlan}, textMsg},
		{"report the text of a plan", []string{"report", "--format", "markdown", textPlan}, textMsg},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(tt.args...)
			if code != ExitUsage {
				t.Errorf("exit %d, want %d\nstderr:\n%s", code, ExitUsage, errOut)
			}
			if out != "" {
				t.Errorf("stdout is not empty:\n%.2000s", out)
			}
			expectOutput(t, out, errOut, nil, []string{"Error: " + tt.want + "\n"})
		})
	}
}

// A control id of another catalog is named with that catalog, wherever the
// command line meets one: a group filter, a policy's controls.
func TestCommandsNameTheOtherCatalog(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"group of another catalog", []string{"catalog", "--catalog", "iso29151", "--group", "A.7.4"}, ExitUsage,
			`Error: --group: there is no group "A.7.4" in iso29151; iso27701 has it ("Privacy by design and privacy by default"). Known: `},
		// The policy is advisory: the warning alone does not fail the check.
		{"policy naming a control of another catalog", []string{"check", "--policy-dir", "testdata/wrong-catalog", "testdata/plan.json"}, ExitOK,
			`Warning: testdata/wrong-catalog/pack.policy.hcl:3: policy bucket_tagged names control iso29151:A.7.4.5: there is no control "A.7.4.5" in iso29151; iso27701 has it ("PII de-identification and deletion at the end of processing"): use "iso27701:A.7.4.5".` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d\nstderr:\n%s", code, tt.wantCode, errOut)
			}
			expectOutput(t, out, errOut, nil, []string{tt.wantErr})
		})
	}
}
