# An implemented control, in place organisation-wide. The catalog's mapping
# is copied into computed attributes: title, principle, treats, reduces.
resource "pii_control" "encryption" {
  catalog         = "iso29151" # the default
  control_id      = "10.1.1"
  status          = "implemented"
  implementation  = "PII is encrypted at rest with customer-managed keys and in transit with TLS 1.2 or later."
  owner           = "Security team"
  evidence        = ["ISMS-POL-10 Cryptography policy", "aws_kms_key.orders"]
  last_reviewed   = "2025-09-15"
  review_interval = "P1Y" # the default; review_due is then 2026-09-15
}

# A control in place for one activity only.
resource "pii_processing_activity" "marketing" {
  name           = "Marketing analytics"
  purposes       = ["Measure how our campaigns perform"]
  legal_basis    = "consent"
  pii_categories = ["identifiers.online", "behavioral.browsing"]
  principals     = ["website_visitor"]
  retention      = "P13M"
}

resource "pii_control" "consent" {
  catalog        = "iso27701"
  control_id     = "A.7.2.4"
  status         = "implemented"
  implementation = "The consent banner loads no analytics tag before the visitor opts in, and records each choice."
  owner          = "Head of Marketing"
  activities     = [pii_processing_activity.marketing.id]
}

# A control that does not apply needs a justification, which the Statement
# of Applicability shows.
resource "pii_control" "physical_perimeter" {
  control_id    = "11.1.1"
  status        = "not_applicable"
  justification = "We run no premises that hold PII: every system is hosted by cloud providers."
}

# A cloud processor's control from ISO/IEC 27018 (catalog "iso27018").
resource "pii_control" "data_location" {
  catalog        = "iso27018"
  control_id     = "A.12.1" # Geographical location of PII
  status         = "implemented"
  implementation = "Customer data stays in the EU region the customer chose; the trust centre lists every country where it may be processed."
  owner          = "Data protection officer"
}

# A control that is not in place yet lowers no risk.
resource "pii_control" "minimisation" {
  catalog    = "iso27701"
  control_id = "A.7.4.4"
  status     = "planned"
  owner      = "Data platform team"
}

output "encryption" {
  value = "${pii_control.encryption.id} ${pii_control.encryption.title}: treats ${join(", ", pii_control.encryption.treats)}, lowers ${pii_control.encryption.reduces}"
}
