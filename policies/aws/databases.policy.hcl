# Databases that hold PII: RDS instances (aws_db_instance), Aurora and
# Multi-AZ DB clusters (aws_rds_cluster) and DynamoDB tables.
#
# Customer-managed keys: a database uses one when it names a KMS key
# (kms_key_id, kms_key_arn) that is not an alias of an AWS managed key
# (alias/aws/rds, alias/aws/dynamodb). A database that names no key is
# encrypted with the AWS managed key, which every principal of the account
# allowed to use the service can decrypt with. The plan shows the key of a
# new database as unknown both when it is left to AWS and when it refers to
# a key created in the same plan; the configuration tells them apart
# (core::referenced): a key of the plan is a customer-managed key, and any
# other unknown key gives an unknown result, never a failure. An existing
# database encrypted with the AWS managed key shows that key's ARN, which
# cannot be told from a customer key's ARN.

locals {
  # How messages say why the resource is checked.
  holds_phrase = meta.holds_pii ? "holds PII" : "is assumed to hold PII (assume_pii)"

  # kms_key_id of RDS instances and clusters; true, false, or unknown.
  rds_key             = try(attrs.kms_key_id, null)
  rds_encrypted       = try(attrs.storage_encrypted, false) == true
  rds_key_of_plan     = length([for k in core::referenced("kms_key_id") : k if k.meta.type == "aws_kms_key"]) > 0
  rds_key_is_customer = local.rds_key_of_plan || try(local.rds_key != "" && !endswith(local.rds_key, "alias/aws/rds"), false)
  rds_key_text        = local.rds_key == null || local.rds_key == "" ? "aws/rds (kms_key_id is not set)" : "aws/rds (kms_key_id = \"${local.rds_key}\")"

  rds_retention = try(attrs.backup_retention_period, null)
}

resource_policy "aws_db_instance" "aws_db_instance_pii_encrypted_cmk" {
  description       = "An RDS instance that holds PII encrypts its storage (storage_encrypted = true) with a customer-managed KMS key named in kms_key_id, not the AWS managed aws/rds key"
  controls          = ["iso29151:10.1.1", "iso29151:10.1.2"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii || input.assume_pii

  enforce {
    condition     = local.rds_encrypted
    error_message = "${meta.address} ${local.holds_phrase} but its storage is not encrypted; set storage_encrypted = true and kms_key_id to the ARN of a customer-managed KMS key (an existing instance must be restored from an encrypted snapshot copy)."
  }

  enforce {
    condition     = !local.rds_encrypted || local.rds_key_is_customer
    error_message = "${meta.address} ${local.holds_phrase} but is encrypted with the AWS managed key ${local.rds_key_text}; set kms_key_id to the ARN of a customer-managed KMS key."
  }
}

resource_policy "aws_db_instance" "aws_db_instance_pii_not_public" {
  description       = "An RDS instance that holds PII has no public endpoint (publicly_accessible is not true)"
  controls          = ["iso29151:13.1.1", "iso29151:9.1.2"]
  severity          = "critical"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii || input.assume_pii

  enforce {
    condition     = try(attrs.publicly_accessible, false) != true
    error_message = "${meta.address} ${local.holds_phrase} but is publicly accessible: its endpoint resolves to a public IP address; set publicly_accessible = false and reach it from inside the VPC."
  }
}

resource_policy "aws_db_instance" "aws_db_instance_pii_backups" {
  description       = "An RDS instance that holds PII keeps automated backups for at least aws_min_backup_retention_days days (read replicas, whose source is backed up, are exempt)"
  controls          = ["iso29151:12.3.1"]
  severity          = "medium"
  enforcement_level = "mandatory_overridable"
  filter            = meta.holds_pii || input.assume_pii

  locals {
    is_replica = try(attrs.replicate_source_db != null && attrs.replicate_source_db != "", false)
  }

  enforce {
    condition     = local.is_replica || try(local.rds_retention >= input.aws_min_backup_retention_days, false)
    error_message = "${meta.address} ${local.holds_phrase} but keeps automated backups for ${coalesce(local.rds_retention, 0)} days${coalesce(local.rds_retention, 0) == 0 ? " (backups are off)" : ""}; set backup_retention_period to at least ${input.aws_min_backup_retention_days}."
  }
}

resource_policy "aws_db_instance" "aws_db_instance_pii_deletion_protection" {
  description       = "An RDS instance that holds PII cannot be deleted until its deletion protection is turned off (deletion_protection = true)"
  controls          = ["iso29151:12.1.2", "iso29151:A.12"]
  severity          = "medium"
  enforcement_level = "mandatory_overridable"
  filter            = meta.holds_pii || input.assume_pii

  enforce {
    condition     = try(attrs.deletion_protection, false) == true
    error_message = "${meta.address} ${local.holds_phrase} but can be deleted by a single apply or API call; set deletion_protection = true."
  }
}

resource_policy "aws_rds_cluster" "aws_rds_cluster_pii_encrypted_cmk" {
  description       = "An Aurora or Multi-AZ DB cluster that holds PII encrypts its storage (storage_encrypted = true) with a customer-managed KMS key named in kms_key_id, not the AWS managed aws/rds key"
  controls          = ["iso29151:10.1.1", "iso29151:10.1.2"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii || input.assume_pii

  enforce {
    condition     = local.rds_encrypted
    error_message = "${meta.address} ${local.holds_phrase} but its storage is not encrypted; set storage_encrypted = true and kms_key_id to the ARN of a customer-managed KMS key (an existing cluster must be restored from an encrypted snapshot copy)."
  }

  enforce {
    condition     = !local.rds_encrypted || local.rds_key_is_customer
    error_message = "${meta.address} ${local.holds_phrase} but is encrypted with the AWS managed key ${local.rds_key_text}; set kms_key_id to the ARN of a customer-managed KMS key."
  }
}

resource_policy "aws_rds_cluster" "aws_rds_cluster_pii_not_public" {
  description       = "An Aurora or Multi-AZ DB cluster that holds PII has no public endpoint: neither the cluster (publicly_accessible, Multi-AZ DB clusters) nor any aws_rds_cluster_instance that refers to it is publicly accessible"
  controls          = ["iso29151:13.1.1", "iso29151:9.1.2"]
  severity          = "critical"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii || input.assume_pii

  locals {
    instances        = [for i in core::referrers("aws_rds_cluster_instance") : i if i.meta.operation != "delete"]
    public_instances = [for i in local.instances : i.meta.address if try(i.attrs.publicly_accessible, false) == true]
  }

  enforce {
    condition     = try(attrs.publicly_accessible, false) != true
    error_message = "${meta.address} ${local.holds_phrase} but is publicly accessible; set publicly_accessible = false."
  }

  enforce {
    condition     = length(local.public_instances) == 0
    error_message = "${meta.address} ${local.holds_phrase} but its instances ${join(", ", local.public_instances)} are publicly accessible; set publicly_accessible = false on them."
  }
}

resource_policy "aws_rds_cluster" "aws_rds_cluster_pii_backups" {
  description       = "An Aurora or Multi-AZ DB cluster that holds PII keeps automated backups for at least aws_min_backup_retention_days days"
  controls          = ["iso29151:12.3.1"]
  severity          = "medium"
  enforcement_level = "mandatory_overridable"
  filter            = meta.holds_pii || input.assume_pii

  enforce {
    condition     = try(local.rds_retention >= input.aws_min_backup_retention_days, false)
    error_message = "${meta.address} ${local.holds_phrase} but keeps automated backups for ${coalesce(local.rds_retention, 0)} days; set backup_retention_period to at least ${input.aws_min_backup_retention_days}."
  }
}

resource_policy "aws_rds_cluster" "aws_rds_cluster_pii_deletion_protection" {
  description       = "An Aurora or Multi-AZ DB cluster that holds PII cannot be deleted until its deletion protection is turned off (deletion_protection = true)"
  controls          = ["iso29151:12.1.2", "iso29151:A.12"]
  severity          = "medium"
  enforcement_level = "mandatory_overridable"
  filter            = meta.holds_pii || input.assume_pii

  enforce {
    condition     = try(attrs.deletion_protection, false) == true
    error_message = "${meta.address} ${local.holds_phrase} but can be deleted by a single apply or API call; set deletion_protection = true."
  }
}

resource_policy "aws_dynamodb_table" "aws_dynamodb_table_pii_encrypted_cmk" {
  description       = "A DynamoDB table that holds PII is encrypted with a customer-managed KMS key (server_side_encryption enabled with kms_key_arn), not the AWS owned key used by default nor the AWS managed aws/dynamodb key"
  controls          = ["iso29151:10.1.1", "iso29151:10.1.2"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii || input.assume_pii

  locals {
    # An unknown server_side_encryption is the provider's default: off.
    sse_set     = try(core::known(length(attrs.server_side_encryption)), false)
    sse_enabled = local.sse_set && try(attrs.server_side_encryption[0].enabled == true, false)
    key         = try(attrs.server_side_encryption[0].kms_key_arn, null)
    key_text    = local.key == null || local.key == "" ? "aws/dynamodb (kms_key_arn is not set)" : "aws/dynamodb (kms_key_arn = \"${local.key}\")"
    key_of_plan = length([for k in core::referenced("server_side_encryption") : k if k.meta.type == "aws_kms_key"]) > 0
    customer    = local.key_of_plan || try(local.key != "" && !endswith(local.key, "alias/aws/dynamodb"), false)
  }

  enforce {
    condition     = local.sse_enabled
    error_message = "${meta.address} ${local.holds_phrase} but is encrypted with a key that AWS owns and the account cannot control or audit; set server_side_encryption { enabled = true, kms_key_arn = <ARN of a customer-managed KMS key> }."
  }

  enforce {
    condition     = !local.sse_enabled || local.customer
    error_message = "${meta.address} ${local.holds_phrase} but is encrypted with the AWS managed key ${local.key_text}; set kms_key_arn in server_side_encryption to the ARN of a customer-managed KMS key."
  }
}

resource_policy "aws_dynamodb_table" "aws_dynamodb_table_pii_point_in_time_recovery" {
  description       = "A DynamoDB table that holds PII has point-in-time recovery enabled, so that it can be restored after a faulty write or deletion"
  controls          = ["iso29151:12.3.1"]
  severity          = "medium"
  enforcement_level = "mandatory_overridable"
  filter            = meta.holds_pii || input.assume_pii

  enforce {
    condition     = try(core::known(length(attrs.point_in_time_recovery)), false) && try(attrs.point_in_time_recovery[0].enabled == true, false)
    error_message = "${meta.address} ${local.holds_phrase} but point-in-time recovery is off; set point_in_time_recovery { enabled = true }."
  }
}
