# A posture verified against the infrastructure of another workspace.
#
# The privacy team of a small company keeps its privacy posture in this
# configuration, its own workspace. The platform team runs the monitoring
# stack (Grafana, whose backups go to an S3 bucket) in another workspace,
# "storage". The posture names that bucket as "storage:aws_s3_bucket.
# grafana_backups": the document of the storage workspace, given to the
# check as storage=PATH, is the evidence for the controls claimed here.
#
#   activities.tf   the staff accounts of the monitoring platform
#   controls.tf     the encryption and backup controls the team claims
#   assessments.tf  the impact assessment that relies on them
#
# infrastructure/ holds the storage workspace's plan: one from a public
# repository and a fixed variant derived from it (see its README). The
# demo checks this posture's plan with each:
#
#   terraform-provider-pii check posture.json storage=infrastructure/storage.json
#     pii_control.backup_encryption is contradicted (the bucket is encrypted
#     with AES256, not KMS) and risk "backups_read_by_outsiders" is covered on
#     paper only
#   terraform-provider-pii check posture.json storage=infrastructure/storage-fixed.json
#     the same control is verified and the risk stays covered

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
}
