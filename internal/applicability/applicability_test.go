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
