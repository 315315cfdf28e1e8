# The complete example: the privacy posture of a small online retailer,
# declared next to its infrastructure and checked by `terraform plan`.
#
#   activities.tf   three records of processing (checkout, payroll, marketing)
#   controls.tf     the privacy controls in place, planned or excluded
#   assessments.tf  a privacy impact assessment of each activity
#   lookups.tf      catalog lookups (controls per risk category, Annex A)
#   outputs.tf      the posture: coverage, residual levels, the SoA summary
#   catalog.hcl     the organisation's own Annex A sub-controls
#
# The plan fails when an assessed risk is not covered within the risk
# appetite; examples/gap is the same organisation with one such gap.

terraform {
  required_version = ">= 1.8"
  required_providers {
    pii = {
      source = "privacycode/pii"
    }
  }
}

provider "pii" {
  # Residual risk above "medium" must be lowered by implemented controls,
  # and a gap stops the plan (enforcement = "error", the default).
  risk_appetite = "medium"
  enforcement   = "error"
  catalog_files = ["${path.module}/catalog.hcl"]

  # The controller that the records of processing name (GDPR Art. 30(1)(a)).
  # The retailer acts only as a controller, so the Statement of
  # Applicability leaves the controls for processors out of scope.
  organization = {
    name                = "Example Retail B.V."
    contact             = "privacy@retail.example, Keizersgracht 1, Amsterdam"
    dpo_contact         = "dpo@retail.example"
    jurisdiction        = "EEA"
    roles               = ["controller"]
    scope_justification = "The retailer processes PII only for its own purposes and processes none on behalf of others."
  }
}
