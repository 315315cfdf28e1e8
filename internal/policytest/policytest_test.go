package policytest

import (
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/privacycode/terraform-provider-pii/internal/policy"
)

const pack = `
resource_policy "aws_db_instance" "db_encrypted" {
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii
  enforce {
    condition     = attrs.storage_encrypted
    error_message = "${meta.address} (password ${attrs.password}) is not encrypted"
  }
}

resource_policy "aws_s3_bucket" "bucket_in_eu" {
  enforce {
    condition     = startswith(try(meta.provider_config.region, "none"), "eu-")
    error_message = "${meta.address} is in ${try(meta.provider_config.region, "no region")}"
  }
}

resource_policy "aws_db_instance" "db_gone" {
  operations = ["delete"]
  enforce {
    condition     = attrs == null
    error_message = "deleted resources have no planned values"
  }
}
`

func parsePack(t *testing.T) *policy.Pack {
	t.Helper()
	p, diags := policy.Parse(policy.Source{Filename: "p.policy.hcl", Bytes: []byte(pack)})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	return p
}

func TestRun(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		wantOK  bool
		wantMsg string
	}{
		{"pass", `test "t" {
  resource "aws_db_instance" "a" {
    attrs = { storage_encrypted = true, password = "x" }
    meta  = { holds_pii = true }
  }
  expect "db_encrypted" { result = "pass" }
}`, true, ""},
		{"sensitive values are redacted in messages", `test "t" {
  resource "aws_db_instance" "a" {
    attrs = { storage_encrypted = false, password = sensitive("hunter2") }
    meta  = { holds_pii = true }
  }
  expect "db_encrypted" {
    result  = "fail"
    message = "^aws_db_instance.a \\(password \\(sensitive\\)\\) is not encrypted$"
  }
}`, true, ""},
		{"unknown values give unknown", `test "t" {
  resource "aws_db_instance" "a" {
    attrs = { storage_encrypted = unknown, password = "x" }
    meta  = { holds_pii = true }
  }
  expect "db_encrypted" { result = "unknown" }
}`, true, ""},
		{"not holding PII", `test "t" {
  resource "aws_db_instance" "a" {
    attrs = { storage_encrypted = false }
  }
  expect "db_encrypted" { result = "not_applicable" }
}`, true, ""},
		{"deleted mocks have null attrs", `test "t" {
  resource "aws_db_instance" "a" {
    operation = "delete"
    prior     = { storage_encrypted = true }
  }
  expect "db_gone" { result = "pass" }
}`, true, ""},
		{"a mismatch is reported with the messages", `test "t" {
  resource "aws_db_instance" "a" {
    attrs = { storage_encrypted = false, password = "x" }
    meta  = { holds_pii = true }
  }
  expect "db_encrypted" { result = "pass" }
}`, false, "line 6: db_encrypted on aws_db_instance.a: got fail, want pass: aws_db_instance.a (password x) is not encrypted"},
		{"provider_config sets meta.provider_config", `test "t" {
  resource "aws_s3_bucket" "eu" {
    provider_config = { region = "eu-west-1" }
  }
  resource "aws_s3_bucket" "eu_too" {
    provider_config = { region = "eu-west-1" }
  }
  resource "aws_s3_bucket" "us" {
    provider_config = { region = "us-east-1", alias = "us" }
  }
  resource "aws_s3_bucket" "later" {
    provider_config = { region = unknown }
  }
  resource "aws_s3_bucket" "none" {}
  expect "bucket_in_eu" {
    resource = "aws_s3_bucket.eu"
    result   = "pass"
  }
  expect "bucket_in_eu" {
    resource = "aws_s3_bucket.eu_too"
    result   = "pass"
  }
  expect "bucket_in_eu" {
    resource = "aws_s3_bucket.us"
    result   = "fail"
    message  = "^aws_s3_bucket.us is in us-east-1$"
  }
  expect "bucket_in_eu" {
    resource = "aws_s3_bucket.later"
    result   = "unknown"
  }
  expect "bucket_in_eu" {
    resource = "aws_s3_bucket.none"
    result   = "fail"
    message  = "is in no region"
  }
}`, true, ""},
		{"an unknown policy suggests", `test "t" {
  resource "aws_db_instance" "a" {}
  expect "db_encripted" { result = "pass" }
}`, false, `there is no policy "db_encripted". Did you mean "db_encrypted"?`},
		{"a policy that checks no mock", `test "t" {
  resource "aws_s3_bucket" "a" {}
  expect "db_encrypted" { result = "pass" }
}`, false, `policy db_encrypted checked no resource matching any mock resource (its type pattern is "aws_db_instance")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tests, diags := Parse("t.policytest.hcl", []byte(tt.src))
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			out := Run(parsePack(t), tests)
			if len(out) != 1 || out[0].OK() != tt.wantOK {
				t.Fatalf("outcome = %+v", out)
			}
			if tt.wantMsg != "" && !strings.Contains(strings.Join(out[0].Failures, "\n"), tt.wantMsg) {
				t.Errorf("failures %q lack %q", out[0].Failures, tt.wantMsg)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{`test "t" {}`, `Test expects nothing; Test "t" has no expect block`},
		{`test "t" {
  expect "p" { result = "passed" }
}`, `"passed" is not a result; use pass, fail, unknown, not_applicable, error. Did you mean "pass"?`},
		{`test "t" {
  resource "a" "b" { operation = "destroy" }
  expect "p" { result = "pass" }
}`, `"destroy" is not an operation`},
		{`test "t" {
  resource "a" "b" { meta = { address = "x" } }
  expect "p" { result = "pass" }
}`, `meta can set holds_pii only`},
		{`test "t" {
  resource "a" "b" { provider_config = "eu-west-1" }
  expect "p" { result = "pass" }
}`, `t.policytest.hcl:2,40-51: Invalid provider_config; provider_config must be an object of provider arguments, such as { region = "eu-west-1" }, not a string. Accepted arguments: alias, location, profile, project, region, risk_appetite, subscription_id, tenant_id, zone.`},
		{`test "t" {
  resource "a" "b" { provider_config = { regoin = "eu-west-1" } }
  expect "p" { result = "pass" }
}`, `meta.provider_config holds only alias, location, profile, project, region, risk_appetite, subscription_id, tenant_id, zone, not "regoin". Did you mean "region"?`},
		{`test "t" {
  resource "a" "b" { provider_config = { alias = 1 } }
  expect "p" { result = "pass" }
}`, `provider_config.alias must be a string`},
		{`test "t" {
  resource "a" "b" { provider_config = { region = sensitive("x") } }
  expect "p" { result = "pass" }
}`, `provider_config values cannot be sensitive`},
		{`test "t" {
  expect "p" { result = "pass" }
}
test "t" {
  expect "p" { result = "pass" }
}`, `Duplicate test name`},
	}
	for _, tt := range tests {
		_, diags := Parse("t.policytest.hcl", []byte(tt.src))
		if !strings.Contains(diags.Error(), tt.want) {
			t.Errorf("Parse(%q) = %s, want %q", tt.src, diags.Error(), tt.want)
		}
	}
}

// The plan document of a test gives each mock the provider configuration
// it sets, as the reader resolves it from configuration.provider_config.
func TestProviderConfigDocument(t *testing.T) {
	tests, diags := Parse("t.policytest.hcl", []byte(`test "t" {
  resource "aws_s3_bucket" "a" {
    provider_config = { region = "eu-west-1", project = { id = 1, tags = ["x"] }, zone = null }
  }
  resource "aws_s3_bucket" "b" {
    provider_config = { alias = "eu", region = unknown }
  }
  resource "aws_s3_bucket" "c" {}
  resource "google_storage_bucket" "d" {
    provider_config = { project = "acme" }
  }
  expect "p" { result = "pass" }
}`))
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	doc, err := document(tests[0])
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]cty.Value{
		"aws_s3_bucket.a": cty.ObjectVal(map[string]cty.Value{
			"region":  cty.StringVal("eu-west-1"),
			"project": cty.ObjectVal(map[string]cty.Value{"id": cty.NumberIntVal(1), "tags": cty.TupleVal([]cty.Value{cty.StringVal("x")})}),
			"zone":    cty.NullVal(cty.DynamicPseudoType),
		}),
		"aws_s3_bucket.b":         cty.ObjectVal(map[string]cty.Value{"alias": cty.StringVal("eu"), "region": cty.DynamicVal}),
		"aws_s3_bucket.c":         cty.EmptyObjectVal,
		"google_storage_bucket.d": cty.ObjectVal(map[string]cty.Value{"project": cty.StringVal("acme")}),
	}
	for addr, w := range want {
		if got := doc.Lookup(addr).ProviderConfig; !got.RawEquals(w) {
			t.Errorf("%s: got %#v, want %#v", addr, got, w)
		}
	}
}
