package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"maps"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
	"github.com/privacycode/terraform-provider-pii/internal/verification"
)

// oscalSchemaFile is NIST's OSCAL 1.1.3 complete JSON schema (draft-07),
// copied as it is: tests never read anything outside the module.
const oscalSchemaFile = "testdata/oscal/oscal_complete_schema-1.1.3.json"

var oscalFormats = []string{"oscal-ssp", "oscal-ar"}

var (
	schemaOnce sync.Once
	schema     *jsonschema.Schema
	schemaErr  error
)

// oscalSchema compiles the schema once. It is added as a resource under
// its own $id, so nothing is fetched from the network (the compiler's
// default loader reads files only, and the draft-07 meta-schema is built
// into the validator). Formats (date-time, uri, uri-reference, email) are
// asserted, not only the patterns. Every pattern of the schema compiles
// with Go's regexp package (\p{L} and \p{N} included; it has no
// lookaround), so the schema is used unchanged.
func oscalSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	schemaOnce.Do(func() {
		f, err := os.Open(oscalSchemaFile)
		if err != nil {
			schemaErr = err
			return
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			schemaErr = err
			return
		}
		id, _ := doc.(map[string]any)["$id"].(string)
		if id == "" {
			schemaErr = errors.New("the schema has no $id")
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if schemaErr = c.AddResource(id, doc); schemaErr != nil {
			return
		}
		schema, schemaErr = c.Compile(id)
	})
	if schemaErr != nil {
		t.Fatalf("the OSCAL schema does not compile: %v", schemaErr)
	}
	return schema
}

// validateOSCAL checks a document against the OSCAL schema and returns it
// decoded.
func validateOSCAL(t *testing.T, name, doc string) map[string]any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
	if err != nil {
		t.Fatalf("%s is not JSON: %v", name, err)
	}
	if err := oscalSchema(t).Validate(v); err != nil {
		t.Fatalf("%s is not valid OSCAL %s:\n%v", name, OSCALVersion, err)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(doc), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestOSCALSchemaRejects: the validator does reject what OSCAL does not
// allow, so that a pass means something.
func TestOSCALSchemaRejects(t *testing.T) {
	valid := render(t, "oscal-ssp", readPosture(t, "testdata/complete-plan.json"), goldenOptions)
	for name, edit := range map[string]func(string) string{
		"uuid v1": func(s string) string {
			return regexp.MustCompile(`"uuid": "[0-9a-f]{8}-[0-9a-f]{4}-5`).ReplaceAllStringFunc(s, func(m string) string { return m[:len(m)-1] + "1" })
		},
		"control id with a colon": func(s string) string {
			return strings.Replace(s, `"control-id": "iso29151-9.1.1"`, `"control-id": "iso29151:9.1.1"`, 1)
		},
		"date without a zone": func(s string) string {
			return regexp.MustCompile(`"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)Z"`).ReplaceAllString(s, `"$1"`)
		},
		"prop value with a line break": func(s string) string {
			return strings.Replace(s, `"value": "implemented"`, `"value": "imple\nmented"`, 1)
		},
		"unknown implementation field": func(s string) string {
			return strings.Replace(s, `"control-id":`, `"control_id": "x", "control-id":`, 1)
		},
		"empty array": func(s string) string {
			return strings.Replace(s, `"by-components": [`, `"props": [], "by-components": [`, 1)
		},
	} {
		t.Run(name, func(t *testing.T) {
			bad := edit(valid)
			if bad == valid {
				t.Fatal("the edit changed nothing")
			}
			v, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
			if err != nil {
				t.Fatal(err)
			}
			if oscalSchema(t).Validate(v) == nil {
				t.Error("the schema accepts it")
			}
		})
	}
}

// oscalCases are the postures every OSCAL test renders.
func oscalCases(t *testing.T) map[string]struct {
	p   *posture.Posture
	opt Options
} {
	withCheck := goldenOptions
	withCheck.Check = checkReport()
	emptyDoc, err := tfplan.Read("empty.json", []byte(`{"format_version":"1.0"}`))
	if err != nil {
		t.Fatal(err)
	}
	empty, err := posture.Read([]*tfplan.Document{emptyDoc}, posture.Options{})
	if err != nil {
		t.Fatal(err)
	}
	emptyCheck := goldenOptions
	emptyCheck.Check = &results.Report{}
	complete := readPosture(t, "testdata/complete-plan.json")
	return map[string]struct {
		p   *posture.Posture
		opt Options
	}{
		"complete":                {complete, goldenOptions},
		"complete with check":     {complete, withCheck},
		"complete without a date": {complete, Options{}},
		"empty":                   {empty, goldenOptions},
		"empty with check":        {empty, emptyCheck},
		"unknown and sensitive":   {readPosture(t, "../posture/testdata/unknown-sensitive-plan.json"), goldenOptions},
		"hostile text":            {hostilePosture(t), Options{Title: "<script>alert(1)</script>\n report", Generated: "2026-11-28"}},
		"synthetic":               {syntheticPosture(t, 20, 4), goldenOptions},
	}
}

// TestOSCALValid validates both documents of every case against NIST's
// OSCAL 1.1.3 complete schema.
func TestOSCALValid(t *testing.T) {
	for name, c := range oscalCases(t) {
		for _, format := range oscalFormats {
			t.Run(name+"/"+format, func(t *testing.T) {
				got := render(t, format, c.p, c.opt)
				validateOSCAL(t, format, got)
				if strings.Contains(got, "Nightingale") {
					t.Error("a sensitive value is in the document")
				}
				if name != "hostile text" && (strings.Contains(got, "http://") || strings.Contains(got, "https://")) {
					t.Error("the document names a network location")
				}
			})
		}
	}
}

// TestOSCALDeterministic: two runs on the same input give the same bytes,
// from postures read anew.
func TestOSCALDeterministic(t *testing.T) {
	opt := goldenOptions
	opt.Check = checkReport()
	for _, format := range oscalFormats {
		a := render(t, format, readPosture(t, "testdata/complete-plan.json"), opt)
		opt.Check = checkReport()
		b := render(t, format, readPosture(t, "testdata/complete-plan.json"), opt)
		if a != b {
			t.Errorf("%s: two runs differ:\n%s", format, firstDiff(a, b))
		}
	}
}

// uuidV5Pattern is a version 5, RFC 9562 variant UUID in lower case.
var uuidV5Pattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// walk calls f on every key and value of a decoded JSON document.
func walk(v any, f func(key string, v any)) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			f(k, x)
			walk(x, f)
		}
	case []any:
		for _, x := range v {
			walk(x, f)
		}
	}
}

func asString(v any) string {
	s, _ := v.(string)
	return s
}

// at follows a path of object keys (strings) and array indexes (ints)
// through a decoded JSON document; nil when the path leads nowhere.
func jsonAt(v any, path ...any) any {
	for _, step := range path {
		switch step := step.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[step]
		case int:
			l, _ := v.([]any)
			if step < 0 || step >= len(l) {
				return nil
			}
			v = l[step]
		}
	}
	return v
}

func jsonList(v any, path ...any) []any {
	l, _ := jsonAt(v, path...).([]any)
	return l
}

func jsonText(v any, path ...any) string { return asString(jsonAt(v, path...)) }

// TestOSCALUUIDs: every item has its own UUID, a valid v5; every
// reference (party-uuids, component-uuid, actor-uuid, "#uuid" links)
// names an item of the document; the assessment results' mitigating
// factors name the security plan's implemented requirements.
func TestOSCALUUIDs(t *testing.T) {
	opt := goldenOptions
	opt.Check = checkReport()
	p := readPosture(t, "testdata/complete-plan.json")
	defined := map[string]map[string]bool{}
	for _, format := range oscalFormats {
		ids := checkOSCALRefs(t, format, validateOSCAL(t, format, render(t, format, p, opt)))
		if len(ids) < 50 {
			t.Errorf("%s: only %d UUIDs", format, len(ids))
		}
		defined[format] = ids
	}
	n := 0
	walk(func() any {
		return validateOSCAL(t, "oscal-ar", render(t, "oscal-ar", p, opt))
	}(), func(key string, v any) {
		if key == "implementation-uuid" {
			n++
			if !defined["oscal-ssp"][asString(v)] {
				t.Errorf("the mitigating factor's implementation %s is not an item of the security plan", v)
			}
		}
	})
	if n == 0 {
		t.Error("no mitigating factor names an implemented requirement")
	}
	// Parties are the same in both documents.
	ssp, ar := render(t, "oscal-ssp", p, opt), render(t, "oscal-ar", p, opt)
	want := `"uuid": "` + uuidV5(uuidNamespace, "party/Data protection officer") + `"`
	if !strings.Contains(ssp, want) || !strings.Contains(ar, want) {
		t.Error("the party Data protection officer has different UUIDs in the two documents")
	}
}

func TestUUIDv5(t *testing.T) {
	// RFC 9562 namespace ID for ISO OIDs, checked against another
	// implementation.
	oid := [16]byte{0x6b, 0xa7, 0xb8, 0x12, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	if got := uuidV5(oid, "1.3.6.1.4.1.343"); got != "6aab0456-7392-582a-b92a-ba5a7096945d" {
		t.Errorf("uuidV5 = %s", got)
	}
	if got := uuidV5(uuidNamespace, "party/Security team"); got != "ebde30e7-2496-52e0-ad63-de1ab2cdb31d" {
		t.Errorf("the namespace changed: %s", got)
	}
	g := newUUIDs()
	a, b, c := g.make("x", "y"), g.make("x", "y"), g.make("x", "z")
	if a == b || a == c || b == c {
		t.Errorf("a name met twice shares a UUID: %s %s %s", a, b, c)
	}
	if b != uuidV5(uuidNamespace, "x/y#2") {
		t.Errorf("the second x/y is %s", b)
	}
}

func TestControlToken(t *testing.T) {
	token := regexp.MustCompile(`^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$`) // the schema's TokenDatatype
	for in, want := range map[string]string{
		"iso29151:10.1.1":       "iso29151-10.1.1",
		"iso27701:A.7.2.1":      "iso27701-a.7.2.1",
		"iso29151@2025:9.1.1":   "iso29151_2025-9.1.1",
		"27001:5.1":             "_27001-5.1",
		"acme:CTRL 1/a":         "acme-ctrl_1_a",
		"個人:1.1":                "個人-1.1",
		"unknown.pii_control.x": "unknown.pii_control.x",
		"":                      "_",
	} {
		got := controlToken(in)
		if got != want {
			t.Errorf("controlToken(%q) = %q, want %q", in, got, want)
		}
		if !token.MatchString(got) {
			t.Errorf("controlToken(%q) = %q is not a token", in, got)
		}
	}
}

func TestEvidenceHref(t *testing.T) {
	for in, want := range map[string]bool{
		"file:///srv/evidence/restore-test.pdf": true,
		"s3://evidence/2025-q3/review.pdf":      true,
		"urn:isbn:9780000000000":                true,
		"ISMS-POL-09 Access control policy":     false,
		"aws_iam_policy.pii_readers":            false,
		"iso29151:9.1.1":                        false,
		"arn:aws:s3:::evidence":                 false,
		"Note: see the wiki":                    false,
		"":                                      false,
	} {
		if _, got := evidenceHref(in); got != want {
			t.Errorf("evidenceHref(%q) = %v, want %v", in, got, want)
		}
	}
	for in, want := range map[string]bool{
		"aws_iam_policy.pii_readers": true, `module.a["x"].aws_s3_bucket.b[0]`: true, "data.aws_iam_policy_document.read": true,
		"aws_db_instance.orders (storage_encrypted)": false, "ISMS-POL-09": false, "v1.2": false,
		"storage:aws_s3_bucket.grafana_backups": true, "iso29151:9.1.1": false, "arn:aws:s3:::evidence": false, "shop:ISMS-POL-09": false,
	} {
		if got := isResourceAddress(in); got != want {
			t.Errorf("isResourceAddress(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestOSCALEvidence: URL evidence is a link, other evidence a back-matter
// resource that every control naming it shares, and evidence held as a
// marker is a remark.
func TestOSCALEvidence(t *testing.T) {
	p := readPosture(t, "testdata/complete-plan.json")
	p.Controls[0].Evidence = append(slices.Clone(p.Controls[0].Evidence), posture.Text("file:///srv/evidence/access-review.pdf"), posture.SensitiveValue())
	p.Controls[1].Evidence = append(slices.Clone(p.Controls[1].Evidence), posture.Text("ISMS-POL-09 Access control policy"))
	doc := validateOSCAL(t, "oscal-ssp", render(t, "oscal-ssp", p, goldenOptions))
	ssp := jsonAt(doc, "system-security-plan")
	reqs := jsonList(ssp, "control-implementation", "implemented-requirements")
	links := func(i int) []string {
		var out []string
		for _, l := range jsonList(reqs[i], "links") {
			out = append(out, jsonText(l, "href"))
		}
		return out
	}
	first, second := links(0), links(1)
	if !slices.Contains(first, "file:///srv/evidence/access-review.pdf") {
		t.Errorf("the URL is not a link: %v", first)
	}
	if first[0] != second[len(second)-1] || !strings.HasPrefix(first[0], "#") {
		t.Errorf("the same evidence is not one resource: %v, %v", first, second)
	}
	if r := jsonText(reqs[0], "remarks"); !strings.Contains(r, "An evidence item is (sensitive) and not shown.") {
		t.Errorf("remarks = %q", r)
	}
	var titles []string
	for _, r := range jsonList(ssp, "back-matter", "resources") {
		titles = append(titles, jsonText(r, "title"))
	}
	if n := strings.Count(strings.Join(titles, "\n"), "ISMS-POL-09 Access control policy"); n != 1 {
		t.Errorf("the evidence is %d resources", n)
	}
}

// TestOSCALTime: the plans' timestamp dates the documents; without one,
// Options.Generated does; with neither, there is an error.
func TestOSCALTime(t *testing.T) {
	doc := func(name, ts string) posture.Document { return posture.Document{Name: name, Timestamp: ts} }
	tests := []struct {
		name      string
		docs      []posture.Document
		generated string
		want      string
	}{
		{"plan", []posture.Document{doc("a", "2026-11-28T21:02:08Z")}, "2030-01-01", "2026-11-28T21:02:08Z"},
		{"the latest plan", []posture.Document{doc("a", "2026-11-28T21:02:08Z"), doc("b", "2026-11-29T01:00:00+02:00"), doc("c", "")}, "", "2026-11-28T23:00:00Z"},
		{"fractions", []posture.Document{doc("a", "2026-11-28T21:02:08.25Z")}, "", "2026-11-28T21:02:08.25Z"},
		{"state, a date", []posture.Document{doc("a", "")}, "2026-11-28", "2026-11-28T00:00:00Z"},
		{"state, a time", []posture.Document{doc("a", "")}, "2026-11-28T10:00:00+01:00", "2026-11-28T09:00:00Z"},
		{"a timestamp that is not one", []posture.Document{doc("a", "yesterday")}, "2026-11-28", "2026-11-28T00:00:00Z"},
		{"state without a time", []posture.Document{doc("a", "")}, "", ""},
		{"a time that is not one", nil, "soon", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := oscalTime(&posture.Posture{Documents: tt.docs}, Options{Generated: tt.generated})
			if tt.want == "" {
				if err == nil {
					t.Errorf("oscalTime = %q, want an error", got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("oscalTime = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	// Write fails, and writes nothing.
	var b bytes.Buffer
	p := &posture.Posture{Documents: []posture.Document{doc("state.json", "")}}
	if err := Write(&b, "oscal-ar", p, Options{}); err == nil || !strings.Contains(err.Error(), "needs a time") || b.Len() != 0 {
		t.Errorf("Write = %v, %d bytes", err, b.Len())
	}
	if _, ok := DocumentTime(&posture.Posture{Documents: []posture.Document{doc("a", "2026-11-28T21:02:08Z")}}); !ok {
		t.Error("DocumentTime finds no time")
	}
	if !UsesTime("oscal-ssp") || !UsesTime("oscal-ar") || UsesTime("json") {
		t.Error("UsesTime")
	}
}

// TestOSCALSSP checks what the security plan says of the complete
// example.
func TestOSCALSSP(t *testing.T) {
	p := readPosture(t, "testdata/complete-plan.json")
	doc := validateOSCAL(t, "oscal-ssp", render(t, "oscal-ssp", p, goldenOptions))
	ssp := jsonAt(doc, "system-security-plan")
	reqs := jsonList(ssp, "control-implementation", "implemented-requirements")
	if len(reqs) != len(p.Controls) {
		t.Fatalf("%d implemented requirements for %d pii_control resources", len(reqs), len(p.Controls))
	}
	states := map[string]int{}
	for i, r := range reqs {
		c := p.Controls[i]
		if want := controlToken(c.ID.String()); jsonText(r, "control-id") != want {
			t.Errorf("requirement %d: control-id %s, want %s", i, jsonText(r, "control-id"), want)
		}
		props := map[string]string{}
		for _, pr := range jsonList(r, "props") {
			props[jsonText(pr, "name")] = jsonText(pr, "value")
		}
		if props["control-id"] != c.ID.String() {
			t.Errorf("%s: the original id is not kept: %v", c.Address, props)
		}
		states[props["implementation-status"]]++
		if got := jsonText(r, "statements", 0, "statement-id"); got != jsonText(r, "control-id")+"_smt" {
			t.Errorf("%s: statement-id %s", c.Address, got)
		}
		desc := jsonText(r, "statements", 0, "by-components", 0, "description")
		switch {
		case c.Status.Is("not_applicable"):
			if !strings.HasPrefix(desc, "Not applicable: ") || !strings.Contains(desc, c.Justification.String()) {
				t.Errorf("%s: description %q", c.Address, desc)
			}
		case c.Implementation.IsKnown():
			if !strings.Contains(desc, c.Implementation.String()) {
				t.Errorf("%s: description %q", c.Address, desc)
			}
		}
		role := jsonAt(r, "responsible-roles", 0)
		if jsonText(role, "role-id") != "control-owner" || len(jsonList(role, "party-uuids")) != 1 {
			t.Errorf("%s: responsible role %v", c.Address, role)
		}
	}
	for _, s := range []string{"implemented", "not-applicable"} {
		if states[s] == 0 {
			t.Errorf("no requirement is %s: %v", s, states)
		}
	}
	info := jsonAt(ssp, "system-characteristics")
	if n := len(jsonList(info, "system-information", "information-types")); n != len(p.Activities) {
		t.Errorf("%d information types for %d activities", n, len(p.Activities))
	}
	if got := jsonText(info, "security-sensitivity-level"); got != "fips-199-high" {
		t.Errorf("security-sensitivity-level = %s", got)
	}
	if !strings.HasPrefix(jsonText(ssp, "import-profile", "href"), "#") {
		t.Error("the import-profile is not a back-matter resource")
	}
}

// TestOSCALAR checks the risks and findings of the complete example.
func TestOSCALAR(t *testing.T) {
	p := readPosture(t, "testdata/complete-plan.json")
	opt := goldenOptions
	opt.Check = checkReport()
	doc := validateOSCAL(t, "oscal-ar", render(t, "oscal-ar", p, opt))
	result := jsonAt(doc, "assessment-results", "results", 0)
	if got, want := jsonText(result, "start"), planTimestamp(t, "testdata/complete-plan.json"); got != want {
		t.Errorf("start = %s, want the plan's timestamp %s", got, want)
	}
	risks := jsonList(result, "risks")
	if len(risks) != p.Summary.Risks {
		t.Errorf("%d risks, want %d", len(risks), p.Summary.Risks)
	}
	statuses := map[string]int{}
	for _, r := range risks {
		statuses[jsonText(r, "status")]++
		var adjustments []string
		for _, ch := range jsonList(r, "characterizations") {
			adjustments = append(adjustments, jsonText(ch, "props", 0, "value"))
			var names []string
			for _, f := range jsonList(ch, "facets") {
				names = append(names, jsonText(f, "name"))
			}
			if strings.Join(names, ",") != "likelihood,impact,score,level" {
				t.Errorf("%s: facets %v", jsonText(r, "title"), names)
			}
		}
		want := "initial,adjusted"
		if jsonText(r, "status") == "closed" && strings.Contains(jsonText(r, "statement"), "Avoided") {
			want = "initial"
		}
		if strings.Join(adjustments, ",") != want {
			t.Errorf("%s: characterizations %v, want %s", jsonText(r, "title"), adjustments, want)
		}
	}
	if statuses["closed"] == 0 || statuses["deviation-approved"] != 1 {
		t.Errorf("statuses %v", statuses)
	}
	findings := jsonList(result, "findings")
	if len(findings) != len(opt.Check.Results) {
		t.Fatalf("%d findings for %d results", len(findings), len(opt.Check.Results))
	}
	got := map[string]string{}
	for _, f := range findings {
		got[jsonText(f, "title")] = jsonText(f, "target", "type") + " " + jsonText(f, "target", "target-id") + " " + jsonText(f, "target", "status", "state")
	}
	for title, want := range map[string]string{
		"transfer_safeguards: fail on pii_processing_activity.marketing":       "statement-id iso27701-a.7.5.1_smt not-satisfied",
		"control_review_current: unknown on pii_processing_activity.marketing": "statement-id iso29151-18.2.1_smt not-satisfied",
		"control_review_current: pass on pii_control.transfer_records":         "statement-id iso29151-18.2.1_smt satisfied",
		"transfer_safeguards: not_applicable on pii_control.transfer_records":  "statement-id iso27701-a.7.5.1_smt satisfied",
	} {
		if got[title] != want {
			t.Errorf("%s: %q, want %q", title, got[title], want)
		}
	}
	ar := render(t, "oscal-ar", p, opt)
	for _, want := range []string{`transfer impact assessment \u003cTIA\u003e`, `"name": "blocking",`, `"value": "mandatory"`} {
		if !strings.Contains(ar, want) {
			t.Errorf("the assessment results lack %s", want)
		}
	}
	// Without --with-check, no finding.
	if noCheck := render(t, "oscal-ar", p, goldenOptions); strings.Contains(noCheck, `"findings"`) {
		t.Error("findings without a check")
	}
}

func TestRiskStatus(t *testing.T) {
	planned := []posture.RiskControl{{ID: posture.Text("iso29151:9.1.1"), Status: posture.Text("planned")}}
	for _, tt := range []struct {
		coverage posture.Value
		controls []posture.RiskControl
		want     string
	}{
		{posture.Text("covered"), nil, "closed"},
		{posture.Text("avoided"), nil, "closed"},
		{posture.Text("transferred"), nil, "closed"},
		{posture.Text("accepted"), nil, "deviation-approved"},
		{posture.Text("uncovered"), nil, "open"},
		{posture.Text("partially_covered"), nil, "open"},
		{posture.Text("uncovered"), planned, "remediating"},
		{posture.Text("partially_covered"), planned, "remediating"},
		{posture.UnknownValue(), nil, "investigating"},
		{posture.Value{}, nil, "investigating"},
	} {
		if got := riskStatus(&posture.Risk{Coverage: tt.coverage, Controls: tt.controls}); got != tt.want {
			t.Errorf("riskStatus(%s, %d planned) = %s, want %s", tt.coverage, len(tt.controls), got, tt.want)
		}
	}
}

// TestOSCALEmpty: a posture without pii_* resources gives valid documents
// that say so, with one placeholder where OSCAL requires an item.
func TestOSCALEmpty(t *testing.T) {
	c := oscalCases(t)["empty"]
	ssp := render(t, "oscal-ssp", c.p, c.opt)
	for _, want := range []string{EmptyNote, `"control-id": "no-control-declared"`, `"name": "placeholder"`, `"last-modified": "2026-11-28T00:00:00Z"`} {
		if !strings.Contains(ssp, want) {
			t.Errorf("the security plan lacks %s", want)
		}
	}
	ar := render(t, "oscal-ar", c.p, c.opt)
	for _, want := range []string{EmptyNote, "No control is selected for an assessed risk, and no policy names one."} {
		if !strings.Contains(ar, want) {
			t.Errorf("the assessment results lack %s", want)
		}
	}
}

// TestOSCALEscaping: hostile names, purposes and evidence stay text in the
// JSON, whole; text that must be an OSCAL string (a prop value, a party's
// name) loses its line breaks and surrounding spaces only.
func TestOSCALEscaping(t *testing.T) {
	p := hostilePosture(t)
	opt := Options{Title: "<script>alert(1)</script> report", Generated: "2026-11-28"}
	for _, format := range oscalFormats {
		got := render(t, format, p, opt)
		validateOSCAL(t, format, got)
		if strings.Contains(got, "<script") || strings.Contains(got, "<img") {
			t.Errorf("%s: the JSON holds raw markup", format)
		}
	}
	doc := validateOSCAL(t, "oscal-ssp", render(t, "oscal-ssp", p, opt))
	ssp := jsonAt(doc, "system-security-plan")
	it := jsonAt(ssp, "system-characteristics", "system-information", "information-types", 0)
	if got := jsonText(it, "title"); got != strings.Join(hostile, " ") {
		t.Errorf("title = %q", got)
	}
	if got := jsonText(it, "description"); !strings.Contains(got, "Purposes: "+strings.Join(hostile, "; ")) {
		t.Errorf("description = %q", got)
	}
	var titles []string
	for _, r := range jsonList(ssp, "back-matter", "resources") {
		titles = append(titles, jsonText(r, "title"))
	}
	for _, h := range hostile {
		if !slices.Contains(titles, h) {
			t.Errorf("the evidence %q is not a resource of its own: %q", h, titles)
		}
	}
}

// TestOSCALVerified renders both OSCAL documents of the example posture
// checked against the infrastructure whose backup bucket is not encrypted
// with KMS (pii_control.backup_encryption, iso29151:10.1.1, contradicted;
// one risk covered on paper only), and of the fixed infrastructure.
func TestOSCALVerified(t *testing.T) {
	p, opt := verifiedRun(t, storagePlan)
	const bucket = "storage:aws_s3_bucket.grafana_backups"
	docs := map[string]map[string]any{}
	for _, format := range oscalFormats {
		got := render(t, format, p, opt)
		golden(t, "verified-posture."+extensions[format], got)
		docs[format] = validateOSCAL(t, format, got)
		if again := render(t, format, p, opt); again != got {
			t.Errorf("%s: two renderings of the same run differ:\n%s", format, firstDiff(got, again))
		}
		p2, opt2 := verifiedRun(t, storagePlan)
		if anew := render(t, format, p2, opt2); anew != got {
			t.Errorf("%s: two runs differ:\n%s", format, firstDiff(got, anew))
		}
		if strings.Contains(got, "http://") || strings.Contains(got, "https://") {
			t.Errorf("%s: the document names a network location", format)
		}
		checkOSCALRefs(t, format, docs[format])
	}

	// The security plan: the verification-status prop and the links.
	ssp := jsonAt(docs["oscal-ssp"], "system-security-plan")
	resources := map[string]any{} // back-matter resources by "#uuid"
	for _, r := range jsonList(ssp, "back-matter", "resources") {
		resources["#"+jsonText(r, "uuid")] = r
	}
	statuses := map[string]string{}
	var contradicted any
	for _, r := range jsonList(ssp, "control-implementation", "implemented-requirements") {
		pr := propMap(r)
		statuses[jsonText(r, "control-id")] = pr["verification-status"]
		if jsonText(r, "control-id") == controlToken("iso29151:10.1.1") {
			contradicted = r
		}
	}
	if want := map[string]string{"iso29151-10.1.1": "contradicted", "iso29151-12.1.1": "unverified"}; !maps.Equal(statuses, want) {
		t.Errorf("verification-status by control: %v, want %v", statuses, want)
	}
	if contradicted == nil {
		t.Fatal("no implemented requirement for iso29151:10.1.1")
	}
	found := false
	for _, l := range jsonList(contradicted, "links") {
		if jsonText(l, "rel") != relContradictedBy {
			continue
		}
		r := resources[jsonText(l, "href")]
		if jsonText(r, "title") != bucket || jsonText(r, "rlinks", 0, "href") != resourceURN(bucket) {
			t.Errorf("the contradicted-by link %v leads to %v", l, r)
		}
		if !strings.Contains(jsonText(l, "text"), "aws_s3_bucket_pii_kms_encryption: fail") {
			t.Errorf("link text %q", jsonText(l, "text"))
		}
		found = true
	}
	if !found {
		t.Errorf("iso29151:10.1.1 has no contradicted-by link to %s: %v", bucket, jsonList(contradicted, "links"))
	}
	if r := jsonText(contradicted, "remarks"); !strings.Contains(r, "Checked against the infrastructure: contradicted (fails: aws_s3_bucket_pii_kms_encryption on "+bucket+").") {
		t.Errorf("remarks = %q", r)
	}
	stmt := jsonText(contradicted, "statements", 0, "uuid")

	// The assessment results: observations, the finding, the adjusted
	// characterization.
	result := jsonAt(docs["oscal-ar"], "assessment-results", "results", 0)
	observations := map[string]any{}
	for _, o := range jsonList(result, "observations") {
		observations[jsonText(o, "uuid")] = o
	}
	var test any
	for _, o := range observations {
		if propMap(o)["policy"] == "aws_s3_bucket_pii_kms_encryption" {
			test = o
		}
	}
	if jsonText(test, "methods", 0) != "TEST" || !slices.Contains(jsonList(test, "types"), any("finding")) ||
		jsonText(test, "subjects", 0, "title") != bucket || jsonText(test, "subjects", 0, "type") != "resource" {
		t.Errorf("the observation of the failing policy: %v", test)
	}
	var findings []any
	for _, f := range jsonList(result, "findings") {
		if propMap(f)["verification-status"] == verification.Contradicted {
			findings = append(findings, f)
		}
	}
	if len(findings) != 1 {
		t.Fatalf("%d findings of contradicted controls, want 1", len(findings))
	}
	f := findings[0]
	if got := jsonText(f, "target", "type") + " " + jsonText(f, "target", "target-id") + " " + jsonText(f, "target", "status", "state"); got != "statement-id iso29151-10.1.1_smt not-satisfied" {
		t.Errorf("the finding's target: %s", got)
	}
	if jsonText(f, "implementation-statement-uuid") != stmt {
		t.Errorf("the finding's statement %s is not the security plan's %s", jsonText(f, "implementation-statement-uuid"), stmt)
	}
	related := jsonList(f, "related-observations")
	if len(related) == 0 {
		t.Error("the finding relates no observation")
	}
	for _, r := range related {
		o := observations[jsonText(r, "observation-uuid")]
		if o == nil || !slices.Contains(jsonList(o, "types"), any("finding")) {
			t.Errorf("the related observation %v is not one that contradicts", r)
		}
	}
	if len(jsonList(f, "related-risks")) != 1 {
		t.Errorf("related risks: %v", jsonList(f, "related-risks"))
	}
	risks := map[string]any{}
	for _, r := range jsonList(result, "risks") {
		risks[jsonText(r, "title")] = r
	}
	paper := risks["backups_read_by_outsiders"]
	adjusted := adjustedFacets(t, paper)
	if adjusted["level"] != "high" || adjusted["likelihood"] != "significant" || adjusted["impact"] != "significant" || adjusted["score"] != "9" {
		t.Errorf("the adjusted facets of the risk covered on paper only: %v", adjusted)
	}
	if pr := propMap(adjustedCharacterization(paper)); pr["residual-basis"] != "verified" || pr["declared-residual-level"] != "medium" {
		t.Errorf("the adjusted characterization's props: %v", pr)
	}
	if pr := propMap(paper); pr["covered-on-paper-only"] != "true" || pr["coverage"] != "covered" || pr["verified-coverage"] != "uncovered" {
		t.Errorf("the risk's props: %v", pr)
	}
	if got := jsonText(paper, "status"); got != "open" {
		t.Errorf("the risk covered on paper only is %s, want open", got)
	}
	if jsonText(f, "related-risks", 0, "risk-uuid") != jsonText(paper, "uuid") {
		t.Error("the finding does not relate the risk covered on paper only")
	}
	if got := adjustedFacets(t, risks["accounts_kept_after_leaving"])["level"]; got != "low" {
		t.Errorf("the unchanged risk's adjusted level is %s", got)
	}

	// Fixed: verified, no finding of a contradicted control, the declared
	// residual stands.
	fp, fopt := verifiedRun(t, storageFixedPlan)
	fixedSSP := render(t, "oscal-ssp", fp, fopt)
	fixedAR := render(t, "oscal-ar", fp, fopt)
	golden(t, "verified-posture-fixed.ar.json", fixedAR)
	for name, got := range map[string]string{"oscal-ssp": fixedSSP, "oscal-ar": fixedAR} {
		checkOSCALRefs(t, name, validateOSCAL(t, name, got))
		if strings.Contains(got, `"value": "contradicted"`) || strings.Contains(got, `"rel": "contradicted-by"`) {
			t.Errorf("the fixed %s says a control is contradicted", name)
		}
	}
	fixed := jsonAt(validateOSCAL(t, "oscal-ssp", fixedSSP), "system-security-plan")
	for _, r := range jsonList(fixed, "control-implementation", "implemented-requirements") {
		if jsonText(r, "control-id") != "iso29151-10.1.1" {
			continue
		}
		if got := propMap(r)["verification-status"]; got != verification.Verified {
			t.Errorf("fixed: iso29151:10.1.1 is %q", got)
		}
		rels := map[string]int{}
		for _, l := range jsonList(r, "links") {
			rels[jsonText(l, "rel")]++
		}
		if rels[relVerifiedBy] != 1 {
			t.Errorf("fixed: links %v", rels)
		}
	}
	fixedResult := jsonAt(validateOSCAL(t, "oscal-ar", fixedAR), "assessment-results", "results", 0)
	for _, f := range jsonList(fixedResult, "findings") {
		pr := propMap(f)
		if pr["verification-status"] != "" || (pr["policy"] == verification.PolicyControl && jsonText(f, "target", "status", "state") != "satisfied") {
			t.Errorf("fixed: finding %s", jsonText(f, "title"))
		}
	}
	for _, r := range jsonList(fixedResult, "risks") {
		if jsonText(r, "title") == "backups_read_by_outsiders" {
			if got := adjustedFacets(t, r)["level"]; got != "medium" {
				t.Errorf("fixed: the adjusted level is %s, want the declared medium", got)
			}
			if got := jsonText(r, "status"); got != "closed" {
				t.Errorf("fixed: the risk is %s", got)
			}
		}
	}

	// Without the verification, nothing of it.
	plain := opt
	plain.Verification = nil
	for _, format := range oscalFormats {
		got := render(t, format, p, plain)
		for _, s := range []string{"verification-status", "verified-by", "contradicted-by", `"observations"`, "residual-basis", resourceURNPrefix} {
			if strings.Contains(got, s) {
				t.Errorf("%s without a verification has %s", format, s)
			}
		}
	}
}

// propMap is the props of an OSCAL object by name (the last of a name).
func propMap(v any) map[string]string {
	out := map[string]string{}
	for _, pr := range jsonList(v, "props") {
		out[jsonText(pr, "name")] = jsonText(pr, "value")
	}
	return out
}

func adjustedCharacterization(r any) any {
	for _, ch := range jsonList(r, "characterizations") {
		if propMap(ch)[riskAdjustmentProp] == riskAdjusted {
			return ch
		}
	}
	return nil
}

// adjustedFacets are the facets of a risk's adjusted characterization.
func adjustedFacets(t *testing.T, r any) map[string]string {
	t.Helper()
	ch := adjustedCharacterization(r)
	if ch == nil {
		t.Errorf("%s has no adjusted characterization", jsonText(r, "title"))
	}
	out := map[string]string{}
	for _, f := range jsonList(ch, "facets") {
		out[jsonText(f, "name")] = jsonText(f, "value")
	}
	return out
}

// checkOSCALRefs: every UUID is a v5 and unique; every reference
// (party-uuids, component-uuid, actor-uuid, subject-uuid,
// observation-uuid, risk-uuid, "#uuid" links) names an item of the
// document. It returns the UUIDs.
func checkOSCALRefs(t *testing.T, name string, doc map[string]any) map[string]bool {
	t.Helper()
	ids := map[string]bool{}
	var refs []string
	walk(doc, func(key string, v any) {
		switch key {
		case "uuid":
			s := asString(v)
			if !uuidV5Pattern.MatchString(s) {
				t.Errorf("%s: %q is not a version 5 UUID", name, s)
			}
			if ids[s] {
				t.Errorf("%s: two items share the UUID %s", name, s)
			}
			ids[s] = true
		case "party-uuids":
			list, ok := v.([]any)
			if !ok {
				t.Errorf("%s: party-uuids is %T, not a list", name, v)
			}
			for _, x := range list {
				refs = append(refs, asString(x))
			}
		case "component-uuid", "actor-uuid", "subject-uuid", "observation-uuid", "risk-uuid":
			refs = append(refs, asString(v))
		case "href":
			if s := asString(v); strings.HasPrefix(s, "#") {
				refs = append(refs, s[1:])
			}
		}
	})
	for _, r := range refs {
		if !ids[r] {
			t.Errorf("%s: %s is referred to but not defined", name, r)
		}
	}
	return ids
}

func TestResourceURN(t *testing.T) {
	for in, want := range map[string]string{
		"storage:aws_s3_bucket.grafana_backups":     "urn:privacycode:pii:resource:storage:aws_s3_bucket.grafana_backups",
		`shop:module.a["eu west"].aws_kms_key.k[0]`: "urn:privacycode:pii:resource:shop:module.a%5B%22eu%20west%22%5D.aws_kms_key.k%5B0%5D",
		`s:aws_s3_bucket.b["ü/?#"]`:                 "urn:privacycode:pii:resource:s:aws_s3_bucket.b%5B%22%C3%BC%2F%3F%23%22%5D",
	} {
		got := resourceURN(in)
		if got != want {
			t.Errorf("resourceURN(%q) = %q, want %q", in, got, want)
		}
		if href, ok := evidenceHref(got); !ok || href != got {
			t.Errorf("evidenceHref(%q) = %q, %v", got, href, ok)
		}
		if u, err := url.Parse(got); err != nil || u.Opaque == "" {
			t.Errorf("%q is not a URN: %v", got, err)
		}
	}
}

// TestOSCALVerifiedEdges: a result known only after apply, evidence
// planned for deletion, missing from its document or found nowhere, an
// instance key that a URN must escape, and a verified residual known only
// after apply still give valid documents that say so.
func TestOSCALVerifiedEdges(t *testing.T) {
	p, opt := verifiedRun(t, storagePlan)
	const keyed = `storage:aws_s3_bucket.b["x y"]`
	vc := opt.Verification.Controls[0]
	vc.Checks = append(vc.Checks, verification.Check{Policy: "aws_s3_bucket_pii_versioning", Resource: keyed, Document: "storage.json", Status: results.Unknown})
	vc.Evidence = append(vc.Evidence,
		verification.Evidence{Entry: "storage:aws_kms_key.gone", State: verification.EvidenceMissing},
		verification.Evidence{Entry: "aws_s3_bucket.old", State: verification.EvidenceDeleted, Resources: []string{"storage:aws_s3_bucket.old"}},
		verification.Evidence{Entry: "aws_iam_role.nowhere", State: verification.EvidenceNotFound})
	var vr *verification.Risk
	for _, r := range opt.Verification.Assessments[0].Risks {
		if r.Name == "accounts_kept_after_leaving" {
			vr = r
		}
	}
	if vr == nil {
		t.Fatal("the posture has no risk accounts_kept_after_leaving")
	}
	vr.VerifiedCoverage, vr.VerifiedResidual, vr.VerifiedLikelihood, vr.VerifiedImpact = verification.Unknown, verification.Unknown, "", ""
	vr.UnknownControls = []string{"iso29151:12.1.1"}

	ssp := validateOSCAL(t, "oscal-ssp", render(t, "oscal-ssp", p, opt))
	checkOSCALRefs(t, "oscal-ssp", ssp)
	req := jsonAt(ssp, "system-security-plan", "control-implementation", "implemented-requirements", 0)
	rels := map[string]string{}
	for _, l := range jsonList(req, "links") {
		if rel := jsonText(l, "rel"); rel != "evidence" {
			rels[strings.SplitN(jsonText(l, "text"), ": ", 2)[0]] = rel
		}
	}
	want := map[string]string{
		"storage:aws_s3_bucket.grafana_backups": relContradictedBy,
		keyed:                                   relCheckedBy,
		"storage:aws_kms_key.gone":              relContradictedBy,
		"storage:aws_s3_bucket.old":             relContradictedBy,
	}
	if !maps.Equal(rels, want) {
		t.Errorf("links by resource: %v, want %v", rels, want)
	}
	var missing string
	for _, r := range jsonList(ssp, "system-security-plan", "back-matter", "resources") {
		switch jsonText(r, "title") {
		case "storage:aws_kms_key.gone":
			missing = jsonText(r, "description")
		case keyed:
			if got := jsonText(r, "rlinks", 0, "href"); got != resourceURN(keyed) || !strings.Contains(got, "%5B%22x%20y%22%5D") {
				t.Errorf("the rlink of %s is %s", keyed, got)
			}
		}
	}
	if !strings.Contains(missing, "does not have") {
		t.Errorf("the missing resource: %q", missing)
	}

	ar := validateOSCAL(t, "oscal-ar", render(t, "oscal-ar", p, opt))
	checkOSCALRefs(t, "oscal-ar", ar)
	result := jsonAt(ar, "assessment-results", "results", 0)
	methods := map[string]int{}
	for _, o := range jsonList(result, "observations") {
		methods[jsonText(o, "methods", 0)]++
	}
	if methods["TEST"] != 2 || methods["EXAMINE"] != 4 {
		t.Errorf("observations by method: %v", methods)
	}
	for _, f := range jsonList(result, "findings") {
		if propMap(f)["verification-status"] == verification.Contradicted {
			if n := len(jsonList(f, "related-observations")); n != 3 {
				t.Errorf("the finding relates %d observations, want 3 (the failing policy, the missing and the deleted evidence)", n)
			}
		}
	}
	for _, r := range jsonList(result, "risks") {
		if jsonText(r, "title") != "accounts_kept_after_leaving" {
			continue
		}
		if got := adjustedFacets(t, r); !maps.Equal(got, map[string]string{"level": posture.UnknownText}) {
			t.Errorf("the adjusted facets of a residual known only after apply: %v", got)
		}
		if got := jsonText(r, "status"); got != "investigating" {
			t.Errorf("status %s", got)
		}
	}
}
