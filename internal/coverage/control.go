package coverage

import (
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/finding"
	"github.com/privacycode/terraform-provider-pii/internal/isotime"
)

// Implementation is a pii_control as declared: one catalog control and how
// far the organisation has put it in place.
type Implementation struct {
	Catalog        string
	ControlID      string
	Status         string
	Justification  string
	LastReviewed   string
	ReviewInterval string
	// Unknown names the attributes whose values are not known yet.
	Unknown map[string]bool
}

// ImplementationResult is what the provider derives from an Implementation.
type ImplementationResult struct {
	// Control is the catalog entry, nil while catalog or id is unknown or
	// when they name no control.
	Control        *catalog.Control
	ReviewDueKnown bool
	// ReviewDue is last_reviewed + review_interval (YYYY-MM-DD), "" when
	// the control has not been reviewed.
	ReviewDue string
}

// CheckImplementation resolves an implementation's catalog control and
// checks what its status requires.
func CheckImplementation(im Implementation, set *catalog.Set) (ImplementationResult, finding.Findings) {
	var fs finding.Findings
	var res ImplementationResult
	if !im.Unknown["catalog"] && !im.Unknown["control_id"] {
		cat, err := set.Catalog(im.Catalog)
		if err != nil {
			fs.Errorf(finding.Root("catalog"), "Unknown catalog", "%s", capitalize(err.Error()))
		} else if c, err := cat.Lookup(im.ControlID); err != nil {
			fs.Errorf(finding.Root("control_id"), "Unknown control", "%s", capitalize(err.Error()))
		} else {
			res.Control = c
		}
	}
	if !im.Unknown["status"] && !im.Unknown["justification"] &&
		(im.Status == StatusNotApplicable || im.Status == StatusAlternative) && strings.TrimSpace(im.Justification) == "" {
		why := "why the control does not apply to the organisation"
		if im.Status == StatusAlternative {
			why = "which alternative control is in place instead, and why it is as effective"
		}
		fs.Errorf(finding.Root("justification"), "Justification required",
			"A control with status %q needs a justification: the Statement of Applicability must say %s.", im.Status, why)
	}
	if !im.Unknown["last_reviewed"] && !im.Unknown["review_interval"] {
		res.ReviewDueKnown = true
		if im.LastReviewed != "" {
			last, errDate := isotime.ParseDate(im.LastReviewed)
			interval, errDur := isotime.ParseDuration(im.ReviewInterval)
			if errDate == nil && errDur == nil {
				res.ReviewDue = isotime.FormatDate(interval.AddTo(last))
			}
		}
	}
	return res, fs
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
