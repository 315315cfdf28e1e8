// Package isotime parses and prints the two ISO 8601 forms that
// configuration uses for time: durations such as P30D, P7Y or PT12H
// (retention periods, review intervals) and calendar dates such as
// 2026-03-31 (review and expiry dates).
//
// A Duration keeps each unit's amount as written instead of converting to
// seconds, because years, months and days are calendar units: a month is 28
// to 31 days, and a day may be 23 or 25 hours across a clock change. The
// real end of a period is found by adding it to a start date (AddTo);
// ApproxDays gives a length for comparing periods when there is no start.
//
// Only a strict, unambiguous subset of ISO 8601 is accepted, so that a
// value means the same to every reader: upper case, whole non-negative
// amounts, units from largest to smallest (Y, M, W, D, then T and H, M, S),
// each at most once. Weeks may be combined with other units (P1W3D), which
// ISO 8601:2004 does not allow but which has only one possible reading.
// Dates are the extended calendar form YYYY-MM-DD only.
//
// Errors say what was wrong and what is accepted, and suggest the intended
// value when the fix is clear (p30d → P30D, P5H → PT5H, 31/03/2026 →
// 2026-03-31). No suggestion is made where the input has two readings, such
// as P30M5S (30 months or 30 minutes?) or 03/04/2026 (March or April?).
package isotime
