input "regions" {
  type        = list(string)
  default     = ["eu-west-1", "eu-central-1"]
  description = "Where PII may be stored"
}

locals {
  tags = attrs.tags != null ? attrs.tags : {}
}

resource_policy "aws_s3_bucket" "bucket_tagged" {
  description       = "Buckets carry a data_classification tag"
  controls          = ["iso29151:8.2.2", "iso29151:8.2.9"]
  severity          = "low"
  enforcement_level = "advisory"
  enforce {
    condition     = contains(keys(local.tags), "data_classification")
    error_message = "${meta.address} has no data_classification tag"
  }
}

resource_policy "aws_s3_bucket_server_side_encryption_configuration" "pii_bucket_kms" {
  description       = "Buckets that hold PII are encrypted with KMS"
  controls          = ["iso29151:10.1.1", "iso27701:A.7.4.9"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii
  locals {
    rule = attrs.rule[0].apply_server_side_encryption_by_default[0]
  }
  enforce {
    condition     = local.rule.sse_algorithm == "aws:kms"
    error_message = "${meta.address} holds PII but uses ${local.rule.sse_algorithm}"
  }
}

resource_policy "aws_s3_bucket" "pii_bucket_has_public_access_block" {
  description       = "PII buckets have a public access block"
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii
  enforce {
    condition     = length(core::referrers("aws_s3_bucket_public_access_block")) > 0
    error_message = "${meta.address} holds PII and has no aws_s3_bucket_public_access_block"
  }
}

resource_policy "aws_db_instance" "db_password_strength" {
  description       = "Database passwords are long"
  severity          = "medium"
  enforcement_level = "mandatory_overridable"
  enforce {
    condition     = length(attrs.password) >= 16
    error_message = "${meta.address} password ${attrs.password} is too short"
  }
}

resource_policy "aws_db_instance" "db_region" {
  description       = "Databases stay in the allowed regions"
  severity          = "medium"
  enforcement_level = "mandatory"
  operations        = ["create"]
  enforce {
    condition     = contains(input.regions, attrs.region)
    error_message = "${meta.address} is in ${attrs.region}, outside ${join(", ", input.regions)}"
  }
}

resource_policy "aws_db_*" "db_encrypted" {
  description       = "Databases are encrypted"
  severity          = "high"
  enforcement_level = "mandatory"
  enforce {
    condition     = attrs.storage_encrypted
    error_message = "${meta.address} is not encrypted"
  }
}

resource_policy "aws_s3_bucket" "broken_policy" {
  description = "Refers to an attribute that does not exist"
  filter      = meta.name == "logs"
  enforce {
    condition     = attrs.no_such_attribute == "x"
    error_message = "never"
  }
}

resource_policy "*" "kms_keys_listed" {
  description = "Every KMS key of the plan is visible to core::getresources"
  filter      = meta.type == "aws_kms_key"
  enforce {
    condition     = length(core::getresources("aws_kms_key", { enable_key_rotation = true })) == 1
    error_message = "expected exactly one rotating key"
  }
}
