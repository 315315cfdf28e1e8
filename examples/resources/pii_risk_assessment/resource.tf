# The activity assessed: it declares the collection and storage stages, so
# the assessment has at least one risk on each.
resource "pii_processing_activity" "newsletter" {
  name           = "Newsletter"
  purposes       = ["Send our monthly newsletter to subscribers"]
  legal_basis    = "consent"
  pii_categories = ["identifiers.name", "contact.email"]
  principals     = ["subscriber"]
  retention      = "P2Y"

  collection {
    source = "data_subject"
  }
  storage {
    systems   = ["mailing_list_service"]
    countries = ["IE"]
  }
}

resource "pii_control" "access_policy" {
  control_id = "9.1.1" # treats illegitimate_access, purpose_creep; lowers likelihood
  status     = "implemented"
}

resource "pii_control" "encryption" {
  control_id = "10.1.1" # treats illegitimate_access, unwanted_modification; lowers impact
  status     = "implemented"
}

resource "pii_control" "consent" {
  catalog    = "iso27701"
  control_id = "A.7.2.4" # treats unlawful_processing; lowers likelihood
  status     = "implemented"
  activities = [pii_processing_activity.newsletter.id]
}

resource "pii_risk_assessment" "newsletter" {
  activity    = pii_processing_activity.newsletter # the whole resource
  assessor    = "Data protection officer"
  assessed_on = "2025-10-01"
  next_review = "2026-10-01"
  status      = "approved"
  approved_by = "Head of Marketing"

  risks = [
    {
      name            = "Subscribers added without consent"
      category        = "unlawful_processing"
      lifecycle_stage = "collection"
      likelihood      = "significant" # 3 × 2 = 6, medium
      impact          = "limited"
      controls        = [pii_control.consent] # likelihood 3 → 2: 2 × 2 = 4, medium
    },
    {
      name            = "Mailing list leaked"
      category        = "illegitimate_access"
      lifecycle_stage = "storage"
      risk_source     = "External attacker"
      likelihood      = "significant" # 3 × 3 = 9, high
      impact          = "significant"
      # one likelihood step and one impact step: 2 × 2 = 4, medium
      controls = [pii_control.access_policy, pii_control.encryption]
    },
    {
      name            = "Newsletter sent to a mistyped address"
      category        = "inaccurate_data"
      lifecycle_stage = "collection"
      likelihood      = "limited" # 2 × 2 = 4, medium
      impact          = "limited"
      treatment       = "accept"
      acceptance = {
        accepted_by = "Head of Marketing"
        rationale   = "Sign-ups are confirmed by a link sent to the address; an unconfirmed address gets nothing more."
        expires     = "2099-12-31"
      }
    },
  ]
}

# Computed at plan: covered true, max_residual_level "medium", and for each
# risk its inherent and residual score and level, coverage, the controls that
# lowered it and the catalog controls suggested for it.
output "newsletter_pia" {
  value = {
    id                 = pii_risk_assessment.newsletter.id
    covered            = pii_risk_assessment.newsletter.covered
    max_residual_level = pii_risk_assessment.newsletter.max_residual_level
    risks              = { for r in pii_risk_assessment.newsletter.risks : r.name => "${r.inherent_level} -> ${r.residual_level}, ${r.coverage}" }
  }
}
