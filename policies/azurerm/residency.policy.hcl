# Data residency: Azure data stores that hold PII stay in the regions of
# input.azurerm_allowed_locations (by default, the European Economic Area).
#
# Locations are compared in the provider's normalised form: lower case,
# without spaces ("West Europe" is westeurope). A Cosmos DB account keeps
# data in every geo_location, so each one is checked.

locals {
  # How messages say why the resource is checked.
  holds_phrase = meta.holds_pii ? "holds PII" : "is assumed to hold PII (assume_pii)"

  store_types = [
    "azurerm_storage_account",
    "azurerm_mssql_server",
    "azurerm_mssql_managed_instance",
    "azurerm_postgresql_flexible_server",
    "azurerm_mysql_flexible_server",
    "azurerm_postgresql_server",
    "azurerm_mysql_server",
    "azurerm_mariadb_server",
    "azurerm_cosmosdb_account",
    "azurerm_cosmosdb_postgresql_cluster",
    "azurerm_redis_cache",
    "azurerm_managed_disk",
    "azurerm_netapp_volume",
    "azurerm_log_analytics_workspace",
    "azurerm_application_insights",
    "azurerm_servicebus_namespace",
    "azurerm_eventhub_namespace",
    "azurerm_synapse_workspace",
    "azurerm_kusto_cluster",
    "azurerm_search_service",
  ]

  # Databases, containers and queues are stored where their server,
  # account or namespace is: the store holds PII when one of them does.
  pii_children = [for r in flatten([
    core::referrers("azurerm_mssql_database"),
    core::referrers("azurerm_mssql_managed_database"),
    core::referrers("azurerm_postgresql_flexible_server_database"),
    core::referrers("azurerm_mysql_flexible_database"),
    core::referrers("azurerm_storage_container"),
    core::referrers("azurerm_storage_share"),
    core::referrers("azurerm_storage_table"),
    core::referrers("azurerm_storage_queue"),
    core::referrers("azurerm_storage_data_lake_gen2_filesystem"),
    core::referrers("azurerm_cosmosdb_sql_database"),
    core::referrers("azurerm_cosmosdb_sql_container"),
    core::referrers("azurerm_cosmosdb_mongo_database"),
    core::referrers("azurerm_cosmosdb_mongo_collection"),
    core::referrers("azurerm_cosmosdb_table"),
    core::referrers("azurerm_servicebus_queue"),
    core::referrers("azurerm_servicebus_topic"),
    core::referrers("azurerm_eventhub"),
  ]) : r.meta.address if r.meta.holds_pii]
}

resource_policy "azurerm_*" "azurerm_data_residency" {
  description       = "An Azure data store that holds PII is located in an allowed region"
  controls          = ["iso27701:A.7.5.1", "iso27701:A.7.5.2", "iso29151:18.1.1", "iso27018:A.12.1"]
  severity          = "high"
  enforcement_level = "mandatory_overridable"
  filter            = contains(local.store_types, meta.type) && (meta.holds_pii || input.assume_pii || length(local.pii_children) > 0)

  locals {
    allowed = [for l in input.azurerm_allowed_locations : lower(replace(l, " ", ""))]
    geo     = flatten([for v in [for k in ["geo_location"] : attrs[k] if contains(keys(attrs), k)] : v if v != null])
    locations = distinct(concat(
      [for l in [try(attrs.location, null)] : l if l != null],
      [for g in local.geo : g.location],
    ))
    outside = [for l in local.locations : l if !contains(local.allowed, lower(replace(l, " ", "")))]
  }

  enforce {
    condition     = length(local.locations) > 0 && length(local.outside) == 0
    error_message = "${meta.address} ${local.holds_phrase}%{if length(local.locations) == 0} but has no location%{else} in ${join(", ", local.outside)}, outside the allowed locations (${join(", ", input.azurerm_allowed_locations)})%{endif}: place it in an allowed region, or add the region to input azurerm_allowed_locations once the transfer has a legal basis (adequacy decision or appropriate safeguards)."
  }
}
