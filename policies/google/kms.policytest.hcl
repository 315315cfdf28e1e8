test "a key of a PII bucket that rotates every 90 days passes" {
  resource "google_kms_crypto_key" "exports" {
    attrs = {
      name                          = "exports"
      key_ring                      = unknown
      purpose                       = "ENCRYPT_DECRYPT"
      rotation_period               = "7776000s"
      destroy_scheduled_duration    = unknown
      skip_initial_version_creation = false
      version_template              = unknown
      labels                        = null
      id                            = unknown
    }
  }
  resource "google_storage_bucket" "exports" {
    attrs      = { name = "acme-customer-exports", encryption = [{ default_kms_key_name = unknown }], labels = { data_classification = "personal" } }
    references = ["google_kms_crypto_key.exports"]
  }
  expect "google_kms_key_rotation" {
    resource = "google_kms_crypto_key.exports"
    result   = "pass"
  }
}

test "a key of a PII bucket without rotation fails" {
  resource "google_kms_crypto_key" "exports" {
    attrs = { name = "exports", purpose = "ENCRYPT_DECRYPT", rotation_period = null, labels = null }
  }
  resource "google_storage_bucket" "exports" {
    attrs      = { encryption = [{ default_kms_key_name = unknown }], labels = { pii = "true" } }
    references = ["google_kms_crypto_key.exports"]
  }
  expect "google_kms_key_rotation" {
    resource = "google_kms_crypto_key.exports"
    result   = "fail"
    message  = "^google_kms_crypto_key.exports protects PII \\(google_storage_bucket.exports\\) but never rotates: set rotation_period = \"7776000s\" \\(90 days\\) or less\\.$"
  }
}

test "a yearly rotation fails, and the longest period is an input" {
  variables = { google_max_key_rotation_days = 365 }
  resource "google_kms_crypto_key" "yearly" {
    attrs = { purpose = "ENCRYPT_DECRYPT", rotation_period = "31536000s", labels = { pii = "true" } }
  }
  resource "google_kms_crypto_key" "biennial" {
    attrs = { purpose = "ENCRYPT_DECRYPT", rotation_period = "63072000s", labels = { pii = "true" } }
  }
  expect "google_kms_key_rotation" {
    resource = "google_kms_crypto_key.yearly"
    result   = "pass"
  }
  expect "google_kms_key_rotation" {
    resource = "google_kms_crypto_key.biennial"
    result   = "fail"
    message  = "holds PII but rotates every 730 days: set rotation_period = \"31536000s\" \\(365 days\\) or less"
  }
}

test "a key of a Cloud SQL instance labelled as PII in its user labels is checked" {
  resource "google_kms_crypto_key" "crm" {
    attrs = { purpose = "ENCRYPT_DECRYPT", rotation_period = "31536000s", labels = null }
  }
  resource "google_sql_database_instance" "crm" {
    attrs      = { encryption_key_name = unknown, settings = [{ user_labels = { data_classification = "personal" }, ip_configuration = unknown }] }
    references = ["google_kms_crypto_key.crm"]
  }
  expect "google_kms_key_rotation" {
    resource = "google_kms_crypto_key.crm"
    result   = "fail"
    message  = "protects PII \\(google_sql_database_instance.crm\\) but rotates every 365 days"
  }
}

test "a rotation period known only after apply is unknown" {
  resource "google_kms_crypto_key" "exports" {
    attrs = { purpose = "ENCRYPT_DECRYPT", rotation_period = unknown, labels = { pii = "true" } }
  }
  expect "google_kms_key_rotation" {
    result = "unknown"
  }
}

test "asymmetric keys and keys that protect no PII are not checked" {
  resource "google_kms_crypto_key" "signing" {
    attrs = { purpose = "ASYMMETRIC_SIGN", rotation_period = null, labels = { pii = "true" } }
  }
  resource "google_kms_crypto_key" "assets" {
    attrs = { purpose = "ENCRYPT_DECRYPT", rotation_period = null, labels = null }
  }
  resource "google_storage_bucket" "assets" {
    attrs      = { encryption = [{ default_kms_key_name = unknown }], labels = { data_classification = "public" } }
    references = ["google_kms_crypto_key.assets"]
  }
  expect "google_kms_key_rotation" {
    result = "not_applicable"
  }
}

test "with assume_pii every symmetric key is checked" {
  variables = { assume_pii = true }
  resource "google_kms_crypto_key" "assets" {
    attrs = { purpose = "ENCRYPT_DECRYPT", rotation_period = null, labels = null }
  }
  expect "google_kms_key_rotation" {
    result  = "fail"
    message = "may protect PII \\(input assume_pii is set\\) but never rotates"
  }
}
