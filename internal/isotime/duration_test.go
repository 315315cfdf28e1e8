package isotime

import (
	"math"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // a clock change to test against, on any machine
)

const durationHelp = ` is not an ISO 8601 duration: write P followed by amounts and units, such as P30D (30 days), P6M (6 months), P7Y (7 years) or PT12H (12 hours).`

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want Duration
	}{
		{"P30D", Duration{Days: 30}},
		{"P7Y", Duration{Years: 7}},
		{"P6M", Duration{Months: 6}},
		{"P1Y6M", Duration{Years: 1, Months: 6}},
		{"P2W", Duration{Weeks: 2}},
		{"P1W3D", Duration{Weeks: 1, Days: 3}},
		{"PT12H", Duration{Hours: 12}},
		{"PT1M", Duration{Minutes: 1}},
		{"PT90S", Duration{Seconds: 90}},
		{"P1DT2H30M", Duration{Days: 1, Hours: 2, Minutes: 30}},
		{"P1M1DT1M", Duration{Months: 1, Days: 1, Minutes: 1}},
		{"P1Y2M3W4DT5H6M7S", Duration{1, 2, 3, 4, 5, 6, 7}},
		{"P0D", Duration{}},
		{"PT0S", Duration{}},
		{"P030D", Duration{Days: 30}},
		{"P999999999Y", Duration{Years: 999999999}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDuration(tt.in)
			if err != nil {
				t.Fatalf("ParseDuration(%q) error: %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ParseDuration(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseDurationErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // after the quoted input and the general help
	}{
		{"empty", "", ""},
		{"words", "30 days", ""},
		{"other symbols", "P30D!", ""},
		{"non-ASCII", "P30ſ", ""},
		{"missing P", "30D", ` Did you mean "P30D"?`},
		{"missing P lower case", "30d", ` Letters must be upper case. Did you mean "P30D"?`},
		{"lower case", "p30d", ` Letters must be upper case. Did you mean "P30D"?`},
		{"lower-case unit", "P30d", ` Letters must be upper case. Did you mean "P30D"?`},
		{"P alone", "P", ` P must be followed by at least one amount and unit.`},
		{"PT alone", "PT", ` T must be followed by hours, minutes or seconds, as in PT12H.`},
		{"dangling T", "P1DT", ` T must be followed by hours, minutes or seconds, as in PT12H. Did you mean "P1D"?`},
		{"hours without T", "P5H", ` Hours, minutes and seconds go after a T, as in PT5H; an M before the T means months. Did you mean "PT5H"?`},
		{"hours without P or T", "5H", ` Did you mean "PT5H"?`},
		{"T without P", "T5H", ` Did you mean "PT5H"?`},
		{"day and hours without T", "P1D2H", ` Hours, minutes and seconds go after a T, as in PT5H; an M before the T means months. Did you mean "P1DT2H"?`},
		{"minutes after hours without T", "P5H30M", ` Hours, minutes and seconds go after a T, as in PT5H; an M before the T means months. Did you mean "PT5H30M"?`},
		{"months or minutes", "P30M5S", ` Hours, minutes and seconds go after a T, as in PT5H; an M before the T means months.`},
		{"months or minutes before hours", "P6M5H", ` Hours, minutes and seconds go after a T, as in PT5H; an M before the T means months.`},
		{"hours before a T", "P5HT30M", ` Hours, minutes and seconds go after a T, as in PT5H; an M before the T means months.`},
		{"days after T", "PT1D", ` Years, weeks and days go before the T, as in P1DT12H. Did you mean "P1D"?`},
		{"date units out of order", "P1D1Y", ` Units go from largest to smallest: Y, M, W, D, then T and H, M, S. Did you mean "P1Y1D"?`},
		{"months before years", "P6M1Y", ` Units go from largest to smallest: Y, M, W, D, then T and H, M, S. Did you mean "P1Y6M"?`},
		{"time units out of order", "PT30M2H", ` Units go from largest to smallest: Y, M, W, D, then T and H, M, S. Did you mean "PT2H30M"?`},
		{"repeated unit", "P1D2D", ` Each unit may appear only once.`},
		{"repeated T", "PT1HT2M", ` T may appear only once.`},
		{"repeated P", "P1DP2D", ` P may appear only once, at the start.`},
		{"fraction", "P1.5D", ` Amounts must be whole numbers; use a smaller unit instead of a fraction, such as PT36H for a day and a half.`},
		{"decimal comma", "PT0,5H", ` Amounts must be whole numbers; use a smaller unit instead of a fraction, such as PT36H for a day and a half.`},
		{"leading fraction", "P.5D", ` Amounts must be whole numbers; use a smaller unit instead of a fraction, such as PT36H for a day and a half.`},
		{"negative", "-P1D", ` A duration cannot be negative and takes no sign.`},
		{"negative amount", "P-1D", ` A duration cannot be negative and takes no sign.`},
		{"plus sign", "+P1D", ` A duration cannot be negative and takes no sign. Did you mean "P1D"?`},
		{"spaces inside", "P 30 D", ` Spaces are not allowed. Did you mean "P30D"?`},
		{"spaces around", " P30D ", ` Spaces are not allowed. Did you mean "P30D"?`},
		{"amount without unit", "P30", ` Each amount needs a unit after it, such as the D in P30D.`},
		{"amount before T", "P30T1H", ` Each amount needs a unit after it, such as the D in P30D.`},
		{"unit without amount", "PD", ` Each unit needs an amount before it, such as the 30 in P30D.`},
		{"too many digits", "P1000000000D", ` Amounts may have at most 9 digits.`},
		{"alternative format", "P0001-02-03", ""},
		{"sign after a unit", "P1D-2H", ` A duration cannot be negative and takes no sign.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseDuration(tt.in)
			if err == nil {
				t.Fatalf("ParseDuration(%q) succeeded, want an error", tt.in)
			}
			want := `"` + tt.in + `"` + durationHelp + tt.want
			if err.Error() != want {
				t.Errorf("ParseDuration(%q) error\n got: %s\nwant: %s", tt.in, err, want)
			}
		})
	}
}

func TestDurationString(t *testing.T) {
	tests := []struct {
		d    Duration
		want string
	}{
		{Duration{}, "P0D"},
		{Duration{Days: 30}, "P30D"},
		{Duration{Years: 1, Months: 6}, "P1Y6M"},
		{Duration{Weeks: 2}, "P2W"},
		{Duration{Hours: 12}, "PT12H"},
		{Duration{Days: 1, Hours: 2, Minutes: 30}, "P1DT2H30M"},
		{Duration{Minutes: 5}, "PT5M"},
		{Duration{Months: 5}, "P5M"},
		{Duration{1, 2, 3, 4, 5, 6, 7}, "P1Y2M3W4DT5H6M7S"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestDurationIsZero(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"P0D", true},
		{"PT0S", true},
		{"P0Y0M0W0DT0H0M0S", true},
		{"PT1S", false},
		{"P1Y", false},
	}
	for _, tt := range tests {
		d, err := ParseDuration(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.IsZero(); got != tt.want {
			t.Errorf("ParseDuration(%q).IsZero() = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestDurationAddTo(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	utc := func(y int, m time.Month, d, h, mi, s int) time.Time {
		return time.Date(y, m, d, h, mi, s, 0, time.UTC)
	}
	tests := []struct {
		name  string
		d     string
		start time.Time
		want  time.Time
	}{
		{"days", "P30D", utc(2026, 3, 1, 0, 0, 0), utc(2026, 3, 31, 0, 0, 0)},
		{"years across a leap day", "P1Y", utc(2024, 2, 28, 0, 0, 0), utc(2025, 2, 28, 0, 0, 0)},
		{"from a leap day rolls over", "P1Y", utc(2024, 2, 29, 0, 0, 0), utc(2025, 3, 1, 0, 0, 0)},
		{"month past a short month rolls over", "P1M", utc(2025, 1, 31, 0, 0, 0), utc(2025, 3, 3, 0, 0, 0)},
		{"weeks are 7 days", "P2W", utc(2026, 1, 1, 0, 0, 0), utc(2026, 1, 15, 0, 0, 0)},
		{"years and months together", "P1Y6M", utc(2026, 1, 15, 0, 0, 0), utc(2027, 7, 15, 0, 0, 0)},
		{"time after the date", "P1DT2H30M15S", utc(2026, 3, 31, 22, 0, 0), utc(2026, 4, 2, 0, 30, 15)},
		{"zero", "P0D", utc(2026, 3, 31, 12, 0, 0), utc(2026, 3, 31, 12, 0, 0)},
		{"huge hours do not overflow", "PT999999999H", utc(2000, 1, 1, 0, 0, 0), utc(2000, 1, 1, 0, 0, 0).AddDate(0, 0, 41666666).Add(15 * time.Hour)},
		// Berlin moves its clocks forward on 2026-03-29: a day keeps the
		// wall-clock time, 24 hours do not.
		{"a day across a clock change", "P1D", time.Date(2026, 3, 28, 12, 0, 0, 0, berlin), time.Date(2026, 3, 29, 12, 0, 0, 0, berlin)},
		{"24 hours across a clock change", "PT24H", time.Date(2026, 3, 28, 12, 0, 0, 0, berlin), time.Date(2026, 3, 29, 13, 0, 0, 0, berlin)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseDuration(tt.d)
			if err != nil {
				t.Fatal(err)
			}
			got := d.AddTo(tt.start)
			if !got.Equal(tt.want) {
				t.Errorf("%s.AddTo(%s) = %s, want %s", tt.d, tt.start, got, tt.want)
			}
			if got.Location() != tt.start.Location() {
				t.Errorf("%s.AddTo(%s) is in %s, want %s", tt.d, tt.start, got.Location(), tt.start.Location())
			}
		})
	}
}

func TestDurationApproxDays(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"P0D", 0},
		{"P30D", 30},
		{"P2W", 14},
		{"P1Y", 365.25},
		{"P6M", 182.64},
		{"PT12H", 0.5},
		{"PT36H", 1.5},
		{"P1DT6H", 1.25},
		{"PT1440M", 1},
		{"PT86400S", 1},
	}
	for _, tt := range tests {
		d, err := ParseDuration(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.ApproxDays(); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("ParseDuration(%q).ApproxDays() = %v, want %v", tt.in, got, tt.want)
		}
	}
	// The point of ApproxDays is ordering.
	order := []string{"PT23H", "P1D", "P4W", "P1M", "P31D", "P6M", "P1Y", "P366D", "P7Y"}
	for i := 1; i < len(order); i++ {
		a, _ := ParseDuration(order[i-1])
		b, _ := ParseDuration(order[i])
		if a.ApproxDays() >= b.ApproxDays() {
			t.Errorf("%s (%v days) should be shorter than %s (%v days)", a, a.ApproxDays(), b, b.ApproxDays())
		}
	}
}

// FuzzParseDuration checks that parsing never panics, that whatever parses
// prints canonically and parses back to the same value, and that every
// suggestion made in an error is itself a valid duration.
func FuzzParseDuration(f *testing.F) {
	for _, seed := range []string{
		"P30D", "P7Y", "P1Y6M", "P2W", "PT12H", "P1DT2H30M", "P0D", "P1Y2M3W4DT5H6M7S",
		"", "P", "PT", "p30d", "30D", "P5H", "P5H30M", "P30M5S", "P1D1Y", "P1D2D",
		"P1.5D", "-P1D", "+P1D", " P 30 D ", "30 days", "P999999999999D", "PT1HT2M", "P0001-02-03",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), `"`) {
				t.Fatalf("ParseDuration(%q) error does not start with the input: %v", s, err)
			}
			if fix := repairDuration(s); fix != "" {
				if _, err := ParseDuration(fix); err != nil {
					t.Fatalf("suggestion %q for %q does not parse: %v", fix, s, err)
				}
			}
			return
		}
		canonical := d.String()
		again, err := ParseDuration(canonical)
		if err != nil {
			t.Fatalf("ParseDuration(%q) = %+v prints as %q, which does not parse: %v", s, d, canonical, err)
		}
		if again != d {
			t.Fatalf("ParseDuration(%q) = %+v, but its canonical form %q parses to %+v", s, d, canonical, again)
		}
		if again.String() != canonical {
			t.Fatalf("canonical form %q is not stable: it prints again as %q", canonical, again.String())
		}
	})
}
