package country

import (
	"sort"
	"testing"
)

func TestCodes(t *testing.T) {
	all := Codes()
	if len(all) != 249 {
		t.Errorf("%d codes, want the 249 officially assigned", len(all))
	}
	if !sort.StringsAreSorted(all) {
		t.Error("Codes() is not sorted")
	}
	seen := map[string]bool{}
	alpha3 := map[string]bool{}
	for _, e := range codes {
		if len(e.code) != 2 || !upper(e.code) {
			t.Errorf("code %q is not two upper-case letters", e.code)
		}
		if len(e.alpha3) != 3 || !upper(e.alpha3) {
			t.Errorf("%s: alpha-3 code %q is not three upper-case letters", e.code, e.alpha3)
		}
		if e.name == "" {
			t.Errorf("%s has no name", e.code)
		}
		if seen[e.code] || alpha3[e.alpha3] {
			t.Errorf("%s (%s) is listed twice", e.code, e.alpha3)
		}
		seen[e.code], alpha3[e.alpha3] = true, true
		if !Valid(e.code) || Name(e.code) != e.name || Check(e.code) != nil {
			t.Errorf("%s is listed but not accepted", e.code)
		}
	}
	// Every code that the package treats specially must agree with the
	// list: aliases point at assigned codes and are not assigned themselves.
	for from, a := range aliases {
		if Valid(from) || !Valid(a.code) {
			t.Errorf("alias %s → %s: want an unassigned code pointing at an assigned one", from, a.code)
		}
	}
	for code := range reserved {
		if Valid(code) {
			t.Errorf("reserved code %s is in the list", code)
		}
	}
	for name, code := range otherNames {
		if !Valid(code) {
			t.Errorf("other name %q points at %s, which is not assigned", name, code)
		}
	}
}

func upper(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

func TestValidAndName(t *testing.T) {
	tests := []struct {
		code  string
		valid bool
		name  string
	}{
		{"DE", true, "Germany"},
		{"GB", true, "United Kingdom"},
		{"US", true, "United States"},
		{"AX", true, "Åland Islands"},
		{"SS", true, "South Sudan"},
		{"BQ", true, "Bonaire, Sint Eustatius and Saba"},
		{"de", false, ""},
		{"UK", false, ""},
		{"EU", false, ""},
		{"XK", false, ""},
		{"AN", false, ""},
		{"DEU", false, ""},
		{"", false, ""},
	}
	for _, tt := range tests {
		if got := Valid(tt.code); got != tt.valid {
			t.Errorf("Valid(%q) = %v, want %v", tt.code, got, tt.valid)
		}
		if got := Name(tt.code); got != tt.name {
			t.Errorf("Name(%q) = %q, want %q", tt.code, got, tt.name)
		}
	}
}

func TestCheck(t *testing.T) {
	const accepted = " Write the two capital letters ISO assigns to a country or territory, such as DE, FR or US."
	tests := []struct {
		code string
		want string
	}{
		{"DE", ""},
		{"UK", `"UK" is not an ISO 3166-1 alpha-2 country code. Did you mean "GB" (United Kingdom)?`},
		{"uk", `"uk" is not an ISO 3166-1 alpha-2 country code. Did you mean "GB" (United Kingdom)?`},
		{"EL", `"EL" is not an ISO 3166-1 alpha-2 country code. Did you mean "GR" (Greece)?`},
		{"de", `"de" is not an ISO 3166-1 alpha-2 country code: codes are written in capital letters. Did you mean "DE" (Germany)?`},
		{"De", `"De" is not an ISO 3166-1 alpha-2 country code: codes are written in capital letters. Did you mean "DE" (Germany)?`},
		{" FR ", `" FR " is not an ISO 3166-1 alpha-2 country code. Did you mean "FR" (France)?`},
		{"DEU", `"DEU" is not an ISO 3166-1 alpha-2 country code: it is an alpha-3 code. Did you mean "DE" (Germany)?`},
		{"FRA", `"FRA" is not an ISO 3166-1 alpha-2 country code: it is an alpha-3 code. Did you mean "FR" (France)?`},
		{"USA", `"USA" is not an ISO 3166-1 alpha-2 country code: it is an alpha-3 code. Did you mean "US" (United States)?`},
		{"GBR", `"GBR" is not an ISO 3166-1 alpha-2 country code: it is an alpha-3 code. Did you mean "GB" (United Kingdom)?`},
		{"che", `"che" is not an ISO 3166-1 alpha-2 country code: it is an alpha-3 code. Did you mean "CH" (Switzerland)?`},
		{"Germany", `"Germany" is not an ISO 3166-1 alpha-2 country code. Did you mean "DE" (Germany)?`},
		{"united states of america", `"united states of america" is not an ISO 3166-1 alpha-2 country code. Did you mean "US" (United States)?`},
		{"Turkey", `"Turkey" is not an ISO 3166-1 alpha-2 country code. Did you mean "TR" (Türkiye)?`},
		{"IC", `"IC" is not an ISO 3166-1 alpha-2 country code: it is reserved for the Canary Islands, which are part of Spain. Did you mean "ES" (Spain)?`},
		{"ZR", `"ZR" is not an ISO 3166-1 alpha-2 country code: it was withdrawn when Zaire became the Democratic Republic of the Congo. Did you mean "CD" (Democratic Republic of the Congo)?`},
		{"EU", `"EU" is not an ISO 3166-1 alpha-2 country code: it is reserved for the European Union, which is not a country.` + accepted},
		{"XK", `"XK" is not an ISO 3166-1 alpha-2 country code: it is a user-assigned code that some use for Kosovo, which has no ISO 3166-1 code.` + accepted},
		// One letter from DE, DK, DM, DO and DZ: no guess.
		{"DR", `"DR" is not an ISO 3166-1 alpha-2 country code.` + accepted},
		{"YU", `"YU" is not an ISO 3166-1 alpha-2 country code.` + accepted},
		{"", `"" is not an ISO 3166-1 alpha-2 country code.` + accepted},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			err := Check(tt.code)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Check(%q) = %v, want nil", tt.code, err)
				}
				return
			}
			if err == nil || err.Error() != tt.want {
				t.Errorf("Check(%q)\n got: %v\nwant: %s", tt.code, err, tt.want)
			}
		})
	}
}

func TestInEEA(t *testing.T) {
	var members []string
	for _, c := range Codes() {
		if InEEA(c) {
			members = append(members, c)
		}
	}
	if len(members) != 30 {
		t.Errorf("EEA has %d members %v, want 30", len(members), members)
	}
	for code := range eea {
		if !Valid(code) {
			t.Errorf("EEA member %s is not an assigned code", code)
		}
	}
	tests := []struct {
		code string
		want bool
	}{
		{"DE", true}, {"HR", true}, {"CY", true}, {"IS", true}, {"LI", true}, {"NO", true},
		{"CH", false}, {"GB", false}, {"US", false}, {"EU", false}, {"de", false},
	}
	for _, tt := range tests {
		if got := InEEA(tt.code); got != tt.want {
			t.Errorf("InEEA(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}

func TestAdequacy(t *testing.T) {
	want := []string{"AD", "AR", "CA", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ", "US", "UY"}
	var got []string
	for _, c := range Codes() {
		if AdequacyDecision(c) {
			got = append(got, c)
			if InEEA(c) {
				t.Errorf("%s is in the EEA and needs no adequacy decision", c)
			}
		}
	}
	if len(got) != len(want) {
		t.Fatalf("adequacy decisions for %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("adequacy decisions for %v, want %v", got, want)
		}
	}
	notes := []struct {
		code string
		want string
	}{
		{"US", "only for organisations certified under the EU-US Data Privacy Framework"},
		{"CA", "commercial organisations subject to PIPEDA"},
		{"CH", ""},
		{"DE", ""},
		{"CN", ""},
	}
	for _, tt := range notes {
		if got := AdequacyNote(tt.code); got != tt.want {
			t.Errorf("AdequacyNote(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
	if AdequacyDecision("CN") || AdequacyDecision("DE") || AdequacyDecision("UK") {
		t.Error("adequacy decision reported where there is none")
	}
}

func TestInJurisdiction(t *testing.T) {
	for _, tt := range []struct {
		code, jurisdiction string
		want               bool
	}{
		{"DE", EEA, true}, {"NO", EEA, true}, {"CH", EEA, false}, {"US", EEA, false},
		{"GB", "GB", true}, {"IE", "GB", false}, {"GB", EEA, false},
	} {
		if got := InJurisdiction(tt.code, tt.jurisdiction); got != tt.want {
			t.Errorf("InJurisdiction(%q, %q) = %v, want %v", tt.code, tt.jurisdiction, got, tt.want)
		}
	}
}
