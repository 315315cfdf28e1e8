# S3: buckets that hold PII, and the split resources that configure them
# (they hold PII when their bucket does: their configuration references it).

locals {
  bucket_tags = can(keys(attrs.tags)) ? attrs.tags : {}
}

resource_policy "aws_s3_bucket" "s3_classified" {
  description       = "Every bucket says what data it holds"
  controls          = ["iso29151:8.2.1"]
  severity          = "low"
  enforcement_level = "advisory"
  operations        = ["create", "update"]

  enforce {
    condition     = contains(keys(local.bucket_tags), "data_classification")
    error_message = "${meta.address} has no data_classification tag."
  }
}

resource_policy "aws_s3_bucket" "s3_pii_public_access_block" {
  description       = "Buckets that hold PII have a public access block"
  controls          = ["iso29151:9.1.2", "iso29151:9.4.1"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii

  enforce {
    condition     = length(core::referrers("aws_s3_bucket_public_access_block")) > 0
    error_message = "${meta.address} holds PII and has no aws_s3_bucket_public_access_block."
  }
}

resource_policy "aws_s3_bucket" "s3_pii_versioning" {
  description       = "Buckets that hold PII keep earlier versions of their objects"
  controls          = ["iso29151:12.3.1"]
  severity          = "medium"
  enforcement_level = "advisory"
  filter            = meta.holds_pii

  locals {
    versioning = [for v in core::referrers("aws_s3_bucket_versioning") : try(v.attrs.versioning_configuration[0].status, "")]
  }

  enforce {
    condition     = contains(local.versioning, "Enabled")
    error_message = "${meta.address} holds PII but versioning is not enabled."
  }
}

resource_policy "aws_s3_bucket" "s3_pii_lifecycle" {
  description       = "Buckets that hold PII expire their objects"
  controls          = ["iso27701:A.7.4.7", "iso27701:A.7.4.8"]
  severity          = "medium"
  enforcement_level = "advisory"
  filter            = meta.holds_pii

  locals {
    expirations = flatten([
      for l in core::referrers("aws_s3_bucket_lifecycle_configuration") : [
        for r in try(l.attrs.rule, []) : try(r.expiration[0].days, null) if try(r.status, "") == "Enabled"
      ]
    ])
  }

  enforce {
    condition     = length(local.expirations) > 0
    error_message = "${meta.address} holds PII but no lifecycle rule expires its objects."
  }
}

resource_policy "aws_s3_bucket_server_side_encryption_configuration" "s3_pii_kms" {
  description       = "Buckets that hold PII are encrypted with KMS"
  controls          = ["iso29151:10.1.1", "iso29151:10.1.2"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii

  locals {
    sse = try(attrs.rule[0].apply_server_side_encryption_by_default[0], {})
  }

  enforce {
    condition     = lookup(local.sse, "sse_algorithm", "") == "aws:kms"
    error_message = "${meta.address} holds PII but uses ${lookup(local.sse, "sse_algorithm", "no encryption")}."
  }
}

resource_policy "aws_s3_bucket_public_access_block" "s3_pii_block_public" {
  description       = "Public access blocks of buckets that hold PII block everything"
  controls          = ["iso29151:9.1.2"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii

  enforce {
    condition     = alltrue([attrs.block_public_acls, attrs.block_public_policy, attrs.ignore_public_acls, attrs.restrict_public_buckets])
    error_message = "${meta.address} leaves public access open to a bucket that holds PII."
  }
}
