package tfplan

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"
)

// providerPlan writes a plan with the given configuration.provider_config,
// variables and configuration.root_module, and one created resource per
// address (type aws_s3_bucket unless the address says otherwise, provider
// hashicorp/aws unless the type is google_*).
func providerPlan(providerConfig, variables, rootModule string, addresses ...string) string {
	var changes []string
	for _, a := range addresses {
		module, local := "", a
		if i := strings.LastIndex(a, ".module."); strings.HasPrefix(a, "module.") {
			rest := a
			if i >= 0 {
				rest = a[i+1:]
			}
			name, _, _ := strings.Cut(strings.TrimPrefix(rest, "module."), ".")
			module = a[:strings.Index(a, "module."+name+".")+len("module."+name)]
			local = strings.TrimPrefix(a, module+".")
		}
		typ, name, _ := strings.Cut(local, ".")
		provider := "registry.terraform.io/hashicorp/aws"
		if strings.HasPrefix(typ, "google_") {
			provider = "registry.terraform.io/hashicorp/google-beta"
		}
		changes = append(changes, fmt.Sprintf(`{"address":%q,"module_address":%q,"mode":"managed","type":%q,"name":%q,"provider_name":%q,"change":{"actions":["create"],"before":null,"after":{}}}`,
			a, module, typ, name, provider))
	}
	doc := `{"format_version":"1.2","resource_changes":[` + strings.Join(changes, ",") + `]`
	if variables != "" {
		doc += `,"variables":` + variables
	}
	if providerConfig != "" || rootModule != "" {
		doc += `,"configuration":{`
		var parts []string
		if providerConfig != "" {
			parts = append(parts, `"provider_config":`+providerConfig)
		}
		if rootModule != "" {
			parts = append(parts, `"root_module":`+rootModule)
		}
		doc += strings.Join(parts, ",") + `}`
	}
	return doc + `}`
}

// block is a resource block of the configuration.
func block(address, key string) string {
	typ, name, _ := strings.Cut(address, ".")
	k := ""
	if key != "" {
		k = fmt.Sprintf(`,"provider_config_key":%q`, key)
	}
	return fmt.Sprintf(`{"address":%q,"mode":"managed","type":%q,"name":%q%s,"expressions":{}}`, address, typ, name, k)
}

func TestProviderConfig(t *testing.T) {
	str := cty.StringVal
	obj := func(attrs map[string]cty.Value) cty.Value { return cty.ObjectVal(attrs) }
	const awsRoot = `"aws":{"name":"aws","full_name":"registry.terraform.io/hashicorp/aws","expressions":{"region":{"constant_value":"eu-west-1"}}}`
	tests := []struct {
		name                               string
		providerConfig, variables, rootMod string
		address                            string
		want                               cty.Value
	}{
		{
			name: "constant arguments; credentials, other arguments and nested blocks left out",
			providerConfig: `{"aws":{"name":"aws","full_name":"registry.terraform.io/hashicorp/aws","expressions":{` +
				`"region":{"constant_value":"eu-west-1"},"profile":{"constant_value":"prod"},"access_key":{"constant_value":"AKIAEXAMPLE"},` +
				`"secret_key":{"references":["var.secret"]},"allowed_account_ids":{"constant_value":["1"]},` +
				`"assume_role":[{"role_arn":{"constant_value":"arn:aws:iam::1:role/ci"}}],"default_tags":[{"tags":{"constant_value":{"a":"b"}}}]}}}`,
			rootMod: `{"resources":[` + block("aws_s3_bucket.b", "aws") + `]}`,
			address: "aws_s3_bucket.b",
			want:    obj(map[string]cty.Value{"region": str("eu-west-1"), "profile": str("prod")}),
		},
		{
			name:           "constants of any JSON type, converted as values are",
			providerConfig: `{"aws":{"name":"aws","expressions":{"zone":{"constant_value":1.10},"location":{"constant_value":["a",{"b":null}]},"project":{"constant_value":null}}}}`,
			rootMod:        `{"resources":[` + block("aws_s3_bucket.b", "aws") + `]}`,
			address:        "aws_s3_bucket.b",
			want: obj(map[string]cty.Value{
				"zone":     cty.MustParseNumberVal("1.1"),
				"location": cty.TupleVal([]cty.Value{str("a"), obj(map[string]cty.Value{"b": cty.NullVal(cty.DynamicPseudoType)})}),
				"project":  cty.NullVal(cty.DynamicPseudoType),
			}),
		},
		{
			name:           "a root variable: its value",
			providerConfig: `{"aws":{"name":"aws","expressions":{"region":{"references":["var.aws_region"]}}}}`,
			variables:      `{"aws_region":{"value":"eu-central-1"},"other":{"value":1}}`,
			rootMod:        `{"resources":[` + block("aws_s3_bucket.b", "aws") + `]}`,
			address:        "aws_s3_bucket.b",
			want:           obj(map[string]cty.Value{"region": str("eu-central-1")}),
		},
		{
			name:           "a root variable the plan has no value of: unknown",
			providerConfig: `{"aws":{"name":"aws","expressions":{"region":{"references":["var.aws_region"]}}}}`,
			variables:      `{"other":{"value":1}}`,
			rootMod:        `{"resources":[` + block("aws_s3_bucket.b", "aws") + `]}`,
			address:        "aws_s3_bucket.b",
			want:           obj(map[string]cty.Value{"region": cty.DynamicVal}),
		},
		{
			name:           "an attribute of a variable, a local, a resource, a function: unknown",
			providerConfig: `{"aws":{"name":"aws","expressions":{"region":{"references":["var.cfg.region","var.cfg"]},"profile":{"references":["local.profile"]},"zone":{"references":["data.aws_region.x.name","data.aws_region.x"]},"project":{}}}}`,
			variables:      `{"cfg":{"value":{"region":"eu-west-3"}}}`,
			rootMod:        `{"resources":[` + block("aws_s3_bucket.b", "aws") + `]}`,
			address:        "aws_s3_bucket.b",
			want:           obj(map[string]cty.Value{"region": cty.DynamicVal, "profile": cty.DynamicVal, "zone": cty.DynamicVal, "project": cty.DynamicVal}),
		},
		{
			name:           "an aliased configuration",
			providerConfig: `{` + awsRoot + `,"aws.us":{"name":"aws","alias":"us","expressions":{"region":{"constant_value":"us-east-1"}}}}`,
			rootMod:        `{"resources":[` + block("aws_s3_bucket.b", "aws.us") + `]}`,
			address:        "aws_s3_bucket.b",
			want:           obj(map[string]cty.Value{"alias": str("us"), "region": str("us-east-1")}),
		},
		{
			name:           "a module with its own provider block",
			providerConfig: `{` + awsRoot + `,"module.db:aws":{"name":"aws","module_address":"module.db","expressions":{"region":{"constant_value":"eu-north-1"}}}}`,
			rootMod:        `{"module_calls":{"db":{"module":{"resources":[` + block("aws_s3_bucket.b", "module.db:aws") + `]}}}}`,
			address:        "module.db.aws_s3_bucket.b",
			want:           obj(map[string]cty.Value{"region": str("eu-north-1")}),
		},
		{
			name:           "a module's provider block refers to the module's variable: unknown",
			providerConfig: `{` + awsRoot + `,"module.db:aws":{"name":"aws","module_address":"module.db","expressions":{"region":{"references":["var.region"]}}}}`,
			variables:      `{"region":{"value":"eu-west-1"}}`,
			rootMod:        `{"module_calls":{"db":{"module":{"resources":[` + block("aws_s3_bucket.b", "module.db:aws") + `]}}}}`,
			address:        "module.db.aws_s3_bucket.b",
			want:           obj(map[string]cty.Value{"region": cty.DynamicVal}),
		},
		{
			name:           "inherited (Terraform 1.2 on): the key is the root's",
			providerConfig: `{` + awsRoot + `,"module.db:aws":{"name":"aws","full_name":"registry.terraform.io/hashicorp/aws","module_address":"module.db"}}`,
			rootMod:        `{"module_calls":{"db":{"module":{"resources":[` + block("aws_s3_bucket.b", "aws") + `]}}}}`,
			address:        "module.db.aws_s3_bucket.b",
			want:           obj(map[string]cty.Value{"region": str("eu-west-1")}),
		},
		{
			name: "inherited (before 1.2): key named after the call, the module only requires the provider, its parent configures it",
			providerConfig: `{` + awsRoot + `,"module.db:aws":{"name":"aws","module_address":"module.db","expressions":{"region":{"constant_value":"eu-south-1"}}},` +
				`"module.db.module.inner:aws":{"name":"aws","module_address":"module.db.module.inner","version_constraint":">= 3.0"}}`,
			rootMod: `{"module_calls":{"db":{"module":{"module_calls":{"inner":{"module":{"resources":[` + block("aws_s3_bucket.b", "inner:aws") + `]}}}}}}}`,
			address: "module.db.module.inner.aws_s3_bucket.b",
			want:    obj(map[string]cty.Value{"region": str("eu-south-1")}),
		},
		{
			name:           "inherited (before 1.2): no entry for the module, the root's",
			providerConfig: `{` + awsRoot + `}`,
			rootMod:        `{"module_calls":{"db":{"module":{"resources":[` + block("aws_s3_bucket.b", "db:aws") + `]}}}}`,
			address:        "module.db.aws_s3_bucket.b",
			want:           obj(map[string]cty.Value{"region": str("eu-west-1")}),
		},
		{
			name:           "a module's requirement that no module configures: empty",
			providerConfig: `{` + awsRoot + `,"module.db:random":{"name":"random","module_address":"module.db"}}`,
			rootMod:        `{"module_calls":{"db":{"module":{"resources":[` + block("random_id.b", "module.db:random") + `]}}}}`,
			address:        "module.db.random_id.b",
			want:           cty.EmptyObjectVal,
		},
		{
			name:           "a block without a key: the root's configuration of the provider",
			providerConfig: `{` + awsRoot + `}`,
			rootMod:        `{"resources":[` + block("aws_s3_bucket.b", "") + `]}`,
			address:        "aws_s3_bucket.b",
			want:           obj(map[string]cty.Value{"region": str("eu-west-1")}),
		},
		{
			name:           "no block in the configuration; by the first word of the type when the provider has none",
			providerConfig: `{"google":{"name":"google","expressions":{"project":{"constant_value":"acme"}}}}`,
			rootMod:        `{"resources":[]}`,
			address:        "google_storage_bucket.b",
			want:           obj(map[string]cty.Value{"project": str("acme")}),
		},
		{
			name:           "a key that names nothing, in a plan without a configuration of the provider",
			providerConfig: `{"google":{"name":"google"}}`,
			rootMod:        `{"resources":[` + block("aws_s3_bucket.b", "aws.gone") + `]}`,
			address:        "aws_s3_bucket.b",
			want:           cty.EmptyObjectVal,
		},
		{
			name:    "no provider_config",
			rootMod: `{"resources":[` + block("aws_s3_bucket.b", "aws") + `]}`,
			address: "aws_s3_bucket.b",
			want:    cty.EmptyObjectVal,
		},
		{
			name:    "no configuration",
			address: "aws_s3_bucket.b",
			want:    cty.EmptyObjectVal,
		},
		{
			name:           "shapes that are not Terraform's are skipped",
			providerConfig: `{"aws":{"name":7,"alias":[],"expressions":{"region":{"references":"var.x"},"zone":[{}],"project":{"references":[1]}}},"x":"y","z":null}`,
			variables:      `{"x":"y","z":{"value":1}}`,
			rootMod:        `{"resources":[` + block("aws_s3_bucket.b", "aws") + `]}`,
			address:        "aws_s3_bucket.b",
			want:           obj(map[string]cty.Value{"region": cty.DynamicVal, "project": cty.DynamicVal}),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read("plan.json", []byte(providerPlan(tt.providerConfig, tt.variables, tt.rootMod, tt.address)))
			if err != nil {
				t.Fatal(err)
			}
			got := doc.Lookup(tt.address).ProviderConfig
			if !got.RawEquals(tt.want) {
				t.Errorf("got %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestProviderConfigState(t *testing.T) {
	for _, r := range readTestdata(t, "state_1_0.json").Resources {
		if !r.ProviderConfig.RawEquals(cty.EmptyObjectVal) {
			t.Errorf("%s: %#v, want {}", r.Address, r.ProviderConfig)
		}
	}
}

func TestProviderConfigError(t *testing.T) {
	doc := providerPlan(`{"aws":{"name":"aws","expressions":{"region":{"constant_value":1e99999999999999999999}}}}`, "", `{"resources":[`+block("aws_s3_bucket.b", "aws")+`]}`, "aws_s3_bucket.b")
	_, err := Read("plan.json", []byte(doc))
	want := `plan.json has the number 1e99999999999999999999 at configuration.provider_config["aws"].expressions.region: its exponent is too large for a cty number`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want %s", err, want)
	}
	doc = providerPlan(`{"aws":{"name":"aws","expressions":{"region":{"references":["var.r"]}}}}`, `{"r":{"value":{"x":[1e99999999999999999999]}}}`, `{"resources":[`+block("aws_s3_bucket.b", "aws")+`]}`, "aws_s3_bucket.b")
	_, err = Read("plan.json", []byte(doc))
	want = `plan.json has the number 1e99999999999999999999 at variables.r.value.x[0]: its exponent is too large for a cty number`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want %s", err, want)
	}
}

// Resources of one configuration share its value: a plan of thousands of
// resources holds one object per configuration, not one per resource.
func TestProviderConfigShared(t *testing.T) {
	doc, err := Read("plan.json", []byte(providerPlan(`{"aws":{"name":"aws","expressions":{"region":{"constant_value":"eu-west-1"}}}}`, "",
		`{"resources":[`+block("aws_s3_bucket.a", "aws")+","+block("aws_s3_bucket.b", "aws")+`],"module_calls":{"m":{"module":{"resources":[`+block("aws_s3_bucket.c", "m:aws")+`]}}}}`,
		"aws_s3_bucket.a", "aws_s3_bucket.b", "module.m.aws_s3_bucket.c", "aws_s3_bucket.d")))
	if err != nil {
		t.Fatal(err)
	}
	attrs := func(v cty.Value) uintptr { return reflect.ValueOf(v).FieldByName("v").Elem().Pointer() }
	first := doc.Resources[0].ProviderConfig
	for _, r := range doc.Resources {
		if !r.ProviderConfig.RawEquals(cty.ObjectVal(map[string]cty.Value{"region": cty.StringVal("eu-west-1")})) {
			t.Errorf("%s: got %#v", r.Address, r.ProviderConfig)
		}
		if attrs(r.ProviderConfig) != attrs(first) {
			t.Errorf("%s has its own copy of the provider configuration", r.Address)
		}
	}
}
