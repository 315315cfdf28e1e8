test "a PII queue encrypted with a customer key passes" {
  resource "aws_sqs_queue" "signups" {
    attrs = {
      name                              = "signups"
      kms_master_key_id                 = "alias/signups"
      kms_data_key_reuse_period_seconds = 300
      sqs_managed_sse_enabled           = unknown
      arn                               = unknown
      tags                              = { data_classification = "personal" }
    }
  }
  expect "aws_sqs_queue_pii_kms" {
    result = "pass"
  }
}

test "a PII queue with SSE-SQS only fails" {
  resource "aws_sqs_queue" "signups" {
    attrs = {
      name                    = "signups"
      kms_master_key_id       = null
      sqs_managed_sse_enabled = true
      tags                    = { data_classification = "personal" }
    }
  }
  expect "aws_sqs_queue_pii_kms" {
    result  = "fail"
    message = "^aws_sqs_queue.signups carries PII but is encrypted only with SSE-SQS \\(sqs_managed_sse_enabled = true\\), whose keys SQS owns; set kms_master_key_id"
  }
}

test "a new PII queue that leaves encryption to SQS fails" {
  resource "aws_sqs_queue" "signups" {
    attrs = { name = "signups", kms_master_key_id = null, sqs_managed_sse_enabled = unknown, tags = { pii = "true" } }
  }
  expect "aws_sqs_queue_pii_kms" {
    result  = "fail"
    message = "is encrypted at most with SSE-SQS, the default of new queues"
  }
}

test "an unencrypted PII queue fails" {
  resource "aws_sqs_queue" "signups" {
    operation = "no-op"
    attrs     = { name = "signups", kms_master_key_id = "", sqs_managed_sse_enabled = false, tags = { pii = "true" } }
  }
  expect "aws_sqs_queue_pii_kms" {
    result  = "fail"
    message = "is not encrypted at rest"
  }
}

test "a queue key created in the same plan passes" {
  resource "aws_kms_key" "signups" {
    attrs = { arn = unknown, key_id = unknown }
  }
  resource "aws_sqs_queue" "signups" {
    attrs      = { name = "signups", kms_master_key_id = unknown, tags = { pii = "true" } }
    references = { kms_master_key_id = ["aws_kms_key.signups"] }
  }
  expect "aws_sqs_queue_pii_kms" {
    result = "pass"
  }
}

test "a queue key known only after apply, from something else than a key of the plan, gives unknown" {
  resource "aws_sqs_queue" "signups" {
    attrs      = { name = "signups", kms_master_key_id = unknown, tags = { pii = "true" } }
    references = { kms_master_key_id = ["aws_ssm_parameter.key"] }
  }
  resource "aws_ssm_parameter" "key" {
    attrs = { name = "/keys/signups", value = unknown }
  }
  expect "aws_sqs_queue_pii_kms" {
    result = "unknown"
  }
}

test "a topic key created in the same plan passes" {
  resource "aws_kms_key" "alerts" {
    attrs = { arn = unknown, key_id = unknown }
  }
  resource "aws_sns_topic" "alerts" {
    attrs      = { name = "alerts", kms_master_key_id = unknown, tags = { pii = "true" } }
    references = { kms_master_key_id = ["aws_kms_key.alerts"] }
  }
  expect "aws_sns_topic_pii_kms" {
    result = "pass"
  }
}

test "a queue without PII is not checked" {
  resource "aws_sqs_queue" "jobs" {
    attrs = { name = "jobs", kms_master_key_id = null, sqs_managed_sse_enabled = true, tags = {} }
  }
  expect "aws_sqs_queue_pii_kms" {
    result = "not_applicable"
  }
}

test "with assume_pii an untagged queue and topic are checked" {
  variables = { assume_pii = true }
  resource "aws_sqs_queue" "jobs" {
    attrs = { name = "jobs", kms_master_key_id = null, sqs_managed_sse_enabled = true, tags = {} }
  }
  resource "aws_sns_topic" "alerts" {
    attrs = { name = "alerts", kms_master_key_id = "alias/aws/sns", tags = {} }
  }
  expect "aws_sqs_queue_pii_kms" {
    result = "fail"
  }
  expect "aws_sns_topic_pii_kms" {
    result = "pass"
  }
}

test "a PII topic encrypted with a KMS key passes" {
  resource "aws_sns_topic" "receipts" {
    attrs      = { name = "receipts", kms_master_key_id = unknown, arn = unknown, tags = { data_classification = "personal" } }
    references = ["aws_kms_key.receipts"]
  }
  resource "aws_sns_topic" "orders" {
    attrs = { name = "orders", kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", tags = { data_classification = "personal" } }
  }
  expect "aws_sns_topic_pii_kms" {
    resource = "aws_sns_topic.receipts"
    result   = "unknown"
  }
  expect "aws_sns_topic_pii_kms" {
    resource = "aws_sns_topic.orders"
    result   = "pass"
  }
}

test "an unencrypted PII topic fails" {
  resource "aws_sns_topic" "receipts" {
    attrs = { name = "receipts", kms_master_key_id = null, tags = { data_classification = "personal" } }
  }
  expect "aws_sns_topic_pii_kms" {
    result  = "fail"
    message = "^aws_sns_topic.receipts carries PII but is not encrypted at rest; set kms_master_key_id"
  }
}

test "a topic without PII is not checked" {
  resource "aws_sns_topic" "alerts" {
    attrs = { name = "alerts", kms_master_key_id = null, tags = {} }
  }
  expect "aws_sns_topic_pii_kms" {
    result = "not_applicable"
  }
}
