package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
)

// resourceBlock is one resource as the generated files declare it.
type resourceBlock struct {
	typ, name string
	// refs are the resources its arguments refer to, as "type.name".
	refs map[string]bool
	body *hclsyntax.Body
}

// parseDir parses every .tf file in dir and returns the resources by
// address, and the top-level block types seen.
func parseDir(t *testing.T, dir string) (map[string]resourceBlock, map[string]int) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.tf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no .tf files in %s (%v)", dir, err)
	}
	resources := map[string]resourceBlock{}
	blocks := map[string]int{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		file, diags := hclsyntax.ParseConfig(src, f, hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("%s does not parse: %s", f, diags.Error())
		}
		body, ok := file.Body.(*hclsyntax.Body)
		if !ok {
			t.Fatalf("%s: unexpected body type %T", f, file.Body)
		}
		for _, b := range body.Blocks {
			blocks[b.Type]++
			if b.Type != "resource" {
				continue
			}
			rb := resourceBlock{typ: b.Labels[0], name: b.Labels[1], refs: map[string]bool{}, body: b.Body}
			addr := rb.typ + "." + rb.name
			if _, dup := resources[addr]; dup {
				t.Errorf("%s is declared twice", addr)
			}
			collectRefs(b.Body, rb.refs)
			resources[addr] = rb
		}
	}
	return resources, blocks
}

func collectRefs(body *hclsyntax.Body, into map[string]bool) {
	for _, a := range body.Attributes {
		for _, tr := range a.Expr.Variables() {
			if len(tr) < 2 {
				continue
			}
			if attr, ok := tr[1].(hcl.TraverseAttr); ok {
				into[tr.RootName()+"."+attr.Name] = true
			}
		}
	}
	for _, b := range body.Blocks {
		collectRefs(b.Body, into)
	}
}

func countTypes(resources map[string]resourceBlock) map[string]int {
	n := map[string]int{}
	for _, r := range resources {
		n[r.typ]++
	}
	return n
}

func small() Config {
	cfg := DefaultConfig()
	cfg.Activities, cfg.Controls, cfg.Risks, cfg.ControlsPerRisk = 12, 30, 6, 4
	return cfg
}

func TestGeneratePosture(t *testing.T) {
	set, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var out bytes.Buffer
	if err := run(small(), dir, false, &out); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "passed") || strings.Contains(out.String(), "failed") {
		t.Errorf("the summary must not look like a test report:\n%s", out.String())
	}
	resources, blocks := parseDir(t, dir)
	if blocks["terraform"] != 1 || blocks["provider"] != 1 {
		t.Errorf("want one terraform and one provider block, got %v", blocks)
	}
	want := map[string]int{"pii_processing_activity": 12, "pii_control": 30, "pii_risk_assessment": 12}
	if got := countTypes(resources); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("resource counts: got %v, want %v", got, want)
	}
	for i := 1; i <= 12; i++ {
		for _, addr := range []string{fmt.Sprintf("pii_processing_activity.a%d", i), fmt.Sprintf("pii_risk_assessment.r%d", i)} {
			if _, ok := resources[addr]; !ok {
				t.Errorf("%s is missing", addr)
			}
		}
		// Each assessment refers to its own activity and only to
		// declared controls.
		r := resources[fmt.Sprintf("pii_risk_assessment.r%d", i)]
		if !r.refs[fmt.Sprintf("pii_processing_activity.a%d", i)] {
			t.Errorf("r%d does not refer to a%d: %v", i, i, r.refs)
		}
		for ref := range r.refs {
			if _, ok := resources[ref]; !ok {
				t.Errorf("r%d refers to %s, which is not declared", i, ref)
			}
		}
	}

	// Every control names a real catalog control; controls beyond the
	// first ones in the catalog order are organisation-wide.
	for j := 1; j <= 30; j++ {
		c, ok := resources[fmt.Sprintf("pii_control.c%d", j)]
		if !ok {
			t.Fatalf("pii_control.c%d is missing", j)
		}
		cat := literal(t, c.body, "catalog")
		id := literal(t, c.body, "control_id")
		if _, err := set.LookupControl(cat + ":" + id); err != nil {
			t.Errorf("c%d: %v", j, err)
		}
	}

	// Activities declare valid taxonomy keys and every declared stage is
	// assessed, so the provider has nothing to warn about.
	p, err := Build(small(), set)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range p.Activities {
		for _, k := range a.Categories {
			if _, err := set.PIICategory(k); err != nil {
				t.Errorf("%s: %v", a.Addr, err)
			}
		}
	}
	for _, as := range p.Assessments {
		assessed := map[string]bool{}
		for _, r := range as.Risks {
			assessed[r.Stage] = true
			if len(r.Controls) != 4 {
				t.Errorf("%s %q selects %d controls, want 4", as.Addr, r.Name, len(r.Controls))
			}
		}
		for _, s := range p.Activities[as.Activity].Stages {
			if !assessed[s] {
				t.Errorf("%s does not assess the %s stage its activity declares", as.Addr, s)
			}
		}
	}
	pr := p.Predict(set, time.Now().UTC())
	if pr.Covered != 12*6 || pr.Warnings != 0 || pr.Errors != 0 {
		t.Errorf("prediction: %+v, want every risk covered and no findings", pr)
	}
}

func literal(t *testing.T, body *hclsyntax.Body, name string) string {
	t.Helper()
	a, ok := body.Attributes[name]
	if !ok {
		t.Fatalf("no %s attribute", name)
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() {
		t.Fatalf("%s: %s", name, diags.Error())
	}
	return v.AsString()
}

func TestGenerateBaseline(t *testing.T) {
	cfg := small()
	cfg.Baseline = true
	dir := t.TempDir()
	if err := run(cfg, dir, true, nil); err != nil {
		t.Fatal(err)
	}
	resources, blocks := parseDir(t, dir)
	if blocks["provider"] != 0 {
		t.Errorf("the baseline needs no provider block, got %v", blocks)
	}
	if got := countTypes(resources); len(got) != 1 || got["terraform_data"] != 12+30+12 {
		t.Errorf("resource counts: got %v, want only %d terraform_data", got, 12+30+12)
	}
	// The same reference structure as the posture, under other names.
	posture := t.TempDir()
	cfg.Baseline = false
	if err := run(cfg, posture, true, nil); err != nil {
		t.Fatal(err)
	}
	pr, _ := parseDir(t, posture)
	rename := strings.NewReplacer("pii_processing_activity.", "terraform_data.", "pii_control.", "terraform_data.", "pii_risk_assessment.", "terraform_data.")
	for addr, r := range pr {
		b, ok := resources[rename.Replace(addr)]
		if !ok {
			t.Errorf("the baseline lacks %s", rename.Replace(addr))
			continue
		}
		want := map[string]bool{}
		for ref := range r.refs {
			want[rename.Replace(ref)] = true
		}
		if got, want := strings.Join(sortedKeys(b.refs), " "), strings.Join(sortedKeys(want), " "); got != want {
			t.Errorf("%s refers to %s, want (as the posture's %s) %s", b.name, got, addr, want)
		}
	}
}

func sortedKeys(m map[string]bool) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestDeterministic: the same flags give the same bytes.
func TestDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if err := run(small(), dir, true, nil); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"main.tf", "activities.tf", "controls.tf", "assessments.tf"} {
		x, _ := os.ReadFile(filepath.Join(a, name))
		y, _ := os.ReadFile(filepath.Join(b, name))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs (or is empty)", name)
		}
	}
}

// TestFullSizeIsCovered: at the size (500 activities, 200 controls,
// 3,000 risks) the provider's own evaluation covers every risk without a
// finding, and controls beyond the catalogs are scoped to activities.
func TestFullSizeIsCovered(t *testing.T) {
	set, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	p, err := Build(DefaultConfig(), set)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Activities) != 500 || len(p.Controls) != 200 || len(p.Assessments) != 500 || p.RiskCount() != 3000 || p.SelectionCount() != 12000 {
		t.Errorf("sizes: %d activities, %d controls, %d assessments, %d risks, %d selections",
			len(p.Activities), len(p.Controls), len(p.Assessments), p.RiskCount(), p.SelectionCount())
	}
	scoped, refs := 0, map[string]bool{}
	for _, c := range p.Controls {
		refs[c.Ref()] = true
		if len(c.Scope) > 0 {
			scoped++
		}
	}
	if len(refs) != 175 || scoped != 25 {
		t.Errorf("want the 175 built-in controls and 25 scoped repeats, got %d distinct and %d scoped", len(refs), scoped)
	}
	if pr := p.Predict(set, time.Now().UTC()); pr.Covered != 3000 || pr.Warnings != 0 || pr.Errors != 0 {
		t.Errorf("prediction: %+v, want 3000 covered and no findings", pr)
	}
}
