package isotime

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/privacycode/terraform-provider-pii/internal/suggest"
)

const reasonDateTime = "Only the date is accepted, without a time of day."

// ParseDate parses a calendar date written YYYY-MM-DD, such as 2026-03-31,
// and returns midnight UTC at the start of that day. Other layouts are
// refused rather than guessed, because 03/04/2026 is March to some readers
// and April to others; the error suggests the ISO form when only one
// reading is possible.
func ParseDate(s string) (time.Time, error) {
	t, reason, ok := scanDate(s)
	if ok {
		return t, nil
	}
	fix, fixReason := repairDate(s)
	if reason == "" {
		reason = fixReason
	}
	msg := fmt.Sprintf("%q is not a valid date: write YYYY-MM-DD, such as 2026-03-31.", s)
	if reason != "" {
		msg += " " + reason
	}
	if fix != "" {
		msg += suggest.Phrase([]string{fix})
	}
	return time.Time{}, errors.New(msg)
}

// FormatDate writes the calendar date of t, in t's own location, as
// YYYY-MM-DD.
func FormatDate(t time.Time) string {
	return t.Format(time.DateOnly)
}

// scanDate is the strict parser. It explains a date that has the right
// shape but does not exist (2025-02-29); for anything else the general
// message is the explanation.
func scanDate(s string) (time.Time, string, bool) {
	if len(s) != len("2006-01-02") || s[4] != '-' || s[7] != '-' ||
		!allDigits(s[:4]) || !allDigits(s[5:7]) || !allDigits(s[8:]) {
		return time.Time{}, "", false
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:])
	t, reason := makeDate(y, m, d)
	return t, reason, reason == ""
}

// makeDate returns the date, or why it does not exist.
func makeDate(y, m, d int) (time.Time, string) {
	if m < 1 || m > 12 {
		return time.Time{}, "Months go from 01 to 12."
	}
	// Day 0 of the next month is the last day of this one.
	last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d < 1 || d > last {
		return time.Time{}, fmt.Sprintf("Days in %s %04d go from 01 to %d.", time.Month(m), y, last)
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), ""
}

// repairDate returns the ISO form of s when s can only mean one date, and
// a reason when the problem deserves one. It understands surrounding
// spaces, a date with a time (2026-03-31T10:00:00Z), the basic form
// (20260331), other separators or missing zeros (2026/3/31), and
// day-month-year or month-day-year when the day is above 12 or both
// numbers are equal (31/03/2026, 03/31/2026, 05.05.2026). Two-digit years
// are not guessed.
func repairDate(s string) (string, string) {
	t := strings.TrimSpace(s)
	if len(t) > 10 && strings.ContainsRune("Tt ", rune(t[10])) {
		if _, _, ok := scanDate(t[:10]); ok {
			return t[:10], reasonDateTime
		}
		return "", ""
	}
	var y, m, d int
	if len(t) == 8 && allDigits(t) {
		y, _ = strconv.Atoi(t[:4])
		m, _ = strconv.Atoi(t[4:6])
		d, _ = strconv.Atoi(t[6:])
	} else {
		f := strings.FieldsFunc(t, func(r rune) bool { return strings.ContainsRune("-/. ", r) })
		if len(f) != 3 || !allDigits(f[0]) || !allDigits(f[1]) || !allDigits(f[2]) {
			return "", ""
		}
		n := [3]int{}
		for i := range f {
			n[i], _ = strconv.Atoi(f[i])
		}
		short := func(p string) bool { return len(p) >= 1 && len(p) <= 2 }
		switch {
		case len(f[0]) == 4 && short(f[1]) && short(f[2]):
			y, m, d = n[0], n[1], n[2]
		case len(f[2]) == 4 && short(f[0]) && short(f[1]):
			y = n[2]
			switch a, b := n[0], n[1]; {
			case a == b:
				m, d = a, a
			case a > 12 && b <= 12:
				d, m = a, b
			case b > 12 && a <= 12:
				m, d = a, b
			default:
				// 03/04/2026: March or April?
				return "", ""
			}
		default:
			return "", ""
		}
	}
	if _, reason := makeDate(y, m, d); reason != "" {
		return "", ""
	}
	fix := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	if fix == s {
		return "", ""
	}
	return fix, ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
