resource "pii_processing_activity" "monitoring_accounts" {
  name        = "Monitoring platform accounts"
  description = "Staff sign in to the monitoring dashboards (Grafana); their accounts and dashboard settings are backed up every night."
  owner       = "Head of Platform"
  purposes    = ["Give staff access to the monitoring dashboards they need"]
  legal_basis = "legitimate_interests"
  pii_categories = [
    "identifiers.name", "contact.email", "identifiers.online",
  ]
  principals = ["employee"]
  volume     = 150
  retention  = "P1Y"

  storage {
    # The backup bucket of the storage workspace, qualified with the name
    # of its document in the check.
    systems   = ["grafana", "storage:aws_s3_bucket.grafana_backups"]
    countries = ["US"]
  }
  # The bucket is in an AWS region in the US: keeping the backups there is a
  # transfer to AWS, under the standard contractual clauses of its data
  # processing addendum.
  transfer {
    recipient      = "Amazon Web Services (the backup bucket's region, us-east-1)"
    recipient_role = "processor"
    country        = "US"
    mechanism      = "scc"
    systems        = ["storage:aws_s3_bucket.grafana_backups"]
  }
  disposal {
    method  = "deletion"
    systems = ["storage:aws_s3_bucket.grafana_backups"]
  }
}
