# Queues and topics that carry PII between systems.
#
# Both are encrypted at rest with a KMS key when kms_master_key_id names one:
# the key policy then decides who can read the messages, and every use of
# the key is recorded by CloudTrail. An SQS queue with only
# sqs_managed_sse_enabled (SSE-SQS, the default of new queues) is encrypted
# with keys that SQS owns: no key policy restricts them and their use is not
# recorded, so SSE-SQS alone does not pass. The AWS managed keys
# (alias/aws/sqs, alias/aws/sns) are KMS keys and pass, although a
# customer-managed key is better since its key policy can be written. A key
# created in the same plan has an ARN known only after apply: the
# configuration says which aws_kms_key it is (core::referenced), which is a
# KMS key.

resource_policy "aws_sqs_queue" "aws_sqs_queue_pii_kms" {
  description       = "An SQS queue that carries PII is encrypted with a KMS key named in kms_master_key_id; SSE-SQS (sqs_managed_sse_enabled) alone uses keys SQS owns, which no key policy restricts and CloudTrail does not record, so it does not count"
  controls          = ["iso27701:A.7.4.9", "iso29151:10.1.1", "iso29151:10.1.2"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii || input.assume_pii

  locals {
    kms_key_of_plan = length([for k in core::referenced("kms_master_key_id") : k if k.meta.type == "aws_kms_key"]) > 0
    sqs_managed     = try(attrs.sqs_managed_sse_enabled, null)
    state = (!core::known(local.sqs_managed) ? "is encrypted at most with SSE-SQS, the default of new queues, whose keys SQS owns"
      : local.sqs_managed == true ? "is encrypted only with SSE-SQS (sqs_managed_sse_enabled = true), whose keys SQS owns"
      : "is not encrypted at rest"
    )
  }

  enforce {
    condition     = local.kms_key_of_plan || try(attrs.kms_master_key_id != null && attrs.kms_master_key_id != "", false)
    error_message = "${meta.address} carries PII but ${local.state}; set kms_master_key_id to the ARN or alias of a customer-managed KMS key."
  }
}

resource_policy "aws_sns_topic" "aws_sns_topic_pii_kms" {
  description       = "An SNS topic that carries PII is encrypted at rest with a KMS key named in kms_master_key_id"
  controls          = ["iso27701:A.7.4.9", "iso29151:10.1.1", "iso29151:10.1.2"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii || input.assume_pii

  locals {
    kms_key_of_plan = length([for k in core::referenced("kms_master_key_id") : k if k.meta.type == "aws_kms_key"]) > 0
  }

  enforce {
    condition     = local.kms_key_of_plan || try(attrs.kms_master_key_id != null && attrs.kms_master_key_id != "", false)
    error_message = "${meta.address} carries PII but is not encrypted at rest; set kms_master_key_id to the ARN or alias of a customer-managed KMS key."
  }
}
