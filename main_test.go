package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// The configuration a newcomer writes in their own directory: the provider
// by its source address, no version constraint, and an activity that the
// built-in policy pack passes (a legal basis, a retention and a disposal).
const mirrorConfig = `terraform {
  required_providers {
    pii = {
      source = "privacycode/pii"
    }
  }
}

resource "pii_processing_activity" "newsletter" {
  name           = "Newsletter"
  purposes       = ["Send the monthly newsletter to subscribers"]
  legal_basis    = "consent"
  pii_categories = ["contact.email"]
  principals     = ["customer"]
  retention      = "P2Y"
  disposal {
    method = "deletion"
  }
}
`

// TestAccFilesystemMirror follows the README's route for a local build
// (make mirror, then terraform init as usual) and the CI guide's check on
// the saved plan, with the real terraform and nothing from the network:
// scripts/install-mirror.sh builds the provider into a mirror, terraform
// init installs it from there and locks it, terraform plan uses it, and the
// mirrored binary checks the plan with the built-in pack.
func TestAccFilesystemMirror(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 (make test does) to run it with the real terraform")
	}
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		var err error
		if tf, err = exec.LookPath("terraform"); err != nil {
			t.Fatal("terraform is not on PATH")
		}
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Fatal("bash is not on PATH: scripts/install-mirror.sh needs it")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	tmp := t.TempDir()
	mirror := filepath.Join(tmp, "mirror")
	work := filepath.Join(tmp, "work")
	cliConfig := filepath.Join(tmp, "terraformrc")
	for _, d := range []string{work, filepath.Join(tmp, "plugin-cache")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(work, "main.tf"), mirrorConfig)
	writeFile(t, cliConfig, `provider_installation {
  filesystem_mirror {
    path    = "`+filepath.ToSlash(mirror)+`"
    include = ["privacycode/pii"]
  }
  direct {
    exclude = ["privacycode/pii"]
  }
}
`)
	env := mirrorTestEnv(tf, map[string]string{
		"CHECKPOINT_DISABLE":  "1",
		"TF_IN_AUTOMATION":    "1",
		"TF_CLI_CONFIG_FILE":  cliConfig,
		"TF_DATA_DIR":         filepath.Join(tmp, "data"),
		"TF_PLUGIN_CACHE_DIR": filepath.Join(tmp, "plugin-cache"),
	})
	run := func(dir, name string, args ...string) (string, error) {
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Dir, cmd.Env = dir, env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		return out.String(), err
	}
	must := func(dir, name string, args ...string) string {
		t.Helper()
		out, err := run(dir, name, args...)
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, out)
		}
		return out
	}

	// The host of the bare source address, as Terraform qualifies it.
	providers := must(work, tf, "providers", "-no-color")
	m := regexp.MustCompile(`provider\[([^/\]]+)/privacycode/pii\]`).FindStringSubmatch(providers)
	if m == nil {
		t.Fatalf("terraform providers names no privacycode/pii provider:\n%s", providers)
	}
	host := m[1]

	// The one go build of this test.
	must(".", "bash", "scripts/install-mirror.sh", mirror)
	platform := runtime.GOOS + "_" + runtime.GOARCH
	bins, err := filepath.Glob(filepath.Join(mirror, host, "privacycode", "pii", "*", platform, "terraform-provider-pii_v*"))
	if err != nil || len(bins) != 1 {
		t.Fatalf("want one provider binary at HOST/privacycode/pii/VERSION/%s/ in the mirror, got %v (%v)", platform, bins, err)
	}
	bin := bins[0]
	version := filepath.Base(filepath.Dir(filepath.Dir(bin)))
	if want := "terraform-provider-pii_v" + version; strings.TrimSuffix(filepath.Base(bin), ".exe") != want {
		t.Fatalf("binary %s, want it named %s", filepath.Base(bin), want)
	}
	if !regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$`).MatchString(version) {
		t.Fatalf("version %q is not semver", version)
	}
	if out := must(work, bin, "version"); !strings.Contains(out, version) {
		t.Errorf("%s version = %q, want it to print %s", filepath.Base(bin), out, version)
	}

	out := must(work, tf, "init", "-input=false", "-no-color")
	if want := "Installed privacycode/pii v" + version; !strings.Contains(out, want) {
		t.Errorf("terraform init output lacks %q:\n%s", want, out)
	}
	lockVersion, hashes := lockedProvider(t, filepath.Join(work, ".terraform.lock.hcl"), host+"/privacycode/pii")
	if lockVersion != version {
		t.Errorf("lock file records version %q, want %q", lockVersion, version)
	}
	if len(hashes) == 0 || !strings.HasPrefix(hashes[0], "h1:") {
		t.Errorf("lock file hashes = %q, want the h1: hash of the mirrored package", hashes)
	}

	out = must(work, tf, "plan", "-input=false", "-no-color", "-out=tfplan")
	for _, want := range []string{"pii_processing_activity.newsletter will be created", "Plan: 1 to add, 0 to change, 0 to destroy."} {
		if !strings.Contains(out, want) {
			t.Errorf("terraform plan output lacks %q:\n%s", want, out)
		}
	}

	cmd := exec.CommandContext(ctx, tf, "show", "-json", "tfplan")
	cmd.Dir, cmd.Env = work, env
	planJSON, err := cmd.Output()
	if err != nil {
		t.Fatalf("terraform show -json: %v", err)
	}
	writeFile(t, filepath.Join(work, "plan.json"), string(planJSON))
	if out, err := run(work, bin, "check", "--no-color", "plan.json"); err != nil {
		t.Errorf("check plan.json with the mirrored binary: %v\n%s", err, out)
	}
}

// mirrorTestEnv is the environment without the caller's TF_* variables
// (a reattach, CLI arguments or a CLI configuration of theirs would change
// what is tested), with set added and tf's directory first on PATH, so that
// the script asks the same terraform.
func mirrorTestEnv(tf string, set map[string]string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(k, "TF_"):
		case k == "PATH":
			env = append(env, "PATH="+filepath.Dir(tf)+string(os.PathListSeparator)+v)
		default:
			env = append(env, kv)
		}
	}
	for k, v := range set {
		env = append(env, k+"="+v)
	}
	return env
}

// lockedProvider returns the version and hashes that a dependency lock file
// records for the provider at addr, failing the test when it has none.
func lockedProvider(t *testing.T, path, addr string) (string, []string) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("terraform init wrote no lock file: %v", err)
	}
	f, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("lock file: %s", diags)
	}
	content, _, diags := f.Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "provider", LabelNames: []string{"address"}}}})
	if diags.HasErrors() {
		t.Fatalf("lock file: %s", diags)
	}
	for _, b := range content.Blocks {
		if b.Labels[0] != addr {
			continue
		}
		attrs, diags := b.Body.JustAttributes()
		if diags.HasErrors() {
			t.Fatalf("lock file: %s", diags)
		}
		var version string
		var hashes []string
		if a, ok := attrs["version"]; ok {
			if v, diags := a.Expr.Value(nil); !diags.HasErrors() && v.Type() == cty.String && !v.IsNull() {
				version = v.AsString()
			}
		}
		if a, ok := attrs["hashes"]; ok {
			if v, diags := a.Expr.Value(nil); !diags.HasErrors() && v.CanIterateElements() {
				for it := v.ElementIterator(); it.Next(); {
					_, h := it.Element()
					if h.Type() == cty.String && h.IsKnown() && !h.IsNull() {
						hashes = append(hashes, h.AsString())
					}
				}
			}
		}
		return version, hashes
	}
	t.Fatalf("lock file records no provider %q:\n%s", addr, src)
	return "", nil
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
