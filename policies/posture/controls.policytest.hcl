test "a control with an owner, evidence and a current review passes" {
  variables = { as_of = "2026-03-01" }
  resource "pii_control" "encryption" {
    attrs = {
      id         = "iso29151:10.1.1", status = "implemented", owner = "Security team", evidence = ["ISMS-POL-10"]
      activities = null, review_due = "2026-09-15"
    }
  }
  expect "control_owner_and_evidence" {
    result = "pass"
  }
  expect "control_review_current" {
    result = "pass"
  }
  expect "control_declared_once" {
    result = "pass"
  }
}

test "a control in place without owner or evidence fails" {
  resource "pii_control" "backup" {
    attrs = { id = "iso29151:12.3.1", status = "partial", owner = " ", evidence = null }
  }
  expect "control_owner_and_evidence" {
    result  = "fail"
    message = "^pii_control.backup \\(iso29151:12.3.1\\) is partial but has no owner: set owner.*; pii_control.backup \\(iso29151:12.3.1\\) is partial but lists no evidence"
  }
}

test "planned and excluded controls need no owner yet" {
  resource "pii_control" "dlp" {
    attrs = { id = "iso29151:13.2.1", status = "planned", owner = null, evidence = null, review_due = null }
  }
  resource "pii_control" "physical" {
    attrs = { id = "iso29151:11.1.1", status = "not_applicable", owner = null, evidence = [], review_due = null }
  }
  expect "control_owner_and_evidence" {
    result = "not_applicable"
  }
  expect "control_review_current" {
    result = "not_applicable"
  }
}

test "a control never reviewed fails" {
  resource "pii_control" "consent" {
    attrs = { id = "iso27701:A.7.2.4", status = "implemented", review_due = null }
  }
  expect "control_review_current" {
    result  = "fail"
    message = "^pii_control.consent \\(iso27701:A.7.2.4\\) has never been reviewed: set last_reviewed"
  }
}

test "a control whose review is overdue fails" {
  variables = { as_of = "2026-11-28" }
  resource "pii_control" "backup" {
    attrs = { id = "iso29151:12.3.1", status = "implemented", review_due = "2026-07-01" }
  }
  expect "control_review_current" {
    result  = "fail"
    message = "was due for review on 2026-07-01 \\(checked as of 2026-11-28\\)"
  }
}

test "a review date known only after apply defers the check" {
  resource "pii_control" "backup" {
    attrs = { id = "iso29151:12.3.1", status = "implemented", review_due = unknown }
  }
  expect "control_review_current" {
    result = "unknown"
  }
}

test "the same control twice for the same scope fails" {
  resource "pii_control" "encryption" {
    attrs = { id = "iso29151:10.1.1", status = "implemented", activities = ["b", "a"] }
  }
  resource "pii_control" "encryption_again" {
    attrs = { id = "iso29151:10.1.1", status = "planned", activities = ["a", "b"] }
  }
  expect "control_declared_once" {
    resource = "pii_control.encryption"
    result   = "fail"
    message  = "^pii_control.encryption declares iso29151:10.1.1 for the same scope \\(a, b\\) as pii_control.encryption_again: keep one pii_control per control and scope"
  }
  expect "control_declared_once" {
    resource = "pii_control.encryption_again"
    result   = "fail"
  }
}

test "the same control twice organisation-wide fails" {
  resource "pii_control" "one" {
    attrs = { id = "iso29151:9.1.1", status = "implemented", activities = null }
  }
  resource "pii_control" "two" {
    attrs = { id = "iso29151:9.1.1", status = "implemented", activities = [] }
  }
  expect "control_declared_once" {
    resource = "pii_control.one"
    result   = "fail"
    message  = "same scope \\(organisation-wide\\) as pii_control.two"
  }
}

test "the same control for different scopes passes" {
  resource "pii_control" "payroll" {
    attrs = { id = "iso29151:9.4.1", status = "implemented", activities = ["payroll"] }
  }
  resource "pii_control" "checkout" {
    attrs = { id = "iso29151:9.4.1", status = "partial", activities = ["checkout"] }
  }
  resource "pii_control" "other" {
    attrs = { id = "iso29151:9.1.1", status = "partial", activities = ["checkout"] }
  }
  expect "control_declared_once" {
    result = "pass"
  }
}
