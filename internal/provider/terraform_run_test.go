package provider

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
)

// planDiagnostics plans a configuration with the real terraform binary
// against the provider served in-process, and returns every diagnostic
// Terraform reports, warnings included. terraform-plugin-testing has no way
// to assert warnings, so the tests that expect them use this.
type planDiagnostic struct {
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Detail   string `json:"detail"`
	Address  string `json:"address"`
	Range    *struct {
		Filename string `json:"filename"`
		Start    struct {
			Line int `json:"line"`
		} `json:"start"`
	} `json:"range"`
}

func (d planDiagnostic) String() string {
	return d.Severity + ": " + d.Summary + ": " + d.Detail
}

func planDiagnostics(t *testing.T, config string) []planDiagnostic {
	t.Helper()
	diags, _ := terraformPlan(t, config)
	return diags
}

// plannedChange is a resource change as terraform plan -json reports it.
type plannedChange struct {
	Address   string
	Action    string
	Importing bool
}

// terraformPlan runs terraform init and plan on config and returns the
// diagnostics and the planned resource changes.
func terraformPlan(t *testing.T, config string) ([]planDiagnostic, []plannedChange) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	run := terraformIn(t, dir)
	run("init", "-input=false", "-no-color")
	out := run("plan", "-json", "-input=false", "-no-color", "-lock=false")
	var diags []planDiagnostic
	var changes []plannedChange
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var msg struct {
			Type       string         `json:"type"`
			Diagnostic planDiagnostic `json:"diagnostic"`
			Change     struct {
				Resource struct {
					Addr string `json:"addr"`
				} `json:"resource"`
				Action    string `json:"action"`
				Importing *struct {
					ID string `json:"id"`
				} `json:"importing"`
			} `json:"change"`
		}
		if json.Unmarshal(sc.Bytes(), &msg) != nil {
			continue
		}
		switch msg.Type {
		case "diagnostic":
			diags = append(diags, msg.Diagnostic)
		case "planned_change":
			changes = append(changes, plannedChange{msg.Change.Resource.Addr, msg.Change.Action, msg.Change.Importing != nil})
		}
	}
	return diags, changes
}

// expectDiagnostic fails unless exactly the expected warnings (and no
// errors) or the expected errors were reported; each want is matched
// against "severity: summary: detail" with white space normalised.
func expectDiagnostics(t *testing.T, got []planDiagnostic, want ...string) {
	t.Helper()
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	var all []string
	for _, d := range got {
		all = append(all, norm(d.String()))
	}
	joined := strings.Join(all, "\n")
	for _, w := range want {
		if !strings.Contains(joined, norm(w)) {
			t.Errorf("diagnostics lack %q; got:\n%s", w, joined)
		}
	}
	if len(all) != len(want) {
		t.Errorf("got %d diagnostics, want %d:\n%s", len(all), len(want), joined)
	}
}

// terraformIn serves the provider in-process and returns a function that
// runs the real terraform binary in dir against it, returning its standard
// output. A failing init fails the test; other commands' exit statuses are
// for the caller to judge from the output.
func terraformIn(t *testing.T, dir string) func(args ...string) []byte {
	t.Helper()
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
	ctx, cancel := context.WithCancel(context.Background())
	reattachCh := make(chan *plugin.ReattachConfig, 1)
	closeCh := make(chan struct{})
	go func() {
		err := tf6server.Serve("registry.terraform.io/privacycode/pii", providerserver.NewProtocol6(New("test")()),
			tf6server.WithDebug(ctx, reattachCh, closeCh),
			// Provider logs go where terraform-plugin-testing sends them
			// (TF_LOG and friends), not to the test's stderr.
			tf6server.WithLoggingSink(t), tf6server.WithGoPluginLogger(hclog.NewNullLogger()))
		if err != nil {
			t.Errorf("serving the provider: %v", err)
		}
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-closeCh:
		case <-time.After(10 * time.Second):
		}
	})
	var rc *plugin.ReattachConfig
	select {
	case rc = <-reattachCh:
	case <-time.After(30 * time.Second):
		t.Fatal("the provider did not start")
	}
	reattach, err := json.Marshal(map[string]any{
		"registry.terraform.io/privacycode/pii": map[string]any{
			"Protocol": string(rc.Protocol), "ProtocolVersion": rc.ProtocolVersion, "Pid": rc.Pid, "Test": true,
			"Addr": map[string]string{"Network": rc.Addr.Network(), "String": rc.Addr.String()},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "TF_REATTACH_PROVIDERS="+string(reattach), "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
	run := func(args ...string) []byte {
		cmd := exec.CommandContext(ctx, tf, args...)
		cmd.Dir, cmd.Env = dir, env
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, _ := cmd.Output()
		if args[0] == "init" && cmd.ProcessState.ExitCode() != 0 {
			t.Fatalf("terraform init failed:\n%s\n%s", out, stderr.String())
		}
		// Human-readable errors go to stderr; keep them for the caller to
		// show. (With -json, diagnostics are in the output already.)
		if cmd.ProcessState.ExitCode() != 0 && !slices.Contains(args, "-json") {
			out = append(out, stderr.Bytes()...)
		}
		return out
	}
	return run
}
