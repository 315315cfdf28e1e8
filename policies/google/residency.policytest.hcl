test "PII stores in EEA locations pass, whatever the case" {
  resource "google_storage_bucket" "exports" {
    attrs = { name = "acme-customer-exports", location = "EU", custom_placement_config = [], labels = { pii = "true" } }
  }
  resource "google_storage_bucket" "dual" {
    attrs = { location = "EU", custom_placement_config = [{ data_locations = ["EUROPE-WEST1", "EUROPE-WEST4"] }], labels = { pii = "true" } }
  }
  resource "google_bigquery_dataset" "crm" {
    attrs = { location = "europe-west3", labels = { pii = "true" } }
  }
  resource "google_sql_database_instance" "crm" {
    attrs = { region = "europe-west1", settings = [{ user_labels = { data_classification = "personal" } }] }
  }
  resource "google_compute_disk" "data" {
    attrs = { zone = "europe-west4-b", labels = { pii = "true" } }
  }
  resource "google_spanner_instance" "main" {
    attrs = { config = "regional-europe-west9", labels = { pii = "true" } }
  }
  resource "google_firestore_database" "app" {
    attrs = { location_id = "eur3", labels = { pii = "true" } }
  }
  resource "google_pubsub_topic" "signups" {
    attrs = { message_storage_policy = [{ allowed_persistence_regions = ["europe-west1", "europe-west4"], enforce_in_transit = false }], labels = { pii = "true" } }
  }
  expect "google_data_residency" {
    result = "pass"
  }
}

test "a PII bucket in the US fails" {
  resource "google_storage_bucket" "exports" {
    attrs = { location = "US", custom_placement_config = [], labels = { data_classification = "personal" } }
  }
  expect "google_data_residency" {
    result  = "fail"
    message = "^google_storage_bucket.exports holds PII in US, outside the allowed locations \\(EU, EUR4, eur3, europe-west1, .*\\): move it to an allowed location"
  }
}

test "a dataset in London and a disk in Zurich are outside the EEA" {
  resource "google_bigquery_dataset" "crm" {
    attrs = { location = "europe-west2", labels = { pii = "true" } }
  }
  resource "google_compute_disk" "data" {
    attrs = { zone = "europe-west6-a", labels = { pii = "true" } }
  }
  expect "google_data_residency" {
    resource = "google_bigquery_dataset.crm"
    result   = "fail"
    message  = "holds PII in europe-west2, outside"
  }
  expect "google_data_residency" {
    resource = "google_compute_disk.data"
    result   = "fail"
    message  = "holds PII in europe-west6, outside"
  }
}

test "a Cloud SQL instance without a region takes the provider's region" {
  resource "google_sql_database_instance" "eu" {
    attrs           = { region = unknown, settings = [{ user_labels = { pii = "true" } }] }
    provider_config = { region = "europe-west1" }
  }
  resource "google_sql_database_instance" "us" {
    attrs           = { region = unknown, settings = [{ user_labels = { pii = "true" } }] }
    provider_config = { region = "us-central1" }
  }
  resource "google_sql_database_instance" "unset" {
    attrs = { region = unknown, settings = [{ user_labels = { pii = "true" } }] }
  }
  expect "google_data_residency" {
    resource = "google_sql_database_instance.eu"
    result   = "pass"
  }
  expect "google_data_residency" {
    resource = "google_sql_database_instance.us"
    result   = "fail"
    message  = "is assumed to hold PII \\(assume_pii\\) in us-central1"
  }
  expect "google_data_residency" {
    resource = "google_sql_database_instance.unset"
    result   = "unknown"
  }
}

test "a Pub/Sub topic that may persist messages anywhere fails" {
  resource "google_pubsub_topic" "signups" {
    attrs = { message_storage_policy = [], labels = { pii = "true" } }
  }
  expect "google_data_residency" {
    result  = "fail"
    message = "may persist messages in any region: set message_storage_policy"
  }
}

test "the allowed locations are an input" {
  variables = { google_allowed_locations = ["europe-west6", "EU"] }
  resource "google_compute_disk" "data" {
    attrs = { zone = "europe-west6-a", labels = { pii = "true" } }
  }
  resource "google_bigquery_dataset" "crm" {
    attrs = { location = "europe-west1", labels = { pii = "true" } }
  }
  expect "google_data_residency" {
    resource = "google_compute_disk.data"
    result   = "pass"
  }
  expect "google_data_residency" {
    resource = "google_bigquery_dataset.crm"
    result   = "fail"
  }
}

test "a bucket holds PII when one of its objects does" {
  resource "google_storage_bucket" "exports" {
    attrs = { location = "ASIA", custom_placement_config = [], labels = {} }
  }
  resource "google_storage_bucket_object" "dump" {
    attrs      = { name = "customers.csv", bucket = "acme-customer-exports" }
    references = ["google_storage_bucket.exports"]
    meta       = { holds_pii = true }
  }
  expect "google_data_residency" {
    resource = "google_storage_bucket.exports"
    result   = "fail"
  }
}

test "a location known only after apply is unknown" {
  resource "google_bigquery_dataset" "crm" {
    attrs = { location = unknown, labels = { pii = "true" } }
  }
  expect "google_data_residency" {
    result = "unknown"
  }
}

test "stores without PII and resources that are not data stores are not checked" {
  resource "google_storage_bucket" "assets" {
    attrs = { location = "US", custom_placement_config = [], labels = { data_classification = "public" } }
  }
  resource "google_cloud_run_service" "api" {
    attrs = { location = "us-central1", metadata = [{ labels = { pii = "true" } }] }
  }
  expect "google_data_residency" {
    result = "not_applicable"
  }
}

test "with assume_pii every data store is checked" {
  variables = { assume_pii = true }
  resource "google_bigquery_dataset" "analytics" {
    attrs = { location = "US", labels = null }
  }
  resource "google_logging_project_bucket_config" "logs" {
    attrs = { location = "global", bucket_id = "app-logs", retention_days = 30 }
  }
  expect "google_data_residency" {
    resource = "google_bigquery_dataset.analytics"
    result   = "fail"
    message  = "is assumed to hold PII \\(assume_pii\\) in US"
  }
  expect "google_data_residency" {
    resource = "google_logging_project_bucket_config.logs"
    result   = "fail"
    message  = "is assumed to hold PII \\(assume_pii\\) in global"
  }
}
