# Deskly's controls. As a cloud processor it declares the ISO/IEC 27018
# Annex A controls (catalog = "iso27018"), with the ISO/IEC 27701 processor
# control for the basis of its transfers and ISO/IEC 29151 security
# controls. Every control here is organisation-wide.

# --- ISO/IEC 27018: the public cloud processor's duties ----------------------

resource "pii_control" "customer_purpose" {
  catalog        = "iso27018"
  control_id     = "A.3.1" # treats purpose_creep, unlawful_processing
  status         = "implemented"
  implementation = "Ticket data is processed only to run each customer's help desk; product analytics use aggregate counts, never ticket contents."
  owner          = "Head of Product"
  evidence       = ["Data processing agreement v3, clause 2", "Engineering standard ENG-7: no training on customer content"]
  last_reviewed  = "2026-09-01"
}

resource "pii_control" "rights_cooperation" {
  catalog        = "iso27018"
  control_id     = "A.2.1" # treats rights_not_honoured
  status         = "implemented"
  implementation = "Customers' admins can find, export and erase every ticket of one of their end users from the admin console or the API."
  owner          = "Head of Product"
  evidence       = ["Admin console: data subject requests", "API reference: /v2/end-users/{id}/erase"]
  last_reviewed  = "2026-09-01"
}

resource "pii_control" "breach_notification" {
  catalog        = "iso27018"
  control_id     = "A.10.1" # treats illegitimate_access, unwanted_modification, data_loss; lowers impact
  status         = "implemented"
  implementation = "Affected customers are told within 24 hours of a confirmed breach, through their security contact, with what is known so far."
  owner          = "Security team"
  evidence       = ["Incident response plan IR-2, section 5", "Breach notification template"]
  last_reviewed  = "2026-10-15"
}

resource "pii_control" "return_and_disposal" {
  catalog        = "iso27018"
  control_id     = "A.10.3" # treats over_retention, illegitimate_access, data_loss
  status         = "implemented"
  implementation = "At the end of a contract the customer can export every ticket for 30 days; then its tickets, attachments and backups are deleted within 60 days."
  owner          = "Platform team"
  evidence       = ["Data processing agreement v3, clause 11", "aws_s3_bucket_lifecycle_configuration.attachments"]
  last_reviewed  = "2026-10-15"
}

resource "pii_control" "restoration_log" {
  catalog        = "iso27018"
  control_id     = "A.11.3" # treats unwanted_modification, data_loss; lowers impact
  status         = "implemented"
  implementation = "Restores from backup need a ticket and a second approver; CloudTrail records every restore call, and restores re-apply the erasures made since the backup."
  owner          = "Platform team"
  evidence       = ["Runbook OPS-14 Restoring a customer's data", "aws_cloudtrail.management"]
  last_reviewed  = "2026-10-15"
}

resource "pii_control" "encryption_in_transit" {
  catalog        = "iso27018"
  control_id     = "A.11.6" # treats illegitimate_access, unwanted_modification
  status         = "implemented"
  implementation = "TLS 1.2 or later on every public endpoint; inbound and outbound email uses enforced TLS."
  owner          = "Platform team"
  evidence       = ["aws_lb_listener.inbound (ssl_policy)", "MTA-STS policy"]
  last_reviewed  = "2026-08-20"
}

resource "pii_control" "data_location" {
  catalog        = "iso27018"
  control_id     = "A.12.1" # treats unlawful_transfer, lack_of_transparency
  status         = "implemented"
  implementation = "Ticket data is stored in Ireland and Germany only; the trust centre lists every country where it may be processed, sub-processors included."
  owner          = "Data protection officer"
  evidence       = ["Trust centre: data location page"]
  last_reviewed  = "2026-09-01"
}

resource "pii_control" "subprocessor_list" {
  catalog        = "iso27018"
  control_id     = "A.8.1" # treats lack_of_transparency, unlawful_transfer
  status         = "implemented"
  implementation = "The sub-processor list is published, and customers are told 30 days before a sub-processor is added."
  owner          = "Data protection officer"
  evidence       = ["Trust centre: sub-processors", "Sub-processor change notices"]
  last_reviewed  = "2026-09-01"
}

resource "pii_control" "subprocessor_contracts" {
  catalog        = "iso27018"
  control_id     = "A.11.12" # treats unlawful_processing, illegitimate_access, unlawful_transfer
  status         = "implemented"
  implementation = "Each sub-processor signs terms that pass on the protection Deskly promises its customers, with the 2021 standard contractual clauses where it is outside the EEA."
  owner          = "Legal"
  evidence       = ["Sub-processor agreements register"]
  last_reviewed  = "2026-09-01"
}

resource "pii_control" "hardcopy" {
  catalog       = "iso27018"
  control_id    = "A.11.2"
  status        = "not_applicable"
  justification = "Nobody prints customer data: Deskly has no printers and support staff work on screen only."
  owner         = "Security team"
}

# --- ISO/IEC 27701 Annex B: the processor's transfer basis ------------------

resource "pii_control" "transfer_basis" {
  catalog        = "iso27701"
  control_id     = "B.8.5.1" # treats unlawful_transfer
  status         = "implemented"
  implementation = "Transfers outside the EEA rest on the 2021 standard contractual clauses, with a transfer impact assessment per sub-processor."
  owner          = "Legal"
  evidence       = ["Transfer impact assessment TIA-2026-02 (email delivery)"]
  last_reviewed  = "2026-09-01"
}

# --- ISO/IEC 29151: security controls ---------------------------------------

resource "pii_control" "access_policy" {
  control_id     = "9.1.1" # treats illegitimate_access, purpose_creep
  status         = "implemented"
  implementation = "Deskly staff reach a customer's tickets only through a support session the customer opens, which expires after 24 hours."
  owner          = "Security team"
  evidence       = ["ISMS-POL-09 Access control policy"]
  last_reviewed  = "2026-09-15"
}

resource "pii_control" "encryption" {
  control_id     = "10.1.1" # treats illegitimate_access, unwanted_modification; lowers impact
  status         = "implemented"
  implementation = "Tickets and attachments are encrypted at rest with customer-managed KMS keys, one per region."
  owner          = "Platform team"
  evidence       = ["aws_kms_key.tickets", "aws_rds_cluster.tickets (storage_encrypted)"]
  last_reviewed  = "2026-09-15"
}
