# The posture as a customer's auditor asks for it. Everything is known at plan.

locals {
  controls = [
    pii_control.customer_purpose, pii_control.rights_cooperation, pii_control.breach_notification,
    pii_control.return_and_disposal, pii_control.restoration_log, pii_control.encryption_in_transit,
    pii_control.data_location, pii_control.subprocessor_list, pii_control.subprocessor_contracts,
    pii_control.hardcopy, pii_control.transfer_basis, pii_control.access_policy, pii_control.encryption,
  ]
}

data "pii_statement_of_applicability" "soa" {
  for_each = toset(["iso27018", "iso27701", "iso29151"])
  catalog  = each.key
  controls = [for c in local.controls : c if c.catalog == each.key]
}

output "statement_of_applicability" {
  description = "The Statement of Applicability per catalog, in one line each."
  value       = { for k, soa in data.pii_statement_of_applicability.soa : k => soa.summary }
}

output "cloud_processor_controls" {
  description = "The ISO/IEC 27018 controls Deskly declares, with their status."
  value       = [for c in local.controls : "${c.id} ${c.title}: ${c.status}" if c.catalog == "iso27018"]
}

output "tickets_assessment" {
  description = "Whether the ticket service's risks are covered, and the highest residual level."
  value = {
    covered            = pii_risk_assessment.tickets.covered
    max_residual_level = pii_risk_assessment.tickets.max_residual_level
  }
}
