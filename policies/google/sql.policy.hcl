# Cloud SQL instances (google_sql_database_instance) that hold PII:
# backups and point-in-time recovery, no database port open to the
# Internet, encrypted connections, deletion protection, customer-managed
# keys.
#
# A Cloud SQL instance has no top-level labels: its labels are
# settings[0].user_labels, which meta.holds_pii does not read, so the
# policies read them here with the same keys and default classifications.
# An instance also holds PII when one of its databases (google_sql_database)
# does. ip_configuration and backup_configuration are computed when they
# are not set: unknown on a new instance means not configured.

locals {
  settings    = flatten([for v in [for k in ["settings"] : attrs[k] if contains(keys(attrs), k)] : v if v != null])
  user_labels = length(local.settings) > 0 ? try(local.settings[0].user_labels, null) : null
  labelled_pii = anytrue([for k in flatten([for l in [local.user_labels] : keys(l) if core::known(l) && l != null]) :
    (contains(["pii", "contains_pii", "personal_data"], lower(k)) && contains(["true", "yes", "1"], lower(trimspace(coalesce(local.user_labels[k], ""))))) ||
    (contains(["data_classification", "data-classification", "dataclassification", "classification"], lower(k)) &&
    contains(["pii", "personal", "personal_data", "sensitive", "special"], lower(trimspace(coalesce(local.user_labels[k], "")))))
  ])
  pii_databases = [for d in core::referrers("google_sql_database") : d.meta.address if d.meta.holds_pii]
  holds_pii     = meta.holds_pii || input.assume_pii || local.labelled_pii || length(local.pii_databases) > 0
  why           = length(local.pii_databases) > 0 && !(meta.holds_pii || input.assume_pii || local.labelled_pii) ? "hosts PII databases (${join(", ", local.pii_databases)})" : "holds PII"

  engine = upper(coalesce(try(attrs.database_version, null), ""))
  # A read replica takes its data, and its backups, from its primary.
  master  = try(attrs.master_instance_name, null)
  replica = core::known(local.master) && coalesce(local.master, "") != ""

  ip_configuration = flatten([for s in local.settings :
  flatten([for v in [for k in ["ip_configuration"] : s[k] if contains(keys(s), k)] : v if core::known(v == null ? 0 : length(v)) && v != null])])
  backup_configuration = flatten([for s in local.settings :
  flatten([for v in [for k in ["backup_configuration"] : s[k] if contains(keys(s), k)] : v if core::known(v == null ? 0 : length(v)) && v != null])])
  # ipv4_enabled defaults to true: a public IP address.
  ipv4_enabled = length(local.ip_configuration) > 0 ? coalesce(try(local.ip_configuration[0].ipv4_enabled, null), true) : true
}

resource_policy "google_sql_database_instance" "google_sql_backup_enabled" {
  description       = "A Cloud SQL instance that holds PII takes automated backups"
  controls          = ["iso29151:12.3.1"]
  severity          = "high"
  enforcement_level = "mandatory_overridable"
  filter            = local.holds_pii && !local.replica

  enforce {
    condition     = length(local.backup_configuration) > 0 ? try(local.backup_configuration[0].enabled, false) == true : false
    error_message = "${meta.address} ${local.why} but takes no automated backups: set settings { backup_configuration { enabled = true } }, with backup_retention_settings for how many to keep."
  }
}

resource_policy "google_sql_database_instance" "google_sql_point_in_time_recovery" {
  description       = "A Cloud SQL instance that holds PII can be restored to a point in time (binary logs for MySQL, point-in-time recovery for PostgreSQL and SQL Server)"
  controls          = ["iso29151:12.3.1"]
  severity          = "medium"
  enforcement_level = "advisory"
  filter            = local.holds_pii && !local.replica

  locals {
    setting = startswith(local.engine, "MYSQL") ? "binary_log_enabled" : "point_in_time_recovery_enabled"
    enabled = length(local.backup_configuration) > 0 ? try(local.backup_configuration[0][local.setting], false) : false
  }

  enforce {
    condition     = local.enabled == true
    error_message = "${meta.address} ${local.why} but can only be restored to its last backup: set settings { backup_configuration { enabled = true, ${local.setting} = true } }."
  }
}

resource_policy "google_sql_database_instance" "google_sql_no_open_networks" {
  description       = "A Cloud SQL instance that holds PII does not authorize connections from every address (0.0.0.0/0)"
  controls          = ["iso29151:13.1.1", "iso29151:9.1.2"]
  severity          = "critical"
  enforcement_level = "mandatory"
  filter            = local.holds_pii

  locals {
    networks = flatten([for c in local.ip_configuration :
    flatten([for v in [for k in ["authorized_networks"] : c[k] if contains(keys(c), k)] : v if v != null])])
    open = [for n in local.networks : n.value if endswith(coalesce(try(n.value, null), ""), "/0")]
  }

  enforce {
    condition     = local.ipv4_enabled == false || length(local.open) == 0
    error_message = "${meta.address} ${local.why} but its public IP address accepts connections from every address (authorized_networks value ${join(", ", local.open)}): remove the /0 authorized network and list only the addresses that need access, or connect through the Cloud SQL Auth Proxy or private IP."
  }
}

resource_policy "google_sql_database_instance" "google_sql_private_ip_only" {
  description       = "A Cloud SQL instance that holds PII has no public IP address and is reached over private IP or Private Service Connect"
  controls          = ["iso29151:13.1.1", "iso29151:13.1.3"]
  severity          = "medium"
  enforcement_level = "advisory"
  filter            = local.holds_pii

  enforce {
    condition     = local.ipv4_enabled == false
    error_message = "${meta.address} ${local.why} but has a public IP address: set settings { ip_configuration { ipv4_enabled = false, private_network = <VPC network id> } } (or psc_config)."
  }
}

resource_policy "google_sql_database_instance" "google_sql_ssl_required" {
  description       = "A Cloud SQL instance that holds PII accepts encrypted connections only"
  controls          = ["iso27701:A.7.4.9", "iso29151:10.1.1", "iso27018:A.11.6"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = local.holds_pii

  locals {
    # ssl_mode is computed: unknown on a new instance that does not set it,
    # and the server default accepts unencrypted connections. require_ssl
    # is the provider v4/v5 form (removed in v6).
    ssl_mode    = length(local.ip_configuration) > 0 ? try(local.ip_configuration[0].ssl_mode, null) : null
    require_ssl = length(local.ip_configuration) > 0 ? try(local.ip_configuration[0].require_ssl, null) : null
    encrypted   = core::known(local.ssl_mode) && contains(["ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"], coalesce(local.ssl_mode, ""))
  }

  enforce {
    condition     = local.encrypted || local.require_ssl == true
    error_message = "${meta.address} ${local.why} but %{if core::known(local.ssl_mode) && local.ssl_mode != null}sets ssl_mode = \"${local.ssl_mode}\", which accepts unencrypted connections%{else}does not require encrypted connections%{endif}: set settings { ip_configuration { ssl_mode = \"ENCRYPTED_ONLY\" } } (or \"TRUSTED_CLIENT_CERTIFICATE_REQUIRED\"; require_ssl = true in provider v4)."
  }
}

resource_policy "google_sql_database_instance" "google_sql_deletion_protection" {
  description       = "A Cloud SQL instance that holds PII is protected against accidental deletion"
  controls          = ["iso29151:12.3.1", "iso29151:17.2.1"]
  severity          = "medium"
  enforcement_level = "mandatory_overridable"
  filter            = local.holds_pii

  locals {
    # deletion_protection (Terraform only, default true) and
    # settings.deletion_protection_enabled (enforced by the Cloud SQL API).
    terraform_protection = try(attrs.deletion_protection, true) != false
    api_protection       = length(local.settings) > 0 ? try(local.settings[0].deletion_protection_enabled, false) == true : false
  }

  enforce {
    condition     = local.terraform_protection || local.api_protection
    error_message = "${meta.address} ${local.why} but sets deletion_protection = false: keep deletion_protection = true, and set settings { deletion_protection_enabled = true } to guard against deletion outside Terraform too."
  }
}

resource_policy "google_sql_database_instance" "google_sql_cmek" {
  description       = "A Cloud SQL instance that holds PII is encrypted with a customer-managed Cloud KMS key"
  controls          = ["iso29151:10.1.1", "iso29151:10.1.2"]
  severity          = "medium"
  enforcement_level = "advisory"
  filter            = local.holds_pii

  locals {
    # A key name known only after apply may be a key the plan creates or
    # no key at all (the attribute is computed): the result is unknown.
    key = try(attrs.encryption_key_name, null)
  }

  enforce {
    condition     = local.key != null && local.key != ""
    error_message = "${meta.address} ${local.why} but is encrypted with Google-managed keys only: set encryption_key_name to a google_kms_crypto_key in the instance's region (only when the instance is created)."
  }
}
