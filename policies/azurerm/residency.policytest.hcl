test "PII stores in EEA regions pass, whatever the spelling of the region" {
  resource "azurerm_storage_account" "records" {
    attrs = { name = "acmerecords", location = "West Europe", tags = { pii = "true" } }
  }
  resource "azurerm_postgresql_flexible_server" "crm" {
    attrs = { name = "acme-crm", location = "swedencentral", tags = { pii = "true" } }
  }
  resource "azurerm_cosmosdb_account" "profiles" {
    attrs = {
      location     = "germanywestcentral"
      geo_location = [{ location = "germanywestcentral", failover_priority = 0, zone_redundant = false, id = unknown }, { location = "France Central", failover_priority = 1, zone_redundant = false, id = unknown }]
      tags         = { pii = "true" }
    }
  }
  expect "azurerm_data_residency" {
    result = "pass"
  }
}

test "a PII store outside the allowed regions fails" {
  resource "azurerm_storage_account" "records" {
    attrs = { location = "eastus", tags = { data_classification = "personal" } }
  }
  expect "azurerm_data_residency" {
    result  = "fail"
    message = "^azurerm_storage_account.records holds PII in eastus, outside the allowed locations \\(westeurope, northeurope, .*\\): place it in an allowed region"
  }
}

test "a Cosmos DB replica outside the allowed regions fails" {
  resource "azurerm_cosmosdb_account" "profiles" {
    attrs = {
      location     = "westeurope"
      geo_location = [{ location = "westeurope", failover_priority = 0 }, { location = "uksouth", failover_priority = 1 }]
      tags         = { pii = "true" }
    }
  }
  expect "azurerm_data_residency" {
    result  = "fail"
    message = "holds PII in uksouth, outside"
  }
}

test "the allowed regions are an input" {
  variables = { azurerm_allowed_locations = ["Switzerland North", "westeurope"] }
  resource "azurerm_mssql_server" "main" {
    attrs = { location = "switzerlandnorth", tags = { pii = "true" } }
  }
  resource "azurerm_redis_cache" "sessions" {
    attrs = { location = "northeurope", tags = { pii = "true" } }
  }
  expect "azurerm_data_residency" {
    resource = "azurerm_mssql_server.main"
    result   = "pass"
  }
  expect "azurerm_data_residency" {
    resource = "azurerm_redis_cache.sessions"
    result   = "fail"
    message  = "outside the allowed locations \\(Switzerland North, westeurope\\)"
  }
}

test "a server outside the allowed regions fails when one of its databases holds PII" {
  resource "azurerm_mssql_server" "main" {
    attrs = { location = "eastus2", tags = {} }
  }
  resource "azurerm_mssql_database" "customers" {
    attrs      = { name = "customers", server_id = unknown }
    references = ["azurerm_mssql_server.main"]
    meta       = { holds_pii = true }
  }
  expect "azurerm_data_residency" {
    resource = "azurerm_mssql_server.main"
    result   = "fail"
  }
  expect "azurerm_data_residency" {
    resource = "azurerm_mssql_database.customers"
    result   = "not_applicable"
  }
}

test "a location known only after apply is unknown" {
  resource "azurerm_storage_account" "records" {
    attrs = { location = unknown, tags = { pii = "true" } }
  }
  expect "azurerm_data_residency" {
    result = "unknown"
  }
}

test "stores without PII and resources that are not data stores are not checked" {
  resource "azurerm_storage_account" "assets" {
    attrs = { location = "eastus", tags = { data_classification = "public" } }
  }
  resource "azurerm_virtual_network" "main" {
    attrs = { location = "eastus", tags = { pii = "true" } }
  }
  expect "azurerm_data_residency" {
    result = "not_applicable"
  }
}

test "with assume_pii every data store is checked" {
  variables = { assume_pii = true }
  resource "azurerm_log_analytics_workspace" "logs" {
    attrs = { location = "japaneast", retention_in_days = 30, tags = null }
  }
  resource "azurerm_key_vault" "kv" {
    attrs = { location = "japaneast", tags = null }
  }
  expect "azurerm_data_residency" {
    resource = "azurerm_log_analytics_workspace.logs"
    result   = "fail"
    message  = "is assumed to hold PII \\(assume_pii\\) in japaneast"
  }
  expect "azurerm_data_residency" {
    resource = "azurerm_key_vault.kv"
    result   = "not_applicable"
  }
}
