package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/privacycode/terraform-provider-pii/internal/policy"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
	"github.com/privacycode/terraform-provider-pii/policies"
)

// builtinPack parses the embedded pack, as the check command does.
func builtinPack(t *testing.T) *policy.Pack {
	t.Helper()
	pack, diags := policy.ParseFS(policies.FS, ".")
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	return pack
}

// The engine runs over every real plan of the fixtures (public
// repositories' plans, from Terraform 0.12 to 1.14): the built-in pack
// never errors on them, and the test pack's evaluation errors are only the
// ones its policies invite (attributes those plans do not have).
func TestRealPlans(t *testing.T) {
	paths, err := filepath.Glob("../tfplan/testdata/plans/*.json")
	if err != nil || len(paths) < 15 {
		t.Fatalf("fixtures: %v %v", paths, err)
	}
	builtin, err := New(builtinPack(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	testPack, err := New(loadPack(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := tfplan.Read(filepath.Base(p), b)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range builtin.Check([]*tfplan.Document{doc}).Results {
				if r.Status == results.Error {
					t.Errorf("built-in pack: %s on %s: %v", r.Policy.Name, r.Resource.Address, r.Messages)
				}
			}
			report := testPack.Check([]*tfplan.Document{doc})
			for _, r := range report.Results {
				for _, m := range r.Messages {
					if strings.Contains(m, "(sensitive)") {
						continue
					}
					if r.Status == results.Error && !strings.Contains(m, "testdata/pack.policy.hcl:") {
						t.Errorf("an error that does not name the policy file: %s", m)
					}
				}
			}
		})
	}
}
