# Key vaults (azurerm_key_vault) that hold the keys and secrets of PII
# stores. Losing such a key makes the data unreadable; a deleted vault
# must stay recoverable, and its endpoint should not be open to any network.
#
# A vault counts when it holds PII itself (tags, processing activities),
# when input.assume_pii is set, or when a key, secret, certificate or
# storage customer-managed key setting that refers to it holds PII (a
# secret whose value comes from a PII database holds PII by reference).

locals {
  pii_contents = [for r in flatten([
    core::referrers("azurerm_key_vault_key"),
    core::referrers("azurerm_key_vault_secret"),
    core::referrers("azurerm_key_vault_certificate"),
    core::referrers("azurerm_storage_account_customer_managed_key"),
  ]) : r.meta.address if r.meta.holds_pii]
  holds_pii = meta.holds_pii || input.assume_pii || length(local.pii_contents) > 0
  why       = meta.holds_pii ? "holds PII" : (length(local.pii_contents) > 0 ? "holds keys or secrets of PII stores (${join(", ", local.pii_contents)})" : "may protect PII (input assume_pii is set)")
}

resource_policy "azurerm_key_vault" "azurerm_key_vault_recoverable" {
  description       = "A key vault that protects PII has purge protection on and keeps deleted objects at least 7 days"
  controls          = ["iso29151:10.1.2", "iso29151:12.3.1"]
  severity          = "high"
  enforcement_level = "mandatory_overridable"
  filter            = local.holds_pii

  locals {
    # Provider v2 had soft_delete_enabled; v3 and v4 always soft-delete.
    soft_delete_off = try(attrs.soft_delete_enabled, null) == false
    # Azure keeps deleted objects 90 days unless told otherwise.
    days = coalesce(try(attrs.soft_delete_retention_days, null), 90)
  }

  enforce {
    condition     = try(attrs.purge_protection_enabled, false) == true
    error_message = "${meta.address} ${local.why} but can be purged, and its keys and secrets lost for good, during the soft-delete period: set purge_protection_enabled = true."
  }

  enforce {
    condition     = !local.soft_delete_off && local.days >= 7
    error_message = "${meta.address} ${local.why} but ${local.soft_delete_off ? "does not soft-delete" : "keeps deleted objects ${local.days} days"}: keep soft delete on with soft_delete_retention_days = 7 or more (90 is the default)."
  }
}

resource_policy "azurerm_key_vault" "azurerm_key_vault_network_restricted" {
  description       = "A key vault that protects PII is closed to public networks, or denies by default and admits only listed networks"
  controls          = ["iso29151:13.1.1", "iso29151:10.1.2"]
  severity          = "medium"
  enforcement_level = "advisory"
  filter            = local.holds_pii

  locals {
    public_network = try(attrs.public_network_access_enabled, true)
    # network_acls is computed when not set: unknown on a new vault means
    # not configured, and Azure then allows every network.
    acls = flatten([for v in [for k in ["network_acls"] : attrs[k] if contains(keys(attrs), k)] : v if core::known(v == null ? 0 : length(v)) && v != null])
  }

  enforce {
    condition     = local.public_network == false || anytrue([for a in local.acls : a.default_action == "Deny"])
    error_message = "${meta.address} ${local.why} and accepts requests from any network (a private endpoint does not close the public one): set public_network_access_enabled = false, or network_acls { default_action = \"Deny\", bypass = \"AzureServices\" } with the subnets and IP ranges allowed."
  }
}
