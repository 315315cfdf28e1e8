# Posture policies read the pii_* resources of the plan itself.

resource_policy "pii_processing_activity" "pia_required_has_assessment" {
  description       = "An activity that needs a privacy impact assessment has one in the same configuration"
  controls          = ["iso27701:A.7.2.5", "iso29151:A.11"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = try(attrs.pia_required, false) == true

  enforce {
    condition     = length(core::referrers("pii_risk_assessment")) > 0
    error_message = "${meta.address} meets ${length(try(attrs.pia_triggers, []))} WP248 criteria (${join(", ", try(attrs.pia_triggers, []))}), so it needs a privacy impact assessment: add a pii_risk_assessment whose activity is ${meta.address}."
  }
}

resource_policy "pii_risk_assessment" "assessment_covers_risks" {
  description       = "Every assessed risk is covered, accepted, avoided or transferred"
  controls          = ["iso27701:A.7.2.5", "iso29151:A.12"]
  severity          = "high"
  enforcement_level = "mandatory"

  enforce {
    condition     = try(attrs.covered, true) != false
    error_message = "${meta.address} leaves risks without treatment: ${join(", ", try(attrs.uncovered_risks, []))}."
  }
}

resource_policy "pii_risk_assessment" "assessment_review_current" {
  description       = "Every assessment names its next review date, and that date has not passed"
  controls          = ["iso27701:A.7.2.5", "iso29151:18.2.1"]
  severity          = "medium"
  enforcement_level = "advisory"

  locals {
    today = input.as_of != "" ? input.as_of : core::today()
    # YYYY-MM-DD as a number (20260922), so that dates compare with >=.
    next = try(tonumber(replace(attrs.next_review, "-", "")), null)
  }

  enforce {
    condition     = local.next != null
    error_message = "${meta.address} has no next_review: set next_review to the date (YYYY-MM-DD) the assessment is looked at again."
  }

  enforce {
    condition     = local.next == null || local.next >= tonumber(replace(local.today, "-", ""))
    error_message = "${meta.address} was due for review on ${try(attrs.next_review, "")} (checked as of ${local.today}): review it and set a new next_review."
  }
}

resource_policy "pii_risk_assessment" "assessment_approved" {
  description       = "Every assessment is approved by someone accountable for the processing"
  controls          = ["iso27701:A.7.2.5", "iso29151:A.11"]
  severity          = "medium"
  enforcement_level = "advisory"

  enforce {
    condition     = try(attrs.status, null) == "approved"
    error_message = "${meta.address} is ${coalesce(try(attrs.status, null), "draft")}, not approved: once reviewed, set status = \"approved\" and approved_by."
  }
}
