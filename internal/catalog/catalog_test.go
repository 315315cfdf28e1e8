package catalog

import (
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func mustBuiltin(t testing.TB) *Set {
	t.Helper()
	set, err := Builtin()
	if err != nil {
		t.Fatalf("built-in catalogs do not load:\n%s", err)
	}
	return set
}

func TestBuiltinCatalogs(t *testing.T) {
	set := mustBuiltin(t)
	want := map[string]struct {
		version  string
		controls int
	}{
		"iso29151": {"2017", 114 + 12},
		"iso27701": {"2019", 31 + 18},
		"iso27018": {"2019", 25},
	}
	if got := set.CatalogRefs(); !reflect.DeepEqual(got, []string{"iso29151", "iso27701", "iso27018"}) {
		t.Fatalf("catalog refs = %v", got)
	}
	for name, w := range want {
		cat, err := set.Catalog(name)
		if err != nil {
			t.Fatal(err)
		}
		if cat.Version != w.version {
			t.Errorf("%s version = %q, want %q", name, cat.Version, w.version)
		}
		if n := len(cat.Controls()); n != w.controls {
			t.Errorf("%s has %d controls, want %d", name, n, w.controls)
		}
	}
}

// The catalog's promise to every later check: each built-in control says
// which principle it serves and which risks it treats, in the project's
// own words.
func TestBuiltinControlsAreMapped(t *testing.T) {
	set := mustBuiltin(t)
	for _, cat := range set.Catalogs() {
		for _, c := range cat.Controls() {
			if c.Principle == "" || len(c.Treats) == 0 || c.Objective == "" || c.Title == "" || c.Group == "" || c.GroupTitle == "" {
				t.Errorf("%s is incompletely mapped: %+v", c.Ref(), c)
			}
			if c.Reduces != ReducesLikelihood && c.Reduces != ReducesImpact {
				t.Errorf("%s reduces %q", c.Ref(), c.Reduces)
			}
		}
	}
	// Every risk category is treated by enough controls of each catalog
	// that a risk of it can be covered from that catalog alone, except
	// where the standard has no control for it (the catalog guide says
	// which, and why): iso27018's collection limitation and accuracy
	// sections hold no control, and its one minimisation control is about
	// temporary files.
	coverage := []struct {
		catalog   string
		least     int
		untreated []string
	}{
		{"iso29151", 3, nil},
		{"iso27701", 1, nil},
		{"iso27018", 2, []string{"excessive_collection", "inaccurate_data", "re_identification"}},
	}
	for _, want := range coverage {
		cat := mustCatalog(t, set, want.catalog)
		for _, rc := range set.RiskCategories() {
			n := len(cat.Select(Filter{Treats: rc.Key}))
			switch untreated := slices.Contains(want.untreated, rc.Key); {
			case untreated && n != 0:
				t.Errorf("risk category %s is treated by %d %s controls; the catalog guide says none does: update it and this test", rc.Key, n, want.catalog)
			case !untreated && n < want.least:
				t.Errorf("risk category %s is treated by %d %s controls, want at least %d", rc.Key, n, want.catalog, want.least)
			}
		}
	}
	for _, name := range []string{"iso27701", "iso27018"} {
		for _, c := range mustCatalog(t, set, name).Controls() {
			if c.Role != "controller" && c.Role != "processor" {
				t.Errorf("%s role = %q", c.Ref(), c.Role)
			}
			if len(c.GDPRArticles) == 0 || len(c.Related) == 0 {
				t.Errorf("%s lacks GDPR articles or crosswalks", c.Ref())
			}
		}
	}
}

// The iso27018 catalog holds the 25 Annex A controls of ISO/IEC 27018:2019
// under their ids and short titles as the public sources list them
// (testdata/iso27018-2019-controls.tsv), each filed in its section.
func TestISO27018Catalog(t *testing.T) {
	set := mustBuiltin(t)
	cat := mustCatalog(t, set, "iso27018")
	src, err := os.ReadFile("testdata/iso27018-2019-controls.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var wantIDs []string
	for i, line := range strings.Split(strings.TrimSpace(string(src)), "\n")[1:] {
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Fatalf("testdata line %d has %d fields: %q", i+2, len(f), line)
		}
		id, title, section := f[0], f[1], f[2]
		wantIDs = append(wantIDs, id)
		c, err := cat.Lookup(id)
		if err != nil {
			t.Error(err)
			continue
		}
		if c.Title != title {
			t.Errorf("%s title = %q, want %q", c.Ref(), c.Title, title)
		}
		if c.GroupTitle != section || c.Group != id[:strings.LastIndexByte(id, '.')] {
			t.Errorf("%s is in group %s %q, want its section %q", c.Ref(), c.Group, c.GroupTitle, section)
		}
		if c.Role != "processor" {
			t.Errorf("%s role = %q: every 27018 control is a cloud processor's", c.Ref(), c.Role)
		}
		// A section is named after the principle its controls serve.
		if p, ok := set.Principle(c.Principle); !ok || p.Title != section {
			t.Errorf("%s serves %q, want the principle of its section %q", c.Ref(), c.Principle, section)
		}
	}
	if got := cat.ControlIDs(); !reflect.DeepEqual(got, wantIDs) {
		t.Errorf("iso27018 controls = %v, want %v", got, wantIDs)
	}
	var groups []string
	perGroup := map[string]int{}
	for _, g := range cat.Groups() {
		groups = append(groups, g.ID)
		perGroup[g.ID] = len(cat.Select(Filter{Group: g.ID}))
	}
	if want := []string{"A.1", "A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9", "A.10", "A.11", "A.12"}; !reflect.DeepEqual(groups, want) {
		t.Errorf("iso27018 groups = %v, want %v", groups, want)
	}
	wantPerGroup := map[string]int{"A.1": 0, "A.2": 1, "A.3": 2, "A.4": 0, "A.5": 1, "A.6": 2, "A.7": 0, "A.8": 1, "A.9": 0, "A.10": 3, "A.11": 13, "A.12": 2}
	if !reflect.DeepEqual(perGroup, wantPerGroup) {
		t.Errorf("controls per group = %v, want %v", perGroup, wantPerGroup)
	}
	// The crosswalks the catalog guide names.
	for ref, want := range map[string][]string{
		"iso27018:A.12.1": {"iso27701:A.7.5.1", "iso27701:A.7.5.2", "iso27701:B.8.5.1", "iso27701:B.8.5.2"},
		"iso27018:A.11.6": {"iso29151:13.2.3", "iso29151:10.1.1"},
		"iso27018:A.10.3": {"iso27701:B.8.4.2"},
	} {
		c, err := set.LookupControl(ref)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !slices.Contains(c.Related, w) {
				t.Errorf("%s related = %v, want it to include %s", ref, c.Related, w)
			}
		}
	}
}

// A crosswalk between iso27018 and another built-in catalog reads both
// ways: whoever looks up iso27701:B.8.4.2 finds iso27018:A.10.3 too.
func TestISO27018CrosswalksAreMutual(t *testing.T) {
	set := mustBuiltin(t)
	for _, cat := range set.Catalogs() {
		for _, c := range cat.Controls() {
			for _, ref := range c.Related {
				if cat.Name != "iso27018" && !strings.HasPrefix(ref, "iso27018:") {
					continue
				}
				other, err := set.LookupControl(ref)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Contains(other.Related, c.Ref()) {
					t.Errorf("%s lists %s as related, but %s does not list %s", c.Ref(), ref, ref, c.Ref())
				}
			}
		}
	}
}

// The 2014 edition numbered the same controls one section lower. It is not
// shipped, but a user's catalog file can add it beside the 2019 edition
// without changing what a bare "iso27018" means.
func TestISO27018EditionOf2014FromUserFile(t *testing.T) {
	set, diags := LoadWithBuiltin(Source{Filename: "iso27018-2014.hcl", Bytes: []byte(`
catalog "iso27018" {
  version = "2014"
  title   = "ISO/IEC 27018:2014"
}
group "iso27018@2014" "A.11" {
  title = "Privacy compliance"
}
control "iso27018@2014" "A.11.1" {
  title     = "Geographical location of PII"
  group     = "A.11"
  principle = "privacy_compliance"
  treats    = ["unlawful_transfer"]
  reduces   = "likelihood"
  role      = "processor"
  related   = ["iso27018@2019:A.12.1"]
}
`)})
	if diags.HasErrors() {
		t.Fatal(FormatDiagnostics(diags))
	}
	if c := mustCatalog(t, set, "iso27018"); c.Version != "2019" {
		t.Errorf("a bare iso27018 means the %s edition, want the built-in 2019", c.Version)
	}
	old, err := set.LookupControl("iso27018@2014:A.11.1")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(old.Related, []string{"iso27018:A.12.1"}) {
		t.Errorf("the 2014 control's crosswalk = %v, want the 2019 A.12.1", old.Related)
	}
	if c, err := set.LookupControl("iso27018:A.11.1"); err != nil || c.Title != "Confidentiality or non-disclosure agreements" {
		t.Errorf("iso27018:A.11.1 = %v, %v; want the 2019 control", c, err)
	}
	if got := strings.Join(set.CatalogRefs(), ","); got != "iso29151,iso27701,iso27018,iso27018@2019,iso27018@2014" {
		t.Errorf("refs = %s", got)
	}
}

func mustCatalog(t testing.TB, set *Set, name string) *Catalog {
	t.Helper()
	c, err := set.Catalog(name)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestBuiltinTaxonomy(t *testing.T) {
	set := mustBuiltin(t)
	wantRisks := []string{"illegitimate_access", "unwanted_modification", "data_loss", "excessive_collection",
		"purpose_creep", "unlawful_processing", "over_retention", "inaccurate_data", "lack_of_transparency",
		"rights_not_honoured", "unlawful_transfer", "re_identification"}
	if got := set.RiskCategoryKeys(); !reflect.DeepEqual(got, wantRisks) {
		t.Errorf("risk categories = %v, want %v", got, wantRisks)
	}
	if n := len(set.Principles()); n != 11 {
		t.Errorf("%d principles, want 11", n)
	}
	for i, p := range set.Principles() {
		if p.Number != i+1 {
			t.Errorf("principle %s has number %d, want %d", p.Key, p.Number, i+1)
		}
	}
	for _, key := range []string{
		"identifiers.name", "identifiers.government_id", "identifiers.online", "identifiers.device",
		"contact.email", "contact.phone", "contact.postal_address",
		"financial.payment_card", "financial.bank_account", "financial.income",
		"location.precise", "location.coarse",
		"behavioral.browsing", "behavioral.purchase_history", "behavioral.profiling",
		"credentials", "communications", "demographic", "employment", "education",
		"special.health", "special.genetic", "special.biometric", "special.racial_or_ethnic_origin",
		"special.political_opinions", "special.religious_beliefs", "special.trade_union",
		"special.sex_life_or_orientation", "criminal",
	} {
		if _, err := set.PIICategory(key); err != nil {
			t.Error(err)
		}
	}
	for _, c := range set.PIIDescendants("special") {
		if c.Sensitivity != SensitivitySpecial {
			t.Errorf("%s has sensitivity %s, want special", c.Key, c.Sensitivity)
		}
	}
	// The catalog guide promises that naming a parent never understates
	// the risk: a parent is at least as sensitive as any of its children.
	for _, c := range set.PIICategories() {
		for _, d := range set.PIIDescendants(c.Key) {
			if d.Sensitivity > c.Sensitivity {
				t.Errorf("%s (%s) is less sensitive than its descendant %s (%s)", c.Key, c.Sensitivity, d.Key, d.Sensitivity)
			}
		}
	}
	if n := len(set.PIIDescendants("special")); n < 9 {
		t.Errorf("special stands for %d categories, want the parent and at least 8 children", n)
	}
}

func TestLookupSuggestsClosestIDs(t *testing.T) {
	set := mustBuiltin(t)
	tests := []struct {
		ref     string
		wantErr string
	}{
		{"iso29151:9.2.1", ""},
		{"iso27701:A.7.4.9", ""},
		{"iso29151:9.21", `there is no control "9.21" in catalog iso29151. Did you mean "9.2.1"?`},
		{"iso29151:A.14", `there is no control "A.14" in catalog iso29151. Did you mean`},
		{"iso27018:A.12.1", ""},
		{"iso27018:A.12.3", `there is no control "A.12.3" in catalog iso27018. Did you mean "A.12.1" or "A.12.2"?`},
		{"iso27018:A.11.14", `there is no control "A.11.14" in catalog iso27018. Did you mean "A.11.1", "A.11.10" or "A.11.11"?`},
		{"iso2915:9.2.1", `there is no catalog "iso2915". Did you mean "iso29151"? Known: `},
		{"9.2.1", `not a qualified control id`},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			c, err := set.LookupControl(tt.ref)
			if tt.wantErr == "" {
				if err != nil || c.Ref() != tt.ref {
					t.Fatalf("LookupControl(%q) = %v, %v", tt.ref, c, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("LookupControl(%q) error = %v, want it to contain %q", tt.ref, err, tt.wantErr)
			}
		})
	}
}

func TestUserFileExtendsBuiltin(t *testing.T) {
	src, err := os.ReadFile("testdata/annex_a.hcl")
	if err != nil {
		t.Fatal(err)
	}
	set, diags := LoadWithBuiltin(Source{Filename: "annex_a.hcl", Bytes: src})
	if diags.HasErrors() {
		t.Fatal(FormatDiagnostics(diags))
	}
	sub, err := set.LookupControl("iso29151:A.3.1")
	if err != nil {
		t.Fatal(err)
	}
	parent, _ := set.LookupControl("iso29151:A.3")
	if sub.Group != parent.Group || sub.Principle != parent.Principle || !reflect.DeepEqual(sub.Treats, parent.Treats) || sub.Reduces != parent.Reduces {
		t.Errorf("A.3.1 did not inherit from A.3: %+v vs %+v", sub, parent)
	}
	own, _ := set.LookupControl("iso29151:A.7.1")
	if !reflect.DeepEqual(own.Treats, []string{"purpose_creep"}) || !reflect.DeepEqual(own.Stages, []string{"use"}) {
		t.Errorf("A.7.1 should keep its own treats and stages: %+v", own)
	}
	// Natural order: the sub-control sorts right after its section.
	ids := mustCatalog(t, set, "iso29151").ControlIDs()
	for i, id := range ids {
		if id == "A.3" && ids[i+1] != "A.3.1" {
			t.Errorf("A.3.1 does not follow A.3: %v", ids[i:i+3])
		}
	}
	ret, err := set.LookupControl("internal:RET-1")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ret.Related, []string{"iso29151:A.7", "iso27701:A.7.4.7"}) {
		t.Errorf("RET-1 related = %v", ret.Related)
	}
	if c, err := set.PIICategory("financial.crypto_wallet"); err != nil || c.Sensitivity != SensitivityHigh {
		t.Errorf("user PII category: %v, %v", c, err)
	}
	// The built-in set is untouched by the merge.
	if _, err := mustBuiltin(t).LookupControl("iso29151:A.3.1"); err == nil {
		t.Error("a user control leaked into the shared built-in set")
	}
}

func TestSecondEditionSitsBesideFirst(t *testing.T) {
	set, diags := LoadWithBuiltin(Source{Filename: "ed2.hcl", Bytes: []byte(`
catalog "iso29151" {
  version = "2025"
  title   = "ISO/IEC 29151, second edition (draft)"
}
group "iso29151@2025" "5" {
  title = "Organizational controls"
}
control "iso29151@2025" "5.34" {
  title     = "Privacy and protection of PII"
  group     = "5"
  principle = "privacy_compliance"
  treats    = ["unlawful_processing"]
  reduces   = "likelihood"
  related   = ["iso29151@2017:18.1.4"]
}
`)})
	if diags.HasErrors() {
		t.Fatal(FormatDiagnostics(diags))
	}
	if c := mustCatalog(t, set, "iso29151"); c.Version != "2017" {
		t.Errorf("unqualified iso29151 resolves to %s, want the first-loaded 2017", c.Version)
	}
	if _, err := set.LookupControl("iso29151@2025:5.34"); err != nil {
		t.Error(err)
	}
	if _, err := set.LookupControl("iso29151:5.34"); err == nil {
		t.Error("5.34 should not be in the 2017 edition")
	}
	if got := strings.Join(set.CatalogRefs(), ","); got != "iso29151,iso29151@2017,iso27701,iso27018,iso29151@2025" {
		t.Errorf("refs %v should list both editions", got)
	}
}

// Every broken user file gets an error that says where (file:line:column),
// what was wrong and, where it can, what would be right.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "syntax error",
			src:  "control \"iso29151\" \"X.1\" {\n  title = \n}\n",
			want: []string{"user.hcl:2:"},
		},
		{
			name: "unknown attribute with suggestion",
			src:  "catalog \"x\" {\n  version = \"1\"\n  title   = \"X\"\n  descriptions = \"typo\"\n}\n",
			want: []string{`user.hcl:4:3: Unsupported argument: An argument named "descriptions" is not expected here. Did you mean "description"?`},
		},
		{
			name: "unknown block type",
			src:  "controls \"iso29151\" \"X.1\" {\n}\n",
			want: []string{`user.hcl:1:1: Unsupported block type`, `Did you mean "control"?`},
		},
		{
			name: "duplicate of a built-in control names both places",
			src: `control "iso29151" "9.2.1" {
  title     = "Mine"
  group     = "9"
  principle = "information_security"
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
}
`,
			want: []string{`user.hcl:1:1: Duplicate declaration: Control "iso29151:9.2.1" is already declared at <builtin>/iso29151.hcl:`},
		},
		{
			name: "duplicate within one file",
			src:  "risk_category \"mine\" {\n  title = \"A\"\n}\nrisk_category \"mine\" {\n  title = \"B\"\n}\n",
			want: []string{`user.hcl:4:1: Duplicate declaration: Risk category "mine" is already declared at user.hcl:1:1`},
		},
		{
			name: "dangling references",
			src: `control "iso29151" "X.1" {
  title     = "Broken"
  group     = "99"
  principle = "acountability"
  treats    = ["data_los", "illegitimate_access"]
  reduces   = "severity"
  stages    = ["storag"]
  related   = ["iso27701:A.7.4.99"]
}
`,
			want: []string{
				`user.hcl:3:15: Reference to undeclared name: There is no group in catalog iso29151 called "99".`,
				`user.hcl:4:15: Reference to undeclared name: There is no principle "acountability". Did you mean "accountability"?`,
				`user.hcl:5:16: Reference to undeclared name: There is no risk category "data_los". Did you mean "data_loss"?`,
				`user.hcl:6:15: Invalid value: "severity" is not a valid reduction; accepted values are "likelihood", "impact".`,
				`user.hcl:7:16: Invalid value: "storag" is not a valid life-cycle stage; accepted values are "collection", "storage", "use", "transfer", "disposal". Did you mean "storage"?`,
				`user.hcl:8:16: Reference to undeclared name: Crosswalk "iso27701:A.7.4.99" does not resolve: there is no control "A.7.4.99" in catalog iso27701.`,
			},
		},
		{
			name: "unknown catalog",
			src:  "group \"iso2915\" \"1\" {\n  title = \"x\"\n}\n",
			want: []string{`user.hcl:1:7: Reference to undeclared name: there is no catalog "iso2915". Did you mean "iso29151"?`},
		},
		{
			name: "control cycle",
			src: `control "iso29151" "X.1" {
  title  = "One"
  parent = "X.2"
}
control "iso29151" "X.2" {
  title  = "Two"
  parent = "X.1"
}
`,
			want: []string{`user.hcl:3:12: Cycle in parents: The control parents in catalog iso29151 form a cycle: X.1 → X.2 → X.1. Declared: "X.1" at user.hcl:1:1, "X.2" at user.hcl:5:1.`},
		},
		{
			name: "group cycle",
			src:  "group \"iso29151\" \"g1\" {\n  title  = \"G1\"\n  parent = \"g1\"\n}\n",
			want: []string{`user.hcl:3:12: Cycle in parents: The group parents in catalog iso29151 form a cycle: g1 → g1.`},
		},
		{
			name: "missing required mapping",
			src:  "control \"iso29151\" \"X.1\" {\n  title = \"Bare\"\n}\n",
			want: []string{
				`user.hcl:1:1: Missing required attribute: The "group" attribute is required here.`,
				`user.hcl:1:1: Missing required attribute: Control iso29151:X.1 must treat at least one risk category`,
			},
		},
		{
			name: "PII category without parent, bad sensitivity",
			src:  "pii_category \"pets.name\" {\n  title       = \"Pet name\"\n  sensitivity = \"secret\"\n}\n",
			want: []string{
				`user.hcl:1:14: Reference to undeclared name: PII category "pets.name" needs its parent "pets" to be declared as well.`,
				`user.hcl:3:17: Invalid value: "secret" is not a valid sensitivity; accepted values are "low", "medium", "high", "special".`,
			},
		},
		{
			name: "wrong types",
			src:  "principle \"p\" {\n  number = \"one\"\n  title  = [\"x\"]\n}\n",
			want: []string{`user.hcl:2:12: Incorrect value type: The "number" attribute must be a number.`, `user.hcl:3:12: Incorrect value type: The "title" attribute must be a string.`},
		},
		{
			name: "variables are not allowed",
			src:  "risk_category \"r\" {\n  title = var.title\n}\n",
			want: []string{`user.hcl:2:11: Variables not allowed`},
		},
		{
			name: "invalid names",
			src:  "catalog \"My Catalog\" {\n  version = \"1\"\n  title   = \"x\"\n}\npii_category \"Contact.Email\" {\n  title       = \"x\"\n  sensitivity = \"low\"\n}\n",
			want: []string{`user.hcl:1:9: Invalid value: "My Catalog" is not a valid catalog name`, `user.hcl:5:14: Invalid value: "Contact.Email" is not a valid PII category key`},
		},
		{
			name: "duplicate principle number",
			src:  "principle \"twelfth\" {\n  number = 1\n  title  = \"Twelfth\"\n}\n",
			want: []string{`user.hcl:2:12: Duplicate declaration: Principle number 1 is already used by "consent_and_choice" at <builtin>/taxonomy.hcl:`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, diags := LoadWithBuiltin(Source{Filename: "user.hcl", Bytes: []byte(tt.src)})
			if !diags.HasErrors() || set != nil {
				t.Fatalf("expected errors, got none")
			}
			got := FormatDiagnostics(diags)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("diagnostics lack %q; got:\n%s", w, got)
				}
			}
		})
	}
}

func TestLoadFilesReportsUnreadableFile(t *testing.T) {
	_, diags := LoadFiles([]string{"testdata/does-not-exist.hcl"})
	got := FormatDiagnostics(diags)
	want := `Cannot read catalog file: Catalog file "testdata/does-not-exist.hcl" cannot be read: no such file or directory.`
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestNaturalOrder(t *testing.T) {
	ids := []string{"A.12", "10.1.1", "A.2", "9.2.1", "5.1.1", "A.3.1", "A.3", "18.2.3"}
	SortIDs(ids)
	want := []string{"5.1.1", "9.2.1", "10.1.1", "18.2.3", "A.2", "A.3", "A.3.1", "A.12"}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("got %v, want %v", ids, want)
	}
}

func BenchmarkLoadBuiltin(b *testing.B) {
	sources, err := BuiltinSources()
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, s := range sources {
		size += len(s.Bytes)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if _, diags := Load(sources...); diags.HasErrors() {
			b.Fatal(FormatDiagnostics(diags))
		}
	}
}

func BenchmarkLookupControl(b *testing.B) {
	set := mustBuiltin(b)
	for b.Loop() {
		if _, err := set.LookupControl("iso29151:18.1.4"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadUserCatalog measures how loading grows with the size of a
// user's catalog file on top of the built-ins; time per control should stay
// flat (linear loading).
func BenchmarkLoadUserCatalog(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		var src strings.Builder
		src.WriteString("catalog \"bench\" {\n  version = \"1\"\n  title   = \"Bench\"\n}\ngroup \"bench\" \"g\" {\n  title = \"G\"\n}\n")
		for i := range n {
			fmt.Fprintf(&src, "control \"bench\" \"C.%d\" {\n  title     = \"Control %d\"\n  group     = \"g\"\n  principle = \"accountability\"\n  treats    = [\"data_loss\", \"over_retention\"]\n  reduces   = \"impact\"\n  related   = [\"iso29151:12.3.1\"]\n}\n", i, i)
		}
		source := Source{Filename: "bench.hcl", Bytes: []byte(src.String())}
		b.Run(fmt.Sprintf("controls=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(source.Bytes)))
			b.ReportAllocs()
			for b.Loop() {
				if _, diags := LoadWithBuiltin(source); diags.HasErrors() {
					b.Fatal(FormatDiagnostics(diags))
				}
			}
		})
	}
}
