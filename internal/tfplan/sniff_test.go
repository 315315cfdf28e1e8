package tfplan

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"testing"
)

// zipOf builds a zip archive of the named entries (a name ending in "/" is
// a directory), each holding a line of text.
func zipOf(t testing.TB, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(n, "/") {
			_, _ = w.Write([]byte("content of " + n + "\n"))
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// savedPlan is a stand-in for a plan file of terraform plan -out: a zip
// with the entries Terraform writes (the plan proper in "tfplan", the prior
// and refreshed states, the configuration under "tfconfig/" and the
// dependency lock file). Their contents do not matter to Read.
func savedPlan(t testing.TB) []byte {
	return zipOf(t, "tfplan", "tfstate", "tfstate-prev", "tfconfig/", "tfconfig/main.tf", ".terraform.lock.hcl")
}

func gzipOf(t testing.TB, data string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write([]byte(data))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// What terraform plan (and terraform show tfplan) prints without -json.
const planText = `Terraform used the selected providers to generate the following execution
plan. Resource actions are indicated with the following symbols:
  + create

Terraform will perform the following actions:

  # aws_s3_bucket.orders will be created
  + resource "aws_s3_bucket" "orders" {
      + bucket = "orders"
    }

Plan: 1 to add, 0 to change, 0 to destroy.
`

// The same in colour (no -no-color), as CI logs hold it.
const planTextColour = "\x1b[0m\x1b[1m  # aws_s3_bucket.orders\x1b[0m will be created\n\x1b[0m  \x1b[32m+\x1b[0m\x1b[0m resource \"aws_s3_bucket\" \"orders\" {\n"

// What terraform show prints for a state.
const stateText = `# aws_s3_bucket.orders:
resource "aws_s3_bucket" "orders" {
    bucket = "orders"
}
`

// terraform.tfstate as Terraform writes it: no format_version, but version,
// serial and lineage.
const rawState = `{
  "version": 4,
  "terraform_version": "1.9.5",
  "serial": 3,
  "lineage": "3f0c2b1e-7d4a-4c55-9a8e-1b2c3d4e5f60",
  "outputs": {},
  "resources": [],
  "check_results": null
}
`

// Files people give instead of terraform show -json output get a message
// that says what they are and which command makes the document.
func TestReadRecognisesOtherFiles(t *testing.T) {
	truncated := savedPlan(t)
	truncated = truncated[:len(truncated)/2]
	tests := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"binary plan", "tfplan", savedPlan(t),
			"tfplan is not JSON: it is a binary plan saved by terraform plan -out; run terraform show -json tfplan > plan.json and give plan.json"},
		{"binary plan in a folder", "build/pr-12.tfplan", savedPlan(t),
			"build/pr-12.tfplan is not JSON: it is a binary plan saved by terraform plan -out; run terraform show -json build/pr-12.tfplan > plan.json and give plan.json"},
		{"binary plan with a space in its name", "my plan", savedPlan(t),
			"my plan is not JSON: it is a binary plan saved by terraform plan -out; run terraform show -json 'my plan' > plan.json and give plan.json"},
		{"binary plan saved as plan.json is not overwritten", "out/plan.json", savedPlan(t),
			"out/plan.json is not JSON: it is a binary plan saved by terraform plan -out; run terraform show -json out/plan.json > plan-show.json and give plan-show.json"},
		{"binary plan on standard input", "-", savedPlan(t),
			"- is not JSON: it is a binary plan saved by terraform plan -out; run terraform show -json FILE > plan.json and give plan.json"},
		{"truncated binary plan", "tfplan", truncated,
			"tfplan is not JSON: it is a zip archive that cannot be opened (zip: not a valid zip file); a plan saved by terraform plan -out is a zip archive, and if this is one it is incomplete: save it again and run terraform show -json tfplan > plan.json"},
		{"zip artifact", "artifact.zip", zipOf(t, "plan.json"),
			"artifact.zip is not JSON: it is a zip archive (of plan.json) but not a saved plan, which has a tfplan entry; extract the JSON document and give it"},
		{"zip artifact of many files", "artifact.zip", zipOf(t, "plans/", "plans/a.json", "plans/b.json", "plans/c.json", "plans/d.json"),
			"artifact.zip is not JSON: it is a zip archive (of plans/a.json, plans/b.json, plans/c.json, …) but not a saved plan, which has a tfplan entry; extract the JSON document and give it"},
		{"empty zip", "empty.zip", zipOf(t),
			"empty.zip is not JSON: it is an empty zip archive; expected the JSON output of terraform show -json"},
		{"gzip", "plan.json.gz", gzipOf(t, `{"format_version":"1.2"}`),
			"plan.json.gz is not JSON: it is gzip-compressed; decompress it first (gunzip -c plan.json.gz > plan.json) and give the result"},
		{"gzip without .gz", "plan.json", gzipOf(t, `{"format_version":"1.2"}`),
			"plan.json is not JSON: it is gzip-compressed; decompress it first (gunzip -c plan.json > plan-show.json) and give the result"},
		{"plan text in a .json file", "plan.json", []byte(planText),
			"plan.json is not JSON: it is the text that terraform plan and terraform show print; save the plan with terraform plan -out=tfplan, then run terraform show -json tfplan > plan.json and give plan.json"},
		{"plan text in colour", "plan.txt", []byte(planTextColour),
			"plan.txt is not JSON: it is the text that terraform plan and terraform show print; save the plan with terraform plan -out=tfplan, then run terraform show -json tfplan > plan.json and give plan.json"},
		{"no changes", "plan.log", []byte("\nNo changes. Your infrastructure matches the configuration.\n"),
			"plan.log is not JSON: it is the text that terraform plan and terraform show print; save the plan with terraform plan -out=tfplan, then run terraform show -json tfplan > plan.json and give plan.json"},
		{"state text", "state.txt", []byte(stateText),
			"state.txt is not JSON: it is the text that terraform show prints for a state; run terraform show -json > state.json and give state.json"},
		{"empty state text", "current.json", []byte("The state file is empty. No resources are represented.\n"),
			"current.json is not JSON: it is the text that terraform show prints for a state; run terraform show -json > current.json and give current.json"},
		{"binary data", "tfplan", []byte("\x00\x01\x02garbage"),
			"tfplan is not JSON: it is binary data; expected the JSON output of terraform show -json"},
		{"empty from standard input", "-", nil,
			"- is empty: expected the JSON output of terraform show -json; the command piped in wrote nothing: run it on its own and read its error"},
		{"empty file with a space in its name", "my plan.json", []byte("\n"),
			"my plan.json is empty: expected the JSON output of terraform show -json; when a command such as terraform show -json tfplan > 'my plan.json' fails, the shell leaves 'my plan.json' empty: run it again and read its error"},
		{"raw state", "terraform.tfstate", []byte(rawState),
			"terraform.tfstate is JSON but not a plan or state from terraform show -json: it is a raw state file (it has serial and lineage, not format_version); run terraform show -json terraform.tfstate > state.json and give state.json"},
		{"raw state backup", "terraform.tfstate.backup", []byte(`{"version":4,"serial":2,"lineage":"x","resources":[]}`),
			"terraform.tfstate.backup is JSON but not a plan or state from terraform show -json: it is a raw state file (it has serial and lineage, not format_version); run terraform show -json terraform.tfstate.backup > state.json and give state.json"},
		{"raw state named state.json", "state.json", []byte(rawState),
			"state.json is JSON but not a plan or state from terraform show -json: it is a raw state file (it has serial and lineage, not format_version); run terraform show -json state.json > state-show.json and give state-show.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(tt.file, tt.data)
			if doc != nil {
				t.Errorf("got a document")
			}
			var ferr *FormatError
			if !errors.As(err, &ferr) {
				t.Fatalf("got %T %v, want a *FormatError", err, err)
			}
			if err.Error() != tt.want {
				t.Errorf("got  %s\nwant %s", err, tt.want)
			}
			if strings.ContainsAny(err.Error(), "\n\x1b\x00") {
				t.Errorf("the message has a line break or a control character")
			}
		})
	}
}

// Only what is not JSON is sniffed: a document whose strings happen to
// hold terraform's words, or one after a byte order mark, is read as JSON.
func TestReadDoesNotSniffJSON(t *testing.T) {
	plan := change(`{"address":"a.b","mode":"managed","type":"a","name":"b","change":{"actions":["create"],"after":{"note":"Plan: 1 to add. a.b will be created"}}}`)
	for name, data := range map[string]string{
		"plan":                    plan,
		"byte order mark":         "\xef\xbb\xbf" + plan,
		"state that says serial":  `{"format_version":"1.0","values":{"root_module":{"resources":[{"address":"a.b","mode":"managed","type":"a","name":"b","values":{"serial":1,"lineage":"x"}}]}}}`,
		"format_version and more": `{"format_version":"1.0","serial":1}`,
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Read("doc.json", []byte(data)); err != nil {
				t.Fatal(err)
			}
		})
	}
}
