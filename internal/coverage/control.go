package coverage

import (
	"fmt"
	"slices"
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/finding"
	"github.com/privacycode/terraform-provider-pii/internal/isotime"
	"github.com/privacycode/terraform-provider-pii/internal/suggest"
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
	// Evidence and Activities are the lists as written; an element not
	// known yet is "" with its index (evidence) or the whole list
	// (activities) in Unknown.
	Evidence   []string
	Activities []string
	// Unknown names the attributes whose values are not known yet:
	// "catalog", "control_id", "status", …, "evidence" (the whole list),
	// "evidence[1]" (one element), "activities".
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
// checks its values and what its status requires. Every value is checked
// on its own, so that one plan reports all the problems.
func CheckImplementation(im Implementation, set *catalog.Set) (ImplementationResult, finding.Findings) {
	var fs finding.Findings
	var res ImplementationResult
	if !im.Unknown["catalog"] && im.Catalog == "" {
		fs.Errorf(finding.Root("catalog"), "Invalid value", "catalog is empty: leave it out to use the default catalog, or name one such as iso27701.")
	}
	if !im.Unknown["control_id"] && im.ControlID == "" {
		fs.Errorf(finding.Root("control_id"), "Invalid value", "control_id is empty: give the control's id in its catalog, such as 10.1.1.")
	}
	if !im.Unknown["status"] && !slices.Contains(Statuses, im.Status) {
		fs.Errorf(finding.Root("status"), "Invalid value", "%q is not a control status; use one of %s.%s",
			im.Status, quoteList(Statuses), suggest.Phrase(suggest.Closest(im.Status, Statuses, 1)))
	}
	if !im.Unknown["last_reviewed"] && im.LastReviewed != "" {
		if _, err := isotime.ParseDate(im.LastReviewed); err != nil {
			fs.Errorf(finding.Root("last_reviewed"), "Invalid value", "%s", capitalize(err.Error()))
		}
	}
	if !im.Unknown["review_interval"] && im.ReviewInterval != "" {
		if _, err := isotime.ParseDuration(im.ReviewInterval); err != nil {
			fs.Errorf(finding.Root("review_interval"), "Invalid value", "%s", capitalize(err.Error()))
		}
	}
	if !im.Unknown["evidence"] {
		for i, e := range im.Evidence {
			if strings.TrimSpace(e) == "" && !im.Unknown[fmt.Sprintf("evidence[%d]", i)] {
				fs.Errorf(finding.Root("evidence").Index(i), "Empty evidence",
					"evidence[%d] is empty: give a link, a document id or the Terraform address of a resource that implements the control, or remove the entry.", i)
			}
		}
	}
	if !im.Unknown["activities"] && slices.Contains(im.Activities, "") {
		// At the attribute: a set's elements have no place of their own in
		// the configuration that Terraform can point at.
		fs.Errorf(finding.Root("activities"), "Empty activity id",
			"activities has an empty id: list the ids of the processing activities the control is in place for ([pii_processing_activity.checkout.id]), or leave activities out for an organisation-wide control.")
	}
	if !im.Unknown["catalog"] && !im.Unknown["control_id"] && im.Catalog != "" && im.ControlID != "" {
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
