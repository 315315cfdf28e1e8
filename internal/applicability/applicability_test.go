package applicability

import (
	"strings"
	"testing"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
)

func TestBuild(t *testing.T) {
	set, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	iso, _ := set.Catalog("iso29151")
	decls := []Declaration{
		{Ref: "iso29151:10.1.1", Status: "implemented", Owner: "Platform"},
		{Ref: "iso29151:9.4.1", Status: "planned", Owner: "IAM team", Activities: []string{"a"}},
		{Ref: "iso29151:9.4.1", Status: "implemented", Owner: "Platform", Activities: []string{"b"}},
		{Ref: "iso29151:11.1.1", Status: "not_applicable", Justification: "Cloud only; no premises."},
		{Ref: "iso27701:A.7.4.9", Status: "implemented"},
		{Ref: "iso29151:99.9", Status: "implemented"},
	}
	st, fs := Build(iso, decls)
	if len(st.Rows) != 126 {
		t.Fatalf("%d rows, want every catalog control", len(st.Rows))
	}
	row := func(id string) Row {
		for _, r := range st.Rows {
			if r.Control.ID == id {
				return r
			}
		}
		t.Fatalf("no row %s", id)
		return Row{}
	}
	if r := row("9.4.1"); r.Status != "implemented" || strings.Join(r.Statuses, ",") != "implemented,planned" || strings.Join(r.Owners, ",") != "IAM team,Platform" || r.Declarations != 2 {
		t.Errorf("9.4.1 row = %+v", r)
	}
	if r := row("11.1.1"); r.Status != "not_applicable" || r.Justifications[0] != "Cloud only; no premises." {
		t.Errorf("11.1.1 row = %+v", r)
	}
	if r := row("5.1.1"); r.Status != NotAddressed || r.Declarations != 0 {
		t.Errorf("5.1.1 row = %+v", r)
	}
	if st.Counts["implemented"] != 2 || st.Counts["not_applicable"] != 1 || st.Counts[NotAddressed] != 123 || st.Counts["partial"] != 0 {
		t.Errorf("counts = %v", st.Counts)
	}
	if got := st.Summary(); got != "126 controls: 2 implemented, 1 not_applicable, 123 not_addressed" {
		t.Errorf("summary = %q", got)
	}
	if len(fs) != 2 || !strings.Contains(fs[0].String(), "warning: controls[4]: Control of another catalog: iso27701:A.7.4.9 is not a control of catalog iso29151") ||
		!strings.Contains(fs[1].String(), `error: controls[5]: Unknown control: There is no control "99.9" in catalog iso29151.`) {
		t.Errorf("findings = %v", fs)
	}
}

func TestBuildScoped(t *testing.T) {
	set, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	iso27701, _ := set.Catalog("iso27701")
	iso29151, _ := set.Catalog("iso29151")
	controllerOnly := Scope{Roles: []string{"controller"}, Justification: "We process PII only for our own purposes."}
	roles := map[string]int{}
	for _, c := range iso27701.Controls() {
		roles[c.Role]++
	}
	tests := []struct {
		name         string
		cat          *catalog.Catalog
		scope        Scope
		decls        []Declaration
		wantOut      int
		wantSummary  string
		wantFindings []string
	}{
		{
			name: "no roles: everything in scope", cat: iso27701, scope: Scope{},
			wantSummary: "49 controls: 49 not_addressed",
		},
		{
			name: "both roles: everything in scope", cat: iso27701, scope: Scope{Roles: []string{"controller", "processor"}},
			wantSummary: "49 controls: 49 not_addressed",
		},
		{
			name: "controller only excludes the processor controls", cat: iso27701, scope: controllerOnly,
			decls:       []Declaration{{Ref: "iso27701:A.7.2.2", Status: "implemented"}},
			wantOut:     roles["processor"],
			wantSummary: "31 controls in scope: 1 implemented, 30 not_addressed; 18 out of scope (controls for processors)",
		},
		{
			name: "processor only excludes the controller controls", cat: iso27701, scope: Scope{Roles: []string{"processor"}, Justification: "A processing service only."},
			wantOut:     roles["controller"],
			wantSummary: "18 controls in scope: 18 not_addressed; 31 out of scope (controls for controllers)",
		},
		{
			name: "a declared control out of scope is reported and stays out of scope", cat: iso27701, scope: controllerOnly,
			decls:       []Declaration{{Ref: "iso27701:B.8.2.2", Status: "implemented", Justification: "Contract clause 4."}},
			wantOut:     roles["processor"],
			wantSummary: "31 controls in scope: 31 not_addressed; 18 out of scope (controls for processors)",
			wantFindings: []string{`warning: controls[0]: Control out of scope: iso27701:B.8.2.2 is a control for processors, and the provider's organization.roles (controller) leaves that role out of scope; ` +
				`the statement lists it as out_of_scope. Add "processor" to organization.roles if the organisation also acts as one, or remove the declaration.`},
		},
		{
			name: "controls for no particular role are always in scope", cat: iso29151, scope: controllerOnly,
			wantSummary: "126 controls: 126 not_addressed",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, fs := BuildScoped(tt.cat, tt.decls, tt.scope)
			if st.Counts[OutOfScope] != tt.wantOut {
				t.Errorf("out_of_scope = %d, want %d", st.Counts[OutOfScope], tt.wantOut)
			}
			if got := st.Summary(); got != tt.wantSummary {
				t.Errorf("summary = %q, want %q", got, tt.wantSummary)
			}
			var got []string
			for _, f := range fs {
				got = append(got, f.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.wantFindings, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.wantFindings, "\n"))
			}
			for _, r := range st.Rows {
				if tt.scope.Excludes(r.Control.Role) {
					if r.Status != OutOfScope || len(r.Justifications) == 0 || r.Justifications[0] != tt.scope.Justification {
						t.Errorf("%s: row %+v, want out_of_scope with the scope's justification first", r.Control.Ref(), r)
					}
				} else if r.Status == OutOfScope {
					t.Errorf("%s is out_of_scope, but its role %q is in scope", r.Control.Ref(), r.Control.Role)
				}
			}
		})
	}
}

// A control of another catalog, written with this catalog's name, is
// pointed at by its qualified id there.
func TestBuildNamesTheOtherCatalog(t *testing.T) {
	set, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	iso, _ := set.Catalog("iso29151")
	_, fs := Build(iso, []Declaration{{Ref: "iso29151:A.7.4.5", Status: "implemented"}})
	want := `error: controls[0]: Unknown control: There is no control "A.7.4.5" in iso29151; iso27701 has it ` +
		`("PII de-identification and deletion at the end of processing"): use "iso27701:A.7.4.5".`
	if len(fs) != 1 || fs[0].String() != want {
		t.Errorf("findings = %v\nwant %s", fs, want)
	}
}
