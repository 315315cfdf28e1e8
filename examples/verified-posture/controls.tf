# The controls the privacy team claims for the monitoring accounts. The
# policy pack's aws_s3_bucket_pii_kms_encryption implements iso29151:10.1.1,
# so the backup bucket's encryption in the storage workspace's plan decides
# whether this claim holds.

resource "pii_control" "backup_encryption" {
  control_id     = "10.1.1"
  status         = "implemented"
  owner          = "Head of Platform"
  implementation = "The Grafana backup bucket is encrypted with a KMS key."
  evidence       = ["storage:aws_s3_bucket.grafana_backups"]
  activities     = [pii_processing_activity.monitoring_accounts.id]
  last_reviewed  = "2026-11-02"
}

# No policy of the pack implements 12.1.1 (a written procedure is not in a
# plan), so the check reports it as unverified: claimed, not contradicted.
resource "pii_control" "leaver_procedure" {
  control_id     = "12.1.1"
  status         = "implemented"
  owner          = "Head of Platform"
  implementation = "The leaver procedure removes the Grafana account on the last working day; backups older than a year are deleted."
  evidence       = ["Leaver checklist, platform runbook section 4"]
  activities     = [pii_processing_activity.monitoring_accounts.id]
  last_reviewed  = "2026-11-02"
}
