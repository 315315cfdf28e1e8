package catalog

import (
	"errors"
	"strings"
	"testing"
)

func TestSelect(t *testing.T) {
	set := mustBuiltin(t)
	iso := mustCatalog(t, set, "iso29151")
	tests := []struct {
		name      string
		filter    Filter
		wantFirst string
		check     func(t *testing.T, got []*Control)
	}{
		{"everything", Filter{}, "5.1.1", func(t *testing.T, got []*Control) {
			if len(got) != 126 {
				t.Errorf("got %d controls, want 126", len(got))
			}
		}},
		{"access control group", Filter{Group: "9"}, "9.1.1", func(t *testing.T, got []*Control) {
			for _, c := range got {
				if !strings.HasPrefix(c.ID, "9.") {
					t.Errorf("%s is not in group 9", c.ID)
				}
			}
			if len(got) != 14 {
				t.Errorf("group 9 has %d controls, want 14", len(got))
			}
		}},
		{"principle", Filter{Principle: "consent_and_choice"}, "", func(t *testing.T, got []*Control) {
			found := false
			for _, c := range got {
				if c.Principle != "consent_and_choice" {
					t.Errorf("%s serves %s", c.ID, c.Principle)
				}
				found = found || c.ID == "A.3"
			}
			if !found {
				t.Error("A.3 Consent and choice is missing")
			}
		}},
		{"treats", Filter{Treats: "over_retention"}, "", func(t *testing.T, got []*Control) {
			if len(got) < 3 {
				t.Errorf("over_retention treated by %d controls", len(got))
			}
			for _, c := range got {
				if !c.TreatsCategory("over_retention") {
					t.Errorf("%s does not treat over_retention", c.ID)
				}
			}
		}},
		{"search is case-insensitive over titles", Filter{Search: "CRYPTOGRAPHIC"}, "10.1.1", func(t *testing.T, got []*Control) {
			for _, c := range got {
				if !c.mentions("cryptographic") {
					t.Errorf("%s does not mention the search", c.ID)
				}
			}
		}},
		{"filters combine", Filter{Group: "10", Treats: "illegitimate_access", Search: "key"}, "10.1.2", nil},
		{"no match is an empty list", Filter{Search: "no control says this"}, "", func(t *testing.T, got []*Control) {
			if got == nil || len(got) != 0 {
				t.Errorf("want an empty, non-nil list, got %v", got)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := set.Check(iso, tt.filter); err != nil {
				t.Fatal(err)
			}
			got := iso.Select(tt.filter)
			if tt.wantFirst != "" && (len(got) == 0 || got[0].ID != tt.wantFirst) {
				t.Fatalf("first control = %v, want %s", ids(got), tt.wantFirst)
			}
			if tt.check != nil {
				tt.check(t, got)
			}
		})
	}
}

func ids(cs []*Control) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

func TestCheckNamesTheField(t *testing.T) {
	set := mustBuiltin(t)
	iso := mustCatalog(t, set, "iso29151")
	tests := []struct {
		filter    Filter
		wantField string
		wantMsg   string
	}{
		{Filter{Group: "99"}, "group", `there is no group "99" in catalog iso29151.`},
		{Filter{Principle: "acountability"}, "principle", `there is no principle "acountability". Did you mean "accountability"?`},
		{Filter{Treats: "data_los"}, "treats", `there is no risk category "data_los". Did you mean "data_loss"?`},
	}
	for _, tt := range tests {
		err := set.Check(iso, tt.filter)
		var fe *FilterError
		if !errors.As(err, &fe) {
			t.Fatalf("Check(%+v) = %v, want a FilterError", tt.filter, err)
		}
		if fe.Field != tt.wantField || !strings.HasPrefix(fe.Error(), tt.wantMsg) {
			t.Errorf("Check(%+v) = %s: %s, want %s: %s", tt.filter, fe.Field, fe.Error(), tt.wantField, tt.wantMsg)
		}
	}
}
