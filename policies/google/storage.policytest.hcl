test "a hardened PII bucket (provider v5) passes every storage policy" {
  resource "google_storage_bucket" "exports" {
    attrs = {
      name                        = "acme-customer-exports"
      location                    = "EU"
      storage_class               = "STANDARD"
      force_destroy               = false
      uniform_bucket_level_access = true
      public_access_prevention    = "enforced"
      encryption                  = [{ default_kms_key_name = unknown }]
      versioning                  = [{ enabled = true }]
      lifecycle_rule = [
        {
          action = [{ type = "Delete", storage_class = "" }]
          condition = [{
            age              = 365, created_before = "", custom_time_before = "", days_since_custom_time = 0, days_since_noncurrent_time = 0
            matches_prefix   = [], matches_storage_class = [], matches_suffix = [], noncurrent_time_before = "", num_newer_versions = 0
            send_age_if_zero = true, with_state = unknown
          }]
        },
        {
          action    = [{ type = "Delete", storage_class = "" }]
          condition = [{ age = null, num_newer_versions = 3, with_state = "ARCHIVED" }]
        },
      ]
      logging                 = [{ log_bucket = "acme-access-logs", log_object_prefix = unknown }]
      retention_policy        = []
      soft_delete_policy      = unknown
      custom_placement_config = []
      project                 = unknown
      self_link               = unknown
      url                     = unknown
      id                      = unknown
      labels                  = { data_classification = "personal" }
      effective_labels        = unknown
      terraform_labels        = unknown
    }
  }
  expect "google_storage_bucket_uniform_access" {
    result = "pass"
  }
  expect "google_storage_bucket_public_access_prevention" {
    result = "pass"
  }
  expect "google_storage_bucket_cmek" {
    result = "pass"
  }
  expect "google_storage_bucket_versioning" {
    result = "pass"
  }
  expect "google_storage_bucket_retention" {
    result = "pass"
  }
  expect "google_storage_bucket_access_logging" {
    result = "pass"
  }
}

test "a PII bucket with provider defaults fails every storage policy" {
  resource "google_storage_bucket" "exports" {
    attrs = {
      name                        = "acme-customer-exports"
      location                    = "EU"
      uniform_bucket_level_access = unknown
      public_access_prevention    = unknown
      encryption                  = []
      versioning                  = []
      lifecycle_rule              = []
      logging                     = []
      retention_policy            = []
      labels                      = { pii = "true" }
    }
  }
  expect "google_storage_bucket_uniform_access" {
    result  = "fail"
    message = "^google_storage_bucket.exports holds PII but does not set uniform_bucket_level_access .*: set uniform_bucket_level_access = true\\.$"
  }
  expect "google_storage_bucket_public_access_prevention" {
    result  = "fail"
    message = "does not set public_access_prevention .*: set public_access_prevention = \"enforced\""
  }
  expect "google_storage_bucket_cmek" {
    result  = "fail"
    message = "Google-managed keys only: add encryption \\{ default_kms_key_name"
  }
  expect "google_storage_bucket_versioning" {
    result  = "fail"
    message = "set versioning \\{ enabled = true \\}"
  }
  expect "google_storage_bucket_retention" {
    result  = "fail"
    message = "keeps objects for ever: add a lifecycle_rule"
  }
  expect "google_storage_bucket_access_logging" {
    result  = "fail"
    message = "set logging \\{ log_bucket"
  }
}

test "explicitly weakened settings fail with what they are set to" {
  resource "google_storage_bucket" "exports" {
    attrs = {
      uniform_bucket_level_access = false
      public_access_prevention    = "inherited"
      versioning                  = [{ enabled = false }]
      labels                      = { pii = "true" }
    }
  }
  expect "google_storage_bucket_uniform_access" {
    result  = "fail"
    message = "turns uniform bucket-level access off"
  }
  expect "google_storage_bucket_public_access_prevention" {
    result  = "fail"
    message = "sets public_access_prevention = \"inherited\""
  }
  expect "google_storage_bucket_versioning" {
    result = "fail"
  }
}

test "public IAM members and ACL entries of a PII bucket fail" {
  resource "google_storage_bucket" "exports" {
    attrs = { uniform_bucket_level_access = true, public_access_prevention = "enforced", labels = { pii = "true" } }
  }
  resource "google_storage_bucket_iam_member" "public_read" {
    attrs      = { bucket = "acme-customer-exports", role = "roles/storage.objectViewer", member = "allUsers", etag = unknown }
    references = ["google_storage_bucket.exports"]
  }
  resource "google_storage_bucket_iam_binding" "readers" {
    attrs      = { bucket = "acme-customer-exports", role = "roles/storage.objectViewer", members = ["group:support@example.com", "allAuthenticatedUsers"] }
    references = ["google_storage_bucket.exports"]
  }
  resource "google_storage_bucket_acl" "legacy" {
    attrs      = { bucket = "acme-customer-exports", role_entity = ["OWNER:project-owners-123", "READER:allUsers"] }
    references = ["google_storage_bucket.exports"]
  }
  resource "google_storage_bucket_iam_member" "team" {
    attrs      = { bucket = "acme-customer-exports", role = "roles/storage.objectViewer", member = "group:support@example.com" }
    references = ["google_storage_bucket.exports"]
  }
  resource "google_storage_bucket_iam_binding" "empty" {
    attrs      = { bucket = "acme-customer-exports", role = "roles/storage.objectAdmin", members = null }
    references = ["google_storage_bucket.exports"]
  }
  expect "google_storage_bucket_public_access_prevention" {
    resource = "google_storage_bucket.exports"
    result   = "fail"
    message  = "holds PII but google_storage_bucket_iam_member.public_read, google_storage_bucket_iam_binding.readers, google_storage_bucket_acl.legacy grant access to allUsers or allAuthenticatedUsers"
  }
}

test "an IAM member known only after apply makes the public access result unknown" {
  resource "google_storage_bucket" "exports" {
    attrs = { public_access_prevention = "enforced", labels = { pii = "true" } }
  }
  resource "google_storage_bucket_iam_member" "reader" {
    attrs      = { bucket = "acme-customer-exports", role = "roles/storage.objectViewer", member = unknown }
    references = ["google_storage_bucket.exports"]
  }
  expect "google_storage_bucket_public_access_prevention" {
    resource = "google_storage_bucket.exports"
    result   = "unknown"
  }
}

test "a rule that deletes only noncurrent versions does not bound retention" {
  resource "google_storage_bucket" "exports" {
    attrs = {
      lifecycle_rule = [{
        action    = [{ type = "Delete", storage_class = "" }]
        condition = [{ age = 30, with_state = "ARCHIVED", num_newer_versions = 0 }]
        }, {
        action    = [{ type = "SetStorageClass", storage_class = "COLDLINE" }]
        condition = [{ age = 90, with_state = "LIVE" }]
      }]
      labels = { pii = "true" }
    }
  }
  expect "google_storage_bucket_retention" {
    result = "fail"
  }
}

test "a deletion age known only after apply makes the retention result unknown" {
  resource "google_storage_bucket" "exports" {
    attrs = {
      lifecycle_rule = [{ action = [{ type = "Delete", storage_class = "" }], condition = [{ age = unknown, with_state = unknown }] }]
      labels         = { pii = "true" }
    }
  }
  expect "google_storage_bucket_retention" {
    result = "unknown"
  }
}

test "Data Access audit logs for Cloud Storage count as access logging" {
  resource "google_storage_bucket" "exports" {
    attrs = { logging = [], labels = { pii = "true" } }
  }
  resource "google_project_iam_audit_config" "storage" {
    attrs = {
      project          = "acme-prod"
      service          = "storage.googleapis.com"
      audit_log_config = [{ log_type = "DATA_READ", exempted_members = [] }, { log_type = "DATA_WRITE", exempted_members = [] }]
    }
  }
  expect "google_storage_bucket_access_logging" {
    resource = "google_storage_bucket.exports"
    result   = "pass"
  }
}

test "a bucket holds PII when one of its objects does" {
  resource "google_storage_bucket" "exports" {
    attrs = { encryption = [], labels = {} }
  }
  resource "google_storage_bucket_object" "dump" {
    attrs      = { name = "customers.csv", bucket = "acme-customer-exports", content = sensitive("x") }
    references = ["google_storage_bucket.exports"]
    meta       = { holds_pii = true }
  }
  expect "google_storage_bucket_cmek" {
    resource = "google_storage_bucket.exports"
    result   = "fail"
  }
}

test "a bucket without PII is not checked" {
  resource "google_storage_bucket" "assets" {
    attrs = { uniform_bucket_level_access = false, public_access_prevention = "inherited", encryption = [], versioning = [], lifecycle_rule = [], logging = [], labels = { data_classification = "public" } }
  }
  expect "google_storage_bucket_uniform_access" {
    result = "not_applicable"
  }
  expect "google_storage_bucket_public_access_prevention" {
    result = "not_applicable"
  }
  expect "google_storage_bucket_cmek" {
    result = "not_applicable"
  }
  expect "google_storage_bucket_versioning" {
    result = "not_applicable"
  }
  expect "google_storage_bucket_retention" {
    result = "not_applicable"
  }
  expect "google_storage_bucket_access_logging" {
    result = "not_applicable"
  }
}

test "with assume_pii an unlabelled bucket is checked" {
  variables = { assume_pii = true }
  resource "google_storage_bucket" "assets" {
    attrs = { uniform_bucket_level_access = true, public_access_prevention = unknown, labels = null }
  }
  expect "google_storage_bucket_uniform_access" {
    result = "pass"
  }
  expect "google_storage_bucket_public_access_prevention" {
    result = "fail"
  }
}

test "an update keeps the settings read from the state" {
  resource "google_storage_bucket" "exports" {
    operation = "update"
    prior     = { uniform_bucket_level_access = true, public_access_prevention = "enforced", labels = {} }
    attrs     = { uniform_bucket_level_access = true, public_access_prevention = "enforced", labels = { pii = "true" } }
  }
  expect "google_storage_bucket_uniform_access" {
    result = "pass"
  }
  expect "google_storage_bucket_public_access_prevention" {
    result = "pass"
  }
}

test "settings known only after apply make the results unknown" {
  resource "google_storage_bucket" "exports" {
    attrs = {
      encryption = unknown
      versioning = [{ enabled = unknown }]
      logging    = [{ log_bucket = unknown, log_object_prefix = unknown }]
      labels     = { pii = "true" }
    }
  }
  expect "google_storage_bucket_cmek" {
    result = "unknown"
  }
  expect "google_storage_bucket_versioning" {
    result = "unknown"
  }
  expect "google_storage_bucket_access_logging" {
    result = "unknown"
  }
}

test "with assume_pii every storage policy checks an unlabelled bucket" {
  variables = { assume_pii = true }
  resource "google_storage_bucket" "assets" {
    attrs = {
      encryption     = [{ default_kms_key_name = "projects/acme/locations/eu/keyRings/gcs/cryptoKeys/assets" }]
      versioning     = []
      lifecycle_rule = [{ action = [{ type = "Delete", storage_class = "" }], condition = [{ age = 30, with_state = "ANY" }] }]
      logging        = []
      labels         = null
    }
  }
  expect "google_storage_bucket_cmek" {
    result = "pass"
  }
  expect "google_storage_bucket_versioning" {
    result = "fail"
  }
  expect "google_storage_bucket_retention" {
    result = "pass"
  }
  expect "google_storage_bucket_access_logging" {
    result = "fail"
  }
}
