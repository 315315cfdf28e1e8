package report

import (
	"os"
	"strings"
	"testing"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/guidecheck"
	"github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// guidePath is the reports guide's template; docs/guides/reports.md is
// generated from it.
const guidePath = "../../templates/guides/reports.md.tmpl"

// guideExamples generates every example the guide quotes from the
// fixtures: what the report prints today.
func guideExamples(t *testing.T) map[string]string {
	t.Helper()
	set, diags := catalog.LoadFiles([]string{"testdata/complete-catalog.hcl"})
	if diags.HasErrors() {
		t.Fatal(catalog.FormatDiagnostics(diags))
	}
	scope := controllerScopePosture(t)
	md := strings.Split(render(t, "markdown", scope, goldenOptions), "\n")

	// The heading of a plan and a state reported together.
	b, err := os.ReadFile(controllerScopePlan)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := tfplan.Read("controller-scope-plan.json", b)
	if err != nil {
		t.Fatal(err)
	}
	state, err := tfplan.Read("state.json", []byte(`{"format_version":"1.0","terraform_version":"1.11.4","values":{"root_module":{}}}`))
	if err != nil {
		t.Fatal(err)
	}
	both, err := posture.Read([]*tfplan.Document{plan, state}, posture.Options{Catalogs: set})
	if err != nil {
		t.Fatal(err)
	}
	heading := strings.Split(render(t, "markdown", both, Options{Version: "1.2.3"}), "\n")[2]

	return map[string]string{
		"markdown-heading":      heading,
		"markdown-organisation": linesFrom(t, md, "| Document | Name |", 3),
		"markdown-scope":        linesFrom(t, md, "### ISO/IEC 27701", 5),
	}
}

// linesFrom returns n lines from the first that starts with prefix.
func linesFrom(t *testing.T, lines []string, prefix string, n int) string {
	t.Helper()
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) && i+n <= len(lines) {
			return strings.Join(lines[i:i+n], "\n")
		}
	}
	t.Fatalf("no line starts with %q", prefix)
	return ""
}

// TestGuideExamples: the output the reports guide quotes (its checked
// examples, see package guidecheck) is the output of the report; -update
// rewrites the quotes.
func TestGuideExamples(t *testing.T) {
	guidecheck.Check(t, guidePath, guideExamples(t), guidecheck.Options{
		Update: *update, UpdateCommand: "go test ./internal/report/ -run TestGuideExamples -update",
	})
}

// TestGuideQuotes: the words the guide quotes from the reports, and every
// CSV column, are in the output.
func TestGuideQuotes(t *testing.T) {
	b, err := os.ReadFile(guidePath)
	if err != nil {
		t.Fatal(err)
	}
	guide := string(b)
	for _, c := range CSVColumns {
		if !strings.Contains(guide, "`"+c+"`") {
			t.Errorf("the guide's csv table lacks the column %s", c)
		}
	}
	processor := render(t, "html", readPosture(t, "testdata/cloud-processor-plan.json"), goldenOptions)
	complete := render(t, "html", readPosture(t, "testdata/complete-plan.json"), goldenOptions)
	scope := render(t, "markdown", controllerScopePosture(t), goldenOptions)
	// "not named" is for a processor that names no controller, which no
	// fixture has: the template must print it.
	tmpl := mustRead("templates/report.html.tmpl")
	for quote, out := range map[string]string{
		`"not named"`:                                  tmpl,
		`"As a controller"`:                            processor,
		`"As a processor"`:                             processor,
		`"not in the loaded catalogs"`:                 complete,
		"**Art. 30\nrecord**":                          processor,
		"(`organization.name in the provider\nblock`)": "",
	} {
		if !strings.Contains(guide, quote) {
			t.Errorf("the guide no longer quotes %s: update this test", quote)
			continue
		}
		if out == "" {
			continue
		}
		text := strings.NewReplacer(`"`, "", "**", "", "\n", " ").Replace(quote)
		if !strings.Contains(out, text) {
			t.Errorf("the guide quotes %s, which the report does not print", quote)
		}
	}
	if !strings.Contains(scope, "organization.scope_justification") && !strings.Contains(scope, "out of scope") {
		t.Error("the scope fixture's report says nothing of its scope")
	}
}
