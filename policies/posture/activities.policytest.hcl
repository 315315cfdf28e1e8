test "transfers at home, under adequacy and under clauses pass" {
  resource "pii_processing_activity" "checkout" {
    attrs = {
      name = "Checkout"
      transfer = [
        { recipient = "Payment processor", country = "IE", mechanism = "not_required" },
        { recipient = "Support desk", country = "CH", mechanism = "adequacy" },
        { recipient = "Fraud screening", country = "IN", mechanism = "scc" },
        { recipient = "Group HR", country = "BR", mechanism = "bcr" },
      ]
    }
  }
  expect "activity_transfers_safeguarded" {
    result = "pass"
  }
}

test "a transfer abroad without a safeguard fails" {
  resource "pii_processing_activity" "marketing" {
    attrs = {
      name = "Marketing"
      transfer = [
        { recipient = "Ad network", country = "SG", mechanism = null },
        { recipient = "Call centre", country = "PH", mechanism = "not_required" },
        { recipient = "Mailing house", country = "DE", mechanism = null },
      ]
    }
  }
  expect "activity_transfers_safeguarded" {
    result  = "fail"
    message = "^pii_processing_activity.marketing transfers PII out of the home jurisdiction without a fitting safeguard: Ad network in SG \\(mechanism \\(none\\)\\); Call centre in PH \\(mechanism not_required\\)\\. Use mechanism \"adequacy\" only"
  }
}

test "adequacy is not a safeguard where there is no adequacy decision" {
  resource "pii_processing_activity" "analytics" {
    attrs = { name = "Analytics", transfer = [{ recipient = "Analytics vendor", country = "AU", mechanism = "adequacy" }] }
  }
  expect "activity_transfers_safeguarded" {
    result  = "fail"
    message = "Analytics vendor in AU \\(mechanism adequacy\\)"
  }
}

test "a transfer without a country fails" {
  resource "pii_processing_activity" "analytics" {
    attrs = { name = "Analytics", transfer = [{ recipient = "Analytics vendor", country = null, mechanism = "scc" }] }
  }
  expect "activity_transfers_safeguarded" {
    result  = "fail"
    message = "transfers PII to Analytics vendor \\(no country\\): set country"
  }
}

test "the home jurisdiction is an input" {
  variables = { home_countries = ["GB"], adequate_countries = ["DE", "FR"] }
  resource "pii_processing_activity" "uk_payroll" {
    attrs = { name = "UK payroll", transfer = [
      { recipient = "HMRC", country = "GB", mechanism = "not_required" },
      { recipient = "Group finance", country = "DE", mechanism = "adequacy" },
    ] }
  }
  expect "activity_transfers_safeguarded" {
    result = "pass"
  }
}

test "an activity without transfers has nothing to check" {
  resource "pii_processing_activity" "newsletter" {
    attrs = { name = "Newsletter", transfer = [] }
  }
  expect "activity_transfers_safeguarded" {
    result = "not_applicable"
  }
}

test "a transfer country known only after apply defers the check" {
  resource "pii_processing_activity" "exports" {
    attrs = { name = "Exports", transfer = [{ recipient = "Partner", country = unknown, mechanism = "not_required" }] }
  }
  expect "activity_transfers_safeguarded" {
    result = "unknown"
  }
}

test "special categories with access control and cryptography in scope pass" {
  resource "pii_processing_activity" "payroll" {
    attrs = { name = "Payroll", id = "payroll-31373d72", special_categories = true }
  }
  resource "pii_control" "access" {
    attrs = { id = "iso29151:9.1.1", catalog = "iso29151", group = "9", status = "implemented", activities = null }
  }
  resource "pii_control" "kms" {
    attrs = { id = "iso29151:10.1.2", catalog = "iso29151", group = "10", status = "implemented", activities = ["payroll-31373d72"] }
  }
  expect "activity_special_categories_safeguarded" {
    result = "pass"
  }
}

test "special categories without cryptography in scope fail" {
  resource "pii_processing_activity" "payroll" {
    attrs = { name = "Payroll", id = "payroll-31373d72", special_categories = true }
  }
  resource "pii_control" "access" {
    attrs = { id = "iso29151:9.4.1", catalog = "iso29151", group = "9", status = "implemented", activities = [] }
  }
  # Scoped to another activity, or only planned: neither counts.
  resource "pii_control" "kms" {
    attrs = { id = "iso29151:10.1.2", catalog = "iso29151", group = "10", status = "implemented", activities = ["checkout-1a2b3c4d"] }
  }
  resource "pii_control" "encryption" {
    attrs = { id = "iso29151:10.1.1", catalog = "iso29151", group = "10", status = "planned", activities = null }
  }
  expect "activity_special_categories_safeguarded" {
    result  = "fail"
    message = "^pii_processing_activity.payroll processes special categories of PII, but no implemented cryptography control \\(iso29151 group 10"
  }
}

test "special categories without any control fail twice" {
  resource "pii_processing_activity" "health" {
    attrs = { name = "Health", id = "health-00000000", special_categories = true }
  }
  expect "activity_special_categories_safeguarded" {
    result  = "fail"
    message = "no implemented access-control control.*; .*no implemented cryptography control"
  }
}

test "activities without special categories need no such controls" {
  resource "pii_processing_activity" "newsletter" {
    attrs = { name = "Newsletter", id = "newsletter-00000000", special_categories = false }
  }
  expect "activity_special_categories_safeguarded" {
    result = "not_applicable"
  }
}

test "an activity with retention and disposal passes" {
  resource "pii_processing_activity" "payroll" {
    attrs = { name = "Payroll", retention = "P6Y", disposal = { method = "deletion", systems = null } }
  }
  expect "activity_retention_and_disposal" {
    result = "pass"
  }
}

test "an activity without retention or disposal fails" {
  resource "pii_processing_activity" "marketing" {
    attrs = { name = "Marketing", retention = null, disposal = null }
  }
  expect "activity_retention_and_disposal" {
    result  = "fail"
    message = "^pii_processing_activity.marketing has no retention: set retention to an ISO 8601 duration.*; pii_processing_activity.marketing has no disposal method"
  }
}

test "a control whose status is known only after apply defers the check" {
  resource "pii_processing_activity" "payroll" {
    attrs = { name = "Payroll", id = "payroll-31373d72", special_categories = true }
  }
  resource "pii_control" "access" {
    attrs = { id = "iso29151:9.1.1", catalog = "iso29151", group = "9", status = "implemented", activities = null }
  }
  resource "pii_control" "kms" {
    attrs = { id = "iso29151:10.1.2", catalog = "iso29151", group = "10", status = unknown, activities = null }
  }
  expect "activity_special_categories_safeguarded" {
    result = "unknown"
  }
}

test "a known implemented control decides, whatever the unknown ones" {
  resource "pii_processing_activity" "payroll" {
    attrs = { name = "Payroll", id = "payroll-31373d72", special_categories = true }
  }
  resource "pii_control" "access" {
    attrs = { id = "iso29151:9.1.1", catalog = "iso29151", group = "9", status = "implemented", activities = null }
  }
  resource "pii_control" "kms" {
    attrs = { id = "iso29151:10.1.2", catalog = "iso29151", group = "10", status = "implemented", activities = ["payroll-31373d72"] }
  }
  resource "pii_control" "encryption" {
    attrs = { id = "iso29151:10.1.1", catalog = "iso29151", group = "10", status = unknown, activities = unknown }
  }
  expect "activity_special_categories_safeguarded" {
    result = "pass"
  }
}

test "a deleted control does not count" {
  resource "pii_processing_activity" "payroll" {
    attrs = { name = "Payroll", id = "payroll-31373d72", special_categories = true }
  }
  resource "pii_control" "access" {
    attrs = { id = "iso29151:9.1.1", catalog = "iso29151", group = "9", status = "implemented", activities = null }
  }
  resource "pii_control" "kms" {
    operation = "delete"
    attrs     = null
    prior     = { id = "iso29151:10.1.2", catalog = "iso29151", group = "10", status = "implemented", activities = null }
  }
  expect "activity_special_categories_safeguarded" {
    resource = "pii_processing_activity.payroll"
    result   = "fail"
    message  = "no implemented cryptography control"
  }
}
