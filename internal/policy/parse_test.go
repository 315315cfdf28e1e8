package policy

import (
	"strconv"
	"strings"
	"testing"
)

const goodPolicy = `
input "regions" {
  type    = list(string)
  default = ["eu-west-1"]
}

locals {
  tags = attrs.tags
}

resource_policy "aws_s3_*" "pii_bucket_kms" {
  description       = "Buckets are encrypted"
  controls          = ["iso29151:10.1.1", "iso29151@2017:10.1.2"]
  severity          = "high"
  enforcement_level = "mandatory"
  operations        = ["create", "update"]
  filter            = meta.holds_pii && contains(input.regions, "eu-west-1")
  locals {
    rule = attrs.rule[0]
  }
  enforce {
    condition     = local.rule.sse == "aws:kms" && [for t in local.tags : t] != null
    error_message = "${meta.address} is not encrypted"
  }
  enforce {
    condition     = true
    error_message = "never"
  }
}
`

func TestParseGood(t *testing.T) {
	pack, diags := Parse(Source{Filename: "good.policy.hcl", Bytes: []byte(goodPolicy)})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	if len(pack.Policies) != 1 || len(pack.Inputs) != 1 {
		t.Fatalf("pack = %+v", pack)
	}
	p := pack.Policies[0]
	if p.Name != "pii_bucket_kms" || p.Severity != "high" || p.EnforcementLevel != "mandatory" || len(p.Enforce) != 2 || len(p.Controls) != 2 {
		t.Errorf("policy = %+v", p)
	}
	if !p.Matches("aws_s3_bucket") || p.Matches("aws_db_instance") || !p.Selects("update") || p.Selects("no-op") || !p.Selects("replace") || p.Selects("delete") {
		t.Error("type pattern or operations do not work")
	}
}

func TestParseDefaults(t *testing.T) {
	pack, diags := Parse(Source{Filename: "d.policy.hcl", Bytes: []byte(`
resource_policy "*" "anything" {
  enforce {
    condition     = true
    error_message = "x"
  }
}`)})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	p := pack.Policies[0]
	if p.Severity != "medium" || p.EnforcementLevel != "advisory" || strings.Join(p.Operations, ",") != "create,update,no-op" || p.Filter != nil {
		t.Errorf("defaults: %+v", p)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"syntax", "resource_policy \"x\" \"y\" {\n  severity = \n}\n", []string{"p.policy.hcl:2:"}},
		{"unknown block", "policy \"x\" \"y\" {}\n", []string{`p.policy.hcl:1:1: Unsupported block type`}},
		{"no enforce", "resource_policy \"aws_s3_bucket\" \"y\" {\n}\n", []string{`p.policy.hcl:1:1: Missing enforce block: Policy "y" has no enforce block`}},
		{"bad severity", policyWith(`severity = "hihg"`), []string{`p.policy.hcl:2:14: Invalid severity: "hihg" is not a valid severity; use one of "low", "medium", "high", "critical". Did you mean "high"?`}},
		{"bad enforcement", policyWith(`enforcement_level = "mandatroy"`), []string{`Did you mean "mandatory"?`}},
		{"bad operation", policyWith(`operations = ["create", "destroy"]`), []string{`"destroy" is not an operation`}},
		{"bad control", policyWith(`controls = ["10.1.1"]`), []string{`"10.1.1" is not a qualified control id: write catalog:id, such as "iso29151:10.1.1".`}},
		{"unknown variable", policyWith(`filter = var.enabled`), []string{`p.policy.hcl:2:12: Unknown variable: There is no variable "var" here; expressions can use "attrs", "prior_attrs", "meta", "input", "local".`}},
		{"misspelt root", policyWith(`filter = atrs.x`), []string{`Did you mean "attrs"?`}},
		{"unknown input", policyWith(`filter = input.region`), []string{`There is no input "region" in this pack.`}},
		{"unknown local", policyWith(`filter = local.rul`), []string{`There is no local "rul" in scope.`}},
		{"duplicate policy", policyWith("") + policyWith(""), []string{`Duplicate policy name: A policy named "y" is already declared at p.policy.hcl:1:1`}},
		{"bad type", strings.Replace(policyWith(""), `"aws_s3_bucket"`, `"AWS S3"`, 1), []string{`"AWS S3" is not a resource type or glob`}},
		{"input default of wrong type", "input \"n\" {\n  type    = number\n  default = \"x\"\n}\n", []string{`The default of input "n" does not match its type number`}},
		{"duplicate locals", "locals {\n  a = 1\n}\nlocals {\n  a = 2\n}\n", []string{`local.a is already defined at p.policy.hcl:2:3.`}},
		{"shadowed local", "locals {\n  a = 1\n}\n" + strings.Replace(policyWith(""), "enforce {", "locals {\n    a = 2\n  }\n  enforce {", 1), []string{`local.a is already defined for the whole file`}},
		{"unknown attribute", policyWith(`descriptons = "x"`), []string{`An argument named "descriptons" is not expected here. Did you mean "description"?`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pack, diags := Parse(Source{Filename: "p.policy.hcl", Bytes: []byte(tt.src)})
			if !diags.HasErrors() || pack != nil {
				t.Fatalf("expected errors")
			}
			var got []string
			for _, d := range diags {
				loc := ""
				if d.Subject != nil {
					loc = d.Subject.Filename + ":" + itoa(d.Subject.Start.Line) + ":" + itoa(d.Subject.Start.Column) + ": "
				}
				got = append(got, loc+d.Summary+": "+d.Detail)
			}
			all := strings.Join(got, "\n")
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("diagnostics lack %q:\n%s", w, all)
				}
			}
		})
	}
}

func policyWith(line string) string {
	return "resource_policy \"aws_s3_bucket\" \"y\" {\n  " + line + "\n  enforce {\n    condition     = true\n    error_message = \"x\"\n  }\n}\n"
}

func itoa(n int) string { return strconv.Itoa(n) }

func FuzzParse(f *testing.F) {
	f.Add([]byte(goodPolicy))
	f.Add([]byte(policyWith(`filter = local.x`)))
	f.Add([]byte("input \"x\" {\n type = map(list(string))\n default = {}\n}\n"))
	f.Add([]byte("resource_policy \"[\" \"y\" {}\n"))
	f.Add([]byte("locals {\n a = local.a\n}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		pack, diags := Parse(Source{Filename: "f.policy.hcl", Bytes: src})
		if pack == nil && !diags.HasErrors() {
			t.Fatal("no pack and no error")
		}
	})
}
