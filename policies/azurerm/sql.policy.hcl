# Azure SQL Database: logical servers (azurerm_mssql_server) and their
# databases (azurerm_mssql_database) that hold PII.
#
# A server holds the data of its databases: the server policies apply when
# the server holds PII itself or one of the databases that refer to it does
# (a database refers to its server through server_id, so a PII tag on the
# server also makes its databases hold PII).

locals {
  # How messages say why the resource is checked.
  holds_phrase = meta.holds_pii ? "holds PII" : "is assumed to hold PII (assume_pii)"

  pii_databases    = [for d in core::referrers("azurerm_mssql_database") : d.meta.address if d.meta.holds_pii]
  server_holds_pii = meta.holds_pii || input.assume_pii || length(local.pii_databases) > 0
  # Why the server is checked, for the messages.
  server_why = meta.holds_pii || input.assume_pii ? "holds PII" : "hosts PII databases (${join(", ", local.pii_databases)})"
}

resource_policy "azurerm_mssql_server" "azurerm_mssql_server_no_public_network" {
  description       = "A SQL server that holds PII is not reachable through its public endpoint"
  controls          = ["iso29151:13.1.1", "iso29151:9.1.2"]
  severity          = "high"
  enforcement_level = "mandatory_overridable"
  filter            = local.server_holds_pii

  locals {
    public_network = try(attrs.public_network_access_enabled, true)
    # A firewall rule from 0.0.0.0 to 255.255.255.255 admits the whole Internet.
    open_rules = [for r in core::referrers("azurerm_mssql_firewall_rule") : r.meta.address
    if try(r.attrs.start_ip_address, "") == "0.0.0.0" && try(r.attrs.end_ip_address, "") == "255.255.255.255"]
  }

  enforce {
    condition     = local.public_network == false
    error_message = "${meta.address} ${local.server_why} but accepts connections on its public endpoint: set public_network_access_enabled = false and connect through a private endpoint."
  }

  enforce {
    condition     = length(local.open_rules) == 0
    error_message = "${meta.address} ${local.server_why} but ${join(", ", local.open_rules)} admit every IPv4 address: remove the rule or narrow it to the addresses that need access."
  }
}

resource_policy "azurerm_mssql_server" "azurerm_mssql_server_tls" {
  description       = "A SQL server that holds PII refuses connections that negotiate a TLS version older than 1.2"
  controls          = ["iso27701:A.7.4.9", "iso29151:10.1.1", "iso27018:A.11.6"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = local.server_holds_pii

  locals {
    # Provider v3 and v4 default to "1.2"; v2 had no default (no minimum).
    min_tls = try(attrs.minimum_tls_version, null)
  }

  enforce {
    condition     = local.min_tls == null ? false : contains(["1.2", "1.3"], local.min_tls)
    error_message = "${meta.address} ${local.server_why} but ${local.min_tls == null ? "sets no minimum TLS version" : "accepts TLS version ${local.min_tls}"}: set minimum_tls_version = \"1.2\"."
  }
}

resource_policy "azurerm_mssql_server" "azurerm_mssql_server_entra_admin" {
  description       = "A SQL server that holds PII has a Microsoft Entra ID (Azure AD) administrator, so that access is managed centrally"
  controls          = ["iso29151:9.2.3", "iso29151:9.2.1"]
  severity          = "medium"
  enforcement_level = "mandatory_overridable"
  filter            = local.server_holds_pii

  locals {
    # Computed: unknown on a new server that does not configure it.
    inline = flatten([for v in [for k in ["azuread_administrator"] : attrs[k] if contains(keys(attrs), k)] : v if core::known(v == null ? 0 : length(v)) && v != null])
    split  = core::referrers("azurerm_sql_active_directory_administrator")
  }

  enforce {
    condition     = length(local.inline) > 0 || length(local.split) > 0
    error_message = "${meta.address} ${local.server_why} but has only SQL logins: add an azuread_administrator block (login_username and object_id of an Entra ID group), and consider azuread_authentication_only = true."
  }
}

resource_policy "azurerm_mssql_server" "azurerm_mssql_server_auditing" {
  description       = "A SQL server that holds PII audits database events to a storage account or Log Analytics"
  controls          = ["iso29151:12.4.1", "iso29151:12.4.3"]
  severity          = "medium"
  enforcement_level = "mandatory_overridable"
  filter            = local.server_holds_pii

  locals {
    policies = core::referrers("azurerm_mssql_server_extended_auditing_policy")
    # Provider v2 also had an inline extended_auditing_policy block.
    inline = flatten([for v in [for k in ["extended_auditing_policy"] : attrs[k] if contains(keys(attrs), k)] : v if v != null])
  }

  enforce {
    condition     = length(local.inline) > 0 || anytrue([for p in local.policies : try(p.attrs.enabled, true) != false])
    error_message = "${meta.address} ${local.server_why} but %{if length(local.policies) > 0}its azurerm_mssql_server_extended_auditing_policy sets enabled = false%{else}no azurerm_mssql_server_extended_auditing_policy refers to it%{endif}: add one with server_id = ${meta.address}.id, enabled = true and a storage_endpoint or log_monitoring_enabled = true."
  }
}

resource_policy "azurerm_mssql_database" "azurerm_mssql_database_tde" {
  description       = "A SQL database that holds PII keeps transparent data encryption on"
  controls          = ["iso29151:10.1.1", "iso29151:A.12"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii || input.assume_pii

  enforce {
    condition     = try(attrs.transparent_data_encryption_enabled, true) != false
    error_message = "${meta.address} ${local.holds_phrase} but turns transparent data encryption off: remove transparent_data_encryption_enabled = false (the default is true)."
  }
}

resource_policy "azurerm_mssql_database" "azurerm_mssql_database_backup_retention" {
  description       = "A SQL database that holds PII keeps point-in-time restore backups for at least the minimum backup retention"
  controls          = ["iso29151:12.3.1"]
  severity          = "medium"
  enforcement_level = "mandatory_overridable"
  # A geo-secondary takes its backups from its primary.
  filter = (meta.holds_pii || input.assume_pii) && !(core::known(try(attrs.create_mode, null)) && contains(["Secondary", "OnlineSecondary"], coalesce(try(attrs.create_mode, null), "Default")))

  locals {
    # Not configured (unknown on a new database): Azure keeps 7 days.
    policy = flatten([for v in [for k in ["short_term_retention_policy"] : attrs[k] if contains(keys(attrs), k)] : v if core::known(v == null ? 0 : length(v)) && v != null])
    days   = length(local.policy) > 0 ? try(local.policy[0].retention_days, 7) : 7
  }

  enforce {
    condition     = local.days >= input.azurerm_min_backup_retention_days
    error_message = "${meta.address} ${local.holds_phrase} but keeps point-in-time backups ${local.days == 1 ? "1 day" : "${local.days} days"}: set short_term_retention_policy { retention_days = ${input.azurerm_min_backup_retention_days} } or more."
  }
}
