test "a PostgreSQL flexible server in a delegated subnet with long geo-redundant backups passes" {
  resource "azurerm_postgresql_flexible_server" "crm" {
    attrs = {
      name                          = "acme-crm"
      location                      = "westeurope"
      version                       = "15"
      sku_name                      = "GP_Standard_D2s_v3"
      storage_mb                    = 32768
      administrator_login           = "psqladmin"
      administrator_password        = sensitive("not-a-real-password")
      delegated_subnet_id           = unknown
      private_dns_zone_id           = unknown
      public_network_access_enabled = unknown
      backup_retention_days         = 14
      geo_redundant_backup_enabled  = true
      high_availability             = []
      customer_managed_key          = []
      authentication                = unknown
      fqdn                          = unknown
      id                            = unknown
      zone                          = unknown
      tags                          = { data_classification = "personal" }
    }
  }
  resource "azurerm_postgresql_flexible_server_configuration" "tls" {
    attrs      = { name = "ssl_min_protocol_version", server_id = unknown, value = "TLSv1.2" }
    references = ["azurerm_postgresql_flexible_server.crm"]
  }
  expect "azurerm_flexible_server_private_access" {
    result = "pass"
  }
  expect "azurerm_flexible_server_secure_transport" {
    result = "pass"
  }
  expect "azurerm_flexible_server_backup_retention" {
    result = "pass"
  }
  expect "azurerm_flexible_server_geo_redundant_backup" {
    result = "pass"
  }
}

test "a PostgreSQL flexible server with provider v3 defaults is public" {
  resource "azurerm_postgresql_flexible_server" "crm" {
    attrs = {
      delegated_subnet_id           = null
      public_network_access_enabled = unknown
      backup_retention_days         = unknown
      geo_redundant_backup_enabled  = false
      tags                          = { pii = "true" }
    }
  }
  expect "azurerm_flexible_server_private_access" {
    result  = "fail"
    message = "^azurerm_postgresql_flexible_server.crm holds PII but accepts connections from public networks: set delegated_subnet_id"
  }
  expect "azurerm_flexible_server_secure_transport" {
    result = "pass"
  }
  expect "azurerm_flexible_server_backup_retention" {
    result = "pass"
  }
  expect "azurerm_flexible_server_geo_redundant_backup" {
    result  = "fail"
    message = "keeps its backups in one region: set geo_redundant_backup_enabled = true"
  }
}

test "a MySQL flexible server with public access turned off passes, and an open firewall rule fails" {
  resource "azurerm_mysql_flexible_server" "shop" {
    attrs = {
      delegated_subnet_id           = null
      public_network_access_enabled = false
      backup_retention_days         = 7
      tags                          = { pii = "true" }
    }
  }
  resource "azurerm_mysql_flexible_server" "legacy" {
    attrs = {
      delegated_subnet_id           = null
      public_network_access_enabled = true
      backup_retention_days         = 7
      tags                          = { pii = "true" }
    }
  }
  resource "azurerm_mysql_flexible_server_firewall_rule" "all" {
    attrs      = { name = "all", server_name = "acme-legacy", resource_group_name = "rg", start_ip_address = "0.0.0.0", end_ip_address = "255.255.255.255" }
    references = ["azurerm_mysql_flexible_server.legacy"]
  }
  expect "azurerm_flexible_server_private_access" {
    resource = "azurerm_mysql_flexible_server.shop"
    result   = "pass"
  }
  expect "azurerm_flexible_server_private_access" {
    resource = "azurerm_mysql_flexible_server.legacy"
    result   = "fail"
    message  = "azurerm_mysql_flexible_server_firewall_rule.all admit every IPv4 address"
  }
}

test "server parameters that weaken transport security fail" {
  resource "azurerm_mysql_flexible_server" "shop" {
    attrs = { public_network_access_enabled = false, tags = { pii = "true" } }
  }
  resource "azurerm_mysql_flexible_server_configuration" "transport" {
    attrs      = { name = "require_secure_transport", server_name = "acme-shop", resource_group_name = "rg", value = "OFF" }
    references = ["azurerm_mysql_flexible_server.shop"]
  }
  resource "azurerm_mysql_flexible_server_configuration" "tls" {
    attrs      = { name = "tls_version", server_name = "acme-shop", resource_group_name = "rg", value = "TLSv1.1,TLSv1.2" }
    references = ["azurerm_mysql_flexible_server.shop"]
  }
  resource "azurerm_mysql_flexible_server_configuration" "timeout" {
    attrs      = { name = "wait_timeout", server_name = "acme-shop", resource_group_name = "rg", value = "600" }
    references = ["azurerm_mysql_flexible_server.shop"]
  }
  expect "azurerm_flexible_server_secure_transport" {
    result  = "fail"
    message = "azurerm_mysql_flexible_server_configuration.transport \\(require_secure_transport = OFF\\), azurerm_mysql_flexible_server_configuration.tls \\(tls_version = TLSv1.1,TLSv1.2\\) allow"
  }
}

test "a server parameter known only after apply makes the transport result unknown" {
  resource "azurerm_postgresql_flexible_server" "crm" {
    attrs = { delegated_subnet_id = unknown, tags = { pii = "true" } }
  }
  resource "azurerm_postgresql_flexible_server_configuration" "transport" {
    attrs      = { name = "require_secure_transport", server_id = unknown, value = unknown }
    references = ["azurerm_postgresql_flexible_server.crm"]
  }
  expect "azurerm_flexible_server_secure_transport" {
    result = "unknown"
  }
}

test "a short backup retention fails, and the minimum is an input" {
  variables = { azurerm_min_backup_retention_days = 30 }
  resource "azurerm_postgresql_flexible_server" "crm" {
    attrs = { backup_retention_days = 14, tags = { pii = "true" } }
  }
  resource "azurerm_mysql_flexible_server" "shop" {
    attrs = { backup_retention_days = unknown, tags = { pii = "true" } }
  }
  expect "azurerm_flexible_server_backup_retention" {
    resource = "azurerm_postgresql_flexible_server.crm"
    result   = "fail"
    message  = "keeps backups 14 days: set backup_retention_days = 30 or more"
  }
  expect "azurerm_flexible_server_backup_retention" {
    resource = "azurerm_mysql_flexible_server.shop"
    result   = "fail"
    message  = "keeps backups 7 days"
  }
}

test "a server holds PII when one of its databases does" {
  resource "azurerm_postgresql_flexible_server" "crm" {
    attrs = { delegated_subnet_id = null, public_network_access_enabled = true, tags = {} }
  }
  resource "azurerm_postgresql_flexible_server_database" "contacts" {
    attrs      = { name = "contacts", server_id = unknown, charset = "UTF8", collation = "en_US.utf8" }
    references = ["azurerm_postgresql_flexible_server.crm"]
    meta       = { holds_pii = true }
  }
  expect "azurerm_flexible_server_private_access" {
    resource = "azurerm_postgresql_flexible_server.crm"
    result   = "fail"
    message  = "hosts PII databases \\(azurerm_postgresql_flexible_server_database.contacts\\)"
  }
}

test "servers without PII are not checked" {
  resource "azurerm_postgresql_flexible_server" "scratch" {
    attrs = { delegated_subnet_id = null, public_network_access_enabled = true, backup_retention_days = 1, tags = { env = "dev" } }
  }
  resource "azurerm_mysql_flexible_server" "scratch" {
    attrs = { delegated_subnet_id = null, public_network_access_enabled = true, tags = null }
  }
  expect "azurerm_flexible_server_private_access" {
    result = "not_applicable"
  }
  expect "azurerm_flexible_server_secure_transport" {
    result = "not_applicable"
  }
  expect "azurerm_flexible_server_backup_retention" {
    result = "not_applicable"
  }
  expect "azurerm_flexible_server_geo_redundant_backup" {
    result = "not_applicable"
  }
}

test "with assume_pii an untagged server is checked" {
  variables = { assume_pii = true }
  resource "azurerm_mysql_flexible_server" "scratch" {
    attrs = { delegated_subnet_id = null, public_network_access_enabled = true, backup_retention_days = 1, tags = null }
  }
  expect "azurerm_flexible_server_private_access" {
    result = "fail"
  }
  expect "azurerm_flexible_server_backup_retention" {
    result  = "fail"
    message = "keeps backups 1 day:"
  }
}

test "a firewall rule or geo-redundancy known only after apply makes the result unknown" {
  resource "azurerm_postgresql_flexible_server" "crm" {
    attrs = { delegated_subnet_id = unknown, geo_redundant_backup_enabled = unknown, tags = { pii = "true" } }
  }
  resource "azurerm_postgresql_flexible_server_firewall_rule" "office" {
    attrs      = { name = "office", server_id = unknown, start_ip_address = unknown, end_ip_address = unknown }
    references = ["azurerm_postgresql_flexible_server.crm"]
  }
  expect "azurerm_flexible_server_private_access" {
    resource = "azurerm_postgresql_flexible_server.crm"
    result   = "unknown"
  }
  expect "azurerm_flexible_server_geo_redundant_backup" {
    resource = "azurerm_postgresql_flexible_server.crm"
    result   = "unknown"
  }
}

test "with assume_pii the transport and geo-redundancy policies check an untagged server" {
  variables = { assume_pii = true }
  resource "azurerm_postgresql_flexible_server" "scratch" {
    attrs = { delegated_subnet_id = unknown, geo_redundant_backup_enabled = false, tags = null }
  }
  resource "azurerm_postgresql_flexible_server_configuration" "transport" {
    attrs      = { name = "require_secure_transport", server_id = unknown, value = "off" }
    references = ["azurerm_postgresql_flexible_server.scratch"]
  }
  expect "azurerm_flexible_server_secure_transport" {
    resource = "azurerm_postgresql_flexible_server.scratch"
    result   = "fail"
    message  = "^azurerm_postgresql_flexible_server.scratch holds PII but azurerm_postgresql_flexible_server_configuration.transport \\(require_secure_transport = off\\)"
  }
  expect "azurerm_flexible_server_geo_redundant_backup" {
    resource = "azurerm_postgresql_flexible_server.scratch"
    result   = "fail"
  }
}
