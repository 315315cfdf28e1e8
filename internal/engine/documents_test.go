package engine

import (
	"reflect"
	"sort"
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/privacycode/terraform-provider-pii/internal/policy"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// The documents of one check form one view: meta.holds_pii of a resource
// of one document follows the activities of another.
func TestHoldsPIIAcrossDocuments(t *testing.T) {
	pack, diags := policy.Parse(policy.Source{Filename: "holds.policy.hcl", Bytes: []byte(`
resource_policy "aws_s3_bucket" "holds" {
  description       = "Reports the buckets that hold PII"
  severity          = "low"
  enforcement_level = "advisory"
  filter            = meta.holds_pii
  enforce {
    condition     = false
    error_message = "${meta.document}: ${meta.address}"
  }
}
`)})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	eng, err := New(pack, Options{})
	if err != nil {
		t.Fatal(err)
	}
	activity := func(systems ...string) *tfplan.Resource {
		vals := make([]cty.Value, len(systems))
		for i, s := range systems {
			vals[i] = cty.StringVal(s)
		}
		return &tfplan.Resource{Address: "pii_processing_activity.shop", ConfigAddress: "pii_processing_activity.shop", Mode: "managed",
			Type: "pii_processing_activity", Name: "shop", Operation: tfplan.OpCreate, After: cty.ObjectVal(map[string]cty.Value{
				"id": cty.StringVal("shop-1"), "storage": cty.ObjectVal(map[string]cty.Value{"systems": cty.SetVal(vals)}),
			})}
	}
	bucket := func(name string) *tfplan.Resource {
		return &tfplan.Resource{Address: "aws_s3_bucket." + name, ConfigAddress: "aws_s3_bucket." + name, Mode: "managed", Type: "aws_s3_bucket",
			Name: name, Operation: tfplan.OpNoOp, After: cty.ObjectVal(map[string]cty.Value{"tags": cty.NullVal(cty.Map(cty.String))})}
	}
	workspaces := func(posture *tfplan.Resource) []*tfplan.Document {
		return []*tfplan.Document{
			{Name: "posture.json", Label: "posture", Resources: []*tfplan.Resource{posture}},
			{Name: "plans/shop.json", Label: "shop", Resources: []*tfplan.Resource{bucket("orders"), bucket("logs")}},
			{Name: "plans/hr.json", Label: "hr", Resources: []*tfplan.Resource{bucket("orders"), bucket("payslips")}},
		}
	}
	tests := []struct {
		name    string
		systems []string
		holders []string // document: address
	}{
		{"qualified: that document only", []string{"shop:aws_s3_bucket.orders"}, []string{"plans/shop.json: aws_s3_bucket.orders"}},
		{"unqualified, in one other document", []string{"aws_s3_bucket.payslips"}, []string{"plans/hr.json: aws_s3_bucket.payslips"}},
		{"unqualified, in two documents: ambiguous, both hold PII", []string{"aws_s3_bucket.orders"},
			[]string{"plans/hr.json: aws_s3_bucket.orders", "plans/shop.json: aws_s3_bucket.orders"}},
		{"not found: nothing holds PII", []string{"billing:aws_s3_bucket.orders", "aws_s3_bucket.invoices", "payroll_saas"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			report := eng.Check(workspaces(activity(tt.systems...)))
			var holders []string
			for _, r := range report.Results {
				if r.Status == "fail" {
					holders = append(holders, r.Messages...)
				}
			}
			sort.Strings(holders)
			if !reflect.DeepEqual(holders, tt.holders) {
				t.Errorf("holders %q, want %q", holders, tt.holders)
			}
		})
	}
}
