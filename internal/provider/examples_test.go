package provider

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// exampleErrors lists the examples that exist to show a failing plan, with
// the error each must fail with (matched by expectError). Every other
// example must plan without errors.
var exampleErrors = map[string]string{
	// examples/complete with one risk left without controls.
	"gap": `Error: Risk not covered with pii_risk_assessment.marketing, on assessments.tf line … ` +
		`Risk "US authorities access the analytics data" (unlawful_transfer) is uncovered: ` +
		`no selected control is implemented, in scope and treats unlawful_transfer. ` +
		`Inherent level high (9), residual high (9), risk appetite medium. ` +
		`Select implemented controls that treat this risk, such as …`,
}

// Every directory under examples/ that holds Terraform files is planned with
// the real terraform binary, so that the documentation never shows an
// example that does not work, and the examples that show a gap fail with
// exactly the error their README promises. (Plan only: the test harness
// cannot read back state that has for_each instances, which the examples
// use as users do.)
func TestAccExamples(t *testing.T) {
	root := filepath.Join("..", "..", "examples")
	var dirs []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".tf") {
			dir := filepath.Dir(p)
			if len(dirs) == 0 || dirs[len(dirs)-1] != dir {
				dirs = append(dirs, dir)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 10 {
		t.Fatalf("found only %d example directories under %s: %v", len(dirs), root, dirs)
	}
	planned := map[string]bool{}
	for _, dir := range dirs {
		name, _ := filepath.Rel(root, dir)
		name = filepath.ToSlash(name)
		planned[name] = true
		t.Run(name, func(t *testing.T) {
			work := exampleWorkdir(t, dir)
			// Terraform starts a real provider in the directory it runs
			// in, where relative catalog_files paths resolve; the
			// in-process provider shares the test's directory instead, so
			// the test moves to a copy of the example to match.
			t.Chdir(work)
			step := resource.TestStep{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				ConfigDirectory:          config.StaticDirectory(work),
				PlanOnly:                 true,
				ExpectNonEmptyPlan:       true,
			}
			if want, ok := exampleErrors[name]; ok {
				step.ExpectError = expectError(want)
			}
			resource.Test(t, resource.TestCase{Steps: []resource.TestStep{step}})
		})
	}
	for name := range exampleErrors {
		if !planned[name] {
			t.Errorf("examples/%s is expected to fail, but there is no such example", name)
		}
	}
}

// exampleWorkdir copies an example with its side files (catalog files that
// it reads through path.module) and, for the snippets that the docs show
// without a terraform block, adds the block a user would have elsewhere.
func exampleWorkdir(t *testing.T, dir string) string {
	t.Helper()
	work := t.TempDir()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	hasTerraformBlock := false
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(e.Name(), ".tf") && bytes.Contains(b, []byte("required_providers")) {
			hasTerraformBlock = true
		}
		if err := os.WriteFile(filepath.Join(work, e.Name()), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if !hasTerraformBlock {
		block := "terraform {\n  required_providers {\n    pii = {\n      source = \"privacycode/pii\"\n    }\n  }\n}\n"
		if err := os.WriteFile(filepath.Join(work, "terraform.tf"), []byte(block), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return work
}
