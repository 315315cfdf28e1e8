// Package coverage decides whether the controls selected for a privacy risk
// assessment cover its risks, and explains every gap.
//
// The model, documented for users in docs/guides/risk-model.md:
//
//   - A risk has an inherent likelihood and impact (1–4 each). Its score is
//     their product and its level follows from the score (package risk).
//   - A selected control is effective for a risk when its status is
//     implemented, its scope is organisation-wide or includes the assessed
//     activity, and its catalog entry treats the risk's category.
//   - Each effective control lowers the dimension its catalog entry names
//     (likelihood or impact) by one step, at most two steps per dimension
//     and never below 1. So adding an effective control never raises a
//     residual.
//   - Partial and alternative controls count towards partial coverage but
//     lower nothing; planned controls have no effect.
//   - A mitigated risk is covered when at least one control is effective
//     and the residual level is within the risk appetite; partially covered
//     when some control is effective or partial but the residual is above
//     the appetite; uncovered otherwise. Accepted, avoided and transferred
//     risks have their own conditions.
//
// Values that are not known yet (while Terraform plans a configuration
// whose inputs depend on resources not yet created) make the affected
// results unknown rather than wrong: Evaluate never reports a gap it cannot
// be sure of.
package coverage
