package report

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

const controllerScopePlan = "testdata/controller-scope-plan.json"

// controllerScopePosture reads the controller-scope fixture as the report
// command does when it finds the plan's catalog file: with the
// organisation of the provider block and the user's catalog loaded.
func controllerScopePosture(t *testing.T) *posture.Posture {
	t.Helper()
	set, diags := catalog.LoadFiles([]string{"testdata/complete-catalog.hcl"})
	if diags.HasErrors() {
		t.Fatal(catalog.FormatDiagnostics(diags))
	}
	return readPostureWith(t, posture.Options{Catalogs: set}, controllerScopePlan)
}

// TestControllerScopeFixture: the fixture is complete-plan.json with two
// expressions of the pii provider block edited, and nothing else.
func TestControllerScopeFixture(t *testing.T) {
	load := func(name string) map[string]any {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	derived, base := load(controllerScopePlan), load("testdata/complete-plan.json")
	expr := func(m map[string]any) map[string]any {
		// A missing step gives a nil map, and the comparison below fails.
		step := func(v any, key string) any {
			if o, ok := v.(map[string]any); ok {
				return o[key]
			}
			return nil
		}
		e, _ := step(step(step(step(m, "configuration"), "provider_config"), "pii"), "expressions").(map[string]any)
		return e
	}
	de, be := expr(derived), expr(base)
	for _, k := range []string{"catalog_files", "organization"} {
		delete(de, k)
		delete(be, k)
	}
	if !reflect.DeepEqual(derived, base) {
		t.Error("controller-scope-plan.json differs from complete-plan.json beyond the provider block's catalog_files and organization")
	}
}

// TestGoldenControllerScope renders a controller-only organisation: the
// processor controls of ISO/IEC 27701 (Annex B) are out of scope as one
// group, the records name the controller, and every record is complete.
func TestGoldenControllerScope(t *testing.T) {
	p := controllerScopePosture(t)
	if p.Scope == nil || !reflect.DeepEqual(p.Scope.Excluded, []string{"processor"}) {
		t.Fatalf("scope = %+v, want processors excluded", p.Scope)
	}
	if n := p.Summary.RecordsIncomplete; n != 0 {
		t.Errorf("%d records incomplete, want none: the organisation is stated", n)
	}
	const note = "controls for processors are out of scope: Acme processes PII only for its own purposes"
	want := map[string][]string{
		"html": {
			`<p class="scope">`, note, "in scope: ", "out of scope (controls for processors)",
			`<details class="oos"><summary>The `, "Acme Retail Ltd", "dpo@acme.example", `<span class="b ok">complete</span>`,
			"From controller-scope-plan.json, plan of " + planTimestamp(t, "testdata/controller-scope-plan.json") + ", Terraform 1.11.4",
		},
		"markdown": {"> ", note, " out of scope</summary>", "| controller-scope-plan.json | Acme Retail Ltd |", "✅ complete"},
		"csv":      {",Acme Retail Ltd,", ",true,,"},
		"json":     {`"status": "out_of_scope"`, `"exclusions": [`, `"excluded": [`, `"in_scope": `},
		"oscal-ssp": {
			`"name": "scope-excluded-role"`, "Out-of-scope controls are excluded as a group, not listed as unaddressed",
			"Controller (GDPR Art. 30(1)(a)): Acme Retail Ltd",
		},
		"oscal-ar": {`"name": "scope-excluded-role"`, `"name": "document-timestamp"`},
	}
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			got := render(t, format, p, goldenOptions)
			golden(t, "controller-scope."+extensions[format], got)
			for _, w := range want[format] {
				if !strings.Contains(got, w) {
					t.Errorf("the %s report lacks %q", format, w)
				}
			}
			if strings.HasPrefix(format, "oscal") {
				validateOSCAL(t, "controller-scope."+extensions[format], got)
			}
			// One note per catalog, not one row per excluded control.
			if format == "html" && strings.Count(got, "Acme processes PII only") > len(p.Catalogs)+1 {
				t.Errorf("the justification is repeated %d times", strings.Count(got, "Acme processes PII only"))
			}
		})
	}
}

// TestScopeConflict: a pii_control declaring a processor control while
// organization.roles is ["controller"] is flagged in every format that
// lists controls.
func TestScopeConflict(t *testing.T) {
	control := map[string]any{"id": "iso27701:B.8.2.1", "catalog": "iso27701", "control_id": "B.8.2.1", "status": "implemented"}
	activity := map[string]any{"id": "a-1", "name": "Orders", "role": "controller", "purposes": []string{"Orders"}}
	change := func(addr, typ string, after map[string]any) map[string]any {
		return map[string]any{"address": addr, "mode": "managed", "type": typ, "name": "x",
			"change": map[string]any{"actions": []string{"create"}, "before": nil, "after": after, "after_unknown": map[string]any{}, "after_sensitive": map[string]any{}}}
	}
	plan := map[string]any{
		"format_version": "1.2", "terraform_version": "1.11.4", "timestamp": "2026-11-28T21:02:08Z",
		"resource_changes": []any{change("pii_control.x", "pii_control", control), change("pii_processing_activity.x", "pii_processing_activity", activity)},
		"configuration": map[string]any{"provider_config": map[string]any{"pii": map[string]any{"name": "pii", "expressions": map[string]any{
			"organization": map[string]any{"constant_value": map[string]any{"name": "Acme", "roles": []string{"controller"}, "scope_justification": "Own purposes only."}},
		}}}},
	}
	b, err := json.Marshal(plan)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := tfplan.Read("conflict.json", b)
	if err != nil {
		t.Fatal(err)
	}
	block, err := tfplan.ReadProviderBlock(doc.Name, b, "pii")
	if err != nil || block == nil {
		t.Fatalf("ReadProviderBlock = %v, %v", block, err)
	}
	p, err := posture.Read([]*tfplan.Document{doc}, posture.Options{Providers: map[*tfplan.Document]*tfplan.ProviderBlock{doc: block}})
	if err != nil {
		t.Fatal(err)
	}
	if p.Summary.ScopeConflicts != 1 {
		t.Fatalf("%d scope conflicts, want 1", p.Summary.ScopeConflicts)
	}
	want := map[string]string{
		"html":      "declared, but organization.roles leaves processors out of scope",
		"markdown":  "declared, but organization.roles leaves processors out of scope",
		"json":      `"scope_conflicts": 1`,
		"oscal-ssp": `"name": "scope-conflict"`,
	}
	for format, w := range want {
		got := render(t, format, p, goldenOptions)
		if !strings.Contains(got, w) {
			t.Errorf("the %s report lacks %q", format, w)
		}
		if strings.HasPrefix(format, "oscal") {
			validateOSCAL(t, "conflict."+extensions[format], got)
		}
	}
}

// planTimestamp is the timestamp of a saved plan, which changes each time
// scripts/report-fixtures.sh plans the examples again.
func planTimestamp(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := tfplan.Read(name, data)
	if err != nil || doc.Timestamp == "" {
		t.Fatalf("%s has no timestamp (%v)", name, err)
	}
	return doc.Timestamp
}
