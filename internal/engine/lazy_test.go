package engine

import (
	"testing"

	"github.com/privacycode/terraform-provider-pii/internal/policy"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// The right operand of && and || is evaluated only when the left one does
// not decide, and so are the locals only it needs: a local that would fail
// (or cost) is not evaluated for resources a cheap test excludes.
func TestLogicalOperandsAreLazy(t *testing.T) {
	src := `
locals {
  broken = attrs.no_such_attribute
}

resource_policy "aws_s3_bucket" "and_stops_at_false" {
  filter = false && local.broken
  enforce {
    condition     = true
    error_message = "x"
  }
}

resource_policy "aws_s3_bucket" "or_stops_at_true" {
  enforce {
    condition     = (true || local.broken) && (meta.type == "aws_s3_bucket" || local.broken)
    error_message = "x"
  }
}

resource_policy "aws_s3_bucket" "and_goes_on_at_true" {
  filter = true && local.broken
  enforce {
    condition     = true
    error_message = "x"
  }
}

resource_policy "aws_s3_bucket" "constant_locals" {
  locals {
    buckets = [for b in core::getresources("aws_s3_bucket", {}) : b.meta.address]
    count   = length(local.buckets)
  }
  enforce {
    condition     = local.count == 3
    error_message = "${meta.address}: ${local.count} buckets"
  }
}
`
	pack, diags := policy.Parse(policy.Source{Filename: "lazy.policy.hcl", Bytes: []byte(src)})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	eng, err := New(pack, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pack.Policies {
		if p.Name == "constant_locals" && !eng.constant[p.Locals["count"].Expr] {
			t.Error("a local computed from constant locals is not constant")
		}
	}
	report := eng.Check([]*tfplan.Document{loadPlan(t)})
	want := map[string]results.Status{
		"and_stops_at_false":  results.NotApplicable,
		"or_stops_at_true":    results.Pass,
		"and_goes_on_at_true": results.Error,
		"constant_locals":     results.Pass,
	}
	seen := 0
	for _, r := range report.Results {
		if r.Resource.Type != "aws_s3_bucket" {
			continue
		}
		seen++
		if r.Status != want[r.Policy.Name] {
			t.Errorf("%s on %s: got %s %v, want %s", r.Policy.Name, r.Resource.Address, r.Status, r.Messages, want[r.Policy.Name])
		}
	}
	if seen != 3*len(want) {
		t.Errorf("%d results on buckets, want %d", seen, 3*len(want))
	}
}
