package isotime

import (
	"strings"
	"testing"
	"time"
)

const dateHelp = ` is not a valid date: write YYYY-MM-DD, such as 2026-03-31.`

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2026-03-31", time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)},
		{"2024-02-29", time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)},
		{"2000-02-29", time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC)},
		{"1999-12-31", time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC)},
		{"0001-01-01", time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"9999-12-31", time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if err != nil {
				t.Fatalf("ParseDate(%q) error: %v", tt.in, err)
			}
			if !got.Equal(tt.want) || got.Location() != time.UTC {
				t.Errorf("ParseDate(%q) = %s, want %s", tt.in, got, tt.want)
			}
			if back := FormatDate(got); back != tt.in {
				t.Errorf("FormatDate(ParseDate(%q)) = %q", tt.in, back)
			}
		})
	}
}

func TestParseDateErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // after the quoted input and the general help
	}{
		{"empty", "", ""},
		{"words", "tomorrow", ""},
		{"month 13", "2024-13-01", ` Months go from 01 to 12.`},
		{"month 00", "2024-00-10", ` Months go from 01 to 12.`},
		{"day 00", "2024-04-00", ` Days in April 2024 go from 01 to 30.`},
		{"31 April", "2024-04-31", ` Days in April 2024 go from 01 to 30.`},
		{"not a leap year", "2025-02-29", ` Days in February 2025 go from 01 to 28.`},
		{"1900 was not a leap year", "1900-02-29", ` Days in February 1900 go from 01 to 28.`},
		{"day-month-year", "31/03/2026", ` Did you mean "2026-03-31"?`},
		{"day-month-year with dots", "31.03.2026", ` Did you mean "2026-03-31"?`},
		{"day-month-year with dashes", "31-03-2026", ` Did you mean "2026-03-31"?`},
		{"day-month-year without zeros", "13/3/2026", ` Did you mean "2026-03-13"?`},
		{"month-day-year", "03/31/2026", ` Did you mean "2026-03-31"?`},
		{"day and month equal", "05.05.2026", ` Did you mean "2026-05-05"?`},
		{"day or month", "03/04/2026", ""},
		{"no such day either way", "31/02/2026", ""},
		{"both above 12", "13/13/2026", ""},
		{"two-digit year", "31/03/26", ""},
		{"slashes", "2026/03/31", ` Did you mean "2026-03-31"?`},
		{"missing zeros", "2026-3-1", ` Did you mean "2026-03-01"?`},
		{"basic format", "20260331", ` Did you mean "2026-03-31"?`},
		{"spaces around", " 2026-03-31 ", ` Did you mean "2026-03-31"?`},
		{"with a time", "2026-03-31T10:00:00Z", ` Only the date is accepted, without a time of day. Did you mean "2026-03-31"?`},
		{"with a time after a space", "2026-03-31 10:00", ` Only the date is accepted, without a time of day. Did you mean "2026-03-31"?`},
		{"impossible date with a time", "2026-02-30T10:00:00Z", ""},
		{"year-day-month is not guessed", "2026-31-03", ` Months go from 01 to 12.`},
		{"five-digit year", "12026-03-31", ""},
		{"signed year", "+2026-03-31", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseDate(tt.in)
			if err == nil {
				t.Fatalf("ParseDate(%q) succeeded, want an error", tt.in)
			}
			want := `"` + tt.in + `"` + dateHelp + tt.want
			if err.Error() != want {
				t.Errorf("ParseDate(%q) error\n got: %s\nwant: %s", tt.in, err, want)
			}
		})
	}
}

func TestFormatDate(t *testing.T) {
	tests := []struct {
		in   time.Time
		want string
	}{
		{time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC), "2026-03-31"},
		{time.Date(2026, 3, 31, 23, 59, 59, 0, time.UTC), "2026-03-31"},
		// The date where t is, not in UTC (where it is already April).
		{time.Date(2026, 3, 31, 23, 0, 0, 0, time.FixedZone("UTC-5", -5*60*60)), "2026-03-31"},
		{time.Date(7, 1, 2, 0, 0, 0, 0, time.UTC), "0007-01-02"},
	}
	for _, tt := range tests {
		if got := FormatDate(tt.in); got != tt.want {
			t.Errorf("FormatDate(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzParseDate checks that parsing never panics, that a parsed date
// prints back as the input, and that every suggestion parses.
func FuzzParseDate(f *testing.F) {
	for _, seed := range []string{
		"2026-03-31", "2024-02-29", "2025-02-29", "", "31/03/2026", "03/31/2026",
		"03/04/2026", "20260331", "2026-03-31T10:00:00Z", "2026-3-1", " 2026-03-31",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), `"`) {
				t.Fatalf("ParseDate(%q) error does not start with the input: %v", s, err)
			}
			if fix, _ := repairDate(s); fix != "" {
				if _, err := ParseDate(fix); err != nil {
					t.Fatalf("suggestion %q for %q does not parse: %v", fix, s, err)
				}
			}
			return
		}
		if got := FormatDate(d); got != s {
			t.Fatalf("ParseDate(%q) formats back as %q", s, got)
		}
	})
}
