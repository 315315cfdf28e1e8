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

test "an assessment reviewed on time passes" {
  variables = { as_of = "2026-06-30" }
  resource "pii_risk_assessment" "payroll" {
    attrs = { covered = true, status = "approved", approved_by = "CPO", next_review = "2026-06-30" }
  }
  expect "assessment_review_current" {
    result = "pass"
  }
  expect "assessment_approved" {
    result = "pass"
  }
}

test "an assessment past its review date fails" {
  variables = { as_of = "2026-07-01" }
  resource "pii_risk_assessment" "payroll" {
    attrs = { covered = true, status = "approved", next_review = "2026-06-30" }
  }
  expect "assessment_review_current" {
    result  = "fail"
    message = "^pii_risk_assessment.payroll was due for review on 2026-06-30 \\(checked as of 2026-07-01\\)"
  }
}

test "an assessment without a review date fails" {
  variables = { as_of = "2026-07-01" }
  resource "pii_risk_assessment" "payroll" {
    attrs = { covered = true, status = "approved", next_review = null }
  }
  expect "assessment_review_current" {
    result  = "fail"
    message = "^pii_risk_assessment.payroll has no next_review: set next_review"
  }
}

test "a review date known only after apply defers the check" {
  resource "pii_risk_assessment" "payroll" {
    attrs = { covered = true, status = unknown, next_review = unknown }
  }
  expect "assessment_review_current" {
    result = "unknown"
  }
  expect "assessment_approved" {
    result = "unknown"
  }
}

test "a draft assessment is not approved" {
  resource "pii_risk_assessment" "marketing" {
    attrs = { covered = true, status = "draft", next_review = "2099-01-01" }
  }
  resource "pii_risk_assessment" "newsletter" {
    attrs = { covered = true, status = null, next_review = "2099-01-01" }
  }
  expect "assessment_approved" {
    resource = "pii_risk_assessment.marketing"
    result   = "fail"
    message  = "^pii_risk_assessment.marketing is draft, not approved: once reviewed, set status = \"approved\" and approved_by.$"
  }
  expect "assessment_approved" {
    resource = "pii_risk_assessment.newsletter"
    result   = "fail"
    message  = "is draft, not approved"
  }
}
