package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/privacycode/terraform-provider-pii/internal/policy"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// meta.provider_config on real plans: a constant region (Terraform 1.1.9),
// a root variable's value (1.12.2), inherited by modules, a local's
// (unknown, 1.0.7), and the empty object where there is no configuration
// of the provider, or no configuration at all (a state).
func TestProviderConfigMeta(t *testing.T) {
	src := `
resource_policy "*" "region_is" {
  filter = can(meta.provider_config.region)
  enforce {
    condition     = meta.provider_config.region == "eu-west-1"
    error_message = "${meta.address} is in ${meta.provider_config.region}"
  }
}

resource_policy "*" "no_provider_config" {
  filter = !can(meta.provider_config.region)
  enforce {
    condition     = meta.provider_config == {}
    error_message = "${meta.address} has ${jsonencode(meta.provider_config)}"
  }
}
`
	pack, diags := policy.Parse(policy.Source{Filename: "provider.policy.hcl", Bytes: []byte(src)})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	eng, err := New(pack, Options{})
	if err != nil {
		t.Fatal(err)
	}
	read := func(file string) *tfplan.Document {
		b, err := os.ReadFile(filepath.Join("../tfplan/testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := tfplan.Read(filepath.Base(file), b)
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	tests := []struct {
		file, policy, address string
		status                results.Status
		message               string
	}{
		// region = "us-east-2"; the message is rendered from the redacted
		// copy of meta, which has it too.
		{"plans/fugue__regula__tf_aws_cloudtrail_issue355_infra.json", "region_is", "aws_cloudtrail.cloudtrail", results.Fail,
			"aws_cloudtrail.cloudtrail is in us-east-2"},
		{"plans/fugue__regula__tf_aws_cloudtrail_issue355_infra.json", "no_provider_config", "random_id.cloudtrail", results.Pass, ""},
		// region = var.aws_region, "eu-west-1" in the plan's variables; a
		// module inherits the configuration.
		{"plans/netlightin__sagemaker-whisper__terraform_plan.json", "region_is", "aws_cloudwatch_dashboard.main", results.Pass, ""},
		{"plans/netlightin__sagemaker-whisper__terraform_plan.json", "region_is", "module.ecs.aws_ecs_cluster.main", results.Pass, ""},
		// region = local.aws_vars.region: unknown.
		{"plans/cloudstruct__rocketpool-deploy__terraform_plan.json", "region_is", "aws_s3_bucket.deploy", results.Unknown, ""},
		// provider "aws" sets no region.
		{"plans/terraform-compliance__cli__test_issue_522.json", "no_provider_config", "aws_cloudwatch_event_rule.metrics_schedule", results.Pass, ""},
		{"state_1_0.json", "no_provider_config", "aws_s3_bucket.orders", results.Pass, ""},
	}
	reports := map[string]*results.Report{}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file)+"/"+tt.address, func(t *testing.T) {
			report, ok := reports[tt.file]
			if !ok {
				report = eng.Check([]*tfplan.Document{read(tt.file)})
				reports[tt.file] = report
			}
			res := find(t, report, tt.policy, tt.address)
			if res.Status != tt.status || (tt.message != "" && !strings.Contains(strings.Join(res.Messages, "; "), tt.message)) {
				t.Errorf("got %s %q, want %s %q", res.Status, res.Messages, tt.status, tt.message)
			}
		})
	}
}
