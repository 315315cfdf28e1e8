package engine

import (
	"os"
	"strings"
	"testing"

	"github.com/privacycode/terraform-provider-pii/internal/policy"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// core::referrers(type, argument) on a public repository's plan, where
// aws_s3_bucket_logging.cloudtrail configures the cloudtrail bucket
// (bucket) and sends its logs to the logging bucket (target_bucket): only
// the first is logged by it, though both are referred to; and
// core::referenced, the other way round.
func TestReferrersByArgument(t *testing.T) {
	src := `
resource_policy "aws_s3_bucket" "logged" {
  enforce {
    condition     = length(core::referrers("aws_s3_bucket_logging", "bucket")) > 0
    error_message = "${meta.address} is not logged"
  }
}

resource_policy "aws_s3_bucket" "referred_to" {
  enforce {
    condition     = length(core::referrers("aws_s3_bucket_logging")) > 0
    error_message = "${meta.address} is not referred to"
  }
}

resource_policy "aws_s3_bucket_logging" "configures" {
  enforce {
    condition     = false
    error_message = join(" ", concat([for b in core::referenced("bucket") : b.meta.address], ["logs to"], [for b in core::referenced("target_bucket") : b.meta.address]))
  }
}

resource_policy "aws_s3_bucket" "too_many_arguments" {
  enforce {
    condition     = length(core::referrers("aws_s3_bucket_logging", "bucket", "target_bucket")) > 0
    error_message = "unreachable"
  }
}
`
	report := checkCloudtrailPlan(t, "referrers.policy.hcl", src)
	for _, tt := range []struct {
		policy, address string
		status          results.Status
		message         string
	}{
		{"logged", "aws_s3_bucket.cloudtrail", results.Pass, ""},
		{"logged", "aws_s3_bucket.logging", results.Fail, "aws_s3_bucket.logging is not logged"},
		{"referred_to", "aws_s3_bucket.cloudtrail", results.Pass, ""},
		{"referred_to", "aws_s3_bucket.logging", results.Pass, ""},
		{"configures", "aws_s3_bucket_logging.cloudtrail", results.Fail, "aws_s3_bucket.cloudtrail logs to aws_s3_bucket.logging"},
		{"too_many_arguments", "aws_s3_bucket.logging", results.Error, "core::referrers takes a resource type and at most one argument name"},
	} {
		got := find(t, report, tt.policy, tt.address)
		if message := strings.Join(got.Messages, "; "); got.Status != tt.status || !strings.Contains(message, tt.message) {
			t.Errorf("%s on %s: %s %q, want %s with %q", tt.policy, tt.address, got.Status, message, tt.status, tt.message)
		}
	}
}

// core::unknown(reason): a policy that cannot decide at plan says why, and
// the reason is the result's message; a decided operand still decides.
func TestUnknownOnPurpose(t *testing.T) {
	src := `
resource_policy "aws_s3_bucket" "undecided" {
  enforce {
    condition     = core::unknown("the key is passed through a module output")
    error_message = "unreachable"
  }
}

resource_policy "aws_s3_bucket" "decided_anyway" {
  enforce {
    condition     = true || core::unknown("never asked")
    error_message = "unreachable"
  }
  enforce {
    condition     = false && core::unknown("never asked")
    error_message = "${meta.address} fails"
  }
}

resource_policy "aws_s3_bucket" "undecided_filter" {
  filter = core::unknown("the bucket's tags come from a module")
  enforce {
    condition     = true
    error_message = "unreachable"
  }
}
`
	report := checkCloudtrailPlan(t, "unknown.policy.hcl", src)
	for _, tt := range []struct {
		policy  string
		status  results.Status
		message string
	}{
		{"undecided", results.Unknown, "The condition at unknown.policy.hcl:4 is unknown: the key is passed through a module output."},
		{"decided_anyway", results.Fail, "aws_s3_bucket.logging fails"},
		{"undecided_filter", results.Unknown, "The filter is unknown: the bucket's tags come from a module."},
	} {
		got := find(t, report, tt.policy, "aws_s3_bucket.logging")
		if message := strings.Join(got.Messages, "; "); got.Status != tt.status || message != tt.message {
			t.Errorf("%s: %s %q, want %s %q", tt.policy, got.Status, message, tt.status, tt.message)
		}
	}
}

// checkCloudtrailPlan checks a public repository's plan (fugue/regula's
// CloudTrail example: two buckets, one logging to the other) with the
// policies of src.
func checkCloudtrailPlan(t *testing.T, filename, src string) *results.Report {
	t.Helper()
	pack, diags := policy.Parse(policy.Source{Filename: filename, Bytes: []byte(src)})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	eng, err := New(pack, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("../tfplan/testdata/plans/fugue__regula__tf_aws_cloudtrail_issue355_infra.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := tfplan.Read("plan.json", b)
	if err != nil {
		t.Fatal(err)
	}
	return eng.Check([]*tfplan.Document{doc})
}
