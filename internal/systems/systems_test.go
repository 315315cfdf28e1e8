package systems

import (
	"reflect"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// activity is a pii_processing_activity whose storage stage names the
// systems.
func activity(address, id string, systems ...string) *tfplan.Resource {
	vals := make([]cty.Value, len(systems))
	for i, s := range systems {
		vals[i] = cty.StringVal(s)
	}
	sys := cty.SetValEmpty(cty.String)
	if len(vals) > 0 {
		sys = cty.SetVal(vals)
	}
	return &tfplan.Resource{Address: address, ConfigAddress: address, Mode: "managed", Type: ActivityType, Name: strings.Split(address, ".")[1],
		Operation: tfplan.OpCreate, After: cty.ObjectVal(map[string]cty.Value{
			"id":      cty.StringVal(id),
			"storage": cty.ObjectVal(map[string]cty.Value{"systems": sys}),
		})}
}

// resource is an infrastructure resource; refs are the configuration
// addresses it refers to.
func resource(address string, refs ...string) *tfplan.Resource {
	config := address
	if i := strings.Index(config, "["); i >= 0 {
		config = config[:i]
	}
	parts := strings.Split(config, ".")
	return &tfplan.Resource{Address: address, ConfigAddress: config, Mode: "managed", Type: parts[len(parts)-2], Name: parts[len(parts)-1],
		Operation: tfplan.OpNoOp, References: refs, After: cty.EmptyObjectVal}
}

func doc(label string, rs ...*tfplan.Resource) *tfplan.Document {
	return &tfplan.Document{Name: label + ".json", Label: label, Resources: rs}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in                   string
		label, address       string
		qualified, isAddress bool
	}{
		{in: "aws_s3_bucket.orders", address: "aws_s3_bucket.orders", isAddress: true},
		{in: "shop:aws_s3_bucket.orders", label: "shop", address: "aws_s3_bucket.orders", qualified: true, isAddress: true},
		{in: "shop-prod.eu:module.db.aws_db_instance.main[0]", label: "shop-prod.eu", address: "module.db.aws_db_instance.main[0]", qualified: true, isAddress: true},
		{in: `module.x["a"].aws_s3_bucket.b["k"]`, address: `module.x["a"].aws_s3_bucket.b["k"]`, isAddress: true},
		{in: "data.aws_s3_bucket.legacy", address: "data.aws_s3_bucket.legacy", isAddress: true},
		{in: "payroll_saas"},
		{in: "hr.portal"}, // no provider prefix: a name
		{in: "https://wiki.example.com/runbook"},
		{in: "Leaver checklist, section 4"},
		{in: ":aws_s3_bucket.orders"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			label, address, qualified, ok := Parse(tt.in)
			if ok != tt.isAddress || qualified != tt.qualified || label != tt.label || (ok && address != tt.address) {
				t.Errorf("Parse(%q) = %q, %q, %v, %v; want %q, %q, %v, %v", tt.in, label, address, qualified, ok, tt.label, tt.address, tt.qualified, tt.isAddress)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	bucket := func() *tfplan.Resource { return resource("aws_s3_bucket.orders") }
	tests := []struct {
		name string
		docs func() []*tfplan.Document
		// named are label:address of the resources an activity names, with
		// the activity ids.
		named     map[string][]string
		ambiguous []string // label:activity:system documents
		notFound  []string
	}{
		{
			name: "one document: the activity's own resources, one hop, counted instances",
			docs: func() []*tfplan.Document {
				return []*tfplan.Document{doc("all",
					activity("pii_processing_activity.shop", "shop-1", "aws_s3_bucket.orders", "aws_db_instance.main", "payroll_saas"),
					bucket(), resource("aws_s3_bucket_versioning.orders", "aws_s3_bucket.orders"),
					resource("aws_db_instance.main[0]"), resource("aws_db_instance.main[1]"), resource("aws_s3_bucket.other"))}
			},
			named: map[string][]string{
				"all:aws_s3_bucket.orders": {"shop-1"}, "all:aws_s3_bucket_versioning.orders": {"shop-1"},
				"all:aws_db_instance.main[0]": {"shop-1"}, "all:aws_db_instance.main[1]": {"shop-1"},
			},
		},
		{
			name: "posture and infrastructure in two documents, unqualified",
			docs: func() []*tfplan.Document {
				return []*tfplan.Document{
					doc("posture", activity("pii_processing_activity.shop", "shop-1", "aws_s3_bucket.orders")),
					doc("shop", bucket(), resource("aws_s3_bucket_versioning.orders", "aws_s3_bucket.orders")),
				}
			},
			named: map[string][]string{"shop:aws_s3_bucket.orders": {"shop-1"}, "shop:aws_s3_bucket_versioning.orders": {"shop-1"}},
		},
		{
			name: "qualified: only the named document",
			docs: func() []*tfplan.Document {
				return []*tfplan.Document{
					doc("posture", activity("pii_processing_activity.shop", "shop-1", "hr:aws_s3_bucket.orders")),
					doc("shop", bucket()), doc("hr", bucket()),
				}
			},
			named: map[string][]string{"hr:aws_s3_bucket.orders": {"shop-1"}},
		},
		{
			name: "unqualified in several other documents: ambiguous, all of them named",
			docs: func() []*tfplan.Document {
				return []*tfplan.Document{
					doc("posture", activity("pii_processing_activity.shop", "shop-1", "aws_s3_bucket.orders")),
					doc("shop", bucket()), doc("hr", bucket()),
				}
			},
			named:     map[string][]string{"shop:aws_s3_bucket.orders": {"shop-1"}, "hr:aws_s3_bucket.orders": {"shop-1"}},
			ambiguous: []string{"posture:pii_processing_activity.shop:aws_s3_bucket.orders:hr,shop"},
		},
		{
			name: "the activity's own document wins over the others",
			docs: func() []*tfplan.Document {
				return []*tfplan.Document{
					doc("shop", activity("pii_processing_activity.shop", "shop-1", "aws_s3_bucket.orders"), bucket()),
					doc("hr", bucket()), doc("ops", bucket()),
				}
			},
			named: map[string][]string{"shop:aws_s3_bucket.orders": {"shop-1"}},
		},
		{
			name: "not found: a qualified document not given, an address nowhere",
			docs: func() []*tfplan.Document {
				return []*tfplan.Document{
					doc("posture", activity("pii_processing_activity.shop", "shop-1", "billing:aws_s3_bucket.orders", "aws_kinesis_stream.clicks")),
					doc("shop", bucket()),
				}
			},
			named:    map[string][]string{},
			notFound: []string{"aws_kinesis_stream.clicks", "billing:aws_s3_bucket.orders"}, // a set: sorted
		},
		{
			name: "two activities share a store",
			docs: func() []*tfplan.Document {
				return []*tfplan.Document{
					doc("posture", activity("pii_processing_activity.a", "a-1", "shop:aws_s3_bucket.orders"),
						activity("pii_processing_activity.b", "b-1", "aws_s3_bucket.orders")),
					doc("shop", bucket()),
				}
			},
			named: map[string][]string{"shop:aws_s3_bucket.orders": {"a-1", "b-1"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := tt.docs()
			res := Resolve(docs)
			got := map[string][]string{}
			for _, d := range docs {
				for _, r := range d.Resources {
					if ids := res.Activities(r); ids != nil {
						got[Qualified(d.Label, r.Address)] = ids
					}
				}
			}
			if !reflect.DeepEqual(got, tt.named) {
				t.Errorf("named:\n got %v\nwant %v", got, tt.named)
			}
			var amb []string
			for _, a := range res.Ambiguous {
				amb = append(amb, a.Document+":"+a.ActivityAddress+":"+a.System+":"+strings.Join(a.Documents, ","))
			}
			if !reflect.DeepEqual(amb, tt.ambiguous) {
				t.Errorf("ambiguous:\n got %v\nwant %v", amb, tt.ambiguous)
			}
			var nf []string
			for _, c := range res.NotFound {
				nf = append(nf, c.System)
			}
			if !reflect.DeepEqual(nf, tt.notFound) {
				t.Errorf("not found:\n got %v\nwant %v", nf, tt.notFound)
			}
		})
	}
}

func TestFind(t *testing.T) {
	docs := []*tfplan.Document{doc("shop", resource("aws_kms_key.orders")), doc("hr", resource("aws_kms_key.orders"), resource("aws_kms_key.hr"))}
	res := Resolve(docs)
	count := func(label, address string) int { return len(res.Find(label, address)) }
	if n := count("", "aws_kms_key.orders"); n != 2 {
		t.Errorf("unqualified: %d matches, want 2", n)
	}
	if n := count("shop", "aws_kms_key.hr"); n != 0 {
		t.Errorf("qualified elsewhere: %d matches, want 0", n)
	}
	if n := count("hr", "aws_kms_key.hr"); n != 1 {
		t.Errorf("qualified: %d matches, want 1", n)
	}
	if res.Document("billing") != nil || res.Document("hr") == nil {
		t.Error("Document: wrong documents by label")
	}
}
