package finding

import "testing"

func TestPathString(t *testing.T) {
	tests := []struct {
		path Path
		want string
	}{
		{Root("name"), "name"},
		{Root("risks").Index(2).Attr("controls").Index(0), "risks[2].controls[0]"},
		{Root("transfer").Index(1).Attr("country"), "transfer[1].country"},
		{Root("pii_categories").SetValue("contact.emial"), `pii_categories["contact.emial"]`},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := tt.path.String(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

// Extending a path must never change the path it was extended from, even
// when two extensions share a prefix.
func TestPathExtensionDoesNotAlias(t *testing.T) {
	base := Root("risks").Index(0)
	a := base.Attr("likelihood")
	b := base.Attr("impact")
	if a.String() != "risks[0].likelihood" || b.String() != "risks[0].impact" || base.String() != "risks[0]" {
		t.Errorf("aliasing: %s %s %s", a, b, base)
	}
}

func TestFindings(t *testing.T) {
	var fs Findings
	fs.Warnf(Root("retention"), "No retention", "Say how long.")
	if fs.HasErrors() {
		t.Error("a warning is not an error")
	}
	fs.Errorf(Root("purposes").Index(0), "Empty purpose", "Purpose %d is empty.", 1)
	if !fs.HasErrors() {
		t.Error("an error was added")
	}
	if got, want := fs[1].String(), "error: purposes[0]: Empty purpose: Purpose 1 is empty."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
