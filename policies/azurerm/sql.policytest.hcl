test "a hardened PII SQL server and database pass" {
  resource "azurerm_mssql_server" "main" {
    attrs = {
      name                                 = "acme-sql"
      location                             = "westeurope"
      version                              = "12.0"
      administrator_login                  = "sqladmin"
      administrator_login_password         = sensitive("not-a-real-password")
      minimum_tls_version                  = "1.2"
      public_network_access_enabled        = false
      outbound_network_restriction_enabled = false
      azuread_administrator                = [{ login_username = "sql-admins", object_id = "00000000-0000-0000-0000-000000000001", tenant_id = unknown, azuread_authentication_only = true }]
      identity                             = []
      fully_qualified_domain_name          = unknown
      id                                   = unknown
      tags                                 = { data_classification = "personal" }
    }
  }
  resource "azurerm_mssql_server_extended_auditing_policy" "main" {
    attrs      = { server_id = unknown, enabled = true, log_monitoring_enabled = true, storage_endpoint = null, retention_in_days = 0 }
    references = ["azurerm_mssql_server.main"]
  }
  resource "azurerm_mssql_database" "customers" {
    attrs = {
      name                                = "customers"
      server_id                           = unknown
      sku_name                            = "S1"
      create_mode                         = "Default"
      transparent_data_encryption_enabled = true
      short_term_retention_policy         = [{ retention_days = 14, backup_interval_in_hours = 12 }]
      long_term_retention_policy          = unknown
      tags                                = null
    }
    references = ["azurerm_mssql_server.main"]
  }
  expect "azurerm_mssql_server_no_public_network" {
    result = "pass"
  }
  expect "azurerm_mssql_server_tls" {
    result = "pass"
  }
  expect "azurerm_mssql_server_entra_admin" {
    result = "pass"
  }
  expect "azurerm_mssql_server_auditing" {
    result = "pass"
  }
  expect "azurerm_mssql_database_tde" {
    result = "pass"
  }
  expect "azurerm_mssql_database_backup_retention" {
    result = "pass"
  }
}

test "a server with a PII database and provider defaults fails" {
  resource "azurerm_mssql_server" "main" {
    attrs = {
      name                          = "acme-sql"
      version                       = "12.0"
      minimum_tls_version           = "1.2"
      public_network_access_enabled = true
      azuread_administrator         = unknown
      tags                          = {}
    }
  }
  resource "azurerm_mssql_firewall_rule" "everyone" {
    attrs      = { name = "everyone", server_id = unknown, start_ip_address = "0.0.0.0", end_ip_address = "255.255.255.255" }
    references = ["azurerm_mssql_server.main"]
  }
  resource "azurerm_mssql_database" "customers" {
    attrs = {
      name                                = "customers"
      server_id                           = unknown
      create_mode                         = unknown
      transparent_data_encryption_enabled = true
      short_term_retention_policy         = unknown
      tags                                = { pii = "true" }
    }
    references = ["azurerm_mssql_server.main"]
  }
  expect "azurerm_mssql_server_no_public_network" {
    result  = "fail"
    message = "^azurerm_mssql_server.main hosts PII databases \\(azurerm_mssql_database.customers\\) but accepts connections on its public endpoint.*; .*azurerm_mssql_firewall_rule.everyone admit every IPv4 address"
  }
  expect "azurerm_mssql_server_tls" {
    result = "pass"
  }
  expect "azurerm_mssql_server_entra_admin" {
    result  = "fail"
    message = "has only SQL logins: add an azuread_administrator block"
  }
  expect "azurerm_mssql_server_auditing" {
    result  = "fail"
    message = "no azurerm_mssql_server_extended_auditing_policy refers to it: add one with server_id = azurerm_mssql_server.main.id"
  }
  expect "azurerm_mssql_database_backup_retention" {
    result = "pass"
  }
}

test "a disabled auditing policy, an old TLS version and TDE off fail" {
  resource "azurerm_mssql_server" "main" {
    attrs = {
      minimum_tls_version           = "1.0"
      public_network_access_enabled = false
      azuread_administrator         = []
      tags                          = { pii = "true" }
    }
  }
  resource "azurerm_mssql_server_extended_auditing_policy" "main" {
    attrs      = { server_id = unknown, enabled = false, log_monitoring_enabled = true }
    references = ["azurerm_mssql_server.main"]
  }
  resource "azurerm_sql_active_directory_administrator" "main" {
    attrs      = { server_name = "acme-sql", login = "sql-admins", object_id = "00000000-0000-0000-0000-000000000001" }
    references = ["azurerm_mssql_server.main"]
  }
  resource "azurerm_mssql_database" "customers" {
    attrs      = { transparent_data_encryption_enabled = false }
    references = ["azurerm_mssql_server.main"]
  }
  expect "azurerm_mssql_server_tls" {
    result  = "fail"
    message = "holds PII but accepts TLS version 1.0: set minimum_tls_version = \"1.2\""
  }
  expect "azurerm_mssql_server_auditing" {
    result  = "fail"
    message = "its azurerm_mssql_server_extended_auditing_policy sets enabled = false"
  }
  expect "azurerm_mssql_server_entra_admin" {
    result = "pass"
  }
  expect "azurerm_mssql_database_tde" {
    resource = "azurerm_mssql_database.customers"
    result   = "fail"
    message  = "turns transparent data encryption off"
  }
}

test "a provider v2 server without a minimum TLS version fails" {
  resource "azurerm_mssql_server" "legacy" {
    attrs = { minimum_tls_version = null, extended_auditing_policy = [{ storage_endpoint = unknown, retention_in_days = 90 }], tags = { pii = "true" } }
  }
  expect "azurerm_mssql_server_tls" {
    result  = "fail"
    message = "sets no minimum TLS version"
  }
  expect "azurerm_mssql_server_auditing" {
    result = "pass"
  }
}

test "a public endpoint setting known only after apply is unknown" {
  resource "azurerm_mssql_server" "main" {
    attrs = { public_network_access_enabled = unknown, tags = { pii = "true" } }
  }
  expect "azurerm_mssql_server_no_public_network" {
    result = "unknown"
  }
}

test "a short backup retention fails, and the minimum is an input" {
  variables = { azurerm_min_backup_retention_days = 14 }
  resource "azurerm_mssql_database" "customers" {
    attrs = { short_term_retention_policy = [{ retention_days = 7, backup_interval_in_hours = 12 }], tags = { pii = "true" } }
  }
  resource "azurerm_mssql_database" "orders" {
    attrs = { short_term_retention_policy = unknown, tags = { pii = "true" } }
  }
  expect "azurerm_mssql_database_backup_retention" {
    resource = "azurerm_mssql_database.customers"
    result   = "fail"
    message  = "keeps point-in-time backups 7 days: set short_term_retention_policy \\{ retention_days = 14 \\} or more"
  }
  expect "azurerm_mssql_database_backup_retention" {
    resource = "azurerm_mssql_database.orders"
    result   = "fail"
    message  = "keeps point-in-time backups 7 days"
  }
}

test "a retention known only after apply is unknown, and a geo-secondary is not checked" {
  resource "azurerm_mssql_database" "customers" {
    attrs = { short_term_retention_policy = [{ retention_days = unknown }], tags = { pii = "true" } }
  }
  resource "azurerm_mssql_database" "replica" {
    attrs = { create_mode = "Secondary", short_term_retention_policy = unknown, tags = { pii = "true" } }
  }
  expect "azurerm_mssql_database_backup_retention" {
    resource = "azurerm_mssql_database.customers"
    result   = "unknown"
  }
  expect "azurerm_mssql_database_backup_retention" {
    resource = "azurerm_mssql_database.replica"
    result   = "not_applicable"
  }
}

test "a server and databases without PII are not checked" {
  resource "azurerm_mssql_server" "main" {
    attrs = { public_network_access_enabled = true, minimum_tls_version = "1.0", azuread_administrator = [], tags = { env = "test" } }
  }
  resource "azurerm_mssql_database" "scratch" {
    attrs      = { transparent_data_encryption_enabled = false, tags = null }
    references = ["azurerm_mssql_server.main"]
  }
  expect "azurerm_mssql_server_no_public_network" {
    result = "not_applicable"
  }
  expect "azurerm_mssql_server_tls" {
    result = "not_applicable"
  }
  expect "azurerm_mssql_server_entra_admin" {
    result = "not_applicable"
  }
  expect "azurerm_mssql_server_auditing" {
    result = "not_applicable"
  }
  expect "azurerm_mssql_database_tde" {
    result = "not_applicable"
  }
  expect "azurerm_mssql_database_backup_retention" {
    result = "not_applicable"
  }
}

test "with assume_pii an untagged server and database are checked" {
  variables = { assume_pii = true }
  resource "azurerm_mssql_server" "main" {
    attrs = { public_network_access_enabled = true, minimum_tls_version = "1.2", tags = {} }
  }
  resource "azurerm_mssql_database" "scratch" {
    attrs      = { transparent_data_encryption_enabled = false, tags = null }
    references = ["azurerm_mssql_server.main"]
  }
  expect "azurerm_mssql_server_no_public_network" {
    result  = "fail"
    message = "^azurerm_mssql_server.main holds PII but accepts connections"
  }
  expect "azurerm_mssql_database_tde" {
    result = "fail"
  }
}

test "a PII tag on the server makes its databases hold PII" {
  resource "azurerm_mssql_server" "main" {
    attrs = { tags = { data_classification = "special" } }
  }
  resource "azurerm_mssql_database" "customers" {
    attrs      = { transparent_data_encryption_enabled = false, tags = null }
    references = ["azurerm_mssql_server.main"]
  }
  expect "azurerm_mssql_database_tde" {
    result = "fail"
  }
}

test "server and database settings known only after apply make the results unknown" {
  resource "azurerm_mssql_server" "main" {
    attrs = { minimum_tls_version = unknown, tags = { pii = "true" } }
  }
  resource "azurerm_mssql_server_extended_auditing_policy" "main" {
    attrs      = { server_id = unknown, enabled = unknown }
    references = ["azurerm_mssql_server.main"]
  }
  resource "azurerm_mssql_database" "customers" {
    attrs      = { transparent_data_encryption_enabled = unknown }
    references = ["azurerm_mssql_server.main"]
  }
  expect "azurerm_mssql_server_tls" {
    result = "unknown"
  }
  expect "azurerm_mssql_server_auditing" {
    resource = "azurerm_mssql_server.main"
    result   = "unknown"
  }
  expect "azurerm_mssql_database_tde" {
    result = "unknown"
  }
}

test "with assume_pii every server policy checks an untagged server" {
  variables = { assume_pii = true }
  resource "azurerm_mssql_server" "main" {
    attrs = { public_network_access_enabled = false, minimum_tls_version = "1.2", azuread_administrator = [], tags = null }
  }
  resource "azurerm_mssql_database" "scratch" {
    attrs      = { short_term_retention_policy = [{ retention_days = 3 }], tags = null }
    references = ["azurerm_mssql_server.main"]
  }
  expect "azurerm_mssql_server_tls" {
    result = "pass"
  }
  expect "azurerm_mssql_server_entra_admin" {
    result = "fail"
  }
  expect "azurerm_mssql_server_auditing" {
    result = "fail"
  }
  expect "azurerm_mssql_database_backup_retention" {
    result  = "fail"
    message = "keeps point-in-time backups 3 days"
  }
}
