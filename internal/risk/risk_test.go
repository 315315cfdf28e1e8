package risk

import (
	"strings"
	"testing"
)

func TestLevels(t *testing.T) {
	// Every cell of the 4×4 matrix, as the risk model guide draws it.
	want := [4][4]string{
		{"low", "low", "low", "medium"},
		{"low", "medium", "medium", "high"},
		{"low", "medium", "high", "very_high"},
		{"medium", "high", "very_high", "very_high"},
	}
	for l := Negligible; l <= Maximum; l++ {
		for i := Negligible; i <= Maximum; i++ {
			score, level := Assess(l, i)
			if score != int(l)*int(i) {
				t.Errorf("score(%s, %s) = %d", l, i, score)
			}
			if level.String() != want[l-1][i-1] {
				t.Errorf("level(%s, %s) = %s, want %s", l, i, level, want[l-1][i-1])
			}
		}
	}
}

func TestLevelBoundaries(t *testing.T) {
	tests := []struct {
		score int
		want  Level
	}{{1, Low}, {3, Low}, {4, Medium}, {6, Medium}, {8, High}, {9, High}, {12, VeryHigh}, {16, VeryHigh}}
	for _, tt := range tests {
		if got := LevelOf(tt.score); got != tt.want {
			t.Errorf("LevelOf(%d) = %s, want %s", tt.score, got, tt.want)
		}
	}
}

func TestParseRating(t *testing.T) {
	tests := []struct {
		in      string
		want    Rating
		wantErr string
	}{
		{"negligible", Negligible, ""},
		{"maximum", Maximum, ""},
		{"3", Significant, ""},
		{"signficant", 0, `"signficant" is not a rating; use one of "negligible", "limited", "significant", "maximum" (1 to 4). Did you mean "significant"?`},
		{"5", 0, `"5" is not a rating`},
		{"", 0, `"" is not a rating`},
	}
	for _, tt := range tests {
		got, err := ParseRating(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
				t.Errorf("ParseRating(%q) error = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseRating(%q) = %v, %v", tt.in, got, err)
		}
	}
}

func TestLower(t *testing.T) {
	if Maximum.Lower(2) != Limited || Limited.Lower(2) != Negligible || Negligible.Lower(1) != Negligible || Significant.Lower(0) != Significant {
		t.Error("Lower does not step down and stop at negligible")
	}
}

func TestParseLevel(t *testing.T) {
	if l, err := ParseLevel("very_high"); err != nil || l != VeryHigh {
		t.Errorf("got %v, %v", l, err)
	}
	if _, err := ParseLevel("hihg"); err == nil || !strings.Contains(err.Error(), `Did you mean "high"?`) {
		t.Errorf("got %v", err)
	}
}
