# The organisation's privacy controls: one pii_control per catalog control it
# has decided on, the rows of its Statement of Applicability. Only
# `implemented` controls lower a risk; the catalog says which risk categories
# each one treats and whether it lowers likelihood or impact (see the
# computed `treats` and `reduces`, or `terraform-provider-pii catalog`).
#
# Controls without `activities` are in place organisation-wide; the others
# only for the activities listed.

# --- Access control (ISO/IEC 29151 clause 9) --------------------------------

resource "pii_control" "access_policy" {
  control_id     = "9.1.1" # treats illegitimate_access, purpose_creep; lowers likelihood
  status         = "implemented"
  implementation = "Role-based access to every store of PII, granted per purpose and approved by the data owner."
  owner          = "Security team"
  evidence       = ["ISMS-POL-09 Access control policy", "aws_iam_policy.pii_readers"]
  last_reviewed  = "2026-09-15"
}

resource "pii_control" "privileged_access" {
  control_id     = "9.2.3" # treats illegitimate_access, unwanted_modification, data_loss; lowers likelihood
  status         = "implemented"
  implementation = "Administrator access is just-in-time, needs a second approver and expires after four hours."
  owner          = "Platform team"
  evidence       = ["aws_iam_role.break_glass", "Quarterly privileged access review, 2025-Q3"]
  last_reviewed  = "2026-10-01"
}

resource "pii_control" "hr_access_restriction" {
  control_id     = "9.4.1" # treats illegitimate_access, unwanted_modification, re_identification; lowers likelihood
  status         = "implemented"
  implementation = "In the payroll system, sick-leave reasons and union dues are visible to the payroll team only, not to line managers."
  owner          = "People operations"
  evidence       = ["Payroll system role matrix v4"]
  activities     = [pii_processing_activity.payroll.id]
  last_reviewed  = "2026-06-30"
}

# --- Cryptography (clause 10) -----------------------------------------------

resource "pii_control" "encryption" {
  control_id     = "10.1.1" # treats illegitimate_access, unwanted_modification; lowers impact
  status         = "implemented"
  implementation = "PII is encrypted at rest with customer-managed keys and in transit with TLS 1.2 or later."
  owner          = "Security team"
  evidence       = ["ISMS-POL-10 Cryptography policy", "aws_db_instance.orders (storage_encrypted)"]
  last_reviewed  = "2026-09-15"
}

resource "pii_control" "kms" {
  control_id     = "10.1.2" # treats illegitimate_access, data_loss; lowers impact
  status         = "implemented"
  implementation = "Keys live in a managed KMS, rotate yearly, and deleting a key erases the data it protects."
  owner          = "Platform team"
  evidence       = ["aws_kms_key.orders", "aws_kms_key.analytics"]
  last_reviewed  = "2026-09-15"
}

# --- Operations (clause 12) -------------------------------------------------

resource "pii_control" "backup" {
  control_id      = "12.3.1" # treats data_loss, unwanted_modification, over_retention; lowers impact
  status          = "implemented"
  implementation  = "Daily encrypted backups kept 35 days in a second region; restores are tested every quarter."
  owner           = "Platform team"
  evidence        = ["aws_backup_plan.pii", "Restore test report 2025-Q3"]
  last_reviewed   = "2026-07-01"
  review_interval = "P6M"
}

# --- Physical security (clause 11): excluded from the SoA -------------------

resource "pii_control" "physical_perimeter" {
  control_id    = "11.1.1"
  status        = "not_applicable"
  justification = "We run no premises that hold PII: every system is hosted by cloud providers, whose physical security we review as suppliers."
  owner         = "Security team"
}

# --- Transfers ----------------------------------------------------------------

resource "pii_control" "transfer_agreements" {
  control_id     = "13.2.2" # treats unlawful_transfer, purpose_creep; lowers likelihood
  status         = "implemented"
  implementation = "Every recipient of PII signs a data processing agreement that limits use to our instructions."
  owner          = "Legal"
  evidence       = ["DPA register"]
  last_reviewed  = "2026-05-20"
}

resource "pii_control" "transfer_basis" {
  catalog        = "iso27701"
  control_id     = "A.7.5.1" # treats unlawful_transfer; lowers likelihood
  status         = "implemented"
  implementation = "Transfers outside the EEA need an adequacy decision or the 2021 standard contractual clauses, with a transfer impact assessment."
  owner          = "Legal"
  evidence       = ["Transfer impact assessment TIA-2025-03 (analytics platform)"]
  last_reviewed  = "2026-05-20"
}

resource "pii_control" "transfer_records" {
  catalog        = "iso27701"
  control_id     = "A.7.5.3" # treats unlawful_transfer, lack_of_transparency; lowers impact
  status         = "partial"
  implementation = "Transfers by the web shop are logged; transfers by the marketing tools are not logged yet."
  owner          = "Data protection officer"
}

resource "pii_control" "transmission" {
  catalog        = "iso27701"
  control_id     = "A.7.4.9" # treats illegitimate_access, unwanted_modification; lowers likelihood
  status         = "implemented"
  implementation = "PII travels only over mutually authenticated TLS; card numbers go straight from the browser to the payment service provider."
  owner          = "Platform team"
  evidence       = ["aws_lb_listener.storefront (ssl_policy)", "PCI DSS SAQ A-EP 2025"]
  last_reviewed  = "2026-08-12"
}

# --- Consent, minimisation and retention -------------------------------------

# Annex A sub-control from catalog.hcl; inherits A.3's risk mapping.
resource "pii_control" "consent" {
  control_id     = "A.3.1" # treats unlawful_processing, rights_not_honoured, lack_of_transparency; lowers likelihood
  status         = "implemented"
  implementation = "The consent banner loads no analytics tag before the visitor opts in, and records each choice."
  owner          = "Head of Marketing"
  evidence       = ["consent_banner configuration", "Consent log retention: 3 years"]
  activities     = [pii_processing_activity.marketing.id]
  last_reviewed  = "2026-10-10"
}

resource "pii_control" "limit_collection" {
  catalog        = "iso27701"
  control_id     = "A.7.4.1" # treats excessive_collection; lowers likelihood
  status         = "implemented"
  implementation = "New fields and tracking events go through a privacy review that checks each one against a stated purpose."
  owner          = "Data protection officer"
  evidence       = ["Privacy review checklist PR-02"]
  last_reviewed  = "2026-04-02"
}

resource "pii_control" "minimisation" {
  catalog        = "iso27701"
  control_id     = "A.7.4.4" # treats excessive_collection, re_identification
  status         = "planned"
  implementation = "Pseudonymise customer ids in the analytics store before Q2 2026."
  owner          = "Data platform team"
}

# Annex A sub-control from catalog.hcl.
resource "pii_control" "retention_schedule" {
  control_id     = "A.7.1" # treats over_retention; lowers likelihood
  status         = "implemented"
  implementation = "Each store has a lifecycle rule that enforces the retention period of its purpose."
  owner          = "Data protection officer"
  evidence       = ["Retention schedule RS-2025", "aws_s3_bucket_lifecycle_configuration.analytics"]
  last_reviewed  = "2026-03-31"
}

resource "pii_control" "deletion" {
  catalog        = "iso27701"
  control_id     = "A.7.4.5" # treats over_retention, re_identification, illegitimate_access; lowers impact
  status         = "implemented"
  implementation = "At the end of retention, records are deleted or aggregated so that no customer can be singled out."
  owner          = "Data platform team"
  evidence       = ["Deletion job runbook DJ-01"]
  last_reviewed  = "2026-03-31"
}
