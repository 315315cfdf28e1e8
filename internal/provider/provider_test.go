package provider

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestMain serves the in-process provider under the address users write,
// privacycode/pii, so that configurations with a required_providers block
// (the examples) reach it without any download.
func TestMain(m *testing.M) {
	if os.Getenv("TF_ACC_PROVIDER_NAMESPACE") == "" {
		os.Setenv("TF_ACC_PROVIDER_NAMESPACE", "privacycode")
	}
	os.Exit(m.Run())
}

// protoV6ProviderFactories serves the provider in-process to the terraform
// binary that the acceptance tests drive.
var protoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"pii": providerserver.NewProtocol6WithError(New("test")()),
}

// hclPath renders a file path as an HCL string literal.
func hclPath(p string) string {
	return strings.ReplaceAll(filepath.ToSlash(p), `"`, `\"`)
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// expectError matches a message as Terraform prints it, where long lines
// are wrapped: each space in want matches any run of white space, and "…"
// matches anything (such as a temporary path).
func expectError(want string) *regexp.Regexp { return wordsPattern(want, "…") }

// wordsPattern matches text's words in order with any white space between
// them, and anything where text has the ellipsis.
func wordsPattern(text, ellipsis string) *regexp.Regexp {
	var pattern []string
	for _, piece := range strings.Split(text, ellipsis) {
		words := strings.Fields(piece)
		for i, w := range words {
			words[i] = regexp.QuoteMeta(w)
		}
		pattern = append(pattern, strings.Join(words, `\s+`))
	}
	return regexp.MustCompile(`(?s)` + strings.Join(pattern, `.*?`))
}

// A data source that reads the catalog, so that every provider setting is
// exercised by a plan.
const readOneControl = `
data "pii_catalog_control" "probe" {
  id = "9.2.1"
}
`

func TestAccProviderConfiguration(t *testing.T) {
	tests := []struct {
		name    string
		config  string
		wantErr string
	}{
		{"defaults", `provider "pii" {}`, ""},
		{"every argument", `provider "pii" {
  risk_appetite         = "low"
  enforcement           = "warning"
  large_scale_threshold = 5000
  catalog_files         = []
  organization = {
    name         = "Acme Retail Ltd"
    contact      = "privacy@acme.example, 1 Market Street, Dublin"
    dpo_contact  = "dpo@acme.example"
    jurisdiction = "EEA"
  }
}`, ""},
		{"organization in one country", `provider "pii" {
  organization = { jurisdiction = "GB" }
}`, ""},
		{"a controller-only organisation", `provider "pii" {
  organization = {
    roles               = ["controller"]
    scope_justification = "We process PII only for our own purposes."
  }
}`, ""},
		{"both roles, no justification needed", `provider "pii" {
  organization = { roles = ["processor", "controller"] }
}`, ""},
		{"a role left out without a justification", `provider "pii" {
  organization = { roles = ["controller"] }
}`, `Error: Missing scope justification with provider["…/privacycode/pii"], on terraform_plugin_test.tf line 12, in provider "pii": 12: organization = { roles = ["controller"] } organization.roles leaves out processor, so the controls for processors are out of scope of the Statement of Applicability: set organization.scope_justification to why they do not apply (an auditor reads it there).`},
		{"a justification with nothing left out", `provider "pii" {
  organization = { scope_justification = "Controller only." }
}`, `Error: Scope justification without an exclusion … organization.scope_justification is set, but organization.roles leaves no role out (it is unset or lists controller and processor), so there is nothing out of scope for it to justify: remove it, or list only the roles the organisation acts in.`},
		{"a role that is not one", `provider "pii" {
  organization = {
    roles               = ["subprocessor"]
    scope_justification = "x"
  }
}`, `"subprocessor" is not accepted here; use one of "controller", "processor". Did you mean "processor"?`},
		{"a role listed twice", `provider "pii" {
  organization = { roles = ["controller", "controller"] }
}`, `This attribute contains duplicate values of: "controller"`},
		{"jurisdiction EU", `provider "pii" {
  organization = { jurisdiction = "EU" }
}`, `"EU" is not a jurisdiction here: write "EEA" for the European Economic Area (the EU member states with Iceland, Liechtenstein and Norway), or a country code such as DE.`},
		{"jurisdiction UK", `provider "pii" {
  organization = { jurisdiction = "UK" }
}`, `"UK" is not an ISO 3166-1 alpha-2 country code. Did you mean "GB" (United Kingdom)? Or write "EEA" for the European Economic Area.`},
		{"empty organization name", `provider "pii" {
  organization = { name = "" }
}`, `Attribute organization.name string length must be at least 1, got: 0`},
		{"risk_appetite typo", `provider "pii" {
  risk_appetite = "hihg"
}`, `risk_appetite = "hihg" "hihg" is not accepted here; use one of "low", "medium", "high". Did you mean "high"?`},
		{"risk_appetite off the scale", `provider "pii" {
  risk_appetite = "extreme"
}`, `"extreme" is not accepted here; use one of "low", "medium", "high".`},
		{"enforcement", `provider "pii" {
  enforcement = "warn"
}`, `enforcement = "warn" "warn" is not accepted here; use one of "error", "warning". Did you mean "warning"?`},
		{"large_scale_threshold", `provider "pii" {
  large_scale_threshold = 0
}`, `large_scale_threshold = 0 Attribute large_scale_threshold value must be at least 1, got: 0`},
		{"empty catalog file path", `provider "pii" {
  catalog_files = [""]
}`, `catalog_files = [""] Attribute catalog_files[0] string length must be at least 1, got: 0`},
		{"catalog file listed twice", `provider "pii" {
  catalog_files = ["a.hcl", "a.hcl"]
}`, `This attribute contains duplicate values of: "a.hcl"`},
		{"missing catalog file", `provider "pii" {
  catalog_files = ["does-not-exist.hcl"]
}`, `Error: Invalid catalog file: Cannot read catalog file with provider["registry.terraform.io/privacycode/pii"], on terraform_plugin_test.tf line 12, in provider "pii": 12: catalog_files = ["does-not-exist.hcl"] Catalog file "does-not-exist.hcl" cannot be read: no such file or directory.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			step := resource.TestStep{Config: tt.config + readOneControl}
			if tt.wantErr != "" {
				step.ExpectError = expectError(tt.wantErr)
			} else {
				step.Check = resource.TestCheckResourceAttr("data.pii_catalog_control.probe", "title", "User registration and de-registration")
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps:                    []resource.TestStep{step},
			})
		})
	}
}

var compareSame = compare.ValuesSame()

// dedupeAttributes keeps the last of repeated "name = value" lines within a
// block, so a test can override one attribute of a shared snippet by
// writing it again below.
func dedupeAttributes(config string) string {
	lines := strings.Split(config, "\n")
	keep := make([]bool, len(lines))
	seen := map[string]bool{}
	depth := 0
	scope := []map[string]bool{seen}
	for i := len(lines) - 1; i >= 0; i-- {
		line := strings.TrimSpace(lines[i])
		keep[i] = true
		// Walking backwards, a closing brace opens a scope.
		if strings.HasSuffix(line, "}") && !strings.Contains(line, "{") || line == "}," {
			depth++
			scope = append(scope, map[string]bool{})
			continue
		}
		if strings.HasSuffix(line, "{") || strings.HasSuffix(line, "= {") {
			if depth > 0 {
				depth--
				scope = scope[:len(scope)-1]
			}
			continue
		}
		name, _, ok := strings.Cut(line, "=")
		name = strings.TrimSpace(name)
		if !ok || name == "" || strings.ContainsAny(name, " \"{") {
			continue
		}
		cur := scope[len(scope)-1]
		if cur[name] {
			keep[i] = false
			continue
		}
		cur[name] = true
	}
	var out []string
	for i, l := range lines {
		if keep[i] {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func replaceOnce(s, old, replacement string) string {
	if !strings.Contains(s, old) {
		panic("replaceOnce: " + old + " not found")
	}
	return strings.Replace(s, old, replacement, 1)
}

func splitPair(s string, i int) string { return strings.Split(s, "/")[i] }
