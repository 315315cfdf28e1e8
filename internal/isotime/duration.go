package isotime

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/privacycode/terraform-provider-pii/internal/suggest"
)

// Duration is an ISO 8601 duration with whole, non-negative amounts. The
// zero value is the empty duration, P0D.
type Duration struct {
	Years, Months, Weeks, Days, Hours, Minutes, Seconds int
}

// maxDigits bounds each amount so that AddTo cannot overflow: 999,999,999
// hours is still far inside the range of int64 seconds.
const maxDigits = 9

// Specific problems, appended to the general error so that a reader learns
// the rule as well as the fix.
const (
	reasonSpaces     = "Spaces are not allowed."
	reasonCase       = "Letters must be upper case."
	reasonSign       = "A duration cannot be negative and takes no sign."
	reasonEmptyP     = "P must be followed by at least one amount and unit."
	reasonEmptyT     = "T must be followed by hours, minutes or seconds, as in PT12H."
	reasonTimeNoT    = "Hours, minutes and seconds go after a T, as in PT5H; an M before the T means months."
	reasonDateAfterT = "Years, weeks and days go before the T, as in P1DT12H."
	reasonOrder      = "Units go from largest to smallest: Y, M, W, D, then T and H, M, S."
	reasonRepeat     = "Each unit may appear only once."
	reasonRepeatT    = "T may appear only once."
	reasonRepeatP    = "P may appear only once, at the start."
	reasonFraction   = "Amounts must be whole numbers; use a smaller unit instead of a fraction, such as PT36H for a day and a half."
	reasonTooLong    = "Amounts may have at most 9 digits."
	reasonNoUnit     = "Each amount needs a unit after it, such as the D in P30D."
	reasonNoAmount   = "Each unit needs an amount before it, such as the 30 in P30D."
)

// Ranks give the required order of units; M has two, months before the T
// and minutes after it.
const (
	rankYears = iota
	rankMonths
	rankWeeks
	rankDays
	rankHours
	rankMinutes
	rankSeconds
)

func rankOf(unit byte, afterT bool) (int, bool) {
	if afterT {
		switch unit {
		case 'H':
			return rankHours, true
		case 'M':
			return rankMinutes, true
		case 'S':
			return rankSeconds, true
		}
		return 0, false
	}
	switch unit {
	case 'Y':
		return rankYears, true
	case 'M':
		return rankMonths, true
	case 'W':
		return rankWeeks, true
	case 'D':
		return rankDays, true
	}
	return 0, false
}

func (d *Duration) field(rank int) *int {
	return [...]*int{&d.Years, &d.Months, &d.Weeks, &d.Days, &d.Hours, &d.Minutes, &d.Seconds}[rank]
}

// ParseDuration parses an ISO 8601 duration such as P30D, P1Y6M, P2W,
// PT12H or P1DT2H30M. See the package documentation for what is accepted.
func ParseDuration(s string) (Duration, error) {
	d, reason, ok := scanDuration(s)
	if ok {
		return d, nil
	}
	msg := fmt.Sprintf("%q is not an ISO 8601 duration: write P followed by amounts and units, such as P30D (30 days), P6M (6 months), P7Y (7 years) or PT12H (12 hours).", s)
	if reason != "" {
		msg += " " + reason
	}
	if fix := repairDuration(s); fix != "" {
		msg += suggest.Phrase([]string{fix})
	}
	return Duration{}, errors.New(msg)
}

// scanDuration is the strict parser. When it fails it names the first
// problem it can explain, or no reason for text that does not look like a
// duration at all (such as "30 days"), where a rule would only mislead.
func scanDuration(s string) (Duration, string, bool) {
	var d Duration
	if s == "" || !looksLikeDuration(s) {
		return d, "", false
	}
	switch {
	case strings.ContainsFunc(s, unicode.IsSpace):
		return d, reasonSpaces, false
	case strings.ContainsFunc(s, unicode.IsLower):
		return d, reasonCase, false
	case s[0] == '+' || s[0] == '-':
		return d, reasonSign, false
	case s[0] != 'P':
		// The general message already says to start with P.
		return d, "", false
	}
	afterT := false
	last := -1 // rank of the previous unit
	components, timeComponents := 0, 0
	for i := 1; i < len(s); {
		c := s[i]
		switch {
		case c == 'T':
			if afterT {
				return d, reasonRepeatT, false
			}
			afterT = true
			i++
			continue
		case c == 'P':
			return d, reasonRepeatP, false
		case c == '.' || c == ',':
			return d, reasonFraction, false
		case c == '+' || c == '-':
			return d, reasonSign, false
		case !isDigit(c):
			return d, reasonNoAmount, false
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j-i > maxDigits {
			return d, reasonTooLong, false
		}
		if j == len(s) || s[j] == 'T' || s[j] == 'P' {
			return d, reasonNoUnit, false
		}
		switch s[j] {
		case '.', ',':
			return d, reasonFraction, false
		case '+', '-':
			// P0001-02-03, the alternative format: not worth a rule.
			return d, "", false
		}
		unit := s[j]
		rank, ok := rankOf(unit, afterT)
		if !ok {
			if afterT {
				return d, reasonDateAfterT, false
			}
			return d, reasonTimeNoT, false
		}
		if rank == last {
			return d, reasonRepeat, false
		}
		if rank < last {
			return d, reasonOrder, false
		}
		n, err := strconv.Atoi(s[i:j])
		if err != nil { // unreachable: at most maxDigits digits
			return d, reasonTooLong, false
		}
		*d.field(rank) = n
		last = rank
		components++
		if afterT {
			timeComponents++
		}
		i = j + 1
	}
	if afterT && timeComponents == 0 {
		return d, reasonEmptyT, false
	}
	if components == 0 {
		return d, reasonEmptyP, false
	}
	return d, "", true
}

// looksLikeDuration reports whether s is made only of what a duration
// could contain, mistakes included: anything else (words, other symbols)
// is not worth a specific reason.
func looksLikeDuration(s string) bool {
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		// ASCII only: unicode.ToUpper would turn the long s (ſ) into S.
		if r >= utf8.RuneSelf || !strings.ContainsRune("PTYMWDHS0123456789.,+-", unicode.ToUpper(r)) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// repairDuration returns the duration s was most likely meant to be, or ""
// when there is no single clear fix. It forgives case, spaces, a leading +,
// a missing P, a missing T before hours or seconds, a dangling T and units
// out of order, but not fractions, negative amounts or repeated units, whose
// intended value is a guess.
func repairDuration(s string) string {
	if !looksLikeDuration(s) {
		return ""
	}
	r := strings.ToUpper(strings.Join(strings.Fields(s), ""))
	r = strings.TrimPrefix(r, "+")
	if r == "" {
		return ""
	}
	if r[0] != 'P' {
		if !isDigit(r[0]) && r[0] != 'T' {
			return ""
		}
		r = "P" + r
	}
	type token struct {
		text   string // amount and unit as written, such as "030D"
		unit   byte
		afterT bool
	}
	var tokens []token
	sawT := false
	firstTime := -1 // index of the first H or S token before any T
	for i := 1; i < len(r); {
		if r[i] == 'T' {
			if sawT {
				return ""
			}
			sawT = true
			i++
			continue
		}
		j := i
		for j < len(r) && isDigit(r[j]) {
			j++
		}
		if j == i || j-i > maxDigits || j == len(r) || !strings.ContainsRune("YMWDHS", rune(r[j])) {
			return ""
		}
		if (r[j] == 'H' || r[j] == 'S') && !sawT && firstTime < 0 {
			firstTime = len(tokens)
		}
		tokens = append(tokens, token{r[i : j+1], r[j], sawT})
		i = j + 1
	}
	if len(tokens) == 0 || (sawT && firstTime >= 0) {
		// Nothing to keep, or hours before a T that is there (P5HT30M),
		// which has no clear reading.
		return ""
	}
	ranks := make([]int, len(tokens))
	seen := map[int]bool{}
	for k, t := range tokens {
		var rank int
		switch t.unit {
		case 'Y':
			rank = rankYears
		case 'W':
			rank = rankWeeks
		case 'D':
			rank = rankDays
		case 'H':
			rank = rankHours
		case 'S':
			rank = rankSeconds
		case 'M':
			switch {
			case t.afterT:
				rank = rankMinutes
			case sawT || firstTime < 0:
				rank = rankMonths
			case k > firstTime:
				// P5H30M: after hours, M can only be minutes.
				rank = rankMinutes
			default:
				// P30M5S and P6M5H without a T: months or minutes?
				return ""
			}
		}
		if seen[rank] {
			return ""
		}
		seen[rank] = true
		ranks[k] = rank
	}
	order := make([]int, len(tokens))
	for k := range order {
		order[k] = k
	}
	sort.Slice(order, func(a, b int) bool { return ranks[order[a]] < ranks[order[b]] })
	var b strings.Builder
	b.WriteByte('P')
	wroteT := false
	for _, k := range order {
		if ranks[k] >= rankHours && !wroteT {
			b.WriteByte('T')
			wroteT = true
		}
		b.WriteString(tokens[k].text)
	}
	fix := b.String()
	if fix == s {
		return ""
	}
	if _, _, ok := scanDuration(fix); !ok {
		return ""
	}
	return fix
}

// String returns the canonical form: units from largest to smallest, zero
// amounts left out, and P0D for the empty duration.
func (d Duration) String() string {
	var b strings.Builder
	b.WriteByte('P')
	put := func(n int, unit byte) {
		if n != 0 {
			b.WriteString(strconv.Itoa(n))
			b.WriteByte(unit)
		}
	}
	put(d.Years, 'Y')
	put(d.Months, 'M')
	put(d.Weeks, 'W')
	put(d.Days, 'D')
	if d.Hours != 0 || d.Minutes != 0 || d.Seconds != 0 {
		b.WriteByte('T')
		put(d.Hours, 'H')
		put(d.Minutes, 'M')
		put(d.Seconds, 'S')
	}
	if b.Len() == 1 {
		return "P0D"
	}
	return b.String()
}

// IsZero reports whether every amount is zero (P0D, PT0S, P0Y0M…).
func (d Duration) IsZero() bool {
	return d == Duration{}
}

// AddTo returns the end of the period that starts at t. Years, months,
// weeks (as 7 days) and days are calendar units added with time.AddDate,
// so P1D is the same wall-clock time on the next day even across a clock
// change, and an end past the last day of a month rolls over into the next
// one as AddDate does (2025-01-31 plus P1M is 2025-03-03). Hours, minutes
// and seconds are elapsed time, added afterwards to the instant.
func (d Duration) AddTo(t time.Time) time.Time {
	t = t.AddDate(d.Years, d.Months, d.Weeks*7+d.Days)
	secs := int64(d.Hours)*3600 + int64(d.Minutes)*60 + int64(d.Seconds)
	if secs == 0 {
		return t
	}
	// Through Unix seconds rather than time.Duration, which overflows after
	// about 292 years' worth of hours.
	return time.Unix(t.Unix()+secs, int64(t.Nanosecond())).In(t.Location())
}

// ApproxDays is the length in days with average years (365.25 days) and
// months (30.44 days), for ordering periods without a start date, such as
// "is this retention period longer than that one". It is not a calendar
// answer; use AddTo for that.
func (d Duration) ApproxDays() float64 {
	return float64(d.Years)*365.25 +
		float64(d.Months)*30.44 +
		float64(d.Weeks)*7 +
		float64(d.Days) +
		float64(d.Hours)/24 +
		float64(d.Minutes)/(24*60) +
		float64(d.Seconds)/(24*60*60)
}
