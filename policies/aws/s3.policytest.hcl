test "a new PII bucket configured by split resources passes" {
  # AWS provider v5: the inline blocks of a new bucket are unknown.
  resource "aws_s3_bucket" "orders" {
    attrs = {
      bucket                               = "acme-orders"
      arn                                  = unknown
      region                               = unknown
      server_side_encryption_configuration = unknown
      versioning                           = unknown
      lifecycle_rule                       = unknown
      logging                              = unknown
      tags                                 = { data_classification = "personal" }
    }
  }
  resource "aws_s3_bucket_server_side_encryption_configuration" "orders" {
    attrs = {
      bucket                = unknown
      expected_bucket_owner = null
      rule = [{
        bucket_key_enabled                      = true
        apply_server_side_encryption_by_default = [{ sse_algorithm = "aws:kms", kms_master_key_id = unknown }]
      }]
    }
    references = { bucket = ["aws_s3_bucket.orders"], rule = ["aws_kms_key.orders"] }
  }
  resource "aws_s3_bucket_public_access_block" "orders" {
    attrs = {
      bucket                  = unknown
      block_public_acls       = true
      block_public_policy     = true
      ignore_public_acls      = true
      restrict_public_buckets = true
    }
    references = { bucket = ["aws_s3_bucket.orders"] }
  }
  resource "aws_s3_bucket_versioning" "orders" {
    attrs = {
      bucket                   = unknown
      versioning_configuration = [{ status = "Enabled", mfa_delete = unknown }]
    }
    references = { bucket = ["aws_s3_bucket.orders"] }
  }
  resource "aws_s3_bucket_lifecycle_configuration" "orders" {
    attrs = {
      bucket = unknown
      rule = [{
        id                            = "retention"
        status                        = "Enabled"
        filter                        = [{ prefix = "" }]
        expiration                    = [{ days = 365, date = null, expired_object_delete_marker = unknown }]
        noncurrent_version_expiration = [{ noncurrent_days = 30, newer_noncurrent_versions = null }]
        transition                    = []
      }]
    }
    references = { bucket = ["aws_s3_bucket.orders"] }
  }
  resource "aws_s3_bucket_logging" "orders" {
    attrs      = { bucket = unknown, target_bucket = unknown, target_prefix = "orders/" }
    references = { bucket = ["aws_s3_bucket.orders"], target_bucket = ["aws_s3_bucket.logs"] }
  }
  expect "aws_s3_bucket_pii_kms_encryption" {
    resource = "aws_s3_bucket.orders"
    result   = "pass"
  }
  expect "aws_s3_bucket_pii_public_access_blocked" {
    resource = "aws_s3_bucket.orders"
    result   = "pass"
  }
  expect "aws_s3_bucket_pii_versioning" {
    resource = "aws_s3_bucket.orders"
    result   = "pass"
  }
  expect "aws_s3_bucket_pii_expiration" {
    resource = "aws_s3_bucket.orders"
    result   = "pass"
  }
  expect "aws_s3_bucket_pii_access_logging" {
    resource = "aws_s3_bucket.orders"
    result   = "pass"
  }
}

test "a new PII bucket without any configuration fails" {
  # The unknown inline blocks become the S3 defaults: SSE-S3, no versioning,
  # no lifecycle rule, no logging.
  resource "aws_s3_bucket" "orders" {
    attrs = {
      bucket                               = "acme-orders"
      server_side_encryption_configuration = unknown
      versioning                           = unknown
      lifecycle_rule                       = unknown
      logging                              = unknown
      tags                                 = { pii = "true" }
    }
  }
  expect "aws_s3_bucket_pii_kms_encryption" {
    result  = "fail"
    message = "^aws_s3_bucket.orders holds PII but configures no server-side encryption, so S3 applies its default AES256 \\(SSE-S3\\); set sse_algorithm = \"aws:kms\""
  }
  expect "aws_s3_bucket_pii_public_access_blocked" {
    result  = "fail"
    message = "no aws_s3_bucket_public_access_block refers to it"
  }
  expect "aws_s3_bucket_pii_versioning" {
    result  = "fail"
    message = "versioning is not enabled; set versioning_configuration \\{ status = \"Enabled\" \\}"
  }
  expect "aws_s3_bucket_pii_expiration" {
    result  = "fail"
    message = "no lifecycle rule expires its objects, so they are kept for ever"
  }
  expect "aws_s3_bucket_pii_access_logging" {
    result  = "fail"
    message = "does not log the requests made to it; add an aws_s3_bucket_logging"
  }
}

test "a PII bucket configured inline (AWS provider v3) passes" {
  resource "aws_s3_bucket" "orders" {
    attrs = {
      bucket = "acme-orders"
      server_side_encryption_configuration = [{
        rule = [{
          bucket_key_enabled                      = null
          apply_server_side_encryption_by_default = [{ sse_algorithm = "aws:kms", kms_master_key_id = unknown }]
        }]
      }]
      versioning = [{ enabled = true, mfa_delete = false }]
      lifecycle_rule = [{
        id                                     = "retention"
        enabled                                = true
        prefix                                 = null
        abort_incomplete_multipart_upload_days = null
        expiration                             = [{ days = 90, date = null, expired_object_delete_marker = false }]
        noncurrent_version_expiration          = [{ days = 30 }]
        transition                             = []
        noncurrent_version_transition          = []
      }]
      logging = [{ target_bucket = unknown, target_prefix = "log/" }]
      tags    = { data_classification = "personal" }
    }
  }
  expect "aws_s3_bucket_pii_kms_encryption" {
    result = "pass"
  }
  expect "aws_s3_bucket_pii_versioning" {
    result = "pass"
  }
  expect "aws_s3_bucket_pii_expiration" {
    result = "pass"
  }
  expect "aws_s3_bucket_pii_access_logging" {
    result = "pass"
  }
}

test "an existing PII bucket with inline SSE-S3 and no logging fails" {
  # As aws_s3_bucket.grafana_backups of a real plan: the state shows the
  # configuration S3 has.
  resource "aws_s3_bucket" "backups" {
    operation = "no-op"
    attrs = {
      bucket = "grafana-backups-f9efcf43"
      arn    = "arn:aws:s3:::grafana-backups-f9efcf43"
      region = "us-east-1"
      server_side_encryption_configuration = [{
        rule = [{
          bucket_key_enabled                      = false
          apply_server_side_encryption_by_default = [{ sse_algorithm = "AES256", kms_master_key_id = "" }]
        }]
      }]
      versioning     = [{ enabled = false, mfa_delete = false }]
      lifecycle_rule = []
      logging        = []
      tags           = { Name = "grafana-backups-bucket", contains_pii = "yes" }
    }
    prior = { bucket = "grafana-backups-f9efcf43" }
  }
  expect "aws_s3_bucket_pii_kms_encryption" {
    result  = "fail"
    message = "holds PII but is encrypted with AES256 \\(SSE-S3\\); set sse_algorithm"
  }
  expect "aws_s3_bucket_pii_versioning" {
    result  = "fail"
    message = "versioning is not enabled"
  }
  expect "aws_s3_bucket_pii_access_logging" {
    result = "fail"
  }
}

test "a split encryption configuration decides over the inline state" {
  resource "aws_s3_bucket" "orders" {
    operation = "no-op"
    attrs = {
      bucket = "acme-orders"
      server_side_encryption_configuration = [{
        rule = [{
          bucket_key_enabled                      = false
          apply_server_side_encryption_by_default = [{ sse_algorithm = "AES256", kms_master_key_id = "" }]
        }]
      }]
      tags = { data_classification = "personal" }
    }
  }
  resource "aws_s3_bucket_server_side_encryption_configuration" "orders" {
    attrs = {
      bucket = "acme-orders"
      rule = [{
        bucket_key_enabled                      = null
        apply_server_side_encryption_by_default = [{ sse_algorithm = "aws:kms:dsse", kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" }]
      }]
    }
    references = { bucket = ["aws_s3_bucket.orders"] }
  }
  expect "aws_s3_bucket_pii_kms_encryption" {
    resource = "aws_s3_bucket.orders"
    result   = "pass"
  }
}

test "a split encryption configuration with AES256 fails" {
  resource "aws_s3_bucket" "orders" {
    attrs = { bucket = "acme-orders", server_side_encryption_configuration = unknown, tags = { data_classification = "personal" } }
  }
  resource "aws_s3_bucket_server_side_encryption_configuration" "orders" {
    attrs = {
      bucket = unknown
      rule = [{
        bucket_key_enabled                      = null
        apply_server_side_encryption_by_default = [{ sse_algorithm = "AES256", kms_master_key_id = null }]
      }]
    }
    references = { bucket = ["aws_s3_bucket.orders"] }
  }
  expect "aws_s3_bucket_pii_kms_encryption" {
    resource = "aws_s3_bucket.orders"
    result   = "fail"
    message  = "is encrypted with AES256 \\(SSE-S3\\)"
  }
}

test "an encryption configuration being deleted does not count" {
  resource "aws_s3_bucket" "orders" {
    operation = "no-op"
    attrs     = { bucket = "acme-orders", server_side_encryption_configuration = [], tags = { data_classification = "personal" } }
  }
  resource "aws_s3_bucket_server_side_encryption_configuration" "orders" {
    operation  = "delete"
    attrs      = null
    prior      = { bucket = "acme-orders", rule = [{ apply_server_side_encryption_by_default = [{ sse_algorithm = "aws:kms", kms_master_key_id = "" }] }] }
    references = { bucket = ["aws_s3_bucket.orders"] }
  }
  expect "aws_s3_bucket_pii_kms_encryption" {
    resource = "aws_s3_bucket.orders"
    result   = "fail"
    message  = "configures no server-side encryption"
  }
}

test "an algorithm known only after apply makes the encryption unknown" {
  resource "aws_s3_bucket" "orders" {
    attrs = { bucket = "acme-orders", server_side_encryption_configuration = unknown, tags = { data_classification = "personal" } }
  }
  resource "aws_s3_bucket_server_side_encryption_configuration" "orders" {
    attrs = {
      bucket = unknown
      rule   = [{ apply_server_side_encryption_by_default = [{ sse_algorithm = unknown, kms_master_key_id = null }] }]
    }
    references = { bucket = ["aws_s3_bucket.orders"] }
  }
  expect "aws_s3_bucket_pii_kms_encryption" {
    resource = "aws_s3_bucket.orders"
    result   = "unknown"
  }
}

test "a public access block that leaves public policies allowed fails" {
  resource "aws_s3_bucket" "orders" {
    attrs = { bucket = "acme-orders", tags = { data_classification = "personal" } }
  }
  resource "aws_s3_bucket_public_access_block" "orders" {
    attrs = {
      bucket                  = unknown
      block_public_acls       = true
      block_public_policy     = false
      ignore_public_acls      = true
      restrict_public_buckets = false
    }
    references = { bucket = ["aws_s3_bucket.orders"] }
  }
  expect "aws_s3_bucket_pii_public_access_blocked" {
    resource = "aws_s3_bucket.orders"
    result   = "fail"
    message  = "its public access block leaves block_public_policy, restrict_public_buckets unset or false"
  }
}

test "an account-level public access block covers every bucket" {
  resource "aws_s3_bucket" "orders" {
    attrs = { bucket = "acme-orders", tags = { data_classification = "personal" } }
  }
  resource "aws_s3_account_public_access_block" "account" {
    attrs = {
      account_id              = unknown
      block_public_acls       = true
      block_public_policy     = true
      ignore_public_acls      = true
      restrict_public_buckets = true
    }
  }
  expect "aws_s3_bucket_pii_public_access_blocked" {
    resource = "aws_s3_bucket.orders"
    result   = "pass"
  }
}

test "a public access block setting known only after apply gives unknown" {
  resource "aws_s3_bucket" "orders" {
    attrs = { bucket = "acme-orders", tags = { data_classification = "personal" } }
  }
  resource "aws_s3_bucket_public_access_block" "orders" {
    attrs = {
      bucket                  = unknown
      block_public_acls       = true
      block_public_policy     = unknown
      ignore_public_acls      = true
      restrict_public_buckets = true
    }
    references = { bucket = ["aws_s3_bucket.orders"] }
  }
  expect "aws_s3_bucket_pii_public_access_blocked" {
    resource = "aws_s3_bucket.orders"
    result   = "unknown"
  }
}

test "suspended versioning fails" {
  resource "aws_s3_bucket" "orders" {
    attrs = { bucket = "acme-orders", versioning = unknown, tags = { data_classification = "personal" } }
  }
  resource "aws_s3_bucket_versioning" "orders" {
    attrs      = { bucket = unknown, versioning_configuration = [{ status = "Suspended", mfa_delete = unknown }] }
    references = { bucket = ["aws_s3_bucket.orders"] }
  }
  expect "aws_s3_bucket_pii_versioning" {
    resource = "aws_s3_bucket.orders"
    result   = "fail"
    message  = "its aws_s3_bucket_versioning sets status Suspended"
  }
}

test "lifecycle rules that are disabled or only move objects do not expire them" {
  resource "aws_s3_bucket" "orders" {
    attrs = { bucket = "acme-orders", versioning = unknown, lifecycle_rule = unknown, tags = { data_classification = "personal" } }
  }
  resource "aws_s3_bucket_lifecycle_configuration" "orders" {
    attrs = {
      bucket = unknown
      rule = [
        {
          id                            = "expire"
          status                        = "Disabled"
          filter                        = [{ prefix = "" }]
          expiration                    = [{ days = 30, date = null, expired_object_delete_marker = unknown }]
          noncurrent_version_expiration = []
          transition                    = []
        },
        {
          id                            = "archive"
          status                        = "Enabled"
          filter                        = [{ prefix = "" }]
          expiration                    = []
          noncurrent_version_expiration = []
          transition                    = [{ days = 30, date = null, storage_class = "GLACIER" }]
        },
      ]
    }
    references = { bucket = ["aws_s3_bucket.orders"] }
  }
  expect "aws_s3_bucket_pii_expiration" {
    resource = "aws_s3_bucket.orders"
    result   = "fail"
    message  = "no enabled rule of its aws_s3_bucket_lifecycle_configuration expires objects"
  }
}

test "an expiration date counts as retention" {
  resource "aws_s3_bucket" "campaign" {
    attrs = { bucket = "acme-campaign-2025", versioning = unknown, lifecycle_rule = unknown, tags = { data_classification = "personal" } }
  }
  resource "aws_s3_bucket_lifecycle_configuration" "campaign" {
    attrs = {
      bucket = unknown
      rule = [{
        id                            = "end-of-campaign"
        status                        = "Enabled"
        filter                        = []
        expiration                    = [{ days = null, date = "2026-01-01T00:00:00Z", expired_object_delete_marker = unknown }]
        noncurrent_version_expiration = []
        transition                    = []
      }]
    }
    references = { bucket = ["aws_s3_bucket.campaign"] }
  }
  expect "aws_s3_bucket_pii_expiration" {
    resource = "aws_s3_bucket.campaign"
    result   = "pass"
  }
}

test "a versioned bucket must also expire noncurrent versions" {
  resource "aws_s3_bucket" "orders" {
    attrs = { bucket = "acme-orders", versioning = unknown, lifecycle_rule = unknown, tags = { data_classification = "personal" } }
  }
  resource "aws_s3_bucket_versioning" "orders" {
    attrs      = { bucket = unknown, versioning_configuration = [{ status = "Enabled", mfa_delete = unknown }] }
    references = { bucket = ["aws_s3_bucket.orders"] }
  }
  resource "aws_s3_bucket_lifecycle_configuration" "orders" {
    attrs = {
      bucket = unknown
      rule = [{
        id                            = "retention"
        status                        = "Enabled"
        filter                        = [{ prefix = "" }]
        expiration                    = [{ days = 365, date = null, expired_object_delete_marker = unknown }]
        noncurrent_version_expiration = []
        transition                    = []
      }]
    }
    references = { bucket = ["aws_s3_bucket.orders"] }
  }
  expect "aws_s3_bucket_pii_expiration" {
    resource = "aws_s3_bucket.orders"
    result   = "fail"
    message  = "is versioned, but no enabled lifecycle rule expires noncurrent versions"
  }
  expect "aws_s3_bucket_pii_versioning" {
    resource = "aws_s3_bucket.orders"
    result   = "pass"
  }
}

test "a bucket without PII is not checked" {
  resource "aws_s3_bucket" "assets" {
    attrs = {
      bucket                               = "acme-assets"
      server_side_encryption_configuration = unknown
      versioning                           = unknown
      lifecycle_rule                       = unknown
      logging                              = unknown
      tags                                 = { data_classification = "public" }
    }
  }
  expect "aws_s3_bucket_pii_kms_encryption" {
    result = "not_applicable"
  }
  expect "aws_s3_bucket_pii_public_access_blocked" {
    result = "not_applicable"
  }
  expect "aws_s3_bucket_pii_versioning" {
    result = "not_applicable"
  }
  expect "aws_s3_bucket_pii_expiration" {
    result = "not_applicable"
  }
  expect "aws_s3_bucket_pii_access_logging" {
    result = "not_applicable"
  }
}

test "with assume_pii an untagged bucket is checked" {
  variables = { assume_pii = true }
  resource "aws_s3_bucket" "assets" {
    attrs = {
      bucket                               = "acme-assets"
      server_side_encryption_configuration = unknown
      versioning                           = unknown
      lifecycle_rule                       = unknown
      logging                              = unknown
      tags                                 = {}
    }
  }
  expect "aws_s3_bucket_pii_kms_encryption" {
    result  = "fail"
    message = "^aws_s3_bucket.assets is assumed to hold PII \\(assume_pii\\) but configures no server-side encryption"
  }
  expect "aws_s3_bucket_pii_public_access_blocked" {
    result = "fail"
  }
  expect "aws_s3_bucket_pii_versioning" {
    result = "fail"
  }
  expect "aws_s3_bucket_pii_expiration" {
    result = "fail"
  }
  expect "aws_s3_bucket_pii_access_logging" {
    result = "fail"
  }
}

test "the logging configuration of another bucket does not count for its target" {
  # As aws_s3_bucket_logging.cloudtrail of a real plan: it refers to the
  # bucket it configures and to its target bucket.
  resource "aws_s3_bucket" "cloudtrail" {
    operation = "no-op"
    attrs     = { bucket = "terraform-20220923125358263500000001", logging = [{ target_bucket = "terraform-20220923125358270800000002", target_prefix = "log/" }], tags = { pii = "true" } }
  }
  resource "aws_s3_bucket" "logging" {
    operation = "no-op"
    attrs     = { bucket = "terraform-20220923125358270800000002", logging = [], tags = { pii = "true" } }
  }
  resource "aws_s3_bucket_logging" "cloudtrail" {
    operation  = "no-op"
    attrs      = { bucket = "terraform-20220923125358263500000001", target_bucket = "terraform-20220923125358270800000002", target_prefix = "log/", target_grant = [] }
    references = { bucket = ["aws_s3_bucket.cloudtrail"], target_bucket = ["aws_s3_bucket.logging"] }
  }
  expect "aws_s3_bucket_pii_access_logging" {
    resource = "aws_s3_bucket.cloudtrail"
    result   = "pass"
  }
  expect "aws_s3_bucket_pii_access_logging" {
    resource = "aws_s3_bucket.logging"
    result   = "fail"
  }
}

test "a split configuration with null rules does not error" {
  resource "aws_s3_bucket" "orders" {
    attrs = { bucket = "acme-orders", server_side_encryption_configuration = unknown, lifecycle_rule = null, tags = { data_classification = "personal" } }
  }
  resource "aws_s3_bucket_server_side_encryption_configuration" "orders" {
    attrs      = { bucket = unknown, rule = null }
    references = { bucket = ["aws_s3_bucket.orders"] }
  }
  resource "aws_s3_bucket_lifecycle_configuration" "orders" {
    attrs      = { bucket = unknown, rule = null }
    references = { bucket = ["aws_s3_bucket.orders"] }
  }
  expect "aws_s3_bucket_pii_kms_encryption" {
    resource = "aws_s3_bucket.orders"
    result   = "fail"
  }
  expect "aws_s3_bucket_pii_expiration" {
    resource = "aws_s3_bucket.orders"
    result   = "fail"
  }
}

test "a bucket mock with no attributes does not error" {
  resource "aws_s3_bucket" "orders" {
    meta = { holds_pii = true }
  }
  expect "aws_s3_bucket_pii_kms_encryption" {
    result = "fail"
  }
  expect "aws_s3_bucket_pii_public_access_blocked" {
    result = "fail"
  }
  expect "aws_s3_bucket_pii_versioning" {
    result = "fail"
  }
  expect "aws_s3_bucket_pii_expiration" {
    result = "fail"
  }
  expect "aws_s3_bucket_pii_access_logging" {
    result = "fail"
  }
}

# Both buckets are new, so neither name is known at plan: the logging
# resource's bucket argument, not its target_bucket, says which bucket it
# logs.
test "the log bucket of a new logging configuration is not logged by it" {
  resource "aws_s3_bucket" "orders" {
    attrs = { bucket = unknown, id = unknown, arn = unknown, tags = { pii = "true" } }
  }
  resource "aws_s3_bucket" "logs" {
    attrs = { bucket = unknown, id = unknown, arn = unknown, tags = { pii = "true" } }
  }
  resource "aws_s3_bucket_logging" "orders" {
    attrs      = { bucket = unknown, target_bucket = unknown, target_prefix = "orders/" }
    references = { bucket = ["aws_s3_bucket.orders"], target_bucket = ["aws_s3_bucket.logs"] }
  }
  expect "aws_s3_bucket_pii_access_logging" {
    resource = "aws_s3_bucket.orders"
    result   = "pass"
  }
  expect "aws_s3_bucket_pii_access_logging" {
    resource = "aws_s3_bucket.logs"
    result   = "fail"
    message  = "aws_s3_bucket.logs holds PII but does not log the requests made to it"
  }
}
