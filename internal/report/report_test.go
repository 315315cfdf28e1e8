package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenOptions fix everything a report may print besides the posture.
var goldenOptions = Options{Version: "1.2.3", Generated: "2026-11-28"}

// extensions are the golden files' extensions by format.
var extensions = map[string]string{"html": "html", "markdown": "md", "csv": "csv", "json": "json", "oscal-ssp": "ssp.json", "oscal-ar": "ar.json"}

func readPosture(t testing.TB, files ...string) *posture.Posture {
	t.Helper()
	return readPostureWith(t, posture.Options{}, files...)
}

// readPostureWith reads the documents as the report command does: with
// their pii provider blocks, which name the organisation.
func readPostureWith(t testing.TB, opt posture.Options, files ...string) *posture.Posture {
	t.Helper()
	var docs []*tfplan.Document
	opt.Providers = map[*tfplan.Document]*tfplan.ProviderBlock{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := tfplan.Read(filepath.Base(f), b)
		if err != nil {
			t.Fatal(err)
		}
		block, err := tfplan.ReadProviderBlock(doc.Name, b, "pii")
		if err != nil {
			t.Fatal(err)
		}
		opt.Providers[doc] = block
		docs = append(docs, doc)
	}
	p, err := posture.Read(docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func render(t testing.TB, format string, p *posture.Posture, opt Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, format, p, opt); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report/ -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the output (run go test ./internal/report/ -update to accept it):\n%s", path, firstDiff(string(want), got))
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return "(same lines, different bytes)"
}

// checkReport is a fixed policy result set: one blocking failure, one
// advisory failure, one unknown and passes.
func checkReport() *results.Report {
	mandatory := &results.Policy{Name: "transfer_safeguards", Controls: []string{"iso27701:A.7.5.1"}, Severity: "high", EnforcementLevel: results.Mandatory, File: "<builtin>/posture/transfers.policy.hcl", Line: 3, ResourceType: "pii_processing_activity"}
	advisory := &results.Policy{Name: "control_review_current", Controls: []string{"iso29151:18.2.1"}, Severity: "low", EnforcementLevel: results.Advisory, File: "<builtin>/posture/controls.policy.hcl", Line: 25, ResourceType: "pii_control"}
	marketing := &results.Resource{Address: "pii_processing_activity.marketing", Type: "pii_processing_activity", Document: "complete-plan.json", Actions: []string{"create"}, Operation: "create", HoldsPII: true}
	records := &results.Resource{Address: "pii_control.transfer_records", Type: "pii_control", Document: "complete-plan.json", Actions: []string{"create"}, Operation: "create"}
	return &results.Report{
		Documents: []string{"complete-plan.json"},
		Policies:  []*results.Policy{advisory, mandatory},
		Results: []results.Result{
			{Policy: mandatory, Resource: marketing, Status: results.Fail, Messages: []string{"pii_processing_activity.marketing transfers PII to US under scc without a transfer impact assessment <TIA>."}},
			{Policy: advisory, Resource: records, Status: results.Fail, Messages: []string{"pii_control.transfer_records has never been reviewed: set last_reviewed."}},
			{Policy: advisory, Resource: marketing, Status: results.Unknown, Messages: []string{"depends on a value known only after apply"}},
			{Policy: mandatory, Resource: records, Status: results.NotApplicable},
			{Policy: advisory, Resource: records, Status: results.Pass},
		},
	}
}

// TestGolden renders the plan of examples/complete in every format.
func TestGolden(t *testing.T) {
	p := readPosture(t, "testdata/complete-plan.json")
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			got := render(t, format, p, goldenOptions)
			golden(t, "complete."+extensions[format], got)
			if again := render(t, format, p, goldenOptions); again != got {
				t.Error("two renderings of the same posture differ")
			}
		})
	}
	withCheck := goldenOptions
	withCheck.Check = checkReport()
	for _, format := range []string{"markdown", "json", "oscal-ar"} {
		t.Run(format+" with check", func(t *testing.T) {
			golden(t, "complete-check."+extensions[format], render(t, format, p, withCheck))
		})
	}
}

// TestGoldenCloudProcessor renders the plan of examples/cloud-processor, a
// cloud processor with ISO/IEC 27018 controls, in every format: its records
// of processing come in two tables, the processor's (GDPR Art. 30(2)) with
// the controllers it acts for and its security measures, and its Statement
// of Applicability covers iso27018 beside the catalogs it declares.
func TestGoldenCloudProcessor(t *testing.T) {
	p := readPosture(t, "testdata/cloud-processor-plan.json")
	want := map[string][]string{
		"html": {
			`<h3 id="ropa-controller-h">As a controller</h3>`, `<caption>Records of processing as a controller: 1 activity</caption>`,
			`<h3 id="ropa-processor-h">As a processor</h3>`, `<caption>Records of processing as a processor: 1 activity</caption>`,
			`<td>Each customer organisation, under the Deskly data processing agreement</td>`,
			`<li>iso27018:A.10.1</li>`, `iso27018:A.12.1`, `Geographical location of PII`,
		},
		"markdown": {
			"### As a controller\n", "### As a processor\n",
			"| Each customer organisation, under the Deskly data processing agreement | Receive, store and route",
			"iso27018:A.10.1<br>", "ISO/IEC 27018:2019",
		},
		"csv":       {`,processor,"Each customer organisation, under the Deskly data processing agreement",`},
		"json":      {`"controllers": [`, `"name": "iso27018"`},
		"oscal-ssp": {`"name": "controller"`, "Processed on behalf of the controllers (GDPR Art. 30(2)(a)): Each customer organisation", `"control-id": "iso27018-a.12.1"`},
	}
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			got := render(t, format, p, goldenOptions)
			golden(t, "cloud-processor."+extensions[format], got)
			for _, w := range want[format] {
				if !strings.Contains(got, w) {
					t.Errorf("the %s report lacks %q", format, w)
				}
			}
			if strings.HasPrefix(format, "oscal") {
				validateOSCAL(t, "cloud-processor."+extensions[format], got)
			}
		})
	}
}

// TestEmpty: documents without pii_* resources give a short report that
// says so, in every format.
func TestEmpty(t *testing.T) {
	doc, err := tfplan.Read("network.json", []byte(`{"format_version":"1.2","terraform_version":"1.11.4","resource_changes":[
		{"address":"aws_vpc.main","mode":"managed","type":"aws_vpc","name":"main","provider_name":"registry.terraform.io/hashicorp/aws",
		 "change":{"actions":["create"],"before":null,"after":{"cidr_block":"10.0.0.0/16"},"after_unknown":{"id":true},"after_sensitive":{}}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	p, err := posture.Read([]*tfplan.Document{doc}, posture.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"html":      "Nothing to report yet",
		"markdown":  "## Nothing to report yet",
		"csv":       "record,activity_id,",
		"json":      `"empty": true`,
		"oscal-ssp": `"control-id": "no-control-declared"`,
		"oscal-ar":  EmptyNote,
	}
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			got := render(t, format, p, goldenOptions)
			golden(t, "empty."+extensions[format], got)
			if !strings.Contains(got, want[format]) {
				t.Errorf("the %s report lacks %q", format, want[format])
			}
			if format == "html" || format == "markdown" {
				if !strings.Contains(got, "network.json declares no processing activity") {
					t.Errorf("the %s report does not say what is missing", format)
				}
				if strings.Contains(got, `id="soa"`) || strings.Contains(got, "## Statement of Applicability") {
					t.Errorf("the %s report of nothing is not short", format)
				}
			}
		})
	}
}

func TestUnknownFormat(t *testing.T) {
	var b bytes.Buffer
	err := Write(&b, "xlsx", &posture.Posture{}, Options{})
	var fe *FormatError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "use one of html, markdown, csv, json, oscal-ssp, oscal-ar") || b.Len() != 0 {
		t.Errorf("Write(xlsx) = %v, wrote %d bytes", err, b.Len())
	}
}

// TestSensitiveNeverRendered renders a plan whose activity description
// and one purpose are marked sensitive, and whose values are partly
// unknown: no format shows the secret, each shows the markers.
func TestSensitiveNeverRendered(t *testing.T) {
	p := readPosture(t, "../posture/testdata/unknown-sensitive-plan.json")
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			got := render(t, format, p, goldenOptions)
			if strings.Contains(got, "Nightingale") {
				t.Errorf("the %s report shows a sensitive value", format)
			}
			markers := []string{posture.SensitiveText, posture.UnknownText}
			if format == "oscal-ar" {
				// The assessment results hold the assessments, and
				// nothing of this plan's assessment is sensitive.
				markers = markers[1:]
			}
			for _, marker := range markers {
				if !strings.Contains(got, marker) {
					t.Errorf("the %s report lacks the marker %s", format, marker)
				}
			}
			if format == "html" || format == "markdown" {
				if !strings.Contains(got, "pii_processing_activity.legacy") && !strings.Contains(got, `pii\_processing\_activity.legacy`) {
					t.Errorf("the %s report does not say which resource the plan deletes", format)
				}
			}
		})
	}
}

// hostile is text that must render as text: markup, quotes, template and
// CDATA syntax, Markdown, a formula, and non-Latin scripts.
var hostile = []string{
	`<script>alert(1)</script>`,
	`"quotes' & ampersands`,
	`]]>`,
	`{{template}}`,
	`| pipes |`,
	`**bold**`,
	`Données personnelles`,
	`個人情報`,
	`ضمان`,
}

func hostilePosture(t *testing.T) *posture.Posture {
	t.Helper()
	name := strings.Join(hostile, " ")
	after := map[string]any{
		"id": "hostile-1", "name": name, "description": name, "owner": "=HYPERLINK(\"http://evil\")",
		"purposes":    hostile,
		"legal_basis": "consent", "pii_categories": []string{"contact.email"}, "principals": []string{"+customer"},
		"retention": "P1Y", "lifecycle_stages": []string{"collection", "transfer"},
		"collection": map[string]any{"source": "data_subject", "systems": []string{`<img src=x onerror=alert(1)>`, "@import"}},
		"transfer": []any{map[string]any{
			"recipient": "-Recipient <b>bold</b>", "recipient_role": "processor", "country": "US", "mechanism": "scc", "systems": nil,
		}},
	}
	assessment := map[string]any{
		"id": "pia-hostile-1", "activity": map[string]any{"id": "hostile-1", "name": name}, "status": "draft",
		"risks": []any{map[string]any{
			"name": name, "description": name, "category": "illegitimate_access", "lifecycle_stage": "collection",
			"likelihood": "significant", "impact": "maximum", "inherent_score": 12, "inherent_level": "very_high",
			"residual_likelihood": "significant", "residual_impact": "maximum", "residual_score": 12, "residual_level": "very_high",
			"coverage": "uncovered", "gaps": []string{"Risk " + name + " is uncovered."}, "effective_controls": []string{},
			"controls": []any{map[string]any{"id": "iso29151:9.1.1", "status": "planned"}},
		}},
	}
	control := map[string]any{
		"id": "iso29151:9.1.1", "catalog": "iso29151", "control_id": "9.1.1", "status": "planned",
		"owner": name, "justification": name, "evidence": hostile, "treats": []string{"illegitimate_access"},
	}
	change := func(addr, typ string, after map[string]any) map[string]any {
		return map[string]any{"address": addr, "mode": "managed", "type": typ, "name": "x",
			"change": map[string]any{"actions": []string{"create"}, "before": nil, "after": after, "after_unknown": map[string]any{}, "after_sensitive": map[string]any{}}}
	}
	plan := map[string]any{"format_version": "1.2", "resource_changes": []any{
		change("pii_processing_activity.x", "pii_processing_activity", after),
		change("pii_control.x", "pii_control", control),
		change("pii_risk_assessment.x", "pii_risk_assessment", assessment),
	}}
	b, err := json.Marshal(plan)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := tfplan.Read("hostile <plan>.json", b)
	if err != nil {
		t.Fatal(err)
	}
	p, err := posture.Read([]*tfplan.Document{doc}, posture.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEscaping(t *testing.T) {
	p := hostilePosture(t)

	t.Run("html", func(t *testing.T) {
		got := render(t, "html", p, Options{Title: "<script>alert(1)</script> report"})
		for _, bad := range []string{"<script", "<img", "<b>bold</b>", `"quotes'`} {
			if strings.Contains(got, bad) {
				t.Errorf("the HTML holds %q as markup", bad)
			}
		}
		for _, want := range []string{
			"&lt;script&gt;alert(1)&lt;/script&gt;",
			"&#34;quotes&#39; &amp; ampersands",
			"]]&gt;", "{{template}}", "| pipes |", "**bold**",
			"Données personnelles", "個人情報", "ضمان",
			"&lt;img src=x onerror=alert(1)&gt;",
			"hostile &lt;plan&gt;.json",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("the HTML lacks %q", want)
			}
		}
		// In an SVG title too.
		if !regexp.MustCompile(`<title id="lc-1-t">Life cycle of &lt;script&gt;`).MatchString(got) {
			t.Error("the life-cycle title is not escaped text")
		}
	})

	t.Run("markdown", func(t *testing.T) {
		got := render(t, "markdown", p, Options{})
		for _, bad := range []string{"<script", "<img", "<b>", "| pipes |", "**bold**", "]]>"} {
			if strings.Contains(got, bad) {
				t.Errorf("the Markdown holds %q unescaped", bad)
			}
		}
		for _, want := range []string{
			"&lt;script&gt;alert(1)&lt;/script&gt;", `"quotes' &amp; ampersands`, `\]\]&gt;`, "{{template}}",
			`\| pipes \|`, `\*\*bold\*\*`, "Données personnelles", "個人情報", "ضمان",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("the Markdown lacks %q", want)
			}
		}
	})

	t.Run("csv", func(t *testing.T) {
		got := render(t, "csv", p, Options{})
		records, err := csv.NewReader(strings.NewReader(got)).ReadAll()
		if err != nil {
			t.Fatalf("the CSV does not parse: %v", err)
		}
		if len(records) != 3 {
			t.Fatalf("%d records, want a header, an activity and a transfer", len(records))
		}
		col := map[string]int{}
		for i, c := range records[0] {
			col[c] = i
		}
		for _, rec := range records[1:] {
			if len(rec) != len(CSVColumns) {
				t.Errorf("a record has %d cells, want %d", len(rec), len(CSVColumns))
			}
			if got := rec[col["activity_name"]]; got != strings.Join(hostile, " ") {
				t.Errorf("activity_name = %q: the text is not kept as it is", got)
			}
			if got := rec[col["purposes"]]; got != strings.Join(hostile, "; ") {
				t.Errorf("purposes = %q", got)
			}
			// Cells that a spreadsheet would run as formulas start with
			// an apostrophe.
			for name, want := range map[string]string{
				"owner": `'=HYPERLINK("http://evil")`, "principals": "'+customer",
				"collection_systems": "<img src=x onerror=alert(1)>; @import",
			} {
				if got := rec[col[name]]; got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
		}
		if got := records[2][col["transfer_recipient"]]; got != "'-Recipient <b>bold</b>" {
			t.Errorf("transfer_recipient = %q", got)
		}
	})

	t.Run("json", func(t *testing.T) {
		got := render(t, "json", p, Options{})
		var doc struct {
			Activities []struct {
				Name string `json:"name"`
			} `json:"activities"`
		}
		if err := json.Unmarshal([]byte(got), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Activities[0].Name != strings.Join(hostile, " ") {
			t.Errorf("name = %q", doc.Activities[0].Name)
		}
		if strings.Contains(got, "<script") {
			t.Error("the JSON holds a raw <script")
		}
	})
}

func TestSafeCells(t *testing.T) {
	tests := map[string]string{
		"=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@SUM(A1)": "'@SUM(A1)", "\t=1": "'\t=1", "\r=1": "'\r=1",
		"": "", "plain": "plain", "a=b": "a=b", "(known after apply)": "(known after apply)",
	}
	for in, want := range tests {
		if got := safeCells([]string{in})[0]; got != want {
			t.Errorf("safeCells(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHTMLStructure checks what makes the HTML report usable and safe
// offline: self-contained, semantic tables, accessible figures, print and
// phone layouts.
func TestHTMLStructure(t *testing.T) {
	opt := goldenOptions
	opt.Check = checkReport()
	got := render(t, "html", readPosture(t, "testdata/complete-plan.json"), opt)
	for _, bad := range []string{"<script", "<img", "<link", "<iframe", "@import", "http://", "https://", "url(http", "src=", "@font-face"} {
		if strings.Contains(got, bad) {
			t.Errorf("the HTML holds %q: it must load nothing", bad)
		}
	}
	for _, want := range []string{
		"<!DOCTYPE html>", `<html lang="en">`, `<meta charset="utf-8">`, `name="viewport"`,
		`http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"`,
		"@media print", "@media (max-width:", `class="tw"`, "overflow-x:auto",
		`id="summary"`, `id="ropa"`, `id="lifecycle"`, `id="risks"`, `id="soa"`, `id="policies"`,
		"transfer_safeguards", "blocking",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the HTML lacks %q", want)
		}
	}
	// Every table has a caption and column headers with a scope.
	tables := strings.Count(got, "<table")
	if tables < 10 || strings.Count(got, "<caption") != tables {
		t.Errorf("%d tables, %d captions", tables, strings.Count(got, "<caption"))
	}
	if strings.Contains(got, "<th>") {
		t.Error("a header cell has no scope")
	}
	// Every figure SVG is an image named by its title (and description).
	svgs := regexp.MustCompile(`<svg [^>]*>`).FindAllString(got, -1)
	figures := 0
	for _, s := range svgs {
		if strings.Contains(s, `class="defs"`) {
			if !strings.Contains(s, `aria-hidden="true"`) {
				t.Error("the shared drawings are not hidden from assistive technology")
			}
			continue
		}
		figures++
		m := regexp.MustCompile(`role="img" aria-labelledby="([^" ]+)-t ([^" ]+)-d"`).FindStringSubmatch(s)
		if m == nil {
			t.Errorf("an SVG is not an image labelled by its title and description: %s", s)
			continue
		}
		if !strings.Contains(got, `<title id="`+m[1]+`-t">`) || !strings.Contains(got, `<desc id="`+m[2]+`-d">`) {
			t.Errorf("%s has no title or description", m[1])
		}
	}
	// Three life cycles, three assessment heat maps and the summary's.
	if figures != 7 {
		t.Errorf("%d figures, want 7", figures)
	}
	// Every reference to a shared drawing resolves.
	for _, m := range regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(got, -1) {
		if !strings.Contains(got, `id="`+m[1]+`"`) {
			t.Errorf("#%s is referred to but not defined", m[1])
		}
	}
}

// TestHeatMapPlacement checks the geometry: a risk's inherent and residual
// markers sit in the cells of its ratings.
func TestHeatMapPlacement(t *testing.T) {
	rv := func(n int, l, i, rl, ri, treatment string) riskView {
		return riskView{N: n, Label: "R" + strconv.Itoa(n), R: &posture.Risk{
			Name: posture.Text("r"), Likelihood: posture.Text(l), Impact: posture.Text(i),
			ResidualLikelihood: posture.Text(rl), ResidualImpact: posture.Text(ri), Treatment: posture.Text(treatment),
		}}
	}
	unknown := riskView{N: 5, Label: "R5", R: &posture.Risk{Name: posture.Text("u"), Likelihood: posture.UnknownValue(), Impact: posture.Text("limited")}}
	hm := riskHeatMap("hm", "t", []riskView{
		rv(1, "significant", "maximum", "limited", "significant", "mitigate"), // moves
		rv(2, "limited", "limited", "limited", "limited", "accept"),           // stays
		rv(3, "maximum", "maximum", "maximum", "maximum", "avoid"),            // no residual
		rv(4, "negligible", "negligible", posture.UnknownText, "", "mitigate"),
		unknown,
	})
	cellOf := func(m heatMarker) (int, int) {
		x, y := parseNum(t, m.X), parseNum(t, m.Y)
		return 4 - int((y-hmTop)/hmCell), 1 + int((x-hmLeft)/hmCell)
	}
	type pos struct {
		class string
		l, i  int
	}
	want := map[string][]pos{
		"1": {{"in", 3, 4}, {"res", 2, 3}},
		"2": {{"same", 2, 2}},
		"3": {{"in", 4, 4}},
		"4": {{"in", 1, 1}},
	}
	got := map[string][]pos{}
	for _, m := range hm.Markers {
		l, i := cellOf(m)
		got[m.Label] = append(got[m.Label], pos{m.Class, l, i})
	}
	for label, w := range want {
		if len(got[label]) != len(w) {
			t.Errorf("R%s markers = %v, want %v", label, got[label], w)
			continue
		}
		for k := range w {
			if got[label][k] != w[k] {
				t.Errorf("R%s marker %d = %v, want %v", label, k, got[label][k], w[k])
			}
		}
	}
	if len(hm.Arrows) != 1 || len(hm.Unplaced) != 1 || hm.Unplaced[0] != "R5" {
		t.Errorf("arrows %v, unplaced %v", hm.Arrows, hm.Unplaced)
	}
}

func parseNum(t *testing.T, s string) float64 {
	t.Helper()
	var f float64
	if err := json.Unmarshal([]byte(s), &f); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestFit(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"aws_ecs_service.checkout_and_more", 12, "aws_ecs_ser…"},
		{"個人情報の保護に関する法律", 10, "個人情報…"},
		{"two words", 5, "two…"},
	}
	for _, tt := range tests {
		if got := fit(tt.in, tt.n); got != tt.want {
			t.Errorf("fit(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// TestMarkdownLimit: a report too long for a pull-request comment loses
// rows and sections, says so at the top and where they were, and never
// exceeds the limit.
func TestMarkdownLimit(t *testing.T) {
	p := syntheticPosture(t, 120, 6)
	got := render(t, "markdown", p, Options{})
	if len(got) > MarkdownLimit {
		t.Fatalf("%d bytes, over %d", len(got), MarkdownLimit)
	}
	for _, want := range []string{
		"> [!NOTE]\n> This report is shortened to fit a pull-request comment (65,000 bytes)",
		"The HTML and JSON reports", "not shown (the comment would exceed 65,000 bytes): see the HTML or JSON report.",
		"## Summary", "## Records of processing", "## Statement of Applicability",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the shortened Markdown lacks %q", want)
		}
	}
	// Gaps are kept first.
	if strings.Contains(got, "more gaps not shown") {
		t.Error("gaps were left out before less important rows")
	}

	// A small limit on the complete example: every kept part is whole.
	var b bytes.Buffer
	writeMarkdownLimit(&b, readPosture(t, "testdata/complete-plan.json"), Options{}, 12000)
	if b.Len() > 12000 {
		t.Errorf("%d bytes, over 12000", b.Len())
	}
	if !strings.Contains(b.String(), "more risk assessments not shown") && !strings.Contains(b.String(), "more life cycles not shown") {
		t.Errorf("no note says what was left out:\n%s", b.String())
	}
	// Not shortened: no note.
	if full := render(t, "markdown", readPosture(t, "testdata/complete-plan.json"), Options{}); strings.Contains(full, "[!NOTE]") {
		t.Error("the complete example's Markdown is shortened")
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 65000: "65,000", 1234567: "1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestRetention(t *testing.T) {
	for in, want := range map[posture.Value]string{
		posture.Text("P7Y"):      "P7Y (7 years)",
		posture.Text("P1Y6M"):    "P1Y6M (1 year 6 months)",
		posture.Text("P30D"):     "P30D (30 days)",
		posture.Text("forever"):  "forever",
		{}:                       "not stated",
		posture.UnknownValue():   posture.UnknownText,
		posture.SensitiveValue(): posture.SensitiveText,
	} {
		if got := retention(in); got != want {
			t.Errorf("retention(%v) = %q, want %q", in, got, want)
		}
	}
}
