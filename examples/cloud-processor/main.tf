# A public cloud PII processor: Deskly, a help-desk service that hosts the
# support tickets of its customer organisations. For those tickets each
# customer is the PII controller and Deskly its processor, so Deskly keeps a
# processor's record of processing (GDPR Art. 30(2)) and runs the ISO/IEC
# 27018 controls of a cloud processor next to ISO/IEC 29151 and 27701 ones.
#
#   activities.tf   the tickets it processes for its customers (role
#                   processor) and the staff directory it keeps for itself
#   controls.tf     its controls: iso27018 Annex A, iso27701 Annex B, iso29151
#   assessments.tf  the privacy impact assessment of the ticket service
#   outputs.tf      the Statement of Applicability per catalog
#
# The built-in policy pack's processor_activity_controls policy checks that
# the processor activity has a control for each duty it owes its controllers.

terraform {
  required_version = ">= 1.8"
  required_providers {
    pii = {
      source = "privacycode/pii"
    }
  }
}

provider "pii" {
  risk_appetite = "medium"
  enforcement   = "error"

  # The processor (and, for its staff, the controller) that the records of
  # processing name (GDPR Art. 30(1)(a), 30(2)(a)).
  organization = {
    name         = "Deskly Ltd"
    contact      = "privacy@deskly.example"
    dpo_contact  = "dpo@deskly.example"
    jurisdiction = "EEA"
  }
}
