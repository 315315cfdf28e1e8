package tfplan

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"
)

func readTestdata(t testing.TB, file string) *Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(file, data)
	if err != nil {
		t.Fatalf("Read(%s): %v", file, err)
	}
	return doc
}

// lookup finds the resource at address, the deposed object when deposed is
// not "".
func lookup(t *testing.T, doc *Document, address, deposed string) *Resource {
	t.Helper()
	for _, r := range doc.Resources {
		if r.Address == address && r.Deposed == deposed {
			return r
		}
	}
	t.Fatalf("%s has no resource %s (deposed %q)", doc.Name, address, deposed)
	return nil
}

func TestReadResources(t *testing.T) {
	type want struct {
		configAddress, mode, typ, name, module, provider string
		index                                            any
		actions                                          []string
		operation                                        string
		references                                       []string
	}
	aws := "registry.terraform.io/hashicorp/aws"
	tests := []struct {
		file, address, deposed string
		want                   want
	}{
		{"plan_1_2.json", "aws_s3_bucket.orders", "", want{
			configAddress: "aws_s3_bucket.orders", mode: "managed", typ: "aws_s3_bucket", name: "orders", provider: aws,
			actions: []string{"create"}, operation: OpCreate,
			// A nested block's reference; module.storage.bucket_id is a
			// module output and depends_on is no expression.
			references: []string{"aws_kms_key.orders"},
		}},
		{"plan_1_2.json", "aws_kms_key.orders", "", want{
			configAddress: "aws_kms_key.orders", mode: "managed", typ: "aws_kms_key", name: "orders", provider: aws,
			actions: []string{"no-op"}, operation: OpNoOp,
		}},
		{"plan_1_2.json", "aws_db_instance.customers", "", want{
			configAddress: "aws_db_instance.customers", mode: "managed", typ: "aws_db_instance", name: "customers", provider: aws,
			actions: []string{"update"}, operation: OpUpdate, references: []string{"aws_kms_key.orders"},
		}},
		{"plan_1_2.json", "aws_instance.web[0]", "", want{
			configAddress: "aws_instance.web", mode: "managed", typ: "aws_instance", name: "web", provider: aws, index: 0,
			actions: []string{"delete", "create"}, operation: OpReplace,
			// From a provisioner and a data source; self and count are
			// no resources.
			references: []string{"aws_s3_bucket.orders", "data.aws_ami.ubuntu"},
		}},
		{"plan_1_2.json", "aws_instance.web[1]", "", want{
			configAddress: "aws_instance.web", mode: "managed", typ: "aws_instance", name: "web", provider: aws, index: 1,
			actions: []string{"create", "delete"}, operation: OpReplace,
			references: []string{"aws_s3_bucket.orders", "data.aws_ami.ubuntu"},
		}},
		{"plan_1_2.json", "aws_instance.web[1]", "00000001", want{
			configAddress: "aws_instance.web", mode: "managed", typ: "aws_instance", name: "web", provider: aws, index: 1,
			actions: []string{"delete"}, operation: OpDelete,
			references: []string{"aws_s3_bucket.orders", "data.aws_ami.ubuntu"},
		}},
		{"plan_1_2.json", `aws_s3_bucket.per_env["prod.eu"]`, "", want{
			configAddress: "aws_s3_bucket.per_env", mode: "managed", typ: "aws_s3_bucket", name: "per_env", provider: aws, index: "prod.eu",
			actions: []string{"delete"}, operation: OpDelete,
			// From for_each; each, path and terraform are no resources.
			references: []string{"data.aws_regions.all"},
		}},
		{"plan_1_2.json", "aws_s3_bucket_public_access_block.orders", "", want{
			configAddress: "aws_s3_bucket_public_access_block.orders", mode: "managed", typ: "aws_s3_bucket_public_access_block", name: "orders", provider: aws,
			actions: []string{"create"}, operation: OpCreate, references: []string{"aws_s3_bucket.orders"},
		}},
		{"plan_1_2.json", "data.aws_iam_policy_document.read", "", want{
			configAddress: "data.aws_iam_policy_document.read", mode: "data", typ: "aws_iam_policy_document", name: "read", provider: aws,
			actions: []string{"read"}, operation: OpRead,
			// An instance key in a reference names the resource block.
			references: []string{"aws_s3_bucket.orders", "aws_s3_bucket.per_env"},
		}},
		{"plan_1_2.json", "module.storage.aws_s3_bucket.logs", "", want{
			configAddress: "module.storage.aws_s3_bucket.logs", mode: "managed", typ: "aws_s3_bucket", name: "logs", module: "module.storage", provider: aws,
			actions: []string{"create"}, operation: OpCreate,
		}},
		{"plan_1_2.json", "module.storage.aws_s3_bucket_policy.logs", "", want{
			configAddress: "module.storage.aws_s3_bucket_policy.logs", mode: "managed", typ: "aws_s3_bucket_policy", name: "logs", module: "module.storage", provider: aws,
			actions: []string{"create"}, operation: OpCreate,
			references: []string{"module.storage.aws_s3_bucket.logs", "module.storage.data.aws_iam_policy_document.logs"},
		}},
		{"plan_1_2.json", "module.storage.data.aws_iam_policy_document.logs", "", want{
			configAddress: "module.storage.data.aws_iam_policy_document.logs", mode: "data", typ: "aws_iam_policy_document", name: "logs", module: "module.storage", provider: aws,
			actions: []string{"read"}, operation: OpRead, references: []string{"module.storage.aws_s3_bucket.logs"},
		}},
		{"plan_1_2.json", `module.team["a.b"].module.inner[0].aws_s3_bucket.this`, "", want{
			configAddress: "module.team.module.inner.aws_s3_bucket.this", mode: "managed", typ: "aws_s3_bucket", name: "this",
			module: `module.team["a.b"].module.inner[0]`, provider: aws,
			actions: []string{"create"}, operation: OpCreate,
			// A reference to a resource the plan does not have is kept.
			references: []string{"module.team.module.inner.aws_s3_bucket.that"},
		}},
		{"plan_0_1.json", "aws_s3_bucket.b", "", want{
			configAddress: "aws_s3_bucket.b", mode: "managed", typ: "aws_s3_bucket", name: "b", provider: "aws",
			actions: []string{"update"}, operation: OpUpdate,
		}},
		{"plan_0_1.json", "module.app.aws_instance.app[2]", "", want{
			configAddress: "module.app.aws_instance.app", mode: "managed", typ: "aws_instance", name: "app", module: "module.app", provider: "aws", index: 2,
			actions: []string{"create"}, operation: OpCreate,
			// Terraform 0.12 lists references without the attribute.
			references: []string{"module.app.aws_kms_key.app", "module.app.data.template_file.init"},
		}},
		{"state_1_0.json", "aws_s3_bucket.orders", "", want{
			configAddress: "aws_s3_bucket.orders", mode: "managed", typ: "aws_s3_bucket", name: "orders", provider: aws,
			actions: []string{"no-op"}, operation: OpNoOp,
		}},
		{"state_1_0.json", "data.aws_caller_identity.current", "", want{
			configAddress: "data.aws_caller_identity.current", mode: "data", typ: "aws_caller_identity", name: "current", provider: aws,
			actions: []string{"no-op"}, operation: OpNoOp,
		}},
		{"state_1_0.json", `module.team["a"].aws_s3_bucket.this["x"]`, "", want{
			configAddress: "module.team.aws_s3_bucket.this", mode: "managed", typ: "aws_s3_bucket", name: "this", module: `module.team["a"]`, provider: aws, index: "x",
			actions: []string{"no-op"}, operation: OpNoOp,
		}},
		{"state_1_0.json", `module.team["a"].module.inner.aws_instance.web[1]`, "0000000a", want{
			configAddress: "module.team.module.inner.aws_instance.web", mode: "managed", typ: "aws_instance", name: "web",
			module: `module.team["a"].module.inner`, provider: aws, index: 1,
			actions: []string{"no-op"}, operation: OpNoOp,
		}},
	}
	docs := map[string]*Document{}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.address+tt.deposed, func(t *testing.T) {
			doc := docs[tt.file]
			if doc == nil {
				doc = readTestdata(t, tt.file)
				docs[tt.file] = doc
			}
			r := lookup(t, doc, tt.address, tt.deposed)
			got := want{
				configAddress: r.ConfigAddress, mode: r.Mode, typ: r.Type, name: r.Name, module: r.ModuleAddress, provider: r.ProviderName,
				index: r.Index, actions: r.Actions, operation: r.Operation, references: r.References,
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestReadDocuments(t *testing.T) {
	tests := []struct {
		file                 string
		kind                 Kind
		format, terraform    string
		addresses, types     []string
		lookup, lookupAbsent string
	}{
		{
			file: "plan_1_2.json", kind: Plan, format: "1.2", terraform: "1.9.5",
			// Document order, resource_drift left out, the deposed object
			// after the current one as in the plan.
			addresses: []string{
				"aws_s3_bucket.orders", "aws_kms_key.orders", "aws_db_instance.customers", "aws_instance.web[0]",
				"aws_instance.web[1]", "aws_instance.web[1]", `aws_s3_bucket.per_env["prod.eu"]`,
				"aws_s3_bucket_public_access_block.orders", "data.aws_iam_policy_document.read",
				"module.storage.aws_s3_bucket.logs", "module.storage.aws_s3_bucket_policy.logs",
				"module.storage.data.aws_iam_policy_document.logs", `module.team["a.b"].module.inner[0].aws_s3_bucket.this`,
			},
			types: []string{
				"aws_db_instance", "aws_iam_policy_document", "aws_instance", "aws_kms_key", "aws_s3_bucket",
				"aws_s3_bucket_policy", "aws_s3_bucket_public_access_block",
			},
			lookup: `aws_s3_bucket.per_env["prod.eu"]`, lookupAbsent: "aws_s3_bucket.drifted",
		},
		{
			file: "plan_0_1.json", kind: Plan, format: "0.1", terraform: "0.12.31",
			addresses: []string{"aws_s3_bucket.b", "module.app.aws_instance.app[2]"},
			types:     []string{"aws_instance", "aws_s3_bucket"},
			lookup:    "module.app.aws_instance.app[2]", lookupAbsent: "aws_instance.app[2]",
		},
		{
			file: "state_1_0.json", kind: State, format: "1.0", terraform: "1.9.5",
			// Depth first: a module's resources, then its child modules.
			addresses: []string{
				"aws_s3_bucket.orders", "aws_db_instance.main", "data.aws_caller_identity.current",
				`module.team["a"].aws_s3_bucket.this["x"]`,
				`module.team["a"].module.inner.aws_instance.web[1]`, `module.team["a"].module.inner.aws_instance.web[1]`,
			},
			types:  []string{"aws_caller_identity", "aws_db_instance", "aws_instance", "aws_s3_bucket"},
			lookup: "data.aws_caller_identity.current", lookupAbsent: "aws_caller_identity.current",
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc := readTestdata(t, tt.file)
			if doc.Name != tt.file || doc.Kind != tt.kind || doc.FormatVersion != tt.format || doc.TerraformVersion != tt.terraform {
				t.Errorf("got %q %s %s %s, want %q %s %s %s", doc.Name, doc.Kind, doc.FormatVersion, doc.TerraformVersion,
					tt.file, tt.kind, tt.format, tt.terraform)
			}
			var addresses []string
			for _, r := range doc.Resources {
				addresses = append(addresses, r.Address)
				checkResource(t, doc, r)
			}
			if !reflect.DeepEqual(addresses, tt.addresses) {
				t.Errorf("addresses\ngot  %q\nwant %q", addresses, tt.addresses)
			}
			if got := doc.Types(); !reflect.DeepEqual(got, tt.types) {
				t.Errorf("Types() = %q, want %q", got, tt.types)
			}
			total := 0
			for _, typ := range doc.Types() {
				for _, r := range doc.ByType(typ) {
					if r.Type != typ {
						t.Errorf("ByType(%s) has %s", typ, r.Address)
					}
				}
				total += len(doc.ByType(typ))
			}
			if total != len(doc.Resources) || len(doc.ByType("nope")) != 0 {
				t.Errorf("ByType finds %d resources of %d", total, len(doc.Resources))
			}
			if r := doc.Lookup(tt.lookup); r == nil || r.Address != tt.lookup || r.Deposed != "" {
				t.Errorf("Lookup(%q) = %+v", tt.lookup, r)
			}
			if r := doc.Lookup(tt.lookupAbsent); r != nil {
				t.Errorf("Lookup(%q) = %s, want nil", tt.lookupAbsent, r.Address)
			}
			if doc.Kind == State {
				for _, r := range doc.Resources {
					if !r.Before.IsNull() {
						t.Errorf("%s: a state resource with a Before", r.Address)
					}
				}
				// A state's references are its recorded dependencies.
				db := doc.Lookup("aws_db_instance.main")
				if db == nil || strings.Join(db.References, ",") != "aws_s3_bucket.orders" {
					t.Errorf("state references = %v", db)
				}
				if bucket := doc.Lookup("aws_s3_bucket.orders"); len(doc.ReferencedBy(bucket)) != 1 {
					t.Errorf("ReferencedBy in a state = %v", doc.ReferencedBy(bucket))
				}
			}
		})
	}
}

func TestReferencedBy(t *testing.T) {
	doc := readTestdata(t, "plan_1_2.json")
	tests := []struct {
		address string
		want    []string
	}{
		{"aws_s3_bucket.orders", []string{
			"aws_instance.web[0]", "aws_instance.web[1]", "aws_instance.web[1]",
			"aws_s3_bucket_public_access_block.orders", "data.aws_iam_policy_document.read",
		}},
		{"aws_kms_key.orders", []string{"aws_s3_bucket.orders", "aws_db_instance.customers"}},
		// Any instance of a block stands for the block.
		{`aws_s3_bucket.per_env["prod.eu"]`, []string{"data.aws_iam_policy_document.read"}},
		{"module.storage.aws_s3_bucket.logs", []string{
			"module.storage.aws_s3_bucket_policy.logs", "module.storage.data.aws_iam_policy_document.logs",
		}},
		{"module.storage.data.aws_iam_policy_document.logs", []string{"module.storage.aws_s3_bucket_policy.logs"}},
		// One hop only: the policy document refers to the bucket, the
		// public access block to the bucket, nothing to the block.
		{"aws_s3_bucket_public_access_block.orders", nil},
		{"aws_db_instance.customers", nil},
	}
	for _, tt := range tests {
		t.Run(tt.address, func(t *testing.T) {
			r := doc.Lookup(tt.address)
			if r == nil {
				t.Fatalf("no %s", tt.address)
			}
			var got []string
			for _, by := range doc.ReferencedBy(r) {
				got = append(got, by.Address)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ReferencedBy(%s)\ngot  %q\nwant %q", tt.address, got, tt.want)
			}
		})
	}
	if got := doc.ReferencedBy(nil); got != nil {
		t.Errorf("ReferencedBy(nil) = %v", got)
	}
}

// step is a path step for the value tests: a string is an attribute, an
// int an index.
func path(steps ...any) cty.Path {
	var p cty.Path
	for _, s := range steps {
		switch s := s.(type) {
		case string:
			p = p.GetAttr(s)
		case int:
			p = p.IndexInt(s)
		}
	}
	return p
}

// pathString renders a path for a test name: ".a[0].b".
func pathString(p cty.Path) string {
	var b strings.Builder
	for _, s := range p {
		switch s := s.(type) {
		case cty.GetAttrStep:
			b.WriteString("." + s.Name)
		case cty.IndexStep:
			if s.Key.Type() == cty.Number {
				fmt.Fprintf(&b, "[%s]", s.Key.AsBigFloat().Text('f', -1))
			}
		}
	}
	return b.String()
}

func TestReadValues(t *testing.T) {
	// What a value at a path is expected to be.
	type want struct {
		// unknown: an unknown value; absent: nothing at the path; else
		// value (compared unmarked).
		unknown, absent bool
		value           cty.Value
		// sensitive: the value carries the Sensitive mark, itself or from
		// the object or tuple it is in.
		sensitive bool
	}
	str := func(s string) want { return want{value: cty.StringVal(s)} }
	secret := func(s string) want { return want{value: cty.StringVal(s), sensitive: true} }
	unknown := want{unknown: true}
	absent := want{absent: true}
	null := want{value: cty.NullVal(cty.DynamicPseudoType)}
	tests := []struct {
		file, address, deposed string
		before                 bool // Before, else After
		path                   cty.Path
		want                   want
	}{
		// Plain JSON values, numbers exact.
		{"plan_1_2.json", "aws_s3_bucket.orders", "", false, path("bucket"), str("orders")},
		{"plan_1_2.json", "aws_s3_bucket.orders", "", false, path("force_destroy"), want{value: cty.False}},
		{"plan_1_2.json", "aws_s3_bucket.orders", "", false, path("object_lock_days"), want{value: cty.NumberIntVal(30)}},
		{"plan_1_2.json", "aws_s3_bucket.orders", "", false, path("ratio"), want{value: cty.MustParseNumberVal("0.125")}},
		{"plan_1_2.json", "aws_s3_bucket.orders", "", false, path("big"), want{value: cty.MustParseNumberVal("123456789012345678901234567890")}},
		{"plan_1_2.json", "aws_s3_bucket.orders", "", false, path("tags"), want{value: cty.ObjectVal(map[string]cty.Value{
			"env": cty.StringVal("prod"), "pii": cty.StringVal("customer"),
		})}},
		{"plan_1_2.json", "aws_s3_bucket.orders", "", false, path("cors_rule"), want{value: cty.TupleVal([]cty.Value{cty.DynamicVal})}},
		// Unknown at the top level, a whole attribute that after leaves
		// out, a null element, a nested attribute, a nested block that
		// after does not have at all.
		{"plan_1_2.json", "aws_s3_bucket.orders", "", false, path("id"), unknown},
		{"plan_1_2.json", "aws_s3_bucket.orders", "", false, path("tags_all"), unknown},
		{"plan_1_2.json", "aws_s3_bucket.orders", "", false, path("logging", 0, "target_bucket"), unknown},
		{"plan_1_2.json", "aws_s3_bucket.orders", "", false, path("logging", 0, "target_prefix"), str("log/")},
		{"plan_1_2.json", "aws_s3_bucket.orders", "", false, path("grant", 0, "permissions", 0), str("READ")},
		{"plan_1_2.json", "aws_s3_bucket.orders", "", false, path("grant", 0, "permissions", 1), unknown},
		{"plan_1_2.json", "aws_s3_bucket.orders", "", false, path("versioning", 0, "enabled"), unknown},
		{"plan_1_2.json", "aws_s3_bucket.orders", "", false,
			path("server_side_encryption_configuration", 0, "rule", 0, "apply_server_side_encryption_by_default", 0, "kms_master_key_id"), unknown},
		{"plan_1_2.json", "aws_s3_bucket.orders", "", false,
			path("server_side_encryption_configuration", 0, "rule", 0, "apply_server_side_encryption_by_default", 0, "sse_algorithm"), str("aws:kms")},
		{"plan_1_2.json", "aws_s3_bucket.orders", "", false, path("website"), absent},
		{"plan_1_2.json", "aws_s3_bucket.orders", "", true, path(), null},
		// A set element that after leaves out: the overlay adds it.
		{"plan_1_2.json", "data.aws_iam_policy_document.read", "", false, path("statement", 0, "resources", 0), unknown},
		{"plan_1_2.json", "data.aws_iam_policy_document.read", "", false, path("statement", 0, "actions", 0), str("s3:GetObject")},
		{"plan_1_2.json", "module.storage.aws_s3_bucket_policy.logs", "", false, path("policy"), unknown},
		// Sensitive leaves, in after and before, and only them.
		{"plan_1_2.json", "aws_db_instance.customers", "", false, path("password"), secret("new")},
		{"plan_1_2.json", "aws_db_instance.customers", "", true, path("password"), secret("old")},
		{"plan_1_2.json", "aws_db_instance.customers", "", false, path("tags", "api_key"), secret("k2")},
		{"plan_1_2.json", "aws_db_instance.customers", "", true, path("tags", "api_key"), secret("k1")},
		{"plan_1_2.json", "aws_db_instance.customers", "", false, path("tags", "owner"), str("crm")},
		{"plan_1_2.json", "aws_db_instance.customers", "", false, path("identifier"), str("customers")},
		// Sensitive where after has nothing adds nothing.
		{"plan_1_2.json", "aws_db_instance.customers", "", false, path("master_user_secret"), absent},
		// A whole resource sensitive: every value in it is.
		{"plan_1_2.json", "aws_instance.web[0]", "", false, path("ami"), secret("ami-2")},
		{"plan_1_2.json", "aws_instance.web[0]", "", true, path("user_data"), secret("secret")},
		{"plan_1_2.json", "aws_instance.web[0]", "", false, path("id"), want{unknown: true, sensitive: true}},
		{"plan_1_2.json", "aws_instance.web[1]", "", false, path("id"), unknown},
		{"plan_1_2.json", "aws_instance.web[1]", "", true, path("id"), str("i-2")},
		{"plan_1_2.json", "aws_instance.web[1]", "00000001", false, path(), null},
		{"plan_1_2.json", "aws_instance.web[1]", "00000001", true, path("id"), str("i-0")},
		{"plan_1_2.json", `aws_s3_bucket.per_env["prod.eu"]`, "", false, path(), null},
		// Format 0.1: no sensitive overlay, unknowns in nested blocks.
		{"plan_0_1.json", "module.app.aws_instance.app[2]", "", false, path("ebs_block_device", 0, "kms_key_id"), unknown},
		{"plan_0_1.json", "module.app.aws_instance.app[2]", "", false, path("ebs_block_device", 0, "volume_size"), want{value: cty.NumberIntVal(8)}},
		{"plan_0_1.json", "aws_s3_bucket.b", "", true, path("acl"), str("public-read")},
		{"plan_0_1.json", "aws_s3_bucket.b", "", false, path("acl"), str("private")},
		// States: sensitive_values, and no Before.
		{"state_1_0.json", "aws_s3_bucket.orders", "", false, path("tags", "token"), secret("t")},
		{"state_1_0.json", "aws_s3_bucket.orders", "", false, path("tags", "pii"), str("customer")},
		{"state_1_0.json", "aws_s3_bucket.orders", "", false, path("versioning", 0, "mfa_delete"), want{value: cty.False}},
		{"state_1_0.json", "aws_s3_bucket.orders", "", true, path(), null},
		{"state_1_0.json", "aws_db_instance.main", "", false, path("password"), secret("p")},
		{"state_1_0.json", "aws_db_instance.main", "", false, path("port"), want{value: cty.NumberIntVal(5432)}},
		{"state_1_0.json", `module.team["a"].module.inner.aws_instance.web[1]`, "", false, path("user_data"), secret("x")},
		{"state_1_0.json", `module.team["a"].module.inner.aws_instance.web[1]`, "0000000a", false, path("ami"), str("ami-0")},
	}
	docs := map[string]*Document{}
	for _, tt := range tests {
		name := fmt.Sprintf("%s/%s%s/after", tt.file, tt.address, tt.deposed)
		if tt.before {
			name = fmt.Sprintf("%s/%s%s/before", tt.file, tt.address, tt.deposed)
		}
		t.Run(name+pathString(tt.path), func(t *testing.T) {
			doc := docs[tt.file]
			if doc == nil {
				doc = readTestdata(t, tt.file)
				docs[tt.file] = doc
			}
			r := lookup(t, doc, tt.address, tt.deposed)
			v := r.After
			if tt.before {
				v = r.Before
			}
			got, err := tt.path.Apply(v)
			switch {
			case tt.want.absent:
				if err == nil {
					t.Errorf("got %#v, want nothing", got)
				}
				return
			case err != nil:
				t.Fatalf("nothing at the path: %v", err)
			}
			if sensitive := got.HasMark(Sensitive); sensitive != tt.want.sensitive {
				t.Errorf("sensitive: %v, want %v", sensitive, tt.want.sensitive)
			}
			got, _ = got.UnmarkDeep()
			switch {
			case tt.want.unknown:
				if got.IsKnown() {
					t.Errorf("got %#v, want unknown", got)
				}
			case !got.RawEquals(tt.want.value):
				t.Errorf("got %#v, want %#v", got, tt.want.value)
			}
		})
	}
}

// TestSensitiveLeavesOnly checks that marks sit on the leaves the overlay
// names, not on the objects that contain them: a policy may read the rest
// of the object without it becoming sensitive.
func TestSensitiveLeavesOnly(t *testing.T) {
	doc := readTestdata(t, "plan_1_2.json")
	tests := []struct {
		address string
		before  bool
		want    []cty.Path
	}{
		{"aws_db_instance.customers", false, []cty.Path{path("password"), path("tags", "api_key")}},
		{"aws_db_instance.customers", true, []cty.Path{path("password"), path("tags", "api_key")}},
		{"aws_instance.web[0]", false, []cty.Path{path()}},
		{"aws_s3_bucket.orders", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.address, func(t *testing.T) {
			r := doc.Lookup(tt.address)
			v := r.After
			if tt.before {
				v = r.Before
			}
			got := sensitivePaths(v)
			if len(got) != len(tt.want) {
				t.Fatalf("sensitive at %#v, want %#v", got, tt.want)
			}
			for _, w := range tt.want {
				found := false
				for _, g := range got {
					found = found || g.Equals(w)
				}
				if !found {
					t.Errorf("sensitive at %#v, want %#v", got, tt.want)
				}
			}
		})
	}
}
