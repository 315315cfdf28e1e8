# Azure Database for PostgreSQL and for MySQL flexible servers
# (azurerm_postgresql_flexible_server, azurerm_mysql_flexible_server) that
# hold PII. The glob azurerm_*sql_flexible_server matches both.
#
# A server holds the data of its databases: the policies apply when the
# server holds PII itself or one of the databases that refer to it does.

locals {
  pii_databases = [for d in flatten([
    core::referrers("azurerm_postgresql_flexible_server_database"),
    core::referrers("azurerm_mysql_flexible_database"),
  ]) : d.meta.address if d.meta.holds_pii]
  holds_pii = meta.holds_pii || input.assume_pii || length(local.pii_databases) > 0
  why       = meta.holds_pii || input.assume_pii ? "holds PII" : "hosts PII databases (${join(", ", local.pii_databases)})"
}

resource_policy "azurerm_*sql_flexible_server" "azurerm_flexible_server_private_access" {
  description       = "A PostgreSQL or MySQL flexible server that holds PII is reachable from private networks only"
  controls          = ["iso29151:13.1.1", "iso29151:9.1.2"]
  severity          = "high"
  enforcement_level = "mandatory_overridable"
  filter            = local.holds_pii

  locals {
    subnet = try(attrs.delegated_subnet_id, null)
    # A subnet known only after apply is one the configuration refers to.
    in_vnet = !core::known(local.subnet) || (local.subnet != null && local.subnet != "")
    # Provider v3 computes public_network_access_enabled: unknown on a new
    # server outside a virtual network, where Azure enables public access.
    public_network = try(attrs.public_network_access_enabled, null)
    public_off     = core::known(local.public_network) && local.public_network == false
    open_rules = [for r in flatten([
      core::referrers("azurerm_postgresql_flexible_server_firewall_rule"),
      core::referrers("azurerm_mysql_flexible_server_firewall_rule"),
    ]) : r.meta.address if try(r.attrs.start_ip_address, "") == "0.0.0.0" && try(r.attrs.end_ip_address, "") == "255.255.255.255"]
  }

  enforce {
    condition     = local.in_vnet || local.public_off
    error_message = "${meta.address} ${local.why} but accepts connections from public networks: set delegated_subnet_id (with private_dns_zone_id) to deploy it in a virtual network, or set public_network_access_enabled = false and connect through a private endpoint."
  }

  enforce {
    condition     = length(local.open_rules) == 0
    error_message = "${meta.address} ${local.why} but ${join(", ", local.open_rules)} admit every IPv4 address: remove the rule or narrow it to the addresses that need access."
  }
}

resource_policy "azurerm_*sql_flexible_server" "azurerm_flexible_server_secure_transport" {
  description       = "A PostgreSQL or MySQL flexible server that holds PII keeps requiring TLS 1.2 or later on every connection"
  controls          = ["iso27701:A.7.4.9", "iso29151:10.1.1", "iso27018:A.11.6"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = local.holds_pii

  locals {
    # Server parameters set through configuration resources. The service
    # defaults (require_secure_transport on, TLS 1.2) are safe.
    settings = [for c in flatten([
      core::referrers("azurerm_postgresql_flexible_server_configuration"),
      core::referrers("azurerm_mysql_flexible_server_configuration"),
    ]) : { address = c.meta.address, name = lower(coalesce(try(c.attrs.name, null), "")), value = try(c.attrs.value, null) }]
    old_tls = ["tlsv1", "tlsv1.0", "tlsv1.1"]
    weakening = [for s in local.settings :
      s.name == "require_secure_transport" ? lower(coalesce(s.value, "on")) == "off" : (
        contains(["ssl_min_protocol_version", "tls_version"], s.name) ? length(setintersection(local.old_tls, [for v in split(",", lower(coalesce(s.value, ""))) : trimspace(v)])) > 0 : false
    )]
    weakened = [for i, s in local.settings : "${s.address} (${s.name} = ${s.value})" if local.weakening[i]]
  }

  enforce {
    condition     = !anytrue(local.weakening)
    error_message = "${meta.address} ${local.why} but ${join(", ", local.weakened)} allow unencrypted connections or TLS older than 1.2: keep require_secure_transport = \"ON\" and a minimum of TLSv1.2 (ssl_min_protocol_version for PostgreSQL, tls_version for MySQL)."
  }
}

resource_policy "azurerm_*sql_flexible_server" "azurerm_flexible_server_backup_retention" {
  description       = "A PostgreSQL or MySQL flexible server that holds PII keeps backups for at least the minimum backup retention"
  controls          = ["iso29151:12.3.1"]
  severity          = "medium"
  enforcement_level = "mandatory_overridable"
  filter            = local.holds_pii

  locals {
    configured = try(attrs.backup_retention_days, null)
    # Not set (computed, so unknown on a new server): Azure keeps 7 days.
    days = core::known(local.configured) ? coalesce(local.configured, 7) : 7
  }

  enforce {
    condition     = local.days >= input.azurerm_min_backup_retention_days
    error_message = "${meta.address} ${local.why} but keeps backups ${local.days == 1 ? "1 day" : "${local.days} days"}: set backup_retention_days = ${input.azurerm_min_backup_retention_days} or more (at most 35)."
  }
}

resource_policy "azurerm_*sql_flexible_server" "azurerm_flexible_server_geo_redundant_backup" {
  description       = "A PostgreSQL or MySQL flexible server that holds PII copies its backups to the paired region"
  controls          = ["iso29151:12.3.1", "iso29151:17.2.1"]
  severity          = "low"
  enforcement_level = "advisory"
  filter            = local.holds_pii

  enforce {
    condition     = try(attrs.geo_redundant_backup_enabled, false) == true
    error_message = "${meta.address} ${local.why} but keeps its backups in one region: set geo_redundant_backup_enabled = true (only when the server is created; check that the paired region is one where the data may be stored)."
  }
}
