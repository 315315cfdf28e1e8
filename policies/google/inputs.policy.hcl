# Inputs of the google policies.

input "google_max_key_rotation_days" {
  type        = number
  default     = 90
  description = "The longest rotation period, in days, of a Cloud KMS key that protects PII (rotation_period is set in seconds, such as \"7776000s\" for 90 days)."
}

input "google_allowed_locations" {
  type        = list(string)
  default     = ["EU", "EUR4", "eur3", "europe-west1", "europe-west3", "europe-west4", "europe-west8", "europe-west9", "europe-west10", "europe-west12", "europe-north1", "europe-north2", "europe-central2", "europe-southwest1"]
  description = "Google Cloud locations where data stores that hold PII may be, compared without regard to case: regions, and multi-regions or dual-regions wholly inside them. The default is the European Economic Area: the EU multi-region, the EUR4 dual-region (Finland and the Netherlands), the eur3 multi-region of Firestore and Spanner (Belgium and the Netherlands) and the europe-* regions in the EEA (europe-west2 is London and europe-west6 Zurich, both outside)."
}
