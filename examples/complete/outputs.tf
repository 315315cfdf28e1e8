# The posture, as an auditor asks for it. Everything here is known at plan.

locals {
  activities  = [pii_processing_activity.checkout, pii_processing_activity.payroll, pii_processing_activity.marketing]
  assessments = [pii_risk_assessment.checkout, pii_risk_assessment.payroll, pii_risk_assessment.marketing]
  controls = [
    pii_control.access_policy, pii_control.privileged_access, pii_control.hr_access_restriction,
    pii_control.encryption, pii_control.kms, pii_control.backup, pii_control.physical_perimeter,
    pii_control.transfer_agreements, pii_control.transfer_basis, pii_control.transfer_records,
    pii_control.transmission, pii_control.consent, pii_control.limit_collection, pii_control.minimisation,
    pii_control.retention_schedule, pii_control.deletion,
  ]
}

# The Statement of Applicability of each catalog the controls come from:
# every control of the catalog, with the status declared for it
# (not_addressed when no pii_control declares it).
data "pii_statement_of_applicability" "soa" {
  for_each = toset(["iso29151", "iso27701"])
  catalog  = each.key
  controls = [for c in local.controls : c if c.catalog == each.key]
}

output "activities" {
  description = "Each activity's sensitivity and the WP248 criteria that make its PIA necessary."
  value = {
    for a in local.activities : a.name => {
      sensitivity  = a.sensitivity
      pia_triggers = a.pia_triggers
      pia_required = a.pia_required
    }
  }
}

# max_residual_level leaves out avoided risks; a transferred risk keeps its
# inherent level as its residual, since the harm to principals remains.
output "assessments" {
  description = "Whether each assessment covers all its risks, and the highest levels before and after controls."
  value = {
    for pia in local.assessments : pia.activity.name => {
      covered            = pia.covered
      max_inherent_level = pia.max_inherent_level
      max_residual_level = pia.max_residual_level
      uncovered_risks    = pia.uncovered_risks
    }
  }
}

output "risks" {
  description = "Every risk: inherent and residual level, and how it is covered."
  value = {
    for pia in local.assessments : pia.activity.name => [
      for r in pia.risks : "${r.name}: ${r.inherent_level} (${r.inherent_score}) -> ${r.residual_level} (${r.residual_score}), ${r.coverage}"
    ]
  }
}

output "statement_of_applicability" {
  description = "The Statement of Applicability per catalog, in one line each."
  value       = { for k, soa in data.pii_statement_of_applicability.soa : k => soa.summary }
}

output "reviews_due" {
  description = "When each reviewed control is next due for review."
  value       = { for c in local.controls : c.id => c.review_due if c.review_due != null }
}

output "controls_per_risk_category" {
  value = { for k, d in data.pii_catalog.by_risk : k => length(d.ids) }
}

output "annex_a" {
  value = [for c in data.pii_catalog.annex_a.controls : "${c.id} ${c.title}"]
}

output "focus_control" {
  value = "${data.pii_catalog_control.focus.ref} ${data.pii_catalog_control.focus.title} (${data.pii_catalog_control.focus.principle}; treats ${join(", ", data.pii_catalog_control.focus.treats)})"
}
