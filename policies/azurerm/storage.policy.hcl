# Storage accounts (azurerm_storage_account) that hold PII: transport
# encryption, no anonymous or open network access, keys under the
# customer's control, and recovery of deleted blobs.
#
# Provider versions differ: v4 names HTTPS-only https_traffic_only_enabled,
# v3 enable_https_traffic_only (late v3 has both, computed when not set);
# v3 and v4 name anonymous access allow_nested_items_to_be_public, v2
# allow_blob_public_access. blob_properties and network_rules are computed
# when they are not set, so a new account shows them unknown: an unknown
# block is the service default, not a configuration.

locals {
  # How messages say why the resource is checked.
  holds_phrase = meta.holds_pii ? "holds PII" : "is assumed to hold PII (assume_pii)"

  # An account holds the data of its containers, shares, tables and queues:
  # it holds PII when one of them does (a processing activity may name a
  # container rather than its account).
  pii_parts = [for r in flatten([
    core::referrers("azurerm_storage_container"),
    core::referrers("azurerm_storage_share"),
    core::referrers("azurerm_storage_table"),
    core::referrers("azurerm_storage_queue"),
    core::referrers("azurerm_storage_data_lake_gen2_filesystem"),
  ]) : r.meta.address if r.meta.holds_pii]
  holds_pii = meta.holds_pii || input.assume_pii || length(local.pii_parts) > 0

  # blob_properties as configured: [] when not set (unknown on a new account).
  blob_properties  = flatten([for v in [for k in ["blob_properties"] : attrs[k] if contains(keys(attrs), k)] : v if core::known(v == null ? 0 : length(v)) && v != null])
  has_blob_service = try(attrs.account_kind, "StorageV2") != "FileStorage"
}

resource_policy "azurerm_storage_account" "azurerm_storage_secure_transfer" {
  description       = "A storage account that holds PII accepts HTTPS requests only, negotiated with TLS 1.2 or later"
  controls          = ["iso27701:A.7.4.9", "iso29151:10.1.1", "iso27018:A.11.6"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = local.holds_pii

  locals {
    # HTTPS only is the provider default: only a flag known to be false
    # turns it off (an unknown flag is one the configuration does not set).
    https_flags = [for k in ["https_traffic_only_enabled", "enable_https_traffic_only"] : attrs[k] if contains(keys(attrs), k)]
    https_off   = anytrue([for f in local.https_flags : core::known(f) && f == false])
    min_tls     = try(attrs.min_tls_version, null)
  }

  enforce {
    condition     = !local.https_off
    error_message = "${meta.address} ${local.holds_phrase} but accepts plain HTTP requests: set https_traffic_only_enabled = true (enable_https_traffic_only in provider v3)."
  }

  enforce {
    condition     = local.min_tls == null ? false : contains(["TLS1_2", "TLS1_3"], local.min_tls)
    error_message = "${meta.address} ${local.holds_phrase} but accepts ${local.min_tls == null ? "any TLS version" : "clients that negotiate ${local.min_tls}"}: set min_tls_version = \"TLS1_2\"."
  }
}

resource_policy "azurerm_storage_account" "azurerm_storage_no_anonymous_access" {
  description       = "A storage account that holds PII lets no container or blob be read anonymously"
  controls          = ["iso29151:9.4.1", "iso29151:9.1.1"]
  severity          = "critical"
  enforcement_level = "mandatory"
  filter            = local.holds_pii

  locals {
    nested = contains(keys(attrs), "allow_nested_items_to_be_public") ? attrs.allow_nested_items_to_be_public : null
    legacy = contains(keys(attrs), "allow_blob_public_access") ? attrs.allow_blob_public_access : null
    # Neither attribute: nothing says anonymous access is off.
    allows_public = local.nested != null ? local.nested : (local.legacy != null ? local.legacy : true)
    public_containers = [for c in core::referrers("azurerm_storage_container") : c.meta.address
    if contains(["blob", "container"], coalesce(try(c.attrs.container_access_type, null), "private"))]
  }

  enforce {
    condition     = local.allows_public == false
    error_message = "${meta.address} ${local.holds_phrase} but lets containers be made public: set allow_nested_items_to_be_public = false (allow_blob_public_access = false in provider v2)."
  }

  enforce {
    condition     = length(local.public_containers) == 0
    error_message = "${meta.address} ${local.holds_phrase} but ${join(", ", local.public_containers)} grant anonymous read access: set container_access_type = \"private\"."
  }
}

resource_policy "azurerm_storage_account" "azurerm_storage_network_restricted" {
  description       = "A storage account that holds PII is closed to public networks, or denies by default and admits only listed networks"
  controls          = ["iso29151:13.1.1", "iso29151:9.1.2"]
  severity          = "high"
  enforcement_level = "mandatory_overridable"
  filter            = local.holds_pii

  locals {
    public_network = contains(keys(attrs), "public_network_access_enabled") ? attrs.public_network_access_enabled : true
    # network_rules as configured: unknown on a new account that does not
    # set it, and then Azure allows every network.
    inline = flatten([for v in [for k in ["network_rules"] : attrs[k] if contains(keys(attrs), k)] : v if core::known(v == null ? 0 : length(v)) && v != null])
    default_actions = concat(
      [for r in local.inline : r.default_action],
      [for r in core::referrers("azurerm_storage_account_network_rules") : try(r.attrs.default_action, null)],
    )
  }

  enforce {
    condition     = local.public_network == false || anytrue([for a in local.default_actions : a == "Deny"])
    error_message = "${meta.address} ${local.holds_phrase} and accepts connections from any network: set public_network_access_enabled = false and reach it through a private endpoint, or set default_action = \"Deny\" in network_rules (inline or in an azurerm_storage_account_network_rules) and list the subnets and IP ranges allowed."
  }
}

resource_policy "azurerm_storage_account" "azurerm_storage_customer_managed_key" {
  description       = "A storage account that holds PII encrypts it with a customer-managed key from Key Vault or Managed HSM"
  controls          = ["iso29151:10.1.1", "iso29151:10.1.2"]
  severity          = "high"
  enforcement_level = "mandatory_overridable"
  filter            = local.holds_pii

  locals {
    inline_cmk = flatten([for v in [for k in ["customer_managed_key"] : attrs[k] if contains(keys(attrs), k)] : v if v != null])
    split_cmk  = core::referrers("azurerm_storage_account_customer_managed_key")
  }

  enforce {
    condition     = length(local.split_cmk) > 0 || length(local.inline_cmk) > 0
    error_message = "${meta.address} ${local.holds_phrase} but is encrypted with Microsoft-managed keys only: add a customer_managed_key block (key_vault_key_id and user_assigned_identity_id) or an azurerm_storage_account_customer_managed_key that refers to it."
  }
}

resource_policy "azurerm_storage_account" "azurerm_storage_infrastructure_encryption" {
  description       = "A storage account that holds PII adds infrastructure encryption, a second layer of encryption at rest"
  controls          = ["iso29151:10.1.1"]
  severity          = "low"
  enforcement_level = "advisory"
  filter            = local.holds_pii

  enforce {
    condition     = try(attrs.infrastructure_encryption_enabled, false) == true
    error_message = "${meta.address} ${local.holds_phrase} and encrypts it once at rest: set infrastructure_encryption_enabled = true for double encryption (it can only be set when the account is created, so it replaces an existing account)."
  }
}

resource_policy "azurerm_storage_account" "azurerm_storage_blob_soft_delete" {
  description       = "A storage account that holds PII keeps deleted blobs recoverable for at least the minimum backup retention"
  controls          = ["iso29151:12.3.1"]
  severity          = "medium"
  enforcement_level = "mandatory_overridable"
  filter            = local.holds_pii && local.has_blob_service

  locals {
    retention = flatten([for b in local.blob_properties :
    flatten([for v in [for k in ["delete_retention_policy"] : b[k] if contains(keys(b), k)] : v if v != null])])
    days = length(local.retention) > 0 ? try(local.retention[0].days, 7) : 0
  }

  enforce {
    condition     = local.days >= input.azurerm_min_backup_retention_days
    error_message = "${meta.address} ${local.holds_phrase} but ${local.days == 0 ? "does not keep deleted blobs" : "keeps deleted blobs ${local.days == 1 ? "1 day" : "${local.days} days"}"}: set blob_properties { delete_retention_policy { days = ${input.azurerm_min_backup_retention_days} } } or more."
  }
}

resource_policy "azurerm_storage_account" "azurerm_storage_blob_versioning" {
  description       = "A storage account that holds PII keeps previous versions of blobs, so that an overwrite can be undone"
  controls          = ["iso29151:12.3.1"]
  severity          = "low"
  enforcement_level = "advisory"
  filter            = local.holds_pii && local.has_blob_service && try(attrs.is_hns_enabled, false) != true

  enforce {
    condition     = length(local.blob_properties) > 0 ? try(local.blob_properties[0].versioning_enabled, false) == true : false
    error_message = "${meta.address} ${local.holds_phrase} but keeps no previous versions of blobs: set blob_properties { versioning_enabled = true }."
  }
}
