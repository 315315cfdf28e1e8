# Volumes, logs and messaging.

resource_policy "aws_ebs_volume" "ebs_pii_encrypted" {
  description       = "Volumes that hold PII are encrypted"
  controls          = ["iso29151:10.1.1"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii

  enforce {
    condition     = attrs.encrypted
    error_message = "${meta.address} holds PII but is not encrypted."
  }
}

resource_policy "aws_cloudwatch_log_group" "logs_pii_retention" {
  description       = "Log groups that hold PII keep events for a bounded time"
  controls          = ["iso27701:A.7.4.7", "iso29151:12.4.1"]
  severity          = "medium"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii

  locals {
    days = try(attrs.retention_in_days, 0)
  }

  enforce {
    condition     = local.days > 0 && local.days <= input.max_log_retention_days
    error_message = "${meta.address} holds PII and keeps it ${local.days == 0 ? "forever" : "${local.days} days"}; at most ${input.max_log_retention_days} days."
  }
}

resource_policy "aws_cloudwatch_log_group" "logs_pii_kms" {
  description       = "Log groups that hold PII are encrypted with a customer-managed key"
  controls          = ["iso29151:10.1.1", "iso29151:12.4.2"]
  severity          = "medium"
  enforcement_level = "advisory"
  filter            = meta.holds_pii

  enforce {
    condition     = try(attrs.kms_key_id, "") != ""
    error_message = "${meta.address} holds PII but has no kms_key_id."
  }
}

resource_policy "aws_sqs_queue" "sqs_pii_encrypted" {
  description       = "Queues that carry PII are encrypted"
  controls          = ["iso29151:10.1.1", "iso27701:A.7.4.9"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii

  enforce {
    condition     = try(attrs.sqs_managed_sse_enabled, false) || try(attrs.kms_master_key_id, null) != null
    error_message = "${meta.address} carries PII unencrypted."
  }
}

resource_policy "aws_sns_topic" "sns_pii_kms" {
  description       = "Topics that carry PII are encrypted with KMS"
  controls          = ["iso27701:A.7.4.9"]
  severity          = "medium"
  enforcement_level = "advisory"
  filter            = meta.holds_pii

  enforce {
    condition     = try(attrs.kms_master_key_id, null) != null
    error_message = "${meta.address} carries PII without a KMS key."
  }
}
