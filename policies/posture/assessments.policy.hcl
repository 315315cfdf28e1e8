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
