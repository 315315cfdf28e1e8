package posture

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/privacycode/terraform-provider-pii/internal/applicability"
	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// completePlan is the plan of examples/complete, shared with the report
// package's golden tests.
const completePlan = "../report/testdata/complete-plan.json"

func readPlan(t testing.TB, path string) *tfplan.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := tfplan.Read(filepath.Base(path), b)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func readPosture(t testing.TB, paths ...string) *Posture {
	t.Helper()
	var docs []*tfplan.Document
	for _, p := range paths {
		docs = append(docs, readPlan(t, p))
	}
	p, err := Read(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func activityNamed(t *testing.T, p *Posture, name string) *Activity {
	t.Helper()
	for _, a := range p.Activities {
		if a.Name.Is(name) {
			return a
		}
	}
	t.Fatalf("no activity %q", name)
	return nil
}

func assessmentOf(t *testing.T, p *Posture, address string) *Assessment {
	t.Helper()
	for _, a := range p.Assessments {
		if a.Address == address {
			return a
		}
	}
	t.Fatalf("no assessment %s", address)
	return nil
}

func rowOf(t *testing.T, p *Posture, ref string) *ApplicabilityRow {
	t.Helper()
	for _, r := range p.Applicability {
		if r.Ref == ref {
			return r
		}
	}
	t.Fatalf("no statement row %s", ref)
	return nil
}

func TestReadComplete(t *testing.T) {
	p := readPosture(t, completePlan)
	if p.Empty() {
		t.Fatal("the complete example is not empty")
	}
	s := p.Summary
	for _, c := range []struct {
		what      string
		got, want int
	}{
		{"activities", s.Activities, 3},
		{"controls", s.Controls, 16},
		{"assessments", s.Assessments, 3},
		{"risks", s.Risks, 17},
		{"gaps", s.Gaps, 0},
		{"PIA required", s.PIARequired, 3},
		{"unassessed", s.Unassessed, 0},
		{"implemented controls", s.ControlsByStatus.Get("implemented"), 13},
		{"partial controls", s.ControlsByStatus.Get("partial"), 1},
		{"planned controls", s.ControlsByStatus.Get("planned"), 1},
		{"not applicable controls", s.ControlsByStatus.Get("not_applicable"), 1},
		{"residual low", s.RisksByResidualLevel.Get("low"), 8},
		{"residual avoided", s.RisksByResidualLevel.Get(LevelAvoided), 1},
		{"inherent very high", s.RisksByInherentLevel.Get("very_high"), 3},
		{"covered", s.RisksByCoverage.Get("covered"), 14},
		{"unknown values", s.UnknownValues, 0},
		{"sensitive values", s.SensitiveValues, 0},
		{"skipped", s.Skipped, 0},
		{"statement rows", len(p.Applicability), 126 + 49 + 2},
	} {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.what, c.got, c.want)
		}
	}
	// The timestamp is the plan's own, which changes each time
	// scripts/report-fixtures.sh plans the example again.
	if len(p.Documents) != 1 || p.Documents[0].Kind != "plan" || p.Documents[0].Resources != 22 ||
		!regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`).MatchString(p.Documents[0].Timestamp) {
		t.Errorf("documents = %+v", p.Documents)
	}

	checkout := activityNamed(t, p, "Checkout and payments")
	if !checkout.ID.Is("checkout-and-payments-29028de6") || !checkout.Volume.Is("250000") || !checkout.PIARequired.True() {
		t.Errorf("checkout = id %s, volume %s, pia %s", checkout.ID, checkout.Volume, checkout.PIARequired)
	}
	if checkout.Collection == nil || !checkout.Collection.Source.Is("data_subject") ||
		Join(checkout.Collection.Systems, ",") != "aws_ecs_service.checkout,aws_lb.storefront" {
		t.Errorf("collection = %+v", checkout.Collection)
	}
	if checkout.Storage == nil || Join(checkout.Storage.Countries, ",") != "IE" {
		t.Errorf("storage = %+v", checkout.Storage)
	}
	if checkout.Disposal == nil || !checkout.Disposal.Method.Is("crypto_erasure") {
		t.Errorf("disposal = %+v", checkout.Disposal)
	}
	if len(checkout.Transfers) != 1 || !checkout.Transfers[0].Country.Is("NL") || checkout.Transfers[0].OutsideEEA.True() {
		t.Errorf("transfers = %+v", checkout.Transfers)
	}
	if !slices.Equal(checkout.Assessments, []string{"pii_risk_assessment.checkout"}) {
		t.Errorf("assessments = %v", checkout.Assessments)
	}
	// The consent control is scoped to marketing: a security measure of
	// marketing only.
	marketing := activityNamed(t, p, "Marketing analytics and personalisation")
	if slices.Contains(checkout.SecurityMeasures, "iso29151:A.3.1") || !slices.Contains(marketing.SecurityMeasures, "iso29151:A.3.1") {
		t.Errorf("security measures: checkout %v, marketing %v", checkout.SecurityMeasures, marketing.SecurityMeasures)
	}
	if !marketing.Transfers[0].OutsideEEA.True() {
		t.Error("the US transfer is outside the EEA")
	}

	ma := assessmentOf(t, p, "pii_risk_assessment.marketing")
	if !ma.Activity.ID.Is("marketing-analytics-and-personalisation-4c53a6d9") || !ma.Status.Is("in_review") || !ma.Covered.True() {
		t.Errorf("marketing assessment = %+v", ma)
	}
	var transfer *Risk
	for _, r := range ma.Risks {
		if r.Name.Is("US authorities access the analytics data") {
			transfer = r
		}
	}
	if transfer == nil {
		t.Fatal("no transfer risk")
	}
	effects := map[string]string{}
	for _, c := range transfer.Controls {
		effects[c.ID.String()] = c.Effect
	}
	want := map[string]string{"iso27701:A.7.5.1": EffectEffective, "iso29151:13.2.2": EffectEffective, "iso27701:A.7.5.3": EffectPartial}
	for id, e := range want {
		if effects[id] != e {
			t.Errorf("effect of %s = %q, want %q", id, effects[id], e)
		}
	}
	for _, r := range ma.Risks {
		if r.Name.Is("Sensitive traits inferred from purchases") && (!r.Avoided() || !r.Treatment.Is("avoid")) {
			t.Error("the avoided risk")
		}
		if r.Name.Is("Visitors tracked before they consent") && !r.Treatment.Is("mitigate") {
			t.Errorf("an unset treatment is mitigate, got %s", r.Treatment)
		}
	}
	if got := Join(ma.Controls, ","); !strings.HasPrefix(got, "iso29151:A.3.1,iso27701:A.7.4.1,") {
		t.Errorf("matrix columns = %s", got)
	}

	// The Statement of Applicability.
	if row := rowOf(t, p, "iso29151:11.1.1"); row.Status != "not_applicable" || len(row.Justifications) != 1 || !row.InCatalog {
		t.Errorf("11.1.1 = %+v", row)
	}
	if row := rowOf(t, p, "iso29151:5.1.1"); row.Status != NotAddressed || len(row.DeclaredBy) != 0 {
		t.Errorf("5.1.1 = %+v", row)
	}
	// A.3.1 comes from the example's own catalog file, which is not
	// loaded: the row is kept, in natural order after A.3.
	a31 := rowOf(t, p, "iso29151:A.3.1")
	if a31.InCatalog || a31.Status != "implemented" || a31.Title != "Obtain consent before collection" || a31.CatalogVersion != "2017" ||
		!Contains(a31.Scope, "marketing-analytics-and-personalisation-4c53a6d9") || len(a31.Evidence) != 2 {
		t.Errorf("A.3.1 = %+v", a31)
	}
	var refs []string
	for _, r := range p.Applicability {
		refs = append(refs, r.Ref)
	}
	if i := slices.Index(refs, "iso29151:A.3.1"); i < 1 || refs[i-1] != "iso29151:A.3" {
		t.Errorf("A.3.1 is not after A.3: %v", refs[max(0, i-2):i+1])
	}
	if len(p.Catalogs) != 2 || p.Catalogs[0].Controls != 128 || p.Catalogs[0].ByStatus.Get("implemented") != 9 ||
		p.Catalogs[1].ByStatus.Get(NotAddressed) != 43 {
		t.Errorf("catalogs = %+v %+v", p.Catalogs[0], p.Catalogs[1])
	}
}

func TestReadCatalogFiles(t *testing.T) {
	set, diags := catalog.LoadFiles([]string{"../../examples/complete/catalog.hcl"})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	p, err := Read([]*tfplan.Document{readPlan(t, completePlan)}, Options{Catalogs: set})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range p.Applicability {
		if !r.InCatalog {
			t.Errorf("%s is in the loaded catalog file", r.Ref)
		}
	}
	if row := rowOf(t, p, "iso29151:A.7.1"); row.Status != "implemented" || row.GroupTitle == "" {
		t.Errorf("A.7.1 = %+v", row)
	}
}

func TestReadUnknownAndSensitive(t *testing.T) {
	p := readPosture(t, "testdata/unknown-sensitive-plan.json")
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "Nightingale") {
		t.Fatalf("a sensitive value reached the model: %s", b)
	}
	a := activityNamed(t, p, "Occupational health")
	tests := []struct {
		what string
		got  Value
		want string
	}{
		{"description (sensitive)", a.Description, SensitiveText},
		{"id (unknown)", a.ID, UnknownText},
		{"first purpose", a.Purposes[0], "Plan occupational health checks"},
		{"second purpose (sensitive)", a.Purposes[1], SensitiveText},
		{"unset role", a.Role, "controller"},
		{"condition", a.SpecialCategoryCondition, "employment_social_protection"},
		{"transfers (unknown)", a.Transfers[0].Recipient, UnknownText},
		{"control status (unknown)", p.Controls[0].Status, UnknownText},
		{"assessment id (unknown)", p.Assessments[0].ID, UnknownText},
		{"covered (unknown)", p.Assessments[0].Covered, UnknownText},
		{"risk coverage (unknown)", p.Assessments[0].Risks[0].Coverage, UnknownText},
		{"residual level (unknown)", p.Assessments[0].Risks[0].ResidualLevel, UnknownText},
	}
	for _, tt := range tests {
		if got := tt.got.String(); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.what, got, tt.want)
		}
	}
	if a.Storage == nil || !a.Storage.Unknown {
		t.Errorf("storage block known after apply: %+v", a.Storage)
	}
	if !a.Transfers[0].Unknown || len(a.Transfers) != 1 {
		t.Errorf("transfers = %+v", a.Transfers)
	}
	if a.Disposal != nil {
		t.Error("a null disposal block is not declared")
	}
	if rc := p.Assessments[0].Risks[0].Controls[0]; rc.Effect != EffectUnknown || !rc.Status.IsUnknown() {
		t.Errorf("risk control = %+v", rc)
	}
	// The deleted activity is left out and counted; the data source is no
	// managed resource.
	if len(p.Skipped) != 1 || p.Skipped[0].Address != "pii_processing_activity.legacy" || p.Summary.Skipped != 1 {
		t.Errorf("skipped = %+v", p.Skipped)
	}
	if len(p.Activities) != 1 {
		t.Errorf("activities = %d", len(p.Activities))
	}
	// The activity's id is unknown: the assessment cannot be matched and
	// the control's statement row has an unknown status.
	if len(a.Assessments) != 0 || p.Summary.Unassessed != 1 {
		t.Errorf("assessments of the activity = %v", a.Assessments)
	}
	if row := rowOf(t, p, "iso29151:9.4.1"); row.Status != StatusUnknown || row.Statuses[0] != StatusUnknown {
		t.Errorf("9.4.1 = %+v", row)
	}
	if p.Summary.SensitiveValues != 2 || p.Summary.UnknownValues < 10 {
		t.Errorf("sensitive %d, unknown %d", p.Summary.SensitiveValues, p.Summary.UnknownValues)
	}
}

// TestReadValues feeds odd shapes straight to the reader: nothing panics,
// marks are honoured on whole collections and their elements.
func TestReadValues(t *testing.T) {
	s := cty.StringVal
	sens := func(v cty.Value) cty.Value { return v.Mark(tfplan.Sensitive) }
	tests := []struct {
		name string
		v    cty.Value
		want []string
	}{
		{"null", cty.NullVal(cty.DynamicPseudoType), nil},
		{"tuple", cty.TupleVal([]cty.Value{s("a"), cty.NumberIntVal(2), cty.True}), []string{"a", "2", "true"}},
		{"sensitive tuple", sens(cty.TupleVal([]cty.Value{s("secret")})), []string{SensitiveText}},
		{"sensitive element", cty.TupleVal([]cty.Value{s("a"), sens(s("secret"))}), []string{"a", SensitiveText}},
		{"unknown tuple", cty.DynamicVal, []string{UnknownText}},
		{"unknown element", cty.TupleVal([]cty.Value{cty.DynamicVal}), []string{UnknownText}},
		{"scalar for a list", s("x"), []string{"x"}},
		{"object for a scalar", cty.TupleVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{"k": s("v")})}), []string{`{"k":"v"}`}},
		{"object hiding a secret", cty.TupleVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{"k": sens(s("secret"))})}), []string{SensitiveText}},
		{"fraction", cty.TupleVal([]cty.Value{cty.NumberFloatVal(1.5)}), []string{"1.5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd := &reader{}
			got := Strings(rd.list(tt.v))
			if len(got) == 0 {
				got = nil
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("list = %q, want %q", got, tt.want)
			}
		})
	}
	// get through marked, null and unknown parents.
	obj := sens(cty.ObjectVal(map[string]cty.Value{"a": cty.ObjectVal(map[string]cty.Value{"b": s("secret")})}))
	rd := &reader{}
	if got := rd.value(path(obj, "a", "b")); !got.IsSensitive() {
		t.Errorf("a value under a sensitive object = %v", got)
	}
	if got := rd.value(path(cty.DynamicVal, "a", "b")); !got.IsUnknown() {
		t.Errorf("a value under an unknown object = %v", got)
	}
	if got := rd.value(path(cty.NullVal(cty.DynamicPseudoType), "a")); !got.IsNull() {
		t.Errorf("a value under null = %v", got)
	}
	if got := rd.value(get(cty.MapVal(map[string]cty.Value{"a": s("x")}), "a")); !got.Is("x") {
		t.Errorf("a map element = %v", got)
	}
}

func TestEffect(t *testing.T) {
	set, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	act := Text("act-1")
	controls := map[string]*Control{"iso29151:9.4.1": {Treats: []Value{Text("illegitimate_access")}}}
	risk := func(coverage Value, effective ...string) *Risk {
		r := &Risk{Category: Text("illegitimate_access"), Coverage: coverage, EffectiveControls: []Value{}}
		for _, e := range effective {
			r.EffectiveControls = append(r.EffectiveControls, Text(e))
		}
		return r
	}
	tests := []struct {
		name       string
		risk       *Risk
		control    RiskControl
		want       string
		wantReason string
	}{
		{"effective", risk(Text("covered"), "iso29151:9.4.1"), RiskControl{ID: Text("iso29151:9.4.1"), Status: Text("implemented")}, EffectEffective, ""},
		{"partial", risk(Text("partially_covered")), RiskControl{ID: Text("iso29151:9.4.1"), Status: Text("partial")}, EffectPartial, "partial"},
		{"alternative", risk(Text("partially_covered")), RiskControl{ID: Text("iso29151:9.4.1"), Status: Text("alternative")}, EffectPartial, "alternative"},
		{"planned", risk(Text("uncovered")), RiskControl{ID: Text("iso29151:9.4.1"), Status: Text("planned")}, EffectNone, "planned"},
		{"not applicable", risk(Text("uncovered")), RiskControl{ID: Text("iso29151:9.4.1"), Status: Text("not_applicable")}, EffectNone, "not applicable"},
		{"wrong category, from the catalog", risk(Text("uncovered")), RiskControl{ID: Text("iso29151:12.3.1"), Status: Text("partial")}, EffectNone, "does not treat illegitimate_access"},
		{"out of scope", risk(Text("uncovered")), RiskControl{ID: Text("iso29151:9.4.1"), Status: Text("partial"), Activities: []Value{Text("act-2")}}, EffectNone, "out of scope"},
		{"in scope", risk(Text("partially_covered")), RiskControl{ID: Text("iso29151:9.4.1"), Status: Text("partial"), Activities: []Value{Text("act-1")}}, EffectPartial, "partial"},
		{"scope unknown", risk(Text("uncovered")), RiskControl{ID: Text("iso29151:9.4.1"), Status: Text("partial"), Activities: []Value{UnknownValue()}}, EffectUnknown, ""},
		{"status unknown", risk(Text("uncovered")), RiskControl{ID: Text("iso29151:9.4.1"), Status: UnknownValue()}, EffectUnknown, ""},
		{"coverage unknown", risk(UnknownValue()), RiskControl{ID: Text("iso29151:9.4.1"), Status: Text("planned")}, EffectUnknown, ""},
		{"id unknown", risk(Text("covered")), RiskControl{ID: UnknownValue(), Status: Text("implemented")}, EffectUnknown, ""},
		{"no status", risk(Text("uncovered")), RiskControl{ID: Text("iso29151:9.4.1")}, EffectNone, "no status"},
		{"implemented, not counted", risk(Text("uncovered")), RiskControl{ID: Text("iso29151:9.4.1"), Status: Text("implemented")}, EffectNone, "not counted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, reason := effect(tt.risk, &tt.control, act, controls, set)
			if got != tt.want || !strings.Contains(reason, tt.wantReason) {
				t.Errorf("effect = %q (%q), want %q (%q)", got, reason, tt.want, tt.wantReason)
			}
		})
	}
}

func TestApplicabilityDeclarations(t *testing.T) {
	set, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	decl := func(addr, id, status string, activities ...string) *Control {
		c := &Control{Address: addr, ID: Text(id), Catalog: Text(strings.Split(id, ":")[0]), Status: Text(status),
			Owner: Text("Team " + addr), Evidence: []Value{Text("doc-" + addr)}}
		for _, a := range activities {
			c.Activities = append(c.Activities, Text(a))
		}
		return c
	}
	controls := []*Control{
		decl("pii_control.a", "iso29151:9.4.1", "planned"),
		decl("pii_control.b", "iso29151:9.4.1", "implemented", "act-1"),
		decl("pii_control.c", "acme:X.1", "partial"),
		decl("pii_control.d", "iso29151:Z.9", "implemented"),
		{Address: "pii_control.e", ID: UnknownValue(), Catalog: Text("iso29151"), ControlID: UnknownValue(), Status: Text("planned")},
	}
	infos, rows := buildApplicability(set, controls, applicability.Scope{}, nil)
	byRef := map[string]*ApplicabilityRow{}
	for _, r := range rows {
		byRef[r.Ref] = r
	}
	r := byRef["iso29151:9.4.1"]
	if r == nil || r.Status != "implemented" || !slices.Equal(r.Statuses, []string{"implemented", "planned"}) ||
		len(r.Owners) != 2 || len(r.Evidence) != 2 || !slices.Equal(r.DeclaredBy, []string{"pii_control.a", "pii_control.b"}) ||
		Join(r.Scope, ",") != "act-1" {
		t.Errorf("9.4.1 = %+v", r)
	}
	if r := byRef["iso29151:Z.9"]; r == nil || r.InCatalog || r.CatalogVersion != "2017" {
		t.Errorf("Z.9 = %+v", r)
	}
	// A catalog that is not loaded gets its own block, after the loaded
	// ones; a control whose id is unknown its own row.
	last := infos[len(infos)-1]
	if last.Name != "acme" || last.Controls != 1 || rows[len(rows)-1].Ref != "acme:X.1" {
		t.Errorf("last catalog = %+v, last row %+v", last, rows[len(rows)-1])
	}
	if r := byRef[UnknownText]; r == nil || r.Status != "planned" {
		t.Errorf("unknown id row = %+v", r)
	}
	total := 0
	for _, info := range infos {
		total += info.Controls
	}
	if total != len(rows) {
		t.Errorf("catalog counts add up to %d, rows %d", total, len(rows))
	}
}

func TestReadEmpty(t *testing.T) {
	doc, err := tfplan.Read("empty.json", []byte(`{"format_version":"1.0"}`))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Read([]*tfplan.Document{doc}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Empty() || p.Documents[0].Kind != "state" || p.Documents[0].Timestamp != "" || len(p.Applicability) != 0 {
		t.Errorf("empty = %v, documents %+v", p.Empty(), p.Documents)
	}
	b, _ := json.Marshal(p)
	for _, field := range []string{`"activities":[]`, `"controls":[]`, `"assessments":[]`, `"gaps":[]`, `"skipped":[]`, `"statement_of_applicability":[]`} {
		if !strings.Contains(string(b), field) {
			t.Errorf("JSON lacks %s", field)
		}
	}
}

// The Statement of Applicability covers the catalogs that the posture
// declares a control of: the retailer of examples/complete declares none of
// iso27018 and gets no block of it; the cloud processor of
// examples/cloud-processor gets all three. A processor's activity keeps the
// controllers it acts for.
func TestReadStatementCoversDeclaredCatalogs(t *testing.T) {
	for _, tt := range []struct {
		plan string
		want []string
		rows int
	}{
		{completePlan, []string{"iso29151", "iso27701"}, 126 + 2 + 49}, // two Annex A sub-controls of its own catalog file
		{"../report/testdata/cloud-processor-plan.json", []string{"iso29151", "iso27701", "iso27018"}, 126 + 49 + 25},
	} {
		p := readPosture(t, tt.plan)
		var got []string
		for _, c := range p.Catalogs {
			got = append(got, c.Name)
		}
		if !slices.Equal(got, tt.want) || len(p.Applicability) != tt.rows {
			t.Errorf("%s: catalogs %v with %d rows, want %v with %d", tt.plan, got, len(p.Applicability), tt.want, tt.rows)
		}
	}
	p := readPosture(t, "../report/testdata/cloud-processor-plan.json")
	tickets := activityNamed(t, p, "Support ticket hosting")
	if !tickets.Role.Is("processor") || len(tickets.Controllers) != 1 || !tickets.Controllers[0].Is("Each customer organisation, under the Deskly data processing agreement") {
		t.Errorf("role %v, controllers %v", tickets.Role, tickets.Controllers)
	}
	if staff := activityNamed(t, p, "Staff directory and accounts"); len(staff.Controllers) != 0 {
		t.Errorf("a controller's activity has controllers %v", staff.Controllers)
	}
}

// The same posture given twice (two states of one workspace) is read once:
// the first document keeps each record, the other is listed in AlsoIn.
func TestSamePostureTwice(t *testing.T) {
	once := readPosture(t, "../report/testdata/complete-plan.json")
	first := readPlan(t, "../report/testdata/complete-plan.json")
	second := readPlan(t, "../report/testdata/complete-plan.json")
	second.Name = "again.json"
	twice, err := Read([]*tfplan.Document{first, second}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(twice.Activities) != len(once.Activities) || len(twice.Controls) != len(once.Controls) || len(twice.Assessments) != len(once.Assessments) {
		t.Fatalf("twice: %d activities, %d controls, %d assessments; once: %d, %d, %d", len(twice.Activities), len(twice.Controls), len(twice.Assessments),
			len(once.Activities), len(once.Controls), len(once.Assessments))
	}
	if twice.Summary.Risks != once.Summary.Risks || twice.Summary.Gaps != once.Summary.Gaps {
		t.Errorf("summary twice %+v, once %+v", twice.Summary, once.Summary)
	}
	for _, a := range twice.Activities {
		if len(a.AlsoIn) != 1 || a.AlsoIn[0] != "again.json" || a.Document != first.Name {
			t.Errorf("%s: document %s, also in %v", a.Address, a.Document, a.AlsoIn)
		}
	}
	if n := len(twice.Documents); n != 2 {
		t.Errorf("%d documents, want 2", n)
	}
}

// A use stage names the countries where the PII is used, as storage does.
func TestReadStageCountries(t *testing.T) {
	doc, err := tfplan.Read("state.json", []byte(`{"format_version":"1.0","values":{"root_module":{"resources":[
{"address":"pii_processing_activity.support","mode":"managed","type":"pii_processing_activity","name":"support","values":{
 "id":"support-1","name":"Support","storage":{"countries":["DE"],"systems":[]},"use":{"countries":["IN"],"systems":[]}}}]}}}`))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Read([]*tfplan.Document{doc}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := activityNamed(t, p, "Support")
	if got := Join(a.Storage.Countries, ","); got != "DE" {
		t.Errorf("storage countries %q", got)
	}
	if a.Use == nil || Join(a.Use.Countries, ",") != "IN" {
		t.Errorf("use stage %+v, want the countries IN", a.Use)
	}
}
