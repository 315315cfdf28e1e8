test "an activity that needs a PIA and has one passes" {
  resource "pii_processing_activity" "checkout" {
    attrs = { name = "Checkout", pia_required = true, pia_triggers = ["sensitive_data", "large_scale"] }
  }
  resource "pii_risk_assessment" "checkout" {
    attrs      = { covered = true, uncovered_risks = [] }
    references = ["pii_processing_activity.checkout"]
  }
  expect "pia_required_has_assessment" {
    resource = "pii_processing_activity.checkout"
    result   = "pass"
  }
  expect "assessment_covers_risks" {
    result = "pass"
  }
}

test "an activity that needs a PIA and has none fails" {
  resource "pii_processing_activity" "marketing" {
    attrs = { name = "Marketing", pia_required = true, pia_triggers = ["evaluation_or_scoring", "large_scale"] }
  }
  expect "pia_required_has_assessment" {
    result  = "fail"
    message = "meets 2 WP248 criteria \\(evaluation_or_scoring, large_scale\\)"
  }
}

test "an activity without triggers needs no PIA" {
  resource "pii_processing_activity" "newsletter" {
    attrs = { name = "Newsletter", pia_required = false, pia_triggers = [] }
  }
  expect "pia_required_has_assessment" {
    result = "not_applicable"
  }
}

test "whether a PIA is needed may be known only after apply" {
  resource "pii_processing_activity" "new" {
    attrs = { name = "New", pia_required = unknown }
  }
  expect "pia_required_has_assessment" {
    result = "unknown"
  }
}

test "an assessment with a gap fails" {
  resource "pii_risk_assessment" "checkout" {
    attrs = { covered = false, uncovered_risks = ["card data theft"] }
  }
  expect "assessment_covers_risks" {
    result  = "fail"
    message = "card data theft"
  }
}
