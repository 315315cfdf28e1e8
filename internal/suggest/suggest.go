// Package suggest finds the known names closest to a mistyped one, so that an
// error can say "did you mean 9.2.1?" instead of only "not found".
package suggest

import (
	"sort"
	"strings"
)

// Closest returns up to n candidates that look like a plausible typo of
// input, the equally best ones in name order. Case is ignored, and for dotted identifiers such as
// control ids a missing or extra dot counts as a single small slip, so "9.21"
// and "921" both find "9.2.1". It returns nil when nothing is close enough to
// be worth suggesting.
func Closest(input string, candidates []string, n int) []string {
	if n <= 0 || input == "" {
		return nil
	}
	in := strings.ToLower(input)
	type scored struct {
		name  string
		score int
	}
	var found []scored
	seen := make(map[string]bool, len(candidates))
	for _, c := range candidates {
		if seen[c] {
			continue
		}
		seen[c] = true
		if c == input {
			continue
		}
		lc := strings.ToLower(c)
		d := distance(in, lc)
		if undotted := distance(stripDots(in), stripDots(lc)); undotted+1 < d {
			d = undotted + 1
		}
		// A cut-short word ("warn" for "warning") is a typo of its own kind.
		if len(in) >= 3 && strings.HasPrefix(lc, in) && d > 1 {
			d = 1
		}
		if d <= limit(in) {
			found = append(found, scored{c, d})
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].score != found[j].score {
			return found[i].score < found[j].score
		}
		return found[i].name < found[j].name
	})
	// Only the best-scoring names are suggested: offering "9.1.1" next to
	// an exact-but-for-a-dot "9.2.1" would only confuse.
	for i := range found {
		if found[i].score != found[0].score {
			found = found[:i]
			break
		}
	}
	out := make([]string, len(found))
	for i, f := range found {
		out[i] = f.name
	}
	out = siblingsFirst(in, out)
	if len(out) > n {
		out = out[:n]
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Phrase renders suggestions for the end of an error message:
// ` Did you mean "9.2.1"?` or ` Did you mean "a", "b" or "c"?`, or "" when
// there are none.
func Phrase(suggestions []string) string {
	if len(suggestions) == 0 {
		return ""
	}
	quoted := make([]string, len(suggestions))
	for i, s := range suggestions {
		quoted[i] = `"` + s + `"`
	}
	if len(quoted) == 1 {
		return " Did you mean " + quoted[0] + "?"
	}
	return " Did you mean " + strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1] + "?"
}

// limit is how many edits still count as a typo: short names tolerate one,
// longer names roughly one in three characters.
func limit(s string) int {
	n := len([]rune(s))
	switch {
	case n <= 3:
		return 1
	case n <= 8:
		return 2
	default:
		return n / 3
	}
}

func stripDots(s string) string { return strings.ReplaceAll(s, ".", "") }

// siblingsFirst keeps, of equally close dotted ids, those in the input's own
// section (everything before its last dot) when there are any: someone who
// writes "A.12.3" knows the section and slipped on the number, so "A.12.1"
// and "A.12.2" help more than "A.11.3" does.
func siblingsFirst(input string, names []string) []string {
	dot := strings.LastIndexByte(input, '.')
	if dot <= 0 {
		return names
	}
	section := input[:dot+1]
	var siblings []string
	for _, name := range names {
		if strings.HasPrefix(strings.ToLower(name), section) {
			siblings = append(siblings, name)
		}
	}
	if len(siblings) == 0 {
		return names
	}
	return siblings
}

// distance is the Damerau–Levenshtein (optimal string alignment) distance,
// so a swapped pair of characters ("9.1.2" for "9.2.1"'s neighbour) costs one.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
