test "a hardened PII Cosmos DB account passes" {
  resource "azurerm_cosmosdb_account" "profiles" {
    attrs = {
      name                              = "acme-profiles"
      location                          = "westeurope"
      offer_type                        = "Standard"
      kind                              = "GlobalDocumentDB"
      key_vault_key_id                  = unknown
      public_network_access_enabled     = false
      is_virtual_network_filter_enabled = false
      ip_range_filter                   = null
      local_authentication_disabled     = true
      backup                            = [{ type = "Continuous", tier = "Continuous30Days", interval_in_minutes = unknown, retention_in_hours = unknown, storage_redundancy = unknown }]
      consistency_policy                = [{ consistency_level = "Session", max_interval_in_seconds = 5, max_staleness_prefix = 100 }]
      geo_location                      = [{ location = "westeurope", failover_priority = 0, zone_redundant = false, id = unknown }]
      virtual_network_rule              = []
      primary_key                       = sensitive(unknown)
      endpoint                          = unknown
      id                                = unknown
      tags                              = { data_classification = "personal" }
    }
  }
  expect "azurerm_cosmosdb_customer_managed_key" {
    result = "pass"
  }
  expect "azurerm_cosmosdb_network_restricted" {
    result = "pass"
  }
  expect "azurerm_cosmosdb_local_auth_disabled" {
    result = "pass"
  }
  expect "azurerm_cosmosdb_backup_retention" {
    result = "pass"
  }
}

test "a PII Cosmos DB account with provider defaults fails" {
  resource "azurerm_cosmosdb_account" "profiles" {
    attrs = {
      key_vault_key_id                  = null
      public_network_access_enabled     = true
      is_virtual_network_filter_enabled = false
      ip_range_filter                   = null
      local_authentication_disabled     = false
      backup                            = unknown
      tags                              = { pii = "true" }
    }
  }
  expect "azurerm_cosmosdb_customer_managed_key" {
    result  = "fail"
    message = "^azurerm_cosmosdb_account.profiles holds PII but is encrypted with service-managed keys only: set key_vault_key_id"
  }
  expect "azurerm_cosmosdb_network_restricted" {
    result  = "fail"
    message = "accepts connections from any network: set public_network_access_enabled = false"
  }
  expect "azurerm_cosmosdb_local_auth_disabled" {
    result  = "fail"
    message = "set local_authentication_disabled = true"
  }
  expect "azurerm_cosmosdb_backup_retention" {
    result  = "fail"
    message = "keeps backups 8 hours, less than 7 days"
  }
}

test "IP and virtual network filters restrict the account unless a range is /0" {
  resource "azurerm_cosmosdb_account" "v3" {
    attrs = { public_network_access_enabled = true, is_virtual_network_filter_enabled = false, ip_range_filter = "203.0.113.10,198.51.100.0/24", tags = { pii = "true" } }
  }
  resource "azurerm_cosmosdb_account" "v4" {
    attrs = { public_network_access_enabled = true, is_virtual_network_filter_enabled = true, ip_range_filter = ["203.0.113.10/32"], virtual_network_rule = [{ id = unknown, ignore_missing_vnet_service_endpoint = false }], tags = { pii = "true" } }
  }
  resource "azurerm_cosmosdb_account" "open" {
    attrs = { public_network_access_enabled = true, is_virtual_network_filter_enabled = true, ip_range_filter = ["0.0.0.0/0"], tags = { pii = "true" } }
  }
  expect "azurerm_cosmosdb_network_restricted" {
    resource = "azurerm_cosmosdb_account.v3"
    result   = "pass"
  }
  expect "azurerm_cosmosdb_network_restricted" {
    resource = "azurerm_cosmosdb_account.v4"
    result   = "pass"
  }
  expect "azurerm_cosmosdb_network_restricted" {
    resource = "azurerm_cosmosdb_account.open"
    result   = "fail"
    message  = "accepts connections from every address \\(ip_range_filter has a /0 range\\)"
  }
}

test "periodic backups are measured against the input, continuous ones by tier" {
  variables = { azurerm_min_backup_retention_days = 14 }
  resource "azurerm_cosmosdb_account" "periodic" {
    attrs = { backup = [{ type = "Periodic", interval_in_minutes = 240, retention_in_hours = 720, storage_redundancy = "Geo" }], tags = { pii = "true" } }
  }
  resource "azurerm_cosmosdb_account" "seven" {
    attrs = { backup = [{ type = "Continuous", tier = "Continuous7Days" }], tags = { pii = "true" } }
  }
  resource "azurerm_cosmosdb_account" "untiered" {
    attrs = { backup = [{ type = "Continuous", tier = unknown }], tags = { pii = "true" } }
  }
  expect "azurerm_cosmosdb_backup_retention" {
    resource = "azurerm_cosmosdb_account.periodic"
    result   = "pass"
  }
  expect "azurerm_cosmosdb_backup_retention" {
    resource = "azurerm_cosmosdb_account.seven"
    result   = "fail"
    message  = "keeps backups 168 hours, less than 14 days.*retention_in_hours = 336 or more"
  }
  expect "azurerm_cosmosdb_backup_retention" {
    resource = "azurerm_cosmosdb_account.untiered"
    result   = "pass"
  }
}

test "a public network setting known only after apply is unknown" {
  resource "azurerm_cosmosdb_account" "profiles" {
    attrs = { public_network_access_enabled = unknown, is_virtual_network_filter_enabled = false, ip_range_filter = null, tags = { pii = "true" } }
  }
  expect "azurerm_cosmosdb_network_restricted" {
    result = "unknown"
  }
}

test "an account holds PII when one of its containers does" {
  resource "azurerm_cosmosdb_account" "profiles" {
    attrs = { key_vault_key_id = null, tags = null }
  }
  resource "azurerm_cosmosdb_sql_database" "app" {
    attrs      = { name = "app", account_name = "acme-profiles" }
    references = ["azurerm_cosmosdb_account.profiles"]
  }
  resource "azurerm_cosmosdb_sql_container" "users" {
    attrs      = { name = "users", account_name = "acme-profiles", database_name = "app", partition_key_paths = ["/id"] }
    references = ["azurerm_cosmosdb_account.profiles", "azurerm_cosmosdb_sql_database.app"]
    meta       = { holds_pii = true }
  }
  expect "azurerm_cosmosdb_customer_managed_key" {
    resource = "azurerm_cosmosdb_account.profiles"
    result   = "fail"
    message  = "holds PII databases \\(azurerm_cosmosdb_sql_container.users\\)"
  }
}

test "an account without PII is not checked" {
  resource "azurerm_cosmosdb_account" "cache" {
    attrs = { key_vault_key_id = null, public_network_access_enabled = true, local_authentication_disabled = false, backup = unknown, tags = { env = "dev" } }
  }
  expect "azurerm_cosmosdb_customer_managed_key" {
    result = "not_applicable"
  }
  expect "azurerm_cosmosdb_network_restricted" {
    result = "not_applicable"
  }
  expect "azurerm_cosmosdb_local_auth_disabled" {
    result = "not_applicable"
  }
  expect "azurerm_cosmosdb_backup_retention" {
    result = "not_applicable"
  }
}

test "with assume_pii an untagged account is checked" {
  variables = { assume_pii = true }
  resource "azurerm_cosmosdb_account" "cache" {
    attrs = { key_vault_key_id = null, public_network_access_enabled = true, local_authentication_enabled = false, tags = null }
  }
  expect "azurerm_cosmosdb_customer_managed_key" {
    result = "fail"
  }
  expect "azurerm_cosmosdb_local_auth_disabled" {
    result = "pass"
  }
}

test "settings known only after apply make the results unknown" {
  resource "azurerm_cosmosdb_account" "profiles" {
    attrs = { local_authentication_disabled = unknown, backup = [{ type = unknown }], tags = { pii = "true" } }
  }
  expect "azurerm_cosmosdb_local_auth_disabled" {
    result = "unknown"
  }
  expect "azurerm_cosmosdb_backup_retention" {
    result = "unknown"
  }
}

test "with assume_pii the network and backup policies check an untagged account" {
  variables = { assume_pii = true }
  resource "azurerm_cosmosdb_account" "cache" {
    attrs = { public_network_access_enabled = false, backup = unknown, tags = null }
  }
  expect "azurerm_cosmosdb_network_restricted" {
    result = "pass"
  }
  expect "azurerm_cosmosdb_backup_retention" {
    result = "fail"
  }
}
