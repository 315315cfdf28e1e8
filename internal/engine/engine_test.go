package engine

import (
	"os"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/privacycode/terraform-provider-pii/internal/policy"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

func loadPack(t testing.TB) *policy.Pack {
	t.Helper()
	b, err := os.ReadFile("testdata/pack.policy.hcl")
	if err != nil {
		t.Fatal(err)
	}
	pack, diags := policy.Parse(policy.Source{Filename: "testdata/pack.policy.hcl", Bytes: b})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	return pack
}

func loadPlan(t testing.TB) *tfplan.Document {
	t.Helper()
	b, err := os.ReadFile("testdata/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := tfplan.Read("plan.json", b)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func check(t *testing.T, opt Options) *results.Report {
	t.Helper()
	eng, err := New(loadPack(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	return eng.Check([]*tfplan.Document{loadPlan(t)})
}

func find(t *testing.T, r *results.Report, policy, address string) results.Result {
	t.Helper()
	for _, res := range r.Results {
		if res.Policy.Name == policy && res.Resource.Address == address {
			return res
		}
	}
	t.Fatalf("no result for %s on %s", policy, address)
	return results.Result{}
}

func TestCheck(t *testing.T) {
	report := check(t, Options{})
	tests := []struct {
		policy, address string
		want            results.Status
		message         string
	}{
		// Tagged PII bucket: the encryption config references it (one hop).
		{"pii_bucket_kms", "aws_s3_bucket_server_side_encryption_configuration.orders", results.Fail,
			"aws_s3_bucket_server_side_encryption_configuration.orders holds PII but uses AES256"},
		// The media bucket holds PII because an activity names it; its
		// encryption config has no rule: the local fails, an error that
		// names the file and line.
		{"pii_bucket_kms", "aws_s3_bucket_server_side_encryption_configuration.media", results.Error,
			"testdata/pack.policy.hcl:29: condition: Invalid index"},
		{"pii_bucket_has_public_access_block", "aws_s3_bucket.orders", results.Pass, ""},
		{"pii_bucket_has_public_access_block", "aws_s3_bucket.media", results.Fail, "aws_s3_bucket.media holds PII and has no aws_s3_bucket_public_access_block"},
		// Not PII: the filter is false.
		{"pii_bucket_has_public_access_block", "aws_s3_bucket.logs", results.NotApplicable, ""},
		{"bucket_tagged", "aws_s3_bucket.orders", results.Pass, ""},
		{"bucket_tagged", "aws_s3_bucket.logs", results.Fail, "aws_s3_bucket.logs has no data_classification tag"},
		// Sensitive values never reach a message.
		{"db_password_strength", "aws_db_instance.customers", results.Fail, "aws_db_instance.customers password (sensitive) is too short"},
		{"db_password_strength", "aws_db_instance.reports", results.Pass, ""},
		// Inputs: defaults; operations: reports is an update, not selected.
		{"db_region", "aws_db_instance.customers", results.Fail, "aws_db_instance.customers is in us-east-1, outside eu-west-1, eu-central-1"},
		{"db_region", "aws_db_instance.reports", results.NotApplicable, ""},
		// Globs; unknown values make the result unknown.
		{"db_encrypted", "aws_db_instance.customers", results.Pass, ""},
		{"db_encrypted", "aws_db_instance.reports", results.Unknown, "depends on values known only after apply"},
		{"broken_policy", "aws_s3_bucket.logs", results.Error, `testdata/pack.policy.hcl:83: condition: Unsupported attribute`},
		{"broken_policy", "aws_s3_bucket.orders", results.NotApplicable, ""},
		{"kms_keys_listed", "aws_kms_key.pii", results.Pass, ""},
		{"kms_keys_listed", "aws_s3_bucket.orders", results.NotApplicable, ""},
	}
	for _, tt := range tests {
		t.Run(tt.policy+"/"+tt.address, func(t *testing.T) {
			got := find(t, report, tt.policy, tt.address)
			msgs := strings.Join(got.Messages, "\n")
			if got.Status != tt.want || !strings.Contains(msgs, tt.message) {
				t.Errorf("got %s %q, want %s %q", got.Status, msgs, tt.want, tt.message)
			}
			if strings.Contains(msgs, "hunter2") {
				t.Errorf("a sensitive value leaked: %q", msgs)
			}
		})
	}
	if code := report.ExitCode(false); code != results.ExitBlocking {
		t.Errorf("exit %d, want 1", code)
	}
}

func TestHoldsPII(t *testing.T) {
	report := check(t, Options{})
	want := map[string]bool{
		"aws_s3_bucket.orders": true,  // tagged
		"aws_s3_bucket.media":  true,  // named by an activity
		"aws_s3_bucket.logs":   false, // nothing says so
		"aws_s3_bucket_server_side_encryption_configuration.orders": true, // references a holder
		"aws_s3_bucket_public_access_block.orders":                  true,
		"aws_db_instance.customers":                                 false,
	}
	seen := map[string]bool{}
	for _, r := range report.Results {
		if w, ok := want[r.Resource.Address]; ok {
			seen[r.Resource.Address] = true
			if r.Resource.HoldsPII != w {
				t.Errorf("%s holds_pii = %v, want %v", r.Resource.Address, r.Resource.HoldsPII, w)
			}
		}
	}
	// The public access block is checked by no policy; it has no result.
	delete(want, "aws_s3_bucket_public_access_block.orders")
	for addr := range want {
		if !seen[addr] {
			t.Errorf("no result for %s", addr)
		}
	}
}

func TestInputsAndOverrides(t *testing.T) {
	report := check(t, Options{Inputs: map[string]cty.Value{"regions": cty.TupleVal([]cty.Value{cty.StringVal("us-east-1")})}})
	if got := find(t, report, "db_region", "aws_db_instance.customers"); got.Status != results.Pass {
		t.Errorf("region with input: %s %v", got.Status, got.Messages)
	}
	report = check(t, Options{Overrides: []string{"db_password_strength"}})
	for _, b := range report.Blocking(false) {
		if b.Policy.Name == "db_password_strength" {
			t.Error("an overridden policy blocks")
		}
	}
	pack := loadPack(t)
	if _, err := New(pack, Options{Overrides: []string{"db_region"}}); err == nil || !strings.Contains(err.Error(), "only mandatory_overridable policies can be overridden") {
		t.Errorf("override of a mandatory policy: %v", err)
	}
	if _, err := New(pack, Options{Inputs: map[string]cty.Value{"region": cty.StringVal("x")}}); err == nil || !strings.Contains(err.Error(), `no input "region". Did you mean "regions"?`) {
		t.Errorf("unknown input: %v", err)
	}
	if _, err := New(pack, Options{Inputs: map[string]cty.Value{"regions": cty.True}}); err == nil || !strings.Contains(err.Error(), `input "regions" must be list(string)`) {
		t.Errorf("wrong type: %v", err)
	}
}

func TestParseVar(t *testing.T) {
	pack := loadPack(t)
	name, v, err := ParseVar(pack, `regions=["eu-west-3"]`)
	if err != nil || name != "regions" || v.LengthInt() != 1 {
		t.Errorf("got %s %#v %v", name, v, err)
	}
	if _, _, err := ParseVar(pack, "regions"); err == nil || !strings.Contains(err.Error(), "write name=value") {
		t.Errorf("got %v", err)
	}
	if _, _, err := ParseVar(pack, "regions=[eu"); err == nil || !strings.Contains(err.Error(), `--var regions: "[eu" is not a valid value for list(string): Unterminated tuple constructor expression`) {
		t.Errorf("got %v", err)
	}
	if _, _, err := ParseVar(pack, "regions=eu-west-1"); err == nil || !strings.Contains(err.Error(), `--var regions: "eu-west-1" is not a valid value for list(string): Variables not allowed`) {
		t.Errorf("got %v", err)
	}
}
