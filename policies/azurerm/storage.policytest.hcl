test "a hardened PII storage account (provider v4) passes every storage policy" {
  resource "azurerm_storage_account" "records" {
    attrs = {
      name                              = "acmerecords"
      location                          = "westeurope"
      account_kind                      = "StorageV2"
      account_tier                      = "Standard"
      account_replication_type          = "ZRS"
      https_traffic_only_enabled        = true
      min_tls_version                   = "TLS1_2"
      allow_nested_items_to_be_public   = false
      public_network_access_enabled     = false
      infrastructure_encryption_enabled = true
      is_hns_enabled                    = false
      customer_managed_key              = [{ key_vault_key_id = unknown, user_assigned_identity_id = unknown }]
      network_rules                     = unknown
      blob_properties = [{
        change_feed_enabled               = false
        change_feed_retention_in_days     = null
        container_delete_retention_policy = [{ days = 7 }]
        cors_rule                         = []
        default_service_version           = unknown
        delete_retention_policy           = [{ days = 30, permanent_delete_enabled = false }]
        last_access_time_enabled          = false
        restore_policy                    = []
        versioning_enabled                = true
      }]
      id                 = unknown
      primary_access_key = sensitive(unknown)
      tags               = { data_classification = "personal" }
    }
  }
  expect "azurerm_storage_secure_transfer" {
    result = "pass"
  }
  expect "azurerm_storage_no_anonymous_access" {
    result = "pass"
  }
  expect "azurerm_storage_network_restricted" {
    result = "pass"
  }
  expect "azurerm_storage_customer_managed_key" {
    result = "pass"
  }
  expect "azurerm_storage_infrastructure_encryption" {
    result = "pass"
  }
  expect "azurerm_storage_blob_soft_delete" {
    result = "pass"
  }
  expect "azurerm_storage_blob_versioning" {
    result = "pass"
  }
}

test "a PII account with provider v3 defaults fails all but the transport policy" {
  resource "azurerm_storage_account" "records" {
    attrs = {
      name                              = "acmerecords"
      location                          = "westeurope"
      account_kind                      = "StorageV2"
      account_tier                      = "Standard"
      account_replication_type          = "LRS"
      enable_https_traffic_only         = unknown
      https_traffic_only_enabled        = unknown
      min_tls_version                   = "TLS1_2"
      allow_nested_items_to_be_public   = true
      public_network_access_enabled     = true
      infrastructure_encryption_enabled = false
      is_hns_enabled                    = false
      customer_managed_key              = []
      network_rules                     = unknown
      blob_properties                   = unknown
      id                                = unknown
      tags                              = { pii = "true" }
    }
  }
  expect "azurerm_storage_secure_transfer" {
    result = "pass"
  }
  expect "azurerm_storage_no_anonymous_access" {
    result  = "fail"
    message = "^azurerm_storage_account.records holds PII but lets containers be made public: set allow_nested_items_to_be_public = false"
  }
  expect "azurerm_storage_network_restricted" {
    result  = "fail"
    message = "accepts connections from any network: set public_network_access_enabled = false"
  }
  expect "azurerm_storage_customer_managed_key" {
    result  = "fail"
    message = "Microsoft-managed keys only: add a customer_managed_key block"
  }
  expect "azurerm_storage_infrastructure_encryption" {
    result  = "fail"
    message = "set infrastructure_encryption_enabled = true"
  }
  expect "azurerm_storage_blob_soft_delete" {
    result  = "fail"
    message = "does not keep deleted blobs: set blob_properties \\{ delete_retention_policy \\{ days = 7 \\} \\}"
  }
  expect "azurerm_storage_blob_versioning" {
    result  = "fail"
    message = "set blob_properties \\{ versioning_enabled = true \\}"
  }
}

test "plain HTTP and an old TLS version fail" {
  resource "azurerm_storage_account" "records" {
    attrs = {
      enable_https_traffic_only = false
      min_tls_version           = "TLS1_0"
      tags                      = { data_classification = "sensitive" }
    }
  }
  expect "azurerm_storage_secure_transfer" {
    result  = "fail"
    message = "accepts plain HTTP requests: set https_traffic_only_enabled = true.*; .*accepts clients that negotiate TLS1_0: set min_tls_version = \"TLS1_2\""
  }
}

test "an explicit false in late provider v3 turns HTTPS-only off even when the other flag is computed" {
  resource "azurerm_storage_account" "records" {
    attrs = {
      enable_https_traffic_only  = unknown
      https_traffic_only_enabled = false
      min_tls_version            = "TLS1_2"
      tags                       = { pii = "yes" }
    }
  }
  expect "azurerm_storage_secure_transfer" {
    result  = "fail"
    message = "accepts plain HTTP requests"
  }
}

test "a TLS version known only after apply makes the transport result unknown" {
  resource "azurerm_storage_account" "records" {
    attrs = {
      https_traffic_only_enabled = true
      min_tls_version            = unknown
      tags                       = { pii = "yes" }
    }
  }
  expect "azurerm_storage_secure_transfer" {
    result = "unknown"
  }
}

test "provider v2 blocks anonymous access with allow_blob_public_access = false" {
  resource "azurerm_storage_account" "legacy" {
    attrs = {
      allow_blob_public_access  = false
      enable_https_traffic_only = true
      min_tls_version           = "TLS1_2"
      tags                      = { pii = "true" }
    }
  }
  expect "azurerm_storage_no_anonymous_access" {
    result = "pass"
  }
  expect "azurerm_storage_secure_transfer" {
    result = "pass"
  }
}

test "a public container of a PII account fails even if the account setting is unknown" {
  resource "azurerm_storage_account" "records" {
    attrs = {
      allow_nested_items_to_be_public = unknown
      tags                            = { pii = "true" }
    }
  }
  resource "azurerm_storage_container" "exports" {
    attrs      = { name = "exports", container_access_type = "blob", storage_account_name = "acmerecords" }
    references = ["azurerm_storage_account.records"]
  }
  resource "azurerm_storage_container" "legacy" {
    attrs      = { name = "legacy", container_access_type = null, storage_account_name = "acmerecords" }
    references = ["azurerm_storage_account.records"]
  }
  expect "azurerm_storage_no_anonymous_access" {
    resource = "azurerm_storage_account.records"
    result   = "fail"
    message  = "holds PII but azurerm_storage_container.exports grant anonymous read access: set container_access_type = \"private\""
  }
}

test "split network rules and customer-managed key resources count" {
  resource "azurerm_storage_account" "records" {
    attrs = {
      public_network_access_enabled = true
      network_rules                 = unknown
      customer_managed_key          = []
      tags                          = { data_classification = "pii" }
    }
  }
  resource "azurerm_storage_account_network_rules" "records" {
    attrs = {
      storage_account_id         = unknown
      default_action             = "Deny"
      bypass                     = ["AzureServices"]
      ip_rules                   = ["203.0.113.0/24"]
      virtual_network_subnet_ids = [unknown]
    }
    references = ["azurerm_storage_account.records"]
  }
  resource "azurerm_storage_account_customer_managed_key" "records" {
    attrs = {
      storage_account_id        = unknown
      key_vault_id              = unknown
      key_name                  = "records-cmk"
      key_version               = null
      user_assigned_identity_id = unknown
    }
    references = ["azurerm_storage_account.records", "azurerm_key_vault.main", "azurerm_key_vault_key.records"]
  }
  expect "azurerm_storage_network_restricted" {
    resource = "azurerm_storage_account.records"
    result   = "pass"
  }
  expect "azurerm_storage_customer_managed_key" {
    resource = "azurerm_storage_account.records"
    result   = "pass"
  }
}

test "inline network rules that deny by default pass, and an Allow fails" {
  resource "azurerm_storage_account" "deny" {
    attrs = {
      public_network_access_enabled = true
      network_rules                 = [{ default_action = "Deny", bypass = ["AzureServices"], ip_rules = [], virtual_network_subnet_ids = [unknown], private_link_access = [] }]
      tags                          = { pii = "true" }
    }
  }
  resource "azurerm_storage_account" "allow" {
    attrs = {
      public_network_access_enabled = true
      network_rules                 = [{ default_action = "Allow", bypass = ["AzureServices"], ip_rules = [], virtual_network_subnet_ids = [], private_link_access = [] }]
      tags                          = { pii = "true" }
    }
  }
  expect "azurerm_storage_network_restricted" {
    resource = "azurerm_storage_account.deny"
    result   = "pass"
  }
  expect "azurerm_storage_network_restricted" {
    resource = "azurerm_storage_account.allow"
    result   = "fail"
  }
}

test "a public network setting known only after apply makes the network result unknown" {
  resource "azurerm_storage_account" "records" {
    attrs = {
      public_network_access_enabled = unknown
      network_rules                 = unknown
      tags                          = { pii = "true" }
    }
  }
  expect "azurerm_storage_network_restricted" {
    result = "unknown"
  }
}

test "a short blob soft delete fails, and the minimum is an input" {
  variables = { azurerm_min_backup_retention_days = 30 }
  resource "azurerm_storage_account" "records" {
    attrs = {
      account_kind = "StorageV2"
      blob_properties = [{
        delete_retention_policy = [{ days = 14, permanent_delete_enabled = false }]
        versioning_enabled      = false
        default_service_version = unknown
      }]
      tags = { pii = "true" }
    }
  }
  expect "azurerm_storage_blob_soft_delete" {
    result  = "fail"
    message = "keeps deleted blobs 14 days: set blob_properties \\{ delete_retention_policy \\{ days = 30 \\} \\} or more"
  }
}

test "a blob retention known only after apply makes the soft delete result unknown" {
  resource "azurerm_storage_account" "records" {
    attrs = {
      blob_properties = [{ delete_retention_policy = [{ days = unknown }], versioning_enabled = unknown }]
      tags            = { pii = "true" }
    }
  }
  expect "azurerm_storage_blob_soft_delete" {
    result = "unknown"
  }
  expect "azurerm_storage_blob_versioning" {
    result = "unknown"
  }
}

test "blob policies do not apply to a FileStorage account, nor versioning to a Data Lake account" {
  resource "azurerm_storage_account" "files" {
    attrs = { account_kind = "FileStorage", blob_properties = unknown, tags = { pii = "true" } }
  }
  resource "azurerm_storage_account" "lake" {
    attrs = { account_kind = "StorageV2", is_hns_enabled = true, blob_properties = unknown, tags = { pii = "true" } }
  }
  expect "azurerm_storage_blob_soft_delete" {
    resource = "azurerm_storage_account.files"
    result   = "not_applicable"
  }
  expect "azurerm_storage_blob_versioning" {
    result = "not_applicable"
  }
  expect "azurerm_storage_blob_soft_delete" {
    resource = "azurerm_storage_account.lake"
    result   = "fail"
  }
}

test "an account that holds no PII is not checked" {
  resource "azurerm_storage_account" "assets" {
    attrs = {
      allow_nested_items_to_be_public = true
      public_network_access_enabled   = true
      blob_properties                 = unknown
      tags                            = { data_classification = "public" }
    }
  }
  expect "azurerm_storage_secure_transfer" {
    result = "not_applicable"
  }
  expect "azurerm_storage_no_anonymous_access" {
    result = "not_applicable"
  }
  expect "azurerm_storage_network_restricted" {
    result = "not_applicable"
  }
  expect "azurerm_storage_customer_managed_key" {
    result = "not_applicable"
  }
  expect "azurerm_storage_infrastructure_encryption" {
    result = "not_applicable"
  }
  expect "azurerm_storage_blob_soft_delete" {
    result = "not_applicable"
  }
  expect "azurerm_storage_blob_versioning" {
    result = "not_applicable"
  }
}

test "with assume_pii an untagged account is checked" {
  variables = { assume_pii = true }
  resource "azurerm_storage_account" "assets" {
    attrs = {
      allow_nested_items_to_be_public = false
      public_network_access_enabled   = true
      network_rules                   = unknown
      tags                            = {}
    }
  }
  expect "azurerm_storage_no_anonymous_access" {
    result = "pass"
  }
  expect "azurerm_storage_network_restricted" {
    result = "fail"
  }
}

test "an account holds PII when one of its containers does" {
  resource "azurerm_storage_account" "records" {
    attrs = { allow_nested_items_to_be_public = true, tags = null }
  }
  resource "azurerm_storage_container" "patients" {
    attrs      = { name = "patients", container_access_type = "private" }
    references = ["azurerm_storage_account.records"]
    meta       = { holds_pii = true }
  }
  expect "azurerm_storage_no_anonymous_access" {
    resource = "azurerm_storage_account.records"
    result   = "fail"
  }
}

test "an account whose containers hold no PII is not checked" {
  resource "azurerm_storage_account" "records" {
    attrs = { allow_nested_items_to_be_public = true, tags = null }
  }
  resource "azurerm_storage_container" "assets" {
    attrs      = { name = "assets", container_access_type = "blob" }
    references = ["azurerm_storage_account.records"]
  }
  expect "azurerm_storage_no_anonymous_access" {
    resource = "azurerm_storage_account.records"
    result   = "not_applicable"
  }
}

test "settings known only after apply make the results unknown" {
  resource "azurerm_storage_account" "records" {
    attrs = {
      allow_nested_items_to_be_public   = unknown
      customer_managed_key              = unknown
      infrastructure_encryption_enabled = unknown
      tags                              = { pii = "true" }
    }
  }
  expect "azurerm_storage_no_anonymous_access" {
    result = "unknown"
  }
  expect "azurerm_storage_customer_managed_key" {
    result = "unknown"
  }
  expect "azurerm_storage_infrastructure_encryption" {
    result = "unknown"
  }
}

test "with assume_pii every storage policy checks an untagged account" {
  variables = { assume_pii = true }
  resource "azurerm_storage_account" "assets" {
    attrs = {
      account_kind                      = "StorageV2"
      https_traffic_only_enabled        = true
      min_tls_version                   = "TLS1_2"
      customer_managed_key              = []
      infrastructure_encryption_enabled = false
      blob_properties                   = [{ delete_retention_policy = [{ days = 7 }], versioning_enabled = true }]
      tags                              = null
    }
  }
  expect "azurerm_storage_secure_transfer" {
    result = "pass"
  }
  expect "azurerm_storage_customer_managed_key" {
    result = "fail"
  }
  expect "azurerm_storage_infrastructure_encryption" {
    result = "fail"
  }
  expect "azurerm_storage_blob_soft_delete" {
    result = "pass"
  }
  expect "azurerm_storage_blob_versioning" {
    result = "pass"
  }
}
