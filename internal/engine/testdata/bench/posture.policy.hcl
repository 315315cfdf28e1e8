# The privacy posture declared in the plan: processing activities.

resource_policy "pii_processing_activity" "activity_assessed" {
  description       = "An activity that needs a privacy impact assessment has one"
  controls          = ["iso27701:A.7.2.5", "iso29151:A.11"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = try(attrs.pia_required, false) == true

  enforce {
    condition     = length(core::referrers("pii_risk_assessment")) > 0
    error_message = "${meta.address} meets ${length(try(attrs.pia_triggers, []))} WP248 criteria (${join(", ", try(attrs.pia_triggers, []))}): add a pii_risk_assessment whose activity is ${meta.address}."
  }
}

resource_policy "pii_processing_activity" "activity_audit_trail" {
  description       = "Access to the systems of an activity is logged by a multi-region trail"
  controls          = ["iso29151:12.4.1"]
  severity          = "medium"
  enforcement_level = "advisory"
  filter            = length(try(attrs.storage.systems, [])) > 0

  enforce {
    condition     = length(core::getresources("aws_cloudtrail", { is_multi_region_trail = true, enable_logging = true })) > 0
    error_message = "${meta.address} stores PII but no multi-region trail logs access to it."
  }
}
