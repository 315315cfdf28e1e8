resource "pii_risk_assessment" "monitoring_accounts" {
  activity    = pii_processing_activity.monitoring_accounts
  status      = "approved"
  approved_by = "Data Protection Officer"
  assessor    = "Privacy team"
  assessed_on = "2026-11-30"
  next_review = "2027-11-30"

  risks = [
    {
      name            = "backups_read_by_outsiders"
      category        = "illegitimate_access"
      description     = "Someone who obtains the backup files reads the staff accounts they hold."
      lifecycle_stage = "storage"
      likelihood      = "significant"
      impact          = "significant"
      controls        = [pii_control.backup_encryption]
    },
    {
      name            = "backups_disclosed_abroad"
      category        = "unlawful_transfer"
      description     = "The backups in the US region are disclosed to authorities there without the protection the clauses promise."
      lifecycle_stage = "transfer"
      likelihood      = "limited"
      impact          = "limited"
      treatment       = "accept"
      acceptance = {
        accepted_by = "Data Protection Officer"
        rationale   = "The backups hold only staff names and work e-mail addresses, and the clauses bind AWS to challenge any request for them."
        expires     = "2027-11-30"
      }
    },
    {
      name            = "accounts_kept_after_leaving"
      category        = "over_retention"
      description     = "Accounts of leavers stay in the dashboards and their backups."
      lifecycle_stage = "disposal"
      likelihood      = "limited"
      impact          = "limited"
      controls        = [pii_control.leaver_procedure]
    },
  ]
}
