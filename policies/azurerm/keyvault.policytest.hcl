test "a recoverable key vault closed to public networks passes" {
  resource "azurerm_key_vault" "pii" {
    attrs = {
      name                          = "kv-acme-pii"
      location                      = "westeurope"
      sku_name                      = "premium"
      tenant_id                     = "00000000-0000-0000-0000-000000000002"
      purge_protection_enabled      = true
      soft_delete_retention_days    = 90
      public_network_access_enabled = false
      enable_rbac_authorization     = true
      network_acls                  = unknown
      access_policy                 = []
      vault_uri                     = unknown
      id                            = unknown
      tags                          = { data_classification = "personal" }
    }
  }
  expect "azurerm_key_vault_recoverable" {
    result = "pass"
  }
  expect "azurerm_key_vault_network_restricted" {
    result = "pass"
  }
}

test "a vault without purge protection fails, and network ACLs that deny by default pass" {
  resource "azurerm_key_vault" "pii" {
    attrs = {
      purge_protection_enabled      = false
      soft_delete_retention_days    = 7
      public_network_access_enabled = true
      network_acls                  = [{ default_action = "Deny", bypass = "AzureServices", ip_rules = ["203.0.113.0/24"], virtual_network_subnet_ids = [] }]
      tags                          = { pii = "true" }
    }
  }
  expect "azurerm_key_vault_recoverable" {
    result  = "fail"
    message = "^azurerm_key_vault.pii holds PII but can be purged.*: set purge_protection_enabled = true\\.$"
  }
  expect "azurerm_key_vault_network_restricted" {
    result = "pass"
  }
}

test "a provider v2 vault without soft delete fails" {
  resource "azurerm_key_vault" "legacy" {
    attrs = { soft_delete_enabled = false, purge_protection_enabled = true, soft_delete_retention_days = null, tags = { pii = "true" } }
  }
  expect "azurerm_key_vault_recoverable" {
    result  = "fail"
    message = "does not soft-delete: keep soft delete on"
  }
}

test "a vault open to every network fails the advisory network policy" {
  resource "azurerm_key_vault" "pii" {
    attrs = {
      purge_protection_enabled      = true
      soft_delete_retention_days    = 7
      public_network_access_enabled = true
      network_acls                  = unknown
      tags                          = { pii = "true" }
    }
  }
  expect "azurerm_key_vault_recoverable" {
    result = "pass"
  }
  expect "azurerm_key_vault_network_restricted" {
    result  = "fail"
    message = "accepts requests from any network"
  }
}

test "a purge protection setting known only after apply is unknown" {
  resource "azurerm_key_vault" "pii" {
    attrs = { purge_protection_enabled = unknown, soft_delete_retention_days = 90, tags = { pii = "true" } }
  }
  expect "azurerm_key_vault_recoverable" {
    result = "unknown"
  }
}

test "a vault holding the password of a PII database is checked" {
  resource "azurerm_mssql_server" "main" {
    attrs = { administrator_login_password = sensitive("not-a-real-password"), tags = { pii = "true" } }
  }
  resource "azurerm_key_vault" "app" {
    attrs = { purge_protection_enabled = false, soft_delete_retention_days = 90, tags = {} }
  }
  resource "azurerm_key_vault_secret" "sql_password" {
    attrs      = { name = "sql-password", key_vault_id = unknown, value = sensitive("not-a-real-password") }
    references = ["azurerm_key_vault.app", "azurerm_mssql_server.main"]
  }
  expect "azurerm_key_vault_recoverable" {
    resource = "azurerm_key_vault.app"
    result   = "fail"
    message  = "^azurerm_key_vault.app holds keys or secrets of PII stores \\(azurerm_key_vault_secret.sql_password\\) but can be purged"
  }
}

test "a vault holding the customer-managed key of a PII storage account is checked" {
  resource "azurerm_storage_account" "records" {
    attrs = { tags = { pii = "true" } }
  }
  resource "azurerm_key_vault" "keys" {
    attrs = { purge_protection_enabled = true, soft_delete_retention_days = 90, public_network_access_enabled = true, network_acls = unknown, tags = {} }
  }
  resource "azurerm_storage_account_customer_managed_key" "records" {
    attrs      = { storage_account_id = unknown, key_vault_id = unknown, key_name = "records" }
    references = ["azurerm_storage_account.records", "azurerm_key_vault.keys"]
  }
  expect "azurerm_key_vault_recoverable" {
    resource = "azurerm_key_vault.keys"
    result   = "pass"
  }
  expect "azurerm_key_vault_network_restricted" {
    resource = "azurerm_key_vault.keys"
    result   = "fail"
  }
}

test "a vault that protects no PII is not checked" {
  resource "azurerm_key_vault" "ci" {
    attrs = { purge_protection_enabled = false, public_network_access_enabled = true, network_acls = unknown, tags = null }
  }
  resource "azurerm_key_vault_secret" "token" {
    attrs      = { name = "ci-token", key_vault_id = unknown, value = sensitive("x") }
    references = ["azurerm_key_vault.ci"]
  }
  expect "azurerm_key_vault_recoverable" {
    result = "not_applicable"
  }
  expect "azurerm_key_vault_network_restricted" {
    result = "not_applicable"
  }
}

test "with assume_pii every vault is checked" {
  variables = { assume_pii = true }
  resource "azurerm_key_vault" "ci" {
    attrs = { purge_protection_enabled = false, soft_delete_retention_days = 90, public_network_access_enabled = true, network_acls = unknown, tags = null }
  }
  expect "azurerm_key_vault_recoverable" {
    result = "fail"
  }
  expect "azurerm_key_vault_network_restricted" {
    result = "fail"
  }
}

test "a network setting known only after apply makes the network result unknown" {
  resource "azurerm_key_vault" "pii" {
    attrs = { public_network_access_enabled = unknown, network_acls = unknown, tags = { pii = "true" } }
  }
  expect "azurerm_key_vault_network_restricted" {
    result = "unknown"
  }
}
