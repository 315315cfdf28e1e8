# Databases: RDS instances and Aurora clusters, DynamoDB tables.

resource_policy "aws_db_instance" "rds_pii_encrypted" {
  description       = "Databases that hold PII are encrypted at rest"
  controls          = ["iso29151:10.1.1"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii

  enforce {
    condition     = attrs.storage_encrypted == true
    error_message = "${meta.address} holds PII but storage_encrypted is ${attrs.storage_encrypted}."
  }
}

resource_policy "aws_db_instance" "rds_pii_customer_managed_key" {
  description       = "Databases that hold PII are encrypted with a customer-managed key"
  controls          = ["iso29151:10.1.2"]
  severity          = "medium"
  enforcement_level = "advisory"
  filter            = meta.holds_pii && try(attrs.storage_encrypted, false)

  enforce {
    condition     = !endswith(try(attrs.kms_key_id, ""), ":alias/aws/rds") && try(attrs.kms_key_id, "") != ""
    error_message = "${meta.address} holds PII but is encrypted with the AWS managed key."
  }
}

resource_policy "aws_db_instance" "rds_pii_key_rotates" {
  description       = "The customer-managed keys of databases that hold PII rotate"
  controls          = ["iso29151:10.1.2"]
  severity          = "medium"
  enforcement_level = "advisory"
  filter            = meta.holds_pii && can(regex(":key/", attrs.kms_key_id))

  locals {
    keys = core::getresources("aws_kms_key", { arn = attrs.kms_key_id })
  }

  enforce {
    condition     = length(local.keys) == 0 || alltrue([for k in local.keys : k.attrs.enable_key_rotation])
    error_message = "${meta.address} holds PII and its key ${attrs.kms_key_id} does not rotate."
  }
}

resource_policy "aws_db_instance" "rds_not_public" {
  description       = "No database is reachable from the internet"
  controls          = ["iso29151:9.1.2", "iso29151:13.1.1"]
  severity          = "critical"
  enforcement_level = "mandatory"

  enforce {
    condition     = attrs.publicly_accessible == false
    error_message = "${meta.address} is publicly accessible."
  }
}

resource_policy "aws_db_instance" "rds_pii_backups" {
  description       = "Databases that hold PII keep automated backups"
  controls          = ["iso29151:12.3.1"]
  severity          = "medium"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii

  enforce {
    condition     = attrs.backup_retention_period >= input.min_backup_retention_days
    error_message = "${meta.address} keeps backups for ${attrs.backup_retention_period} days; PII needs at least ${input.min_backup_retention_days}."
  }
}

resource_policy "aws_db_instance" "rds_password_length" {
  description       = "Database master passwords are long"
  controls          = ["iso29151:9.4.3"]
  severity          = "medium"
  enforcement_level = "mandatory_overridable"
  filter            = try(attrs.password, null) != null

  enforce {
    condition     = length(attrs.password) >= input.min_password_length
    error_message = "${meta.address}: the master password is shorter than ${input.min_password_length} characters."
  }
}

resource_policy "aws_rds_cluster" "aurora_pii_encrypted" {
  description       = "Aurora clusters that hold PII are encrypted at rest"
  controls          = ["iso29151:10.1.1"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii

  enforce {
    condition     = try(attrs.storage_encrypted, false)
    error_message = "${meta.address} holds PII but is not encrypted."
  }
}

resource_policy "aws_db_*" "db_deletion_protection" {
  description       = "Databases that hold PII cannot be deleted by mistake"
  controls          = ["iso29151:12.3.1"]
  severity          = "medium"
  enforcement_level = "mandatory_overridable"
  filter            = meta.holds_pii

  enforce {
    condition     = try(attrs.deletion_protection, false)
    error_message = "${meta.address} holds PII without deletion protection."
  }
}

resource_policy "aws_dynamodb_table" "dynamodb_pii_encrypted" {
  description       = "DynamoDB tables that hold PII are encrypted with KMS"
  controls          = ["iso29151:10.1.1"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii

  enforce {
    condition     = try(attrs.server_side_encryption[0].enabled, false)
    error_message = "${meta.address} holds PII but server-side encryption with KMS is off."
  }
}

resource_policy "aws_dynamodb_table" "dynamodb_pii_pitr" {
  description       = "DynamoDB tables that hold PII can be restored to a point in time"
  controls          = ["iso29151:12.3.1"]
  severity          = "medium"
  enforcement_level = "advisory"
  filter            = meta.holds_pii

  enforce {
    condition     = try(attrs.point_in_time_recovery[0].enabled, false)
    error_message = "${meta.address} holds PII without point-in-time recovery."
  }
}
