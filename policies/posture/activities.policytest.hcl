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

test "a transfer that needs no safeguard to a partly adequate country says what the decision covers" {
  resource "pii_processing_activity" "payments" {
    attrs = { name = "Payments", transfer = [{ recipient = "Stripe", country = "US", mechanism = "not_required" }] }
  }
  expect "activity_transfers_safeguarded" {
    result  = "fail"
    message = "Stripe in US \\(mechanism not_required: the adequacy decision for US covers only recipients certified under the EU-US Data Privacy Framework; confirm the recipient is covered and set mechanism \"adequacy\", or use mechanism \"scc\"\\)\\. Use mechanism"
  }
}

test "PII stored or used abroad without a transfer there fails" {
  resource "pii_processing_activity" "monitoring" {
    attrs = {
      name     = "Monitoring"
      storage  = { countries = ["IE", "US"], systems = null }
      use      = { countries = ["IN"], systems = null }
      transfer = [{ recipient = "Call centre", country = "PH", mechanism = "scc" }]
    }
  }
  expect "activity_transfers_safeguarded" {
    result  = "fail"
    message = "^pii_processing_activity.monitoring has PII stored in US, used in IN, outside the home jurisdiction, and no transfer goes there: add a transfer block"
  }
}

test "PII stored abroad with a transfer there passes" {
  resource "pii_processing_activity" "monitoring" {
    attrs = {
      name     = "Monitoring"
      storage  = { countries = ["US"], systems = null }
      transfer = [{ recipient = "Hosting provider", country = "US", mechanism = "scc" }]
    }
  }
  expect "activity_transfers_safeguarded" {
    result = "pass"
  }
}

test "PII stored at home without transfers has nothing to check" {
  variables = { home_countries = ["GB"] }
  resource "pii_processing_activity" "payroll" {
    attrs = { name = "Payroll", storage = { countries = ["GB"], systems = null }, use = { countries = null, systems = ["hr_portal"] }, transfer = [] }
  }
  expect "activity_transfers_safeguarded" {
    result = "not_applicable"
  }
}

test "storage countries known only after apply defer the check" {
  resource "pii_processing_activity" "monitoring" {
    attrs = { name = "Monitoring", storage = { countries = unknown, systems = null }, transfer = [] }
  }
  expect "activity_transfers_safeguarded" {
    result = "unknown"
  }
}

test "an activity with a legal basis passes" {
  resource "pii_processing_activity" "payroll" {
    attrs = { name = "Payroll", role = "controller", legal_basis = "legal_obligation" }
  }
  expect "activity_lawful_basis" {
    result = "pass"
  }
}

test "a controller's activity without a legal basis fails" {
  resource "pii_processing_activity" "marketing" {
    attrs = { name = "Marketing", role = "joint_controller", legal_basis = null }
  }
  expect "activity_lawful_basis" {
    result  = "fail"
    message = "^pii_processing_activity.marketing has no legal_basis: every processing needs a lawful basis \\(GDPR Art. 6\\(1\\)\\)\\. Set legal_basis to"
  }
}

test "a processor's activity relies on its controllers' basis" {
  resource "pii_processing_activity" "tickets" {
    attrs = { name = "Support tickets", role = "processor", legal_basis = null }
  }
  expect "activity_lawful_basis" {
    result = "not_applicable"
  }
}

test "a legal basis known only after apply defers the check" {
  resource "pii_processing_activity" "marketing" {
    attrs = { name = "Marketing", role = "controller", legal_basis = unknown }
  }
  expect "activity_lawful_basis" {
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

test "a processor with its duties answered by 27701 Annex B controls passes" {
  resource "pii_processing_activity" "tickets" {
    attrs = { name = "Support tickets", id = "support-tickets-00000001", role = "processor", transfer = [] }
  }
  resource "pii_control" "instructions" {
    attrs = { id = "iso27701:B.8.2.2", status = "implemented", activities = null }
  }
  resource "pii_control" "requests" {
    attrs = { id = "iso27701:B.8.3.1", status = "implemented", activities = ["support-tickets-00000001"] }
  }
  resource "pii_control" "end_of_contract" {
    attrs = { id = "iso27701:B.8.4.2", status = "implemented", activities = [] }
  }
  expect "processor_activity_controls" {
    result = "pass"
  }
}

test "a cloud processor answers with 27018 controls, breach notification included" {
  resource "pii_processing_activity" "tickets" {
    attrs = { name = "Support tickets", id = "support-tickets-00000001", role = "processor", transfer = [
      { recipient = "Email delivery service", recipient_role = "processor", country = "US", mechanism = "scc" },
    ] }
  }
  resource "pii_control" "purpose" {
    attrs = { id = "iso27018:A.3.1", status = "implemented", activities = null }
  }
  resource "pii_control" "rights" {
    attrs = { id = "iso27018:A.2.1", status = "implemented", activities = null }
  }
  resource "pii_control" "return" {
    attrs = { id = "iso27018:A.10.3", status = "implemented", activities = null }
  }
  resource "pii_control" "location" {
    attrs = { id = "iso27018:A.12.1", status = "implemented", activities = null }
  }
  resource "pii_control" "subprocessors" {
    attrs = { id = "iso27701:B.8.5.7", status = "implemented", activities = null }
  }
  resource "pii_control" "breach" {
    attrs = { id = "iso27018:A.10.1", status = "implemented", activities = null }
  }
  expect "processor_activity_controls" {
    result = "pass"
  }
}

test "a processor without controls lists every duty" {
  resource "pii_processing_activity" "tickets" {
    attrs = { name = "Support tickets", id = "support-tickets-00000001", role = "processor", transfer = [] }
  }
  expect "processor_activity_controls" {
    result  = "fail"
    message = "^pii_processing_activity.tickets acts as a processor, but no implemented control in its scope answers processing only on the controller's instructions \\(iso27701:B.8.2.2 or iso27018:A.3.1\\); helping the controller answer the principals' requests \\(iso27701:B.8.3.1 or iso27018:A.2.1\\); returning or disposing of the PII when the service ends \\(iso27701:B.8.4.2 or iso27018:A.10.3\\)\\. Add a pii_control"
  }
}

test "transfers, sub-processors and a 27018 claim add duties" {
  resource "pii_processing_activity" "tickets" {
    attrs = { name = "Support tickets", id = "support-tickets-00000001", role = "processor", transfer = [
      { recipient = "Email delivery service", recipient_role = "processor", country = "US", mechanism = "scc" },
    ] }
  }
  resource "pii_control" "instructions" {
    attrs = { id = "iso27701:B.8.2.2", status = "implemented", activities = null }
  }
  resource "pii_control" "requests" {
    attrs = { id = "iso27701:B.8.3.1", status = "implemented", activities = null }
  }
  # Only planned: the activity is in scope of 27018, but it answers nothing.
  resource "pii_control" "return" {
    attrs = { id = "iso27018:A.10.3", status = "planned", activities = null }
  }
  expect "processor_activity_controls" {
    result  = "fail"
    message = "answers returning or disposing of the PII when the service ends \\(iso27701:B.8.4.2 or iso27018:A.10.3\\); a basis for its transfers and the countries they go to \\(iso27701:B.8.5.1 or iso27701:B.8.5.2 or iso27018:A.12.1\\); telling the controller about its sub-processors and binding them to the same terms \\(iso27701:B.8.5.6 or iso27701:B.8.5.7 or iso27018:A.8.1 or iso27018:A.11.12\\); notifying the controller of a breach \\(iso27018:A.10.1\\)\\."
  }
}

test "a processor's control scoped to another activity does not count" {
  resource "pii_processing_activity" "tickets" {
    attrs = { name = "Support tickets", id = "support-tickets-00000001", role = "processor", transfer = [] }
  }
  resource "pii_control" "instructions" {
    attrs = { id = "iso27701:B.8.2.2", status = "implemented", activities = ["billing-00000002"] }
  }
  resource "pii_control" "requests" {
    attrs = { id = "iso27701:B.8.3.1", status = "implemented", activities = null }
  }
  resource "pii_control" "end_of_contract" {
    attrs = { id = "iso27701:B.8.4.2", status = "implemented", activities = null }
  }
  expect "processor_activity_controls" {
    result  = "fail"
    message = "answers processing only on the controller's instructions \\(iso27701:B.8.2.2 or iso27018:A.3.1\\)\\. Add"
  }
}

test "a processor control whose status is known only after apply defers the check" {
  resource "pii_processing_activity" "tickets" {
    attrs = { name = "Support tickets", id = "support-tickets-00000001", role = "processor", transfer = [] }
  }
  resource "pii_control" "instructions" {
    attrs = { id = "iso27701:B.8.2.2", status = unknown, activities = null }
  }
  resource "pii_control" "requests" {
    attrs = { id = "iso27701:B.8.3.1", status = "implemented", activities = null }
  }
  resource "pii_control" "end_of_contract" {
    attrs = { id = "iso27701:B.8.4.2", status = "implemented", activities = null }
  }
  expect "processor_activity_controls" {
    result = "unknown"
  }
}

test "a controller's activity needs no processor controls" {
  resource "pii_processing_activity" "newsletter" {
    attrs = { name = "Newsletter", id = "newsletter-00000000", role = "controller" }
  }
  expect "processor_activity_controls" {
    result = "not_applicable"
  }
}
