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
	pack, diags := policy.Parse(policy.Source{Filename: "referrers.policy.hcl", Bytes: []byte(src)})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	eng, err := New(pack, Options{})
	if err != nil {
		t.Fatal(err)
	}
	const file = "../tfplan/testdata/plans/fugue__regula__tf_aws_cloudtrail_issue355_infra.json"
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := tfplan.Read("plan.json", b)
	if err != nil {
		t.Fatal(err)
	}
	report := eng.Check([]*tfplan.Document{doc})
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
