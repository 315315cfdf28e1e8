package coverage

import (
	"slices"

	"github.com/privacycode/terraform-provider-pii/internal/finding"
	"github.com/privacycode/terraform-provider-pii/internal/isotime"
	"github.com/privacycode/terraform-provider-pii/internal/suggest"
)

// Assessment statuses.
var AssessmentStatuses = []string{"draft", "in_review", "approved"}

// Approval is the sign-off part of an assessment.
type Approval struct {
	Status     string
	ApprovedBy string
	AssessedOn string
	NextReview string
	Unknown    map[string]bool
}

// CheckApproval checks the status and the dates, that an approved
// assessment names its approver and that the next review does not come
// before the assessment. Unknown values are not checked.
func CheckApproval(a Approval) finding.Findings {
	var fs finding.Findings
	if !a.Unknown["status"] && a.Status != "" && !slices.Contains(AssessmentStatuses, a.Status) {
		fs.Errorf(finding.Root("status"), "Invalid value", "%q is not an assessment status; use one of %s.%s",
			a.Status, quoteList(AssessmentStatuses), suggest.Phrase(suggest.Closest(a.Status, AssessmentStatuses, 1)))
	}
	for _, d := range []struct{ name, value string }{{"assessed_on", a.AssessedOn}, {"next_review", a.NextReview}} {
		if a.Unknown[d.name] || d.value == "" {
			continue
		}
		if _, err := isotime.ParseDate(d.value); err != nil {
			fs.Errorf(finding.Root(d.name), "Invalid value", "%s", capitalize(err.Error()))
		}
	}
	if !a.Unknown["status"] && !a.Unknown["approved_by"] && a.Status == "approved" && a.ApprovedBy == "" {
		fs.Errorf(finding.Root("approved_by"), "Approver missing",
			"An approved assessment must say who approved it (ISO/IEC 29134 asks for the sign-off of the PIA report): set approved_by, or keep status \"draft\" or \"in_review\".")
	}
	if a.Unknown["assessed_on"] || a.Unknown["next_review"] || a.AssessedOn == "" || a.NextReview == "" {
		return fs
	}
	on, err1 := isotime.ParseDate(a.AssessedOn)
	next, err2 := isotime.ParseDate(a.NextReview)
	if err1 == nil && err2 == nil && !next.After(on) {
		fs.Errorf(finding.Root("next_review"), "Review before assessment",
			"next_review (%s) must come after assessed_on (%s).", a.NextReview, a.AssessedOn)
	}
	return fs
}
