# Keys, roles, instances and the audit trail.

resource_policy "aws_kms_key" "kms_pii_key_rotation" {
  description       = "Keys that protect PII rotate"
  controls          = ["iso29151:10.1.2"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = anytrue([for u in local.users : u.meta.holds_pii])

  locals {
    users = concat(
      core::referrers("aws_db_instance"),
      core::referrers("aws_ebs_volume"),
      core::referrers("aws_s3_bucket_server_side_encryption_configuration"),
    )
  }

  enforce {
    condition     = attrs.enable_key_rotation
    error_message = "${meta.address} protects PII (${join(", ", [for u in local.users : u.meta.address if u.meta.holds_pii])}) but does not rotate."
  }
}

resource_policy "aws_iam_role" "iam_no_public_assume" {
  description       = "No role can be assumed by any AWS account"
  controls          = ["iso29151:9.1.2", "iso29151:9.2.3"]
  severity          = "critical"
  enforcement_level = "mandatory"

  locals {
    statements = try(jsondecode(attrs.assume_role_policy).Statement, [])
    principals = flatten([for s in local.statements : try(flatten([s.Principal.AWS]), [])])
  }

  enforce {
    condition     = !contains(local.principals, "*")
    error_message = "${meta.address} can be assumed by any AWS account."
  }
}

resource_policy "aws_instance" "ec2_imdsv2" {
  description       = "Instances require IMDSv2"
  controls          = ["iso29151:9.4.1"]
  severity          = "medium"
  enforcement_level = "advisory"

  enforce {
    condition     = try(attrs.metadata_options[0].http_tokens, "optional") == "required"
    error_message = "${meta.address} allows IMDSv1."
  }
}

resource_policy "aws_instance" "ec2_root_volume_encrypted" {
  description       = "Root volumes of instances are encrypted"
  controls          = ["iso29151:10.1.1"]
  severity          = "high"
  enforcement_level = "mandatory"

  enforce {
    condition     = try(attrs.root_block_device[0].encrypted, false)
    error_message = "${meta.address} has an unencrypted root volume."
  }
}

resource_policy "aws_cloudtrail" "cloudtrail_log_validation" {
  description       = "Trails validate and encrypt their log files"
  controls          = ["iso29151:12.4.1", "iso29151:12.4.2"]
  severity          = "high"
  enforcement_level = "mandatory"

  enforce {
    condition     = attrs.enable_log_file_validation
    error_message = "${meta.address} does not validate its log files."
  }
  enforce {
    condition     = try(attrs.kms_key_id, null) != null
    error_message = "${meta.address} does not encrypt its log files with KMS."
  }
}
