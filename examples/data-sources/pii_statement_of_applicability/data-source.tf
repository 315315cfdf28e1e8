resource "pii_control" "access_policy" {
  control_id = "9.1.1"
  status     = "implemented"
  owner      = "Security team"
}

resource "pii_control" "key_management" {
  control_id = "10.1.2"
  status     = "partial"
  owner      = "Platform team"
}

resource "pii_control" "physical_perimeter" {
  control_id    = "11.1.1"
  status        = "not_applicable"
  justification = "Every system that holds PII is hosted by cloud providers."
}

resource "pii_control" "retention" {
  catalog    = "iso27701"
  control_id = "A.7.4.7"
  status     = "implemented"
}

locals {
  controls = [pii_control.access_policy, pii_control.key_management, pii_control.physical_perimeter, pii_control.retention]
}

# One statement per catalog: every control of the catalog, with the status
# the organisation declares for it, or not_addressed.
data "pii_statement_of_applicability" "iso29151" {
  catalog  = "iso29151"
  controls = [for c in local.controls : c if c.catalog == "iso29151"]
}

output "summary" {
  # "126 controls: 1 implemented, 1 partial, 1 not_applicable, 123 not_addressed"
  value = data.pii_statement_of_applicability.iso29151.summary
}

output "excluded" {
  value = {
    for row in data.pii_statement_of_applicability.iso29151.rows :
    row.ref => join("; ", row.justifications) if row.status == "not_applicable"
  }
}

output "open_controls_in_clause_9" {
  value = [
    for row in data.pii_statement_of_applicability.iso29151.rows :
    "${row.id} ${row.title}" if row.group == "9" && row.status == "not_addressed"
  ]
}
