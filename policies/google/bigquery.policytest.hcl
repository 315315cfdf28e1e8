test "a private dataset with a default customer-managed key and expiration passes" {
  resource "google_bigquery_dataset" "crm" {
    attrs = {
      dataset_id                       = "crm"
      location                         = "EU"
      default_table_expiration_ms      = 31536000000
      default_partition_expiration_ms  = null
      delete_contents_on_destroy       = false
      default_encryption_configuration = [{ kms_key_name = unknown }]
      access                           = unknown
      project                          = unknown
      self_link                        = unknown
      max_time_travel_hours            = unknown
      labels                           = { data_classification = "personal" }
      effective_labels                 = unknown
    }
  }
  resource "google_bigquery_table" "customers" {
    attrs = {
      dataset_id               = "crm"
      table_id                 = "customers"
      deletion_protection      = true
      encryption_configuration = []
      view                     = []
      materialized_view        = []
      schema                   = "[{\"name\":\"email\",\"type\":\"STRING\"}]"
      time_partitioning        = []
      expiration_time          = unknown
      labels                   = null
    }
    references = ["google_bigquery_dataset.crm"]
  }
  expect "google_bigquery_dataset_cmek" {
    result = "pass"
  }
  expect "google_bigquery_dataset_not_public" {
    result = "pass"
  }
  expect "google_bigquery_dataset_expiration" {
    result = "pass"
  }
  expect "google_bigquery_table_cmek" {
    resource = "google_bigquery_table.customers"
    result   = "pass"
  }
}

test "a dataset with provider defaults fails when one of its tables holds PII" {
  resource "google_bigquery_dataset" "analytics" {
    attrs = {
      dataset_id                       = "analytics"
      location                         = "US"
      default_table_expiration_ms      = null
      default_encryption_configuration = []
      access                           = unknown
      labels                           = {}
    }
  }
  resource "google_bigquery_table" "events" {
    attrs      = { dataset_id = "analytics", table_id = "events", encryption_configuration = [], view = [], materialized_view = [], labels = { pii = "true" } }
    references = ["google_bigquery_dataset.analytics"]
  }
  expect "google_bigquery_dataset_cmek" {
    result  = "fail"
    message = "^google_bigquery_dataset.analytics holds PII tables \\(google_bigquery_table.events\\) but is encrypted with Google-managed keys only"
  }
  expect "google_bigquery_dataset_not_public" {
    result = "pass"
  }
  expect "google_bigquery_dataset_expiration" {
    result  = "fail"
    message = "keeps tables for ever: set default_table_expiration_ms"
  }
  expect "google_bigquery_table_cmek" {
    result  = "fail"
    message = "^google_bigquery_table.events holds PII but is encrypted with Google-managed keys only"
  }
}

test "public access blocks and IAM grants fail" {
  resource "google_bigquery_dataset" "crm" {
    attrs = {
      dataset_id = "crm"
      access = [
        { role = "OWNER", special_group = "projectOwners", user_by_email = null, group_by_email = null, domain = null, iam_member = null, view = [], dataset = [], routine = [] },
        { role = "READER", special_group = "allAuthenticatedUsers", user_by_email = null, group_by_email = null, domain = null, iam_member = null, view = [], dataset = [], routine = [] },
      ]
      labels = { pii = "true" }
    }
  }
  resource "google_bigquery_dataset_iam_member" "viewer" {
    attrs      = { dataset_id = "crm", role = "roles/bigquery.dataViewer", member = "allUsers", etag = unknown }
    references = ["google_bigquery_dataset.crm"]
  }
  resource "google_bigquery_dataset_access" "analyst" {
    attrs      = { dataset_id = "crm", role = "READER", user_by_email = "analyst@example.com", special_group = null, iam_member = null }
    references = ["google_bigquery_dataset.crm"]
  }
  expect "google_bigquery_dataset_not_public" {
    resource = "google_bigquery_dataset.crm"
    result   = "fail"
    message  = "grants access to allUsers or allAuthenticatedUsers \\(an access block for allAuthenticatedUsers \\(READER\\), google_bigquery_dataset_iam_member.viewer\\)"
  }
}

test "an IAM policy document that names allUsers fails" {
  resource "google_bigquery_dataset" "crm" {
    attrs = { dataset_id = "crm", access = unknown, labels = { pii = "true" } }
  }
  resource "google_bigquery_dataset_iam_policy" "policy" {
    attrs      = { dataset_id = "crm", policy_data = "{\"bindings\":[{\"members\":[\"allUsers\"],\"role\":\"roles/bigquery.dataViewer\"}]}" }
    references = ["google_bigquery_dataset.crm"]
  }
  expect "google_bigquery_dataset_not_public" {
    resource = "google_bigquery_dataset.crm"
    result   = "fail"
    message  = "google_bigquery_dataset_iam_policy.policy"
  }
}

test "an access entry known only after apply makes the result unknown" {
  resource "google_bigquery_dataset" "crm" {
    attrs = {
      dataset_id = "crm"
      access     = [{ role = "READER", special_group = null, iam_member = unknown }]
      labels     = { pii = "true" }
    }
  }
  expect "google_bigquery_dataset_not_public" {
    result = "unknown"
  }
}

test "a table with its own key passes, and views are not checked" {
  resource "google_bigquery_table" "customers" {
    attrs = { dataset_id = "crm", encryption_configuration = [{ kms_key_name = "projects/acme/locations/eu/keyRings/bq/cryptoKeys/crm", kms_key_version = unknown }], view = [], labels = { pii = "true" } }
  }
  resource "google_bigquery_table" "customers_view" {
    attrs = { dataset_id = "crm", encryption_configuration = [], view = [{ query = "SELECT email FROM crm.customers", use_legacy_sql = false }], labels = { pii = "true" } }
  }
  expect "google_bigquery_table_cmek" {
    resource = "google_bigquery_table.customers"
    result   = "pass"
  }
  expect "google_bigquery_table_cmek" {
    resource = "google_bigquery_table.customers_view"
    result   = "not_applicable"
  }
}

test "datasets and tables without PII are not checked" {
  resource "google_bigquery_dataset" "public_data" {
    attrs = { dataset_id = "public_data", default_encryption_configuration = [], access = [{ role = "READER", special_group = "allAuthenticatedUsers", iam_member = null }], labels = { data_classification = "public" } }
  }
  resource "google_bigquery_table" "stats" {
    attrs      = { dataset_id = "public_data", encryption_configuration = [], view = [], labels = null }
    references = ["google_bigquery_dataset.public_data"]
  }
  expect "google_bigquery_dataset_cmek" {
    result = "not_applicable"
  }
  expect "google_bigquery_dataset_not_public" {
    result = "not_applicable"
  }
  expect "google_bigquery_dataset_expiration" {
    result = "not_applicable"
  }
  expect "google_bigquery_table_cmek" {
    result = "not_applicable"
  }
}

test "with assume_pii an unlabelled dataset is checked" {
  variables = { assume_pii = true }
  resource "google_bigquery_dataset" "analytics" {
    attrs = { dataset_id = "analytics", default_encryption_configuration = [], access = unknown, labels = null }
  }
  expect "google_bigquery_dataset_cmek" {
    result = "fail"
  }
  expect "google_bigquery_dataset_not_public" {
    result = "pass"
  }
}

test "settings known only after apply make the results unknown" {
  resource "google_bigquery_dataset" "crm" {
    attrs = { dataset_id = "crm", default_encryption_configuration = unknown, default_table_expiration_ms = unknown, access = unknown, labels = { pii = "true" } }
  }
  resource "google_bigquery_table" "customers" {
    attrs = { dataset_id = "other", encryption_configuration = unknown, view = [], labels = { pii = "true" } }
  }
  expect "google_bigquery_dataset_cmek" {
    result = "unknown"
  }
  expect "google_bigquery_dataset_expiration" {
    result = "unknown"
  }
  expect "google_bigquery_table_cmek" {
    result = "unknown"
  }
}

test "with assume_pii the expiration and table policies check unlabelled resources" {
  variables = { assume_pii = true }
  resource "google_bigquery_dataset" "analytics" {
    attrs = { dataset_id = "analytics", default_table_expiration_ms = null, default_partition_expiration_ms = 7776000000, default_encryption_configuration = [], labels = null }
  }
  resource "google_bigquery_table" "events" {
    attrs      = { dataset_id = "analytics", encryption_configuration = [], view = [], labels = null }
    references = ["google_bigquery_dataset.analytics"]
  }
  expect "google_bigquery_dataset_expiration" {
    resource = "google_bigquery_dataset.analytics"
    result   = "pass"
  }
  expect "google_bigquery_table_cmek" {
    resource = "google_bigquery_table.events"
    result   = "fail"
  }
}
