# Cosmos DB accounts (azurerm_cosmosdb_account) that hold PII.
#
# An account holds the data of its databases, containers, collections and
# tables: it holds PII when one of them does.

locals {
  pii_children = [for r in flatten([
    core::referrers("azurerm_cosmosdb_sql_database"),
    core::referrers("azurerm_cosmosdb_sql_container"),
    core::referrers("azurerm_cosmosdb_mongo_database"),
    core::referrers("azurerm_cosmosdb_mongo_collection"),
    core::referrers("azurerm_cosmosdb_table"),
    core::referrers("azurerm_cosmosdb_cassandra_keyspace"),
    core::referrers("azurerm_cosmosdb_gremlin_database"),
  ]) : r.meta.address if r.meta.holds_pii]
  holds_pii = meta.holds_pii || input.assume_pii || length(local.pii_children) > 0
  why       = meta.holds_pii || input.assume_pii ? "holds PII" : "holds PII databases (${join(", ", local.pii_children)})"
}

resource_policy "azurerm_cosmosdb_account" "azurerm_cosmosdb_customer_managed_key" {
  description       = "A Cosmos DB account that holds PII encrypts it with a customer-managed key"
  controls          = ["iso29151:10.1.1", "iso29151:10.1.2"]
  severity          = "high"
  enforcement_level = "mandatory_overridable"
  filter            = local.holds_pii

  locals {
    # Neither attribute is computed: a value known only after apply is a
    # reference to a key the plan creates.
    keys_set = [for k in ["key_vault_key_id", "managed_hsm_key_id"] :
    !core::known(attrs[k]) || (attrs[k] != null && attrs[k] != "") if contains(keys(attrs), k)]
  }

  enforce {
    condition     = anytrue(local.keys_set)
    error_message = "${meta.address} ${local.why} but is encrypted with service-managed keys only: set key_vault_key_id to a versionless Key Vault key id (it can only be set when the account is created)."
  }
}

resource_policy "azurerm_cosmosdb_account" "azurerm_cosmosdb_network_restricted" {
  description       = "A Cosmos DB account that holds PII is closed to public networks, or admits only listed virtual networks and IP ranges"
  controls          = ["iso29151:13.1.1", "iso29151:9.1.2"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = local.holds_pii

  locals {
    public_network = try(attrs.public_network_access_enabled, true)
    vnet_filter    = try(attrs.is_virtual_network_filter_enabled, false)
    # ip_range_filter: a comma-separated string in provider v3, a set in v4.
    ip_filter = try(attrs.ip_range_filter, null)
    ranges    = local.ip_filter == null ? [] : flatten([for f in flatten([local.ip_filter]) : [for s in split(",", f) : trimspace(s) if trimspace(s) != ""]])
    open      = anytrue([for r in local.ranges : endswith(r, "/0")])
  }

  enforce {
    condition     = local.public_network == false || ((local.vnet_filter == true || length(local.ranges) > 0) && !local.open)
    error_message = "${meta.address} ${local.why} but accepts connections from ${local.open ? "every address (ip_range_filter has a /0 range)" : "any network"}: set public_network_access_enabled = false and use a private endpoint, or set is_virtual_network_filter_enabled = true with virtual_network_rule blocks and an ip_range_filter of the addresses that need access."
  }
}

resource_policy "azurerm_cosmosdb_account" "azurerm_cosmosdb_local_auth_disabled" {
  description       = "A Cosmos DB account that holds PII accepts Microsoft Entra ID identities only, not account keys"
  controls          = ["iso29151:9.2.4", "iso29151:9.4.2", "iso27018:A.11.8"]
  severity          = "medium"
  enforcement_level = "advisory"
  filter            = local.holds_pii

  enforce {
    condition     = try(attrs.local_authentication_disabled, null) == true || try(attrs.local_authentication_enabled, null) == false
    error_message = "${meta.address} ${local.why} but accepts its primary and secondary keys, which anyone holding them can use: set local_authentication_disabled = true and grant access with Cosmos DB role assignments."
  }
}

resource_policy "azurerm_cosmosdb_account" "azurerm_cosmosdb_backup_retention" {
  description       = "A Cosmos DB account that holds PII keeps backups for at least the minimum backup retention"
  controls          = ["iso29151:12.3.1"]
  severity          = "low"
  enforcement_level = "advisory"
  filter            = local.holds_pii

  locals {
    # Not configured (unknown on a new account): periodic backups kept 8 hours.
    backup   = flatten([for v in [for k in ["backup"] : attrs[k] if contains(keys(attrs), k)] : v if core::known(v == null ? 0 : length(v)) && v != null])
    type     = length(local.backup) > 0 ? local.backup[0].type : "Periodic"
    tier     = length(local.backup) > 0 ? try(local.backup[0].tier, null) : null
    periodic = length(local.backup) > 0 ? try(local.backup[0].retention_in_hours, null) : null
    # A tier known only after apply is not configured: 30 days.
    continued = core::known(local.tier) && local.tier == "Continuous7Days" ? 168 : 720
    hours     = local.type == "Continuous" ? local.continued : (core::known(local.periodic) ? coalesce(local.periodic, 8) : 8)
    needed    = input.azurerm_min_backup_retention_days * 24
  }

  enforce {
    condition     = local.hours >= local.needed
    error_message = "${meta.address} ${local.why} but keeps backups ${local.hours} hours, less than ${input.azurerm_min_backup_retention_days} days: set backup { type = \"Continuous\" } (point-in-time restore over 30 days, or 7 with tier = \"Continuous7Days\"), or a Periodic backup with retention_in_hours = ${local.needed} or more (at most 720)."
  }
}
