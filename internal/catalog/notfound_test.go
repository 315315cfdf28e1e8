package catalog

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// elsewhereSet is the built-in set plus a catalog "acme" that shares ids
// with iso27701 (A.7.4.5) and iso29151 (9.2.1, and a neighbour of 9.2.2),
// and a second edition of iso29151: ids in several other catalogs.
func elsewhereSet(t *testing.T) *Set {
	t.Helper()
	set, diags := LoadWithBuiltin(Source{Filename: "acme.hcl", Bytes: []byte(`
catalog "acme" {
  version = "1"
  title   = "Acme privacy standard"
}
group "acme" "A.7.4" {
  title = "Acme design rules"
}
control "acme" "A.7.4.5" {
  title     = "Delete at the end"
  group     = "A.7.4"
  principle = "data_minimization"
  treats    = ["over_retention"]
  reduces   = "likelihood"
}
control "acme" "9.2.1" {
  title     = "Register users"
  group     = "A.7.4"
  principle = "information_security"
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
}
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
}
`)})
	if diags.HasErrors() {
		t.Fatal(FormatDiagnostics(diags))
	}
	return set
}

const deidentification = `("PII de-identification and deletion at the end of processing")`

// A control id that is in another catalog says which, with the title
// there, and how to reach it: the catalog attribute for Catalog.Lookup, the
// qualified id for Set.LookupControl. "Did you mean" for neighbours in the
// same catalog comes after it.
func TestNotFoundNamesOtherCatalogs(t *testing.T) {
	builtin := mustBuiltin(t)
	more := elsewhereSet(t)
	tests := []struct {
		name    string
		set     *Set
		catalog string // "" for LookupControl(id)
		id      string
		want    string
		wantAt  []Elsewhere
	}{
		{"id of iso27701 in iso29151", builtin, "iso29151", "A.7.4.5",
			`there is no control "A.7.4.5" in iso29151; iso27701 has it ` + deidentification + `: set catalog = "iso27701".`,
			[]Elsewhere{{"iso27701", "PII de-identification and deletion at the end of processing"}}},
		{"qualified id of iso27701 in iso29151", builtin, "", "iso29151:A.7.4.5",
			`there is no control "A.7.4.5" in iso29151; iso27701 has it ` + deidentification + `: use "iso27701:A.7.4.5".`, nil},
		{"id of iso29151 in iso27018", builtin, "iso27018", "10.1.1",
			`there is no control "10.1.1" in iso27018; iso29151 has it ("Policy on the use of cryptographic controls"): set catalog = "iso29151".`, nil},
		{"id in no other catalog keeps the old message", builtin, "iso29151", "9.21",
			`there is no control "9.21" in catalog iso29151. Did you mean "9.2.1"?`, nil},
		{"id nowhere", builtin, "", "iso27018:A.99",
			`there is no control "A.99" in catalog iso27018.`, nil},
		{"several other catalogs are all named", more, "iso29151", "A.7.4.5",
			`there is no control "A.7.4.5" in iso29151; iso27701 ` + deidentification + ` and acme ("Delete at the end") have it: set catalog = "iso27701" or "acme".`,
			[]Elsewhere{{"iso27701", "PII de-identification and deletion at the end of processing"}, {"acme", "Delete at the end"}}},
		{"several other catalogs, qualified", more, "", "iso27018:A.7.4.5",
			`there is no control "A.7.4.5" in iso27018; iso27701 ` + deidentification + ` and acme ("Delete at the end") have it: use "iso27701:A.7.4.5" or "acme:A.7.4.5".`, nil},
		{"other catalog first, then did you mean", more, "acme", "9.2.2",
			`there is no control "9.2.2" in acme; iso29151 has it ("User access provisioning"): set catalog = "iso29151". Did you mean "9.2.1"?`, nil},
		{"a later edition is named with its version", more, "", "iso29151:5.34",
			`there is no control "5.34" in iso29151; iso29151@2025 has it ("Privacy and protection of PII"): use "iso29151@2025:5.34". Did you mean "A.3" or "A.4"?`, nil},
		{"from a later edition, the first is its bare name", more, "", "iso29151@2025:9.2.2",
			`there is no control "9.2.2" in iso29151@2025; iso29151 has it ("User access provisioning"): use "iso29151:9.2.2".`, nil},
		{"unqualified id names the catalogs that have it", more, "", "9.2.1",
			`"9.2.1" is not a qualified control id: write catalog:id, such as "iso29151:9.2.1" or "acme:9.2.1"`, nil},
		{"unqualified id of no catalog", builtin, "", "99.1",
			`"99.1" is not a qualified control id: write catalog:id, such as "iso29151:9.2.1"`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.catalog == "" {
				_, err = tt.set.LookupControl(tt.id)
			} else {
				_, err = mustCatalog(t, tt.set, tt.catalog).Lookup(tt.id)
			}
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.want {
				t.Errorf("got  %s\nwant %s", err, tt.want)
			}
			var nf *NotFoundError
			if tt.wantAt != nil && (!errors.As(err, &nf) || !reflect.DeepEqual(nf.Elsewhere, tt.wantAt)) {
				t.Errorf("Elsewhere = %+v, want %+v", nf, tt.wantAt)
			}
		})
	}
}

// The data is in the fields, so that a front end with other wording (a
// command-line flag) can say it its own way.
func TestNotFoundFieldsAndFixes(t *testing.T) {
	set := mustBuiltin(t)
	_, err := mustCatalog(t, set, "iso29151").Lookup("A.7.4.5")
	var nf *NotFoundError
	if !errors.As(err, &nf) {
		t.Fatalf("got %T, want a *NotFoundError", err)
	}
	if nf.Kind != "control" || nf.Name != "A.7.4.5" || nf.Catalog != "iso29151" || nf.Fix != FixCatalogAttribute {
		t.Errorf("fields: %+v", nf)
	}
	tests := []struct {
		fix  Fix
		want string
	}{
		{FixCatalogAttribute, `set catalog = "iso27701"`},
		{FixQualifiedID, `use "iso27701:A.7.4.5"`},
		{FixNone, ``},
	}
	for _, tt := range tests {
		nf.Fix = tt.fix
		if got := nf.FixText(); got != tt.want {
			t.Errorf("FixText with %d = %q, want %q", tt.fix, got, tt.want)
		}
	}
	if got, want := nf.Error(), `there is no control "A.7.4.5" in iso29151; iso27701 has it `+deidentification+`.`; got != want {
		t.Errorf("without a fix:\ngot  %s\nwant %s", got, want)
	}
}

// A group filter names the other catalogs that have the group, without a
// fix: the provider and the command line change the catalog differently.
func TestCheckGroupNamesOtherCatalogs(t *testing.T) {
	set := elsewhereSet(t)
	tests := []struct {
		catalog, group, want string
	}{
		{"iso29151", "A.7.4", `there is no group "A.7.4" in iso29151; iso27701 ("Privacy by design and privacy by default") and acme ("Acme design rules") have it. Known: `},
		{"iso27018", "B.8.2", `there is no group "B.8.2" in iso27018; iso27701 has it ("Conditions for collection and processing"). Known: A.1, A.2, `},
		{"iso29151", "99", `there is no group "99" in catalog iso29151. Did you mean "9"? Known: `},
	}
	for _, tt := range tests {
		t.Run(tt.catalog+" "+tt.group, func(t *testing.T) {
			err := set.Check(mustCatalog(t, set, tt.catalog), Filter{Group: tt.group})
			var fe *FilterError
			if !errors.As(err, &fe) || fe.Field != "group" {
				t.Fatalf("got %v, want a group FilterError", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got  %s\nwant %s…", err, tt.want)
			}
		})
	}
}

// A crosswalk into the wrong catalog is reported by the loader with the
// same hint.
func TestCrosswalkNamesOtherCatalog(t *testing.T) {
	_, diags := LoadWithBuiltin(Source{Filename: "user.hcl", Bytes: []byte(`control "iso29151" "X.1" {
  title     = "x"
  group     = "9"
  principle = "information_security"
  treats    = ["illegitimate_access"]
  reduces   = "likelihood"
  related   = ["iso29151:A.7.4.5"]
}
`)})
	want := `user.hcl:7:16: Reference to undeclared name: Crosswalk "iso29151:A.7.4.5" does not resolve: there is no control "A.7.4.5" in iso29151; iso27701 has it ` + deidentification + `: use "iso27701:A.7.4.5".`
	if got := FormatDiagnostics(diags); !strings.Contains(got, want) {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
