package suggest

import (
	"reflect"
	"testing"
)

func TestClosest(t *testing.T) {
	ids := []string{"9.1.1", "9.1.2", "9.2.1", "9.2.2", "10.1.1", "10.1.2", "18.1.4", "A.2", "A.12"}
	annexA := []string{"A.2.1", "A.3.1", "A.5.1", "A.6.1", "A.10.1", "A.10.3", "A.11.1", "A.11.3", "A.11.10", "A.11.11", "A.11.12", "A.11.13", "A.12.1", "A.12.2"}
	keys := []string{"illegitimate_access", "unwanted_modification", "data_loss", "over_retention"}
	tests := []struct {
		name       string
		input      string
		candidates []string
		max        int
		want       []string
	}{
		{"missing dot", "9.21", ids, 3, []string{"9.2.1"}},
		{"no dots at all", "921", ids, 3, []string{"9.2.1"}},
		{"one digit off", "10.1.3", ids, 2, []string{"10.1.1", "10.1.2"}},
		{"same section first", "A.12.3", annexA, 3, []string{"A.12.1", "A.12.2"}},
		{"same section first, case ignored", "a.11.14", annexA, 3, []string{"A.11.1", "A.11.10", "A.11.11"}},
		{"other sections when the own has none", "A.4.1", annexA, 3, []string{"A.2.1", "A.3.1", "A.5.1"}},
		{"a dot on its own is no section", ".9", []string{"9", "8"}, 3, []string{"9"}},
		{"case ignored", "a.12", ids, 3, []string{"A.12"}},
		{"typo in key", "ilegitimate_acess", keys, 3, []string{"illegitimate_access"}},
		{"transposition", "data_lsos", keys, 3, []string{"data_loss"}},
		{"cut short", "warn", []string{"error", "warning"}, 3, []string{"warning"}},
		{"nothing close", "encryption", keys, 3, nil},
		{"exact match is not a suggestion", "data_loss", keys, 3, nil},
		{"max respected", "9.1.3", ids, 1, []string{"9.1.1"}},
		{"empty input", "", ids, 3, nil},
		{"zero max", "9.21", ids, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Closest(tt.input, tt.candidates, tt.max)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Closest(%q) = %q, want %q", tt.input, got, tt.want)
			}
		})
	}
}

func TestPhrase(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"9.2.1"}, ` Did you mean "9.2.1"?`},
		{[]string{"a", "b"}, ` Did you mean "a" or "b"?`},
		{[]string{"a", "b", "c"}, ` Did you mean "a", "b" or "c"?`},
	}
	for _, tt := range tests {
		if got := Phrase(tt.in); got != tt.want {
			t.Errorf("Phrase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
