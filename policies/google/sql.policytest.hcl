test "a hardened private PostgreSQL instance labelled as PII passes" {
  resource "google_sql_database_instance" "crm" {
    attrs = {
      name                 = "acme-crm"
      database_version     = "POSTGRES_15"
      region               = "europe-west1"
      deletion_protection  = true
      encryption_key_name  = "projects/acme/locations/europe-west1/keyRings/sql/cryptoKeys/crm"
      master_instance_name = unknown
      connection_name      = unknown
      root_password        = sensitive(null)
      settings = [{
        tier                        = "db-custom-2-7680"
        availability_type           = "REGIONAL"
        disk_size                   = unknown
        deletion_protection_enabled = true
        user_labels                 = { data_classification = "personal" }
        backup_configuration = [{
          enabled                        = true
          point_in_time_recovery_enabled = true
          binary_log_enabled             = false
          start_time                     = unknown
          location                       = unknown
          transaction_log_retention_days = unknown
          backup_retention_settings      = unknown
        }]
        ip_configuration = [{
          ipv4_enabled        = false
          private_network     = unknown
          ssl_mode            = "ENCRYPTED_ONLY"
          require_ssl         = null
          authorized_networks = []
          allocated_ip_range  = null
          psc_config          = []
        }]
        database_flags     = [{ name = "log_connections", value = "on" }]
        maintenance_window = []
      }]
    }
  }
  expect "google_sql_backup_enabled" {
    result = "pass"
  }
  expect "google_sql_point_in_time_recovery" {
    result = "pass"
  }
  expect "google_sql_no_open_networks" {
    result = "pass"
  }
  expect "google_sql_private_ip_only" {
    result = "pass"
  }
  expect "google_sql_ssl_required" {
    result = "pass"
  }
  expect "google_sql_deletion_protection" {
    result = "pass"
  }
  expect "google_sql_cmek" {
    result = "pass"
  }
}

test "an instance with provider defaults fails when one of its databases holds PII" {
  resource "google_sql_database_instance" "crm" {
    attrs = {
      name                 = "acme-crm"
      database_version     = "MYSQL_8_0"
      deletion_protection  = false
      encryption_key_name  = unknown
      master_instance_name = unknown
      settings = [{
        tier                 = "db-f1-micro"
        user_labels          = {}
        backup_configuration = unknown
        ip_configuration     = unknown
      }]
    }
  }
  resource "google_sql_database" "customers" {
    attrs      = { name = "customers", instance = "acme-crm" }
    references = ["google_sql_database_instance.crm"]
    meta       = { holds_pii = true }
  }
  expect "google_sql_backup_enabled" {
    result  = "fail"
    message = "^google_sql_database_instance.crm hosts PII databases \\(google_sql_database.customers\\) but takes no automated backups"
  }
  expect "google_sql_point_in_time_recovery" {
    result  = "fail"
    message = "binary_log_enabled = true"
  }
  expect "google_sql_no_open_networks" {
    result = "pass"
  }
  expect "google_sql_private_ip_only" {
    result  = "fail"
    message = "has a public IP address: set settings \\{ ip_configuration \\{ ipv4_enabled = false"
  }
  expect "google_sql_ssl_required" {
    result  = "fail"
    message = "does not require encrypted connections: set settings \\{ ip_configuration \\{ ssl_mode = \"ENCRYPTED_ONLY\" \\} \\}"
  }
  expect "google_sql_deletion_protection" {
    result  = "fail"
    message = "sets deletion_protection = false"
  }
  expect "google_sql_cmek" {
    resource = "google_sql_database_instance.crm"
    result   = "unknown"
  }
}

test "an authorized network open to the Internet fails" {
  resource "google_sql_database_instance" "crm" {
    attrs = {
      database_version = "POSTGRES_15"
      settings = [{
        user_labels = { pii = "true" }
        ip_configuration = [{
          ipv4_enabled        = true
          ssl_mode            = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
          require_ssl         = false
          authorized_networks = [{ name = "office", value = "203.0.113.0/24", expiration_time = "" }, { name = "anyone", value = "0.0.0.0/0", expiration_time = "" }]
        }]
      }]
    }
  }
  expect "google_sql_no_open_networks" {
    result  = "fail"
    message = "accepts connections from every address \\(authorized_networks value 0.0.0.0/0\\)"
  }
  expect "google_sql_ssl_required" {
    result  = "fail"
    message = "sets ssl_mode = \"ALLOW_UNENCRYPTED_AND_ENCRYPTED\", which accepts unencrypted connections"
  }
}

test "require_ssl of provider v4 counts as requiring encryption" {
  resource "google_sql_database_instance" "crm" {
    attrs = {
      database_version = "POSTGRES_14"
      settings         = [{ user_labels = { pii = "true" }, ip_configuration = [{ ipv4_enabled = true, require_ssl = true, authorized_networks = [] }] }]
    }
  }
  expect "google_sql_ssl_required" {
    result = "pass"
  }
}

test "an ssl_mode known only after apply in a configured block counts as not set" {
  resource "google_sql_database_instance" "crm" {
    attrs = {
      database_version = "POSTGRES_15"
      settings         = [{ user_labels = { pii = "true" }, ip_configuration = [{ ipv4_enabled = false, private_network = unknown, ssl_mode = unknown, require_ssl = null, authorized_networks = [] }] }]
    }
  }
  expect "google_sql_ssl_required" {
    result = "fail"
  }
  expect "google_sql_private_ip_only" {
    result = "pass"
  }
}

test "a backup setting known only after apply is unknown" {
  resource "google_sql_database_instance" "crm" {
    attrs = {
      database_version = "SQLSERVER_2019_STANDARD"
      settings         = [{ user_labels = { pii = "true" }, backup_configuration = [{ enabled = unknown, point_in_time_recovery_enabled = unknown }] }]
    }
  }
  expect "google_sql_backup_enabled" {
    result = "unknown"
  }
  expect "google_sql_point_in_time_recovery" {
    result = "unknown"
  }
}

test "a read replica is not checked for backups" {
  resource "google_sql_database_instance" "replica" {
    attrs = {
      database_version     = "POSTGRES_15"
      master_instance_name = "acme-crm"
      settings             = [{ user_labels = { pii = "true" }, backup_configuration = unknown }]
    }
  }
  expect "google_sql_backup_enabled" {
    result = "not_applicable"
  }
  expect "google_sql_point_in_time_recovery" {
    result = "not_applicable"
  }
}

test "an instance without PII is not checked" {
  resource "google_sql_database_instance" "scratch" {
    attrs = {
      database_version    = "POSTGRES_15"
      deletion_protection = false
      settings            = [{ user_labels = { env = "dev" }, backup_configuration = unknown, ip_configuration = unknown }]
    }
  }
  expect "google_sql_backup_enabled" {
    result = "not_applicable"
  }
  expect "google_sql_point_in_time_recovery" {
    result = "not_applicable"
  }
  expect "google_sql_no_open_networks" {
    result = "not_applicable"
  }
  expect "google_sql_private_ip_only" {
    result = "not_applicable"
  }
  expect "google_sql_ssl_required" {
    result = "not_applicable"
  }
  expect "google_sql_deletion_protection" {
    result = "not_applicable"
  }
  expect "google_sql_cmek" {
    result = "not_applicable"
  }
}

test "with assume_pii an unlabelled instance is checked" {
  variables = { assume_pii = true }
  resource "google_sql_database_instance" "scratch" {
    attrs = {
      database_version    = "POSTGRES_15"
      deletion_protection = true
      settings            = [{ user_labels = null, backup_configuration = unknown, ip_configuration = unknown }]
    }
  }
  expect "google_sql_backup_enabled" {
    result  = "fail"
    message = "^google_sql_database_instance.scratch holds PII but takes no automated backups"
  }
  expect "google_sql_deletion_protection" {
    result = "pass"
  }
}

test "user labels known only after apply do not make an instance hold PII" {
  resource "google_sql_database_instance" "scratch" {
    attrs = { database_version = "POSTGRES_15", settings = [{ user_labels = unknown }] }
  }
  expect "google_sql_backup_enabled" {
    result = "not_applicable"
  }
}

test "an existing instance without a customer-managed key fails the advisory CMEK policy" {
  resource "google_sql_database_instance" "crm" {
    operation = "no-op"
    prior     = { database_version = "POSTGRES_15", encryption_key_name = "", settings = [{ user_labels = { pii = "true" } }] }
    attrs     = { database_version = "POSTGRES_15", encryption_key_name = "", settings = [{ user_labels = { pii = "true" } }] }
  }
  expect "google_sql_cmek" {
    result  = "fail"
    message = "is encrypted with Google-managed keys only: set encryption_key_name"
  }
}

test "network and protection settings known only after apply make the results unknown" {
  resource "google_sql_database_instance" "crm" {
    attrs = {
      database_version    = "POSTGRES_15"
      deletion_protection = unknown
      settings = [{
        user_labels                 = { pii = "true" }
        deletion_protection_enabled = false
        ip_configuration            = [{ ipv4_enabled = unknown, ssl_mode = unknown, require_ssl = unknown, authorized_networks = [{ name = "partner", value = unknown }] }]
      }]
    }
  }
  expect "google_sql_no_open_networks" {
    result = "unknown"
  }
  expect "google_sql_private_ip_only" {
    result = "unknown"
  }
  expect "google_sql_ssl_required" {
    result = "unknown"
  }
  expect "google_sql_deletion_protection" {
    result = "unknown"
  }
}

test "with assume_pii every network policy checks an unlabelled instance" {
  variables = { assume_pii = true }
  resource "google_sql_database_instance" "scratch" {
    attrs = {
      database_version    = "MYSQL_8_0"
      encryption_key_name = ""
      settings = [{
        user_labels          = null
        backup_configuration = [{ enabled = true, binary_log_enabled = true }]
        ip_configuration     = [{ ipv4_enabled = true, ssl_mode = "ENCRYPTED_ONLY", authorized_networks = [{ name = "all", value = "0.0.0.0/0" }] }]
      }]
    }
  }
  expect "google_sql_point_in_time_recovery" {
    result = "pass"
  }
  expect "google_sql_no_open_networks" {
    result = "fail"
  }
  expect "google_sql_private_ip_only" {
    result = "fail"
  }
  expect "google_sql_ssl_required" {
    result = "pass"
  }
  expect "google_sql_cmek" {
    result = "fail"
  }
}
