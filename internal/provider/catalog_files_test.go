package provider

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// A user's catalog file adds Annex A sub-controls to the built-in catalog,
// a catalog of their own and a PII category; both data sources see them.
func TestAccUserCatalogFile(t *testing.T) {
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "pii" {
  catalog_files = [%q]
}

data "pii_catalog_control" "consent" {
  id = "A.3.1"
}

data "pii_catalog" "internal" {
  catalog = "internal"
}

data "pii_catalog" "annex_a_consent" {
  group     = "A"
  principle = "consent_and_choice"
}
`, hclPath("testdata/annex_a.hcl")),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.pii_catalog_control.consent", tfjsonpath.New("title"), knownvalue.StringExact("Obtain consent before collection")),
				// Inherited from its parent A.3.
				statecheck.ExpectKnownValue("data.pii_catalog_control.consent", tfjsonpath.New("principle"), knownvalue.StringExact("consent_and_choice")),
				statecheck.ExpectKnownValue("data.pii_catalog_control.consent", tfjsonpath.New("group"), knownvalue.StringExact("A")),
				statecheck.ExpectKnownValue("data.pii_catalog.internal", tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("internal:RET-1")})),
				statecheck.ExpectKnownValue("data.pii_catalog.internal", tfjsonpath.New("controls").AtSliceIndex(0).AtMapKey("related"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("iso29151:A.7"), knownvalue.StringExact("iso27701:A.7.4.7")})),
				statecheck.ExpectKnownValue("data.pii_catalog.annex_a_consent", tfjsonpath.New("ids"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("iso29151:A.3"), knownvalue.StringExact("iso29151:A.3.1")})),
			},
		}},
	})
}

func TestAccBrokenCatalogFiles(t *testing.T) {
	tests := []struct {
		name, content, wantErr string
	}{
		{
			name:    "syntax error",
			content: "control \"iso29151\" \"A.3.1\" {\n  title = \n}\n",
			wantErr: `Error: Invalid catalog file: Invalid expression with provider["registry.terraform.io/privacycode/pii"], on terraform_plugin_test.tf line 12, in provider "pii": 12: catalog_files = [ … broken.hcl:2:11: Expected the start of an expression, but found an invalid expression token.`,
		},
		{
			name:    "duplicate of a built-in control names both places",
			content: "control \"iso29151\" \"9.2.1\" {\n  title     = \"Mine\"\n  group     = \"9\"\n  principle = \"information_security\"\n  treats    = [\"illegitimate_access\"]\n  reduces   = \"likelihood\"\n}\n",
			wantErr: `broken.hcl:1:1: Control "iso29151:9.2.1" is already declared at <builtin>/iso29151.hcl:`,
		},
		{
			name:    "dangling reference with suggestion",
			content: "control \"iso29151\" \"A.3.1\" {\n  title  = \"Mine\"\n  parent = \"A.3\"\n  treats = [\"data_los\"]\n}\n",
			wantErr: `broken.hcl:4:13: There is no risk category "data_los". Did you mean "data_loss"?`,
		},
		{
			name:    "cycle",
			content: "control \"iso29151\" \"X.1\" {\n  title  = \"One\"\n  parent = \"X.2\"\n}\ncontrol \"iso29151\" \"X.2\" {\n  title  = \"Two\"\n  parent = \"X.1\"\n}\n",
			wantErr: `Error: Invalid catalog file: Cycle in parents`,
		},
		{
			name:    "unknown attribute",
			content: "pii_category \"pets\" {\n  title       = \"Pets\"\n  sensitivity = \"low\"\n  colour      = \"red\"\n}\n",
			wantErr: `broken.hcl:4:3: An argument named "colour" is not expected here.`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := writeFile(t, "broken.hcl", tt.content)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      fmt.Sprintf("provider \"pii\" {\n  catalog_files = [%q]\n}\n%s", hclPath(file), readOneControl),
					ExpectError: expectError(tt.wantErr),
				}},
			})
		})
	}
}

// catalog_files that are unknown at plan are not an error: the plan uses
// the built-in catalogs and the files are read once known, at apply.
func TestAccCatalogFilesUnknownAtPlan(t *testing.T) {
	abs, err := filepath.Abs("testdata/annex_a.hcl")
	if err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
resource "terraform_data" "catalog_path" {
  input = %q
}

provider "pii" {
  catalog_files = [terraform_data.catalog_path.output]
}

data "pii_catalog_control" "builtin" {
  id = "9.2.1"
}

# Read at apply, once the path is known.
data "pii_catalog_control" "user" {
  id = terraform_data.catalog_path.output == "" ? "none" : "A.3.1"
}
`, hclPath(abs)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.pii_catalog_control.builtin", tfjsonpath.New("title"), knownvalue.StringExact("User registration and de-registration")),
				statecheck.ExpectKnownValue("data.pii_catalog_control.user", tfjsonpath.New("title"), knownvalue.StringExact("Obtain consent before collection")),
			},
		}},
	})
}
