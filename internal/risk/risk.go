// Package risk holds the privacy risk scale shared by assessments, coverage
// and reports: four-step likelihood and impact ratings (as in the CNIL PIA
// method and ISO/IEC 29134's informative scales), their product as a score,
// and the level that a score falls in.
//
//	score = likelihood × impact        (1 … 16)
//	level = low (1–3) · medium (4–6) · high (8–9) · very_high (12–16)
//
// Scores 7, 10 and 11 cannot occur: no two ratings of 1–4 multiply to them.
package risk

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/suggest"
)

// Rating is a likelihood or impact on the four-step scale.
type Rating int

const (
	Negligible Rating = iota + 1
	Limited
	Significant
	Maximum
)

var ratingNames = []string{"negligible", "limited", "significant", "maximum"}

// RatingNames lists the accepted rating names, lowest first.
func RatingNames() []string { return append([]string(nil), ratingNames...) }

func (r Rating) String() string {
	if r < Negligible || r > Maximum {
		return "unrated"
	}
	return ratingNames[r-1]
}

// Valid reports whether r is on the scale.
func (r Rating) Valid() bool { return r >= Negligible && r <= Maximum }

// ParseRating reads a rating name ("significant") or its number ("3").
func ParseRating(s string) (Rating, error) {
	for i, n := range ratingNames {
		if s == n {
			return Rating(i + 1), nil
		}
	}
	if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= 4 {
		return Rating(n), nil
	}
	return 0, fmt.Errorf("%q is not a rating; use one of %s (1 to 4).%s",
		s, quoted(ratingNames), suggest.Phrase(suggest.Closest(s, ratingNames, 1)))
}

// Lower returns the rating steps levels lower, never below Negligible.
func (r Rating) Lower(steps int) Rating {
	if out := r - Rating(steps); out >= Negligible {
		return out
	}
	return Negligible
}

// Level is the band a score falls in.
type Level int

const (
	Low Level = iota + 1
	Medium
	High
	VeryHigh
)

var levelNames = []string{"low", "medium", "high", "very_high"}

// LevelNames lists the level names, lowest first.
func LevelNames() []string { return append([]string(nil), levelNames...) }

// AppetiteNames lists the levels an organisation can accept as residual
// risk: very_high is never acceptable.
func AppetiteNames() []string { return append([]string(nil), levelNames[:3]...) }

func (l Level) String() string {
	if l < Low || l > VeryHigh {
		return "unknown"
	}
	return levelNames[l-1]
}

// ParseLevel reads a level name.
func ParseLevel(s string) (Level, error) {
	for i, n := range levelNames {
		if s == n {
			return Level(i + 1), nil
		}
	}
	return 0, fmt.Errorf("%q is not a risk level; use one of %s.%s", s, quoted(levelNames), suggest.Phrase(suggest.Closest(s, levelNames, 1)))
}

// Score is likelihood × impact.
func Score(likelihood, impact Rating) int { return int(likelihood) * int(impact) }

// LevelOf returns the level of a score.
func LevelOf(score int) Level {
	switch {
	case score <= 3:
		return Low
	case score <= 6:
		return Medium
	case score <= 9:
		return High
	default:
		return VeryHigh
	}
}

// Assess returns the score and level of a likelihood and impact.
func Assess(likelihood, impact Rating) (int, Level) {
	s := Score(likelihood, impact)
	return s, LevelOf(s)
}

func quoted(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}
