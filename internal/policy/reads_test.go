package policy

import (
	"slices"
	"testing"
)

func TestReadTypes(t *testing.T) {
	src := `
locals {
  keys  = core::getresources("aws_kms_key", { enable_key_rotation = true })
  other = core::referrers("never_read")
}

resource_policy "aws_s3_bucket" "plain" {
  enforce {
    condition     = attrs.bucket != ""
    error_message = "x"
  }
}

resource_policy "aws_s3_bucket" "companions" {
  filter = length(core::referrers("aws_s3_bucket_versioning")) >= 0
  locals {
    blocks = core::referrers("aws_s3_bucket_public_access_block")
    typ    = "computed_type"
    dyn    = core::getresources(local.typ, null)
  }
  enforce {
    condition     = length(local.blocks) > 0 && length(local.keys) > 0 && length(local.dyn) >= 0
    error_message = "${length(core::getresources("aws_s3_bucket_logging", {}))}"
  }
}
`
	pack, diags := Parse(Source{Filename: "p.policy.hcl", Bytes: []byte(src)})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	tests := map[string][]string{
		"plain": {"aws_s3_bucket"},
		// File locals are followed only when used; computed types are not listed.
		"companions": {"aws_s3_bucket", "aws_kms_key", "aws_s3_bucket_logging", "aws_s3_bucket_public_access_block", "aws_s3_bucket_versioning"},
	}
	for _, p := range pack.Policies {
		if got, want := p.ReadTypes(), tests[p.Name]; !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", p.Name, got, want)
		}
	}
}
