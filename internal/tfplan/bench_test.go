package tfplan

import (
	"fmt"
	"strings"
	"testing"
)

// benchTypes are the resource types of the generated plan, in turn.
var benchTypes = []string{"aws_s3_bucket", "aws_db_instance", "aws_instance", "aws_iam_role", "aws_kms_key"}

// generatePlan writes, deterministically, a plan of n resources as
// terraform show -json would: about 15 attributes each with nested blocks
// and a tags map, after_unknown on every resource and nested unknowns on a
// third, sensitive values on half, updates with a before on a quarter,
// planned_values repeating the values, and one configuration block per
// resource whose expressions refer to the previous resource and to a
// variable.
func generatePlan(n int) []byte {
	var b strings.Builder
	b.Grow(n * 3000)
	b.WriteString(`{"format_version":"1.2","terraform_version":"1.9.5","variables":{"env":{"value":"prod"}},`)

	values := func(i int) string {
		logging := `"target_bucket":"logs-` + fmt.Sprint(i%10) + `"`
		if i%3 == 0 {
			logging = `"target_bucket":null`
		}
		return fmt.Sprintf(`{"name":"res-%05d","acl":"private","force_destroy":false,"region":"eu-west-1",`+
			`"size":%d,"ratio":0.%d5,"enabled":%t,"password":"secret-%d",`+
			`"tags":{"env":"prod","pii":"customer","owner":"team-%d","cost_center":"cc-%d"},`+
			`"versioning":[{"enabled":true,"mfa_delete":false}],"logging":[{%s,"target_prefix":"log/"}],`+
			`"lifecycle_rule":[{"id":"expire","enabled":true,"expiration":[{"days":%d}],"tags":{}}],`+
			`"cors_rule":[],"policy":"{\"Version\":\"2012-10-17\",\"Statement\":[]}","timeouts":null}`,
			i, i%1000, i%10, i%2 == 0, i, i%50, i%7, logging, 30+i%60)
	}
	unknown := func(i int) string {
		if i%3 == 0 {
			return `{"id":true,"arn":true,"tags_all":true,"versioning":[{}],"logging":[{"target_bucket":true}],"lifecycle_rule":[{"expiration":[{}],"tags":{}}],"tags":{}}`
		}
		return `{"id":true,"arn":true,"tags_all":true,"versioning":[{}],"logging":[{}],"lifecycle_rule":[{"expiration":[{}],"tags":{}}],"tags":{}}`
	}
	sensitive := func(i int) string {
		if i%2 == 0 {
			return `{"password":true,"tags":{"owner":true},"versioning":[{}],"logging":[{}],"lifecycle_rule":[{"expiration":[{}],"tags":{}}]}`
		}
		return `{"tags":{},"versioning":[{}],"logging":[{}],"lifecycle_rule":[{"expiration":[{}],"tags":{}}]}`
	}
	typ := func(i int) string { return benchTypes[i%len(benchTypes)] }

	b.WriteString(`"planned_values":{"root_module":{"resources":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"address":"%s.res_%05d","mode":"managed","type":"%s","name":"res_%05d","provider_name":"registry.terraform.io/hashicorp/aws","schema_version":0,"values":%s,"sensitive_values":%s}`,
			typ(i), i, typ(i), i, values(i), sensitive(i))
	}
	b.WriteString(`]}},"resource_changes":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		actions, before, beforeSensitive := `["create"]`, "null", "false"
		if i%4 == 1 {
			actions, before, beforeSensitive = `["update"]`, values(i+1), sensitive(i)
		}
		fmt.Fprintf(&b, `{"address":"%s.res_%05d","mode":"managed","type":"%s","name":"res_%05d","provider_name":"registry.terraform.io/hashicorp/aws",`+
			`"change":{"actions":%s,"before":%s,"after":%s,"after_unknown":%s,"before_sensitive":%s,"after_sensitive":%s}}`,
			typ(i), i, typ(i), i, actions, before, values(i), unknown(i), beforeSensitive, sensitive(i))
	}
	b.WriteString(`],"configuration":{"provider_config":{"aws":{"name":"aws","full_name":"registry.terraform.io/hashicorp/aws"}},"root_module":{"resources":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		prev := max(i-1, 0)
		fmt.Fprintf(&b, `{"address":"%s.res_%05d","mode":"managed","type":"%s","name":"res_%05d","provider_config_key":"aws","schema_version":0,`+
			`"expressions":{"name":{"references":["var.env"]},"acl":{"constant_value":"private"},"policy":{"references":["%s.res_%05d.arn","%s.res_%05d"]},`+
			`"tags":{"references":["local.tags"]},"versioning":[{"enabled":{"constant_value":true}}],`+
			`"logging":[{"target_bucket":{"references":["aws_s3_bucket.logs.id","aws_s3_bucket.logs"]},"target_prefix":{"constant_value":"log/"}}]}}`,
			typ(i), i, typ(i), i, typ(prev), prev, typ(prev), prev)
	}
	b.WriteString(`]}}}`)
	return []byte(b.String())
}

func TestGeneratedPlan(t *testing.T) {
	const n = 200
	doc, err := Read("generated.json", generatePlan(n))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Resources) != n {
		t.Fatalf("%d resources, want %d", len(doc.Resources), n)
	}
	r := doc.Resources[3]
	if !containsUnknown(r.After) || len(sensitivePaths(r.After)) != 0 || r.Operation != OpCreate {
		t.Errorf("resource 3: unknown %v, sensitive %v, operation %s", containsUnknown(r.After), sensitivePaths(r.After), r.Operation)
	}
	r = doc.Resources[5]
	if want := []string{"aws_kms_key.res_00004", "aws_s3_bucket.logs"}; strings.Join(r.References, " ") != strings.Join(want, " ") {
		t.Errorf("resource 5 refers to %q, want %q", r.References, want)
	}
	if by := doc.ReferencedBy(doc.Resources[4]); len(by) != 1 || by[0] != r {
		t.Errorf("ReferencedBy(resource 4) = %v", by)
	}
	if got := len(sensitivePaths(doc.Resources[4].After)); got != 2 {
		t.Errorf("resource 4 has %d sensitive values, want 2", got)
	}
	if r := doc.Resources[1]; r.Operation != OpUpdate || r.Before.IsNull() {
		t.Errorf("resource 1: %s, before %#v", r.Operation, r.Before)
	}
}

// BenchmarkRead20000 reads a generated plan of 20,000 resources (see
// generatePlan).
func BenchmarkRead20000(b *testing.B) {
	data := generatePlan(20000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		doc, err := Read("generated.json", data)
		if err != nil {
			b.Fatal(err)
		}
		if len(doc.Resources) != 20000 {
			b.Fatalf("%d resources", len(doc.Resources))
		}
	}
}
