# Cloud Storage buckets (google_storage_bucket) that hold PII: uniform
# IAM access, no public access, customer-managed encryption keys, object
# versioning, a deletion rule that bounds how long objects are kept, and
# access logs.
#
# uniform_bucket_level_access and public_access_prevention are computed
# when the configuration does not set them: a new bucket shows them
# unknown, and Cloud Storage then applies its defaults (object ACLs allowed,
# public access prevention inherited from the organization policy).

locals {
  # How messages say why the resource is checked.
  holds_phrase = meta.holds_pii ? "holds PII" : "is assumed to hold PII (assume_pii)"

  # A bucket holds PII when it is tagged (labels) or named in a processing
  # activity, or when one of its objects is.
  pii_objects = [for o in core::referrers("google_storage_bucket_object") : o.meta.address if o.meta.holds_pii]
  holds_pii   = meta.holds_pii || input.assume_pii || length(local.pii_objects) > 0

  public_principals = ["allUsers", "allAuthenticatedUsers"]
}

resource_policy "google_storage_bucket" "google_storage_bucket_uniform_access" {
  description       = "A bucket that holds PII controls access with IAM only (uniform bucket-level access), not per-object ACLs"
  controls          = ["iso29151:9.1.1", "iso29151:9.4.1"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = local.holds_pii

  locals {
    uniform = try(attrs.uniform_bucket_level_access, null)
  }

  enforce {
    condition     = core::known(local.uniform) && local.uniform == true
    error_message = "${meta.address} ${local.holds_phrase} but ${core::known(local.uniform) ? "turns uniform bucket-level access off" : "does not set uniform_bucket_level_access (the bucket then accepts object ACLs unless an organization policy enforces uniform access)"}: set uniform_bucket_level_access = true."
  }
}

resource_policy "google_storage_bucket" "google_storage_bucket_public_access_prevention" {
  description       = "A bucket that holds PII enforces public access prevention and grants nothing to allUsers or allAuthenticatedUsers"
  controls          = ["iso29151:9.4.1", "iso29151:13.1.1"]
  severity          = "critical"
  enforcement_level = "mandatory"
  filter            = local.holds_pii

  locals {
    prevention = try(attrs.public_access_prevention, null)
    public_grants = flatten([
      [for r in core::referrers("google_storage_bucket_iam_member") : r.meta.address
      if contains(local.public_principals, coalesce(try(r.attrs.member, null), ""))],
      [for r in core::referrers("google_storage_bucket_iam_binding") : r.meta.address
      if length(setintersection(local.public_principals, coalesce(try(r.attrs.members, null), []))) > 0],
      [for r in flatten([
        core::referrers("google_storage_bucket_access_control"),
        core::referrers("google_storage_default_object_access_control"),
        core::referrers("google_storage_object_access_control"),
      ]) : r.meta.address if contains(local.public_principals, coalesce(try(r.attrs.entity, null), ""))],
      [for r in flatten([
        core::referrers("google_storage_bucket_acl"),
        core::referrers("google_storage_default_object_acl"),
      ]) : r.meta.address if anytrue([for e in flatten([for v in [try(r.attrs.role_entity, null)] : v if v != null]) : endswith(e, ":allUsers") || endswith(e, ":allAuthenticatedUsers")])],
    ])
  }

  enforce {
    condition     = core::known(local.prevention) && local.prevention == "enforced"
    error_message = "${meta.address} ${local.holds_phrase} but ${core::known(local.prevention) ? "sets public_access_prevention = \"${coalesce(local.prevention, "")}\"" : "does not set public_access_prevention (the default, inherited, follows the organization policy)"}: set public_access_prevention = \"enforced\"."
  }

  enforce {
    condition     = length(local.public_grants) == 0
    error_message = "${meta.address} ${local.holds_phrase} but ${join(", ", local.public_grants)} grant access to allUsers or allAuthenticatedUsers: remove those members."
  }
}

resource_policy "google_storage_bucket" "google_storage_bucket_cmek" {
  description       = "A bucket that holds PII encrypts new objects with a customer-managed Cloud KMS key"
  controls          = ["iso29151:10.1.1", "iso29151:10.1.2"]
  severity          = "high"
  enforcement_level = "mandatory_overridable"
  filter            = local.holds_pii

  locals {
    encryption = flatten([for v in [for k in ["encryption"] : attrs[k] if contains(keys(attrs), k)] : v if v != null])
    key        = length(local.encryption) > 0 ? try(local.encryption[0].default_kms_key_name, null) : null
  }

  enforce {
    # A key name known only after apply refers to a key the plan creates.
    condition     = length(local.encryption) > 0 && (!core::known(local.key) || (local.key != null && local.key != ""))
    error_message = "${meta.address} ${local.holds_phrase} but is encrypted with Google-managed keys only: add encryption { default_kms_key_name = <a google_kms_crypto_key id> } (the Cloud Storage service agent needs roles/cloudkms.cryptoKeyEncrypterDecrypter on the key)."
  }
}

resource_policy "google_storage_bucket" "google_storage_bucket_versioning" {
  description       = "A bucket that holds PII keeps noncurrent object versions, so that an overwrite or deletion can be undone"
  controls          = ["iso29151:12.3.1"]
  severity          = "low"
  enforcement_level = "advisory"
  filter            = local.holds_pii

  locals {
    versioning = flatten([for v in [for k in ["versioning"] : attrs[k] if contains(keys(attrs), k)] : v if v != null])
  }

  enforce {
    condition     = length(local.versioning) > 0 ? try(local.versioning[0].enabled, false) == true : false
    error_message = "${meta.address} ${local.holds_phrase} but keeps no noncurrent versions of objects: set versioning { enabled = true }, with a lifecycle_rule that deletes noncurrent versions after a bounded time (days_since_noncurrent_time or num_newer_versions)."
  }
}

resource_policy "google_storage_bucket" "google_storage_bucket_retention" {
  description       = "A bucket that holds PII deletes objects after a bounded time, with a lifecycle rule whose action is Delete"
  controls          = ["iso27701:A.7.4.7", "iso27701:A.7.4.8", "iso29151:A.7", "iso27018:A.10.3"]
  severity          = "medium"
  enforcement_level = "mandatory_overridable"
  filter            = local.holds_pii

  locals {
    rules = flatten([for v in [for k in ["lifecycle_rule"] : attrs[k] if contains(keys(attrs), k)] : v if v != null])
    # A rule deletes live objects when its action is Delete and its
    # condition ages them (age, created_before, custom time), unless it
    # applies to noncurrent versions only (with_state = "ARCHIVED").
    deletes_live = [for r in local.rules :
      anytrue([for a in r.action : try(a.type, null) == "Delete"]) &&
      anytrue([for c in r.condition :
        (coalesce(try(c.age, null), 0) > 0 || coalesce(try(c.created_before, null), "") != "" ||
        coalesce(try(c.days_since_custom_time, null), 0) > 0 || coalesce(try(c.custom_time_before, null), "") != "") &&
        !(core::known(try(c.with_state, null)) && try(c.with_state, null) == "ARCHIVED")
    ])]
  }

  enforce {
    condition     = anytrue(local.deletes_live)
    error_message = "${meta.address} ${local.holds_phrase} but keeps objects for ever: add a lifecycle_rule { action { type = \"Delete\" } condition { age = <days> } } that matches the retention period of the data (a retention_policy only sets a minimum)."
  }
}

resource_policy "google_storage_bucket" "google_storage_bucket_access_logging" {
  description       = "Reads and writes of a bucket that holds PII are logged, with usage logs or Data Access audit logs"
  controls          = ["iso29151:12.4.1", "iso27018:A.11.3"]
  severity          = "low"
  enforcement_level = "advisory"
  filter            = local.holds_pii

  locals {
    logging = flatten([for v in [for k in ["logging"] : attrs[k] if contains(keys(attrs), k)] : v if v != null])
    # Data Access audit logs for Cloud Storage, declared in the same plan
    # (for a project, folder or organization).
    audit_configs = flatten([
      core::getresources("google_project_iam_audit_config", {}),
      core::getresources("google_folder_iam_audit_config", {}),
      core::getresources("google_organization_iam_audit_config", {}),
    ])
    data_access = anytrue([for a in local.audit_configs :
      contains(["allServices", "storage.googleapis.com"], coalesce(try(a.attrs.service, null), "")) &&
      anytrue([for c in flatten([for v in [try(a.attrs.audit_log_config, null)] : v if v != null]) : contains(["DATA_READ", "DATA_WRITE"], coalesce(try(c.log_type, null), ""))])
    ])
  }

  enforce {
    condition     = (length(local.logging) > 0 ? coalesce(try(local.logging[0].log_bucket, null), "") != "" : false) || local.data_access
    error_message = "${meta.address} ${local.holds_phrase} but its reads and writes are not logged: set logging { log_bucket = <a log bucket> }, or enable DATA_READ and DATA_WRITE audit logs for storage.googleapis.com with a google_project_iam_audit_config."
  }
}
