# Cloud KMS keys (google_kms_crypto_key) that protect PII.
#
# A key is not a data store: the policy applies when a data store whose
# configuration refers to the key holds PII (a bucket's
# encryption.default_kms_key_name, a Cloud SQL instance's
# encryption_key_name, a dataset's default_encryption_configuration...),
# when the key itself is labelled as PII, or when input.assume_pii is set.

locals {
  key_users = flatten([
    core::referrers("google_storage_bucket"),
    core::referrers("google_storage_bucket_object"),
    core::referrers("google_bigquery_dataset"),
    core::referrers("google_bigquery_table"),
    core::referrers("google_compute_disk"),
    core::referrers("google_compute_region_disk"),
    core::referrers("google_pubsub_topic"),
    core::referrers("google_spanner_database"),
    core::referrers("google_redis_instance"),
    core::referrers("google_alloydb_cluster"),
    core::referrers("google_firestore_database"),
    core::referrers("google_bigtable_instance"),
    core::referrers("google_filestore_instance"),
    core::referrers("google_logging_project_bucket_config"),
    core::referrers("google_secret_manager_secret"),
  ])
  # Cloud SQL instances carry their labels in settings[0].user_labels,
  # which meta.holds_pii does not read.
  sql_users = [for r in core::referrers("google_sql_database_instance") : {
    address = r.meta.address
    pii     = r.meta.holds_pii
    labels  = try(r.attrs.settings[0].user_labels, null)
  }]
  pii_users = concat(
    [for r in local.key_users : r.meta.address if r.meta.holds_pii],
    [for r in local.sql_users : r.address if r.pii || anytrue([for k in flatten([for l in [r.labels] : keys(l) if core::known(l) && l != null]) :
      (contains(["pii", "contains_pii", "personal_data"], lower(k)) && contains(["true", "yes", "1"], lower(trimspace(coalesce(r.labels[k], ""))))) ||
      (contains(["data_classification", "data-classification", "dataclassification", "classification"], lower(k)) &&
      contains(["pii", "personal", "personal_data", "sensitive", "special"], lower(trimspace(coalesce(r.labels[k], "")))))
    ])],
  )
  protects_pii = meta.holds_pii || input.assume_pii || length(local.pii_users) > 0
  why          = length(local.pii_users) > 0 ? "protects PII (${join(", ", local.pii_users)})" : (meta.holds_pii ? "holds PII" : "may protect PII (input assume_pii is set)")
}

resource_policy "google_kms_crypto_key" "google_kms_key_rotation" {
  description       = "A Cloud KMS key that protects PII rotates automatically, at least as often as input google_max_key_rotation_days"
  controls          = ["iso29151:10.1.2", "iso29151:10.1.1"]
  severity          = "medium"
  enforcement_level = "mandatory_overridable"
  # Only symmetric encryption keys (the default purpose) rotate automatically.
  filter = local.protects_pii && contains(["ENCRYPT_DECRYPT"], coalesce(try(attrs.purpose, null), "ENCRYPT_DECRYPT"))

  locals {
    # rotation_period is a duration in seconds, such as "7776000s".
    period  = try(attrs.rotation_period, null)
    seconds = local.period == null || local.period == "" ? null : tonumber(trimsuffix(local.period, "s"))
    limit   = input.google_max_key_rotation_days * 86400
  }

  enforce {
    condition     = local.seconds != null && local.seconds <= local.limit
    error_message = "${meta.address} ${local.why} but %{if local.seconds == null}never rotates%{else}rotates every ${floor(local.seconds / 86400) == 1 ? "day" : "${floor(local.seconds / 86400)} days"}%{endif}: set rotation_period = \"${local.limit}s\" (${input.google_max_key_rotation_days} days) or less."
  }
}
