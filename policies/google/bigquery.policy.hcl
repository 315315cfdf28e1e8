# BigQuery datasets (google_bigquery_dataset) and tables
# (google_bigquery_table) that hold PII.
#
# A dataset holds the data of its tables: it holds PII when one of them
# does; a table that refers to a PII dataset holds PII by reference.
# A dataset's access is computed when the configuration does not set it:
# unknown on a new dataset means the default grants (project owners,
# writers and readers), none of them public.

locals {
  # How messages say why the resource is checked.
  holds_phrase = meta.holds_pii ? "holds PII" : "is assumed to hold PII (assume_pii)"

  pii_tables        = [for t in core::referrers("google_bigquery_table") : t.meta.address if t.meta.holds_pii]
  dataset_holds_pii = meta.holds_pii || input.assume_pii || length(local.pii_tables) > 0
  dataset_why       = meta.holds_pii || input.assume_pii ? "holds PII" : "holds PII tables (${join(", ", local.pii_tables)})"

  public_principals = ["allUsers", "allAuthenticatedUsers"]
}

resource_policy "google_bigquery_dataset" "google_bigquery_dataset_cmek" {
  description       = "A BigQuery dataset that holds PII encrypts its tables with a customer-managed Cloud KMS key by default"
  controls          = ["iso29151:10.1.1", "iso29151:10.1.2"]
  severity          = "high"
  enforcement_level = "mandatory_overridable"
  filter            = local.dataset_holds_pii

  locals {
    encryption = flatten([for v in [for k in ["default_encryption_configuration"] : attrs[k] if contains(keys(attrs), k)] : v if v != null])
    key        = length(local.encryption) > 0 ? try(local.encryption[0].kms_key_name, null) : null
  }

  enforce {
    # A key name known only after apply refers to a key the plan creates.
    condition     = length(local.encryption) > 0 && (!core::known(local.key) || (local.key != null && local.key != ""))
    error_message = "${meta.address} ${local.dataset_why} but is encrypted with Google-managed keys only: add default_encryption_configuration { kms_key_name = <a google_kms_crypto_key id in the dataset's location> } (the BigQuery service account needs roles/cloudkms.cryptoKeyEncrypterDecrypter on the key)."
  }
}

resource_policy "google_bigquery_dataset" "google_bigquery_dataset_not_public" {
  description       = "A BigQuery dataset that holds PII grants no access to allUsers or allAuthenticatedUsers"
  controls          = ["iso29151:9.4.1", "iso29151:9.1.1"]
  severity          = "critical"
  enforcement_level = "mandatory"
  filter            = local.dataset_holds_pii

  locals {
    access = flatten([for v in [for k in ["access"] : attrs[k] if contains(keys(attrs), k)] : v if core::known(v == null ? 0 : length(v)) && v != null])
    inline = [for a in local.access : "an access block for ${coalesce(try(a.special_group, null), try(a.iam_member, null), "")} (${coalesce(try(a.role, null), "")})"
    if contains(local.public_principals, coalesce(try(a.special_group, null), "")) || contains(local.public_principals, coalesce(try(a.iam_member, null), ""))]
    split = flatten([
      [for r in core::referrers("google_bigquery_dataset_iam_member") : r.meta.address
      if contains(local.public_principals, coalesce(try(r.attrs.member, null), ""))],
      [for r in core::referrers("google_bigquery_dataset_iam_binding") : r.meta.address
      if length(setintersection(local.public_principals, coalesce(try(r.attrs.members, null), []))) > 0],
      [for r in core::referrers("google_bigquery_dataset_access") : r.meta.address
      if contains(local.public_principals, coalesce(try(r.attrs.special_group, null), "")) || contains(local.public_principals, coalesce(try(r.attrs.iam_member, null), ""))],
      [for r in core::referrers("google_bigquery_dataset_iam_policy") : r.meta.address
      if length(regexall("\"(allUsers|allAuthenticatedUsers)\"", coalesce(try(r.attrs.policy_data, null), ""))) > 0],
    ])
  }

  enforce {
    condition     = length(local.inline) == 0 && length(local.split) == 0
    error_message = "${meta.address} ${local.dataset_why} but grants access to allUsers or allAuthenticatedUsers (${join(", ", concat(local.inline, local.split))}): remove those grants and give access to named groups or service accounts."
  }
}

resource_policy "google_bigquery_dataset" "google_bigquery_dataset_expiration" {
  description       = "A BigQuery dataset that holds PII expires its tables or partitions after a default time, so that data is not kept for ever"
  controls          = ["iso27701:A.7.4.7", "iso29151:A.7", "iso27018:A.10.3"]
  severity          = "low"
  enforcement_level = "advisory"
  filter            = local.dataset_holds_pii

  enforce {
    condition     = coalesce(try(attrs.default_table_expiration_ms, null), 0) > 0 || coalesce(try(attrs.default_partition_expiration_ms, null), 0) > 0
    error_message = "${meta.address} ${local.dataset_why} but keeps tables for ever: set default_table_expiration_ms (or default_partition_expiration_ms for partitioned tables) to the retention period of the data, in milliseconds."
  }
}

resource_policy "google_bigquery_table" "google_bigquery_table_cmek" {
  description       = "A BigQuery table that holds PII is encrypted with a customer-managed key, its own or its dataset's default"
  controls          = ["iso29151:10.1.1", "iso29151:10.1.2"]
  severity          = "medium"
  enforcement_level = "advisory"
  # Views hold no data of their own.
  filter = (meta.holds_pii || input.assume_pii) && length(flatten([for v in [for k in ["view", "materialized_view"] : attrs[k] if contains(keys(attrs), k)] : v if v != null])) == 0

  locals {
    encryption = flatten([for v in [for k in ["encryption_configuration"] : attrs[k] if contains(keys(attrs), k)] : v if v != null])
    own_key    = length(local.encryption) > 0 ? try(local.encryption[0].kms_key_name, null) : null
    has_own    = length(local.encryption) > 0 && (!core::known(local.own_key) || (local.own_key != null && local.own_key != ""))
    # The dataset of the same plan, found by its dataset_id.
    datasets = core::getresources("google_bigquery_dataset", { dataset_id = try(attrs.dataset_id, "") })
    inherits = anytrue([for d in local.datasets :
    length(flatten([for v in [for k in ["default_encryption_configuration"] : d.attrs[k] if contains(keys(d.attrs), k)] : v if v != null])) > 0])
  }

  enforce {
    condition     = local.has_own || local.inherits
    error_message = "${meta.address} ${local.holds_phrase} but is encrypted with Google-managed keys only: add encryption_configuration { kms_key_name = <a google_kms_crypto_key id> }, or give its dataset a default_encryption_configuration before the table is created."
  }
}
