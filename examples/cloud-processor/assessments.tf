# The privacy impact assessment of the ticket service, which Deskly makes
# for its customers to build on in their own assessments. Every stage the
# activity declares has a risk; each is mitigated to the risk appetite.

resource "pii_risk_assessment" "tickets" {
  activity    = pii_processing_activity.tickets
  assessor    = "Data protection officer"
  assessed_on = "2026-10-20"
  next_review = "2027-10-20"
  status      = "approved"
  approved_by = "Chief Executive Officer"

  risks = [
    {
      name            = "End users not told who processes their tickets"
      category        = "lack_of_transparency"
      lifecycle_stage = "collection"
      likelihood      = "limited" # 2 × 2 = 4, medium
      impact          = "limited"
      controls        = [pii_control.subprocessor_list] # 1 × 2 = 2, low
    },
    {
      name            = "Ticket attachments read by an outsider"
      category        = "illegitimate_access"
      lifecycle_stage = "storage"
      risk_source     = "External attacker"
      likelihood      = "significant" # 3 × 3 = 9, high
      impact          = "significant"
      controls        = [pii_control.access_policy, pii_control.encryption] # 2 × 2 = 4, medium
    },
    {
      name            = "A restore brings back erased tickets"
      category        = "unwanted_modification"
      lifecycle_stage = "storage"
      likelihood      = "limited" # 2 × 2 = 4, medium
      impact          = "limited"
      controls        = [pii_control.restoration_log] # 2 × 1 = 2, low
    },
    {
      name            = "Ticket contents reused for Deskly's own products"
      category        = "purpose_creep"
      lifecycle_stage = "use"
      risk_source     = "Deskly product teams"
      likelihood      = "significant" # 3 × 3 = 9, high
      impact          = "significant"
      controls        = [pii_control.customer_purpose, pii_control.access_policy] # 1 × 3 = 3, low
    },
    {
      name            = "Replies read on their way to the end user"
      category        = "illegitimate_access"
      lifecycle_stage = "transfer"
      likelihood      = "limited" # 2 × 3 = 6, medium
      impact          = "significant"
      controls        = [pii_control.encryption_in_transit] # 1 × 3 = 3, low
    },
    {
      name            = "The email sub-processor moves data outside the agreed countries"
      category        = "unlawful_transfer"
      lifecycle_stage = "transfer"
      risk_source     = "Sub-processor"
      likelihood      = "limited" # 2 × 3 = 6, medium
      impact          = "significant"
      controls        = [pii_control.data_location, pii_control.subprocessor_contracts, pii_control.transfer_basis] # 1 × 3 = 3, low
    },
    {
      name            = "Tickets kept after a customer leaves"
      category        = "over_retention"
      lifecycle_stage = "disposal"
      likelihood      = "significant" # 3 × 2 = 6, medium
      impact          = "limited"
      controls        = [pii_control.return_and_disposal] # 2 × 2 = 4, medium
    },
  ]
}
