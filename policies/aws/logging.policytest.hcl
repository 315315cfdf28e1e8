test "a PII log group with bounded retention and a customer key passes" {
  resource "aws_kms_key" "logs" {
    attrs = { arn = unknown, key_id = unknown }
  }
  resource "aws_cloudwatch_log_group" "signup" {
    attrs = {
      name              = "/aws/lambda/signup"
      retention_in_days = 90
      kms_key_id        = unknown
      log_group_class   = unknown
      skip_destroy      = false
      arn               = unknown
      tags              = { data_classification = "personal" }
    }
    references = { kms_key_id = ["aws_kms_key.logs"] }
  }
  expect "aws_cloudwatch_log_group_pii_retention" {
    result = "pass"
  }
  expect "aws_cloudwatch_log_group_pii_kms" {
    result = "pass"
  }
}

test "a log group key known only after apply, not from a key of the plan, gives unknown" {
  resource "aws_cloudwatch_log_group" "signup" {
    attrs = { name = "/aws/lambda/signup", retention_in_days = 90, kms_key_id = unknown, tags = { data_classification = "personal" } }
  }
  expect "aws_cloudwatch_log_group_pii_kms" {
    result = "unknown"
  }
}

test "a PII log group with a known customer key passes" {
  resource "aws_cloudwatch_log_group" "signup" {
    operation = "no-op"
    attrs = {
      name              = "/aws/lambda/signup"
      retention_in_days = 400
      kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
      tags              = { data_classification = "personal" }
    }
  }
  expect "aws_cloudwatch_log_group_pii_retention" {
    result = "pass"
  }
  expect "aws_cloudwatch_log_group_pii_kms" {
    result = "pass"
  }
}

test "a PII log group that keeps events for ever without a key fails" {
  # As module.ecs.aws_cloudwatch_log_group.ecs_logs of a real plan, without retention.
  resource "aws_cloudwatch_log_group" "ecs_logs" {
    attrs = {
      name              = "/ecs/whisper-sagemaker"
      retention_in_days = 0
      kms_key_id        = null
      tags              = { Name = "whisper-sagemaker-ecs-logs", data_classification = "personal" }
    }
  }
  expect "aws_cloudwatch_log_group_pii_retention" {
    result  = "fail"
    message = "^aws_cloudwatch_log_group.ecs_logs holds PII but keeps its events for ever \\(retention_in_days is not set\\); set retention_in_days to a value between 1 and 400"
  }
  expect "aws_cloudwatch_log_group_pii_kms" {
    result  = "fail"
    message = "has no kms_key_id; set kms_key_id to the ARN of a customer-managed KMS key"
  }
}

test "a retention above the limit fails, and the limit is an input" {
  variables = { aws_max_log_retention_days = 30 }
  resource "aws_cloudwatch_log_group" "signup" {
    attrs = { name = "/aws/lambda/signup", retention_in_days = 90, kms_key_id = "", tags = { pii = "1" } }
  }
  expect "aws_cloudwatch_log_group_pii_retention" {
    result  = "fail"
    message = "keeps its events for 90 days, more than the 30 allowed; set retention_in_days to a value between 1 and 30"
  }
  expect "aws_cloudwatch_log_group_pii_kms" {
    result = "fail"
  }
}

test "a retention known only after apply gives unknown" {
  resource "aws_cloudwatch_log_group" "signup" {
    attrs = { name = "/aws/lambda/signup", retention_in_days = unknown, tags = { pii = "1" } }
  }
  expect "aws_cloudwatch_log_group_pii_retention" {
    result = "unknown"
  }
}

test "a log group without PII is not checked" {
  resource "aws_cloudwatch_log_group" "metrics" {
    attrs = { name = "/aws/lambda/metrics", retention_in_days = 0, kms_key_id = "", tags = { Team = "Metricos" } }
  }
  expect "aws_cloudwatch_log_group_pii_retention" {
    result = "not_applicable"
  }
  expect "aws_cloudwatch_log_group_pii_kms" {
    result = "not_applicable"
  }
}

test "with assume_pii an untagged log group is checked" {
  variables = { assume_pii = true }
  resource "aws_cloudwatch_log_group" "metrics" {
    attrs = { name = "/aws/lambda/metrics", retention_in_days = 14, kms_key_id = "", tags = { Team = "Metricos" } }
  }
  expect "aws_cloudwatch_log_group_pii_retention" {
    result = "pass"
  }
  expect "aws_cloudwatch_log_group_pii_kms" {
    result = "fail"
  }
}

test "a trail without log file validation fails when the plan holds PII" {
  resource "aws_s3_bucket" "orders" {
    attrs = { bucket = "acme-orders", tags = { data_classification = "personal" } }
  }
  resource "aws_dynamodb_table" "profiles" {
    attrs = { name = "profiles", tags = { data_classification = "personal" } }
  }
  resource "aws_cloudtrail" "main" {
    operation = "no-op"
    attrs = {
      name                       = "main"
      s3_bucket_name             = "acme-trail"
      enable_log_file_validation = false
      enable_logging             = true
      is_multi_region_trail      = true
      kms_key_id                 = ""
      tags                       = {}
    }
  }
  expect "aws_cloudtrail_log_file_validation" {
    resource = "aws_cloudtrail.main"
    result   = "fail"
    message  = "^aws_cloudtrail.main records the access to PII \\(aws_s3_bucket.orders, aws_dynamodb_table.profiles\\) but does not validate its log files.*set enable_log_file_validation = true"
  }
}

test "a trail with log file validation passes" {
  resource "aws_s3_bucket" "orders" {
    attrs = { bucket = "acme-orders", tags = { data_classification = "personal" } }
  }
  resource "aws_cloudtrail" "main" {
    attrs = { name = "main", s3_bucket_name = unknown, enable_log_file_validation = true, arn = unknown, tags = {} }
  }
  expect "aws_cloudtrail_log_file_validation" {
    resource = "aws_cloudtrail.main"
    result   = "pass"
  }
}

test "a trail in a plan without PII is not checked" {
  # As the real plan of fugue/regula: a trail and its untagged buckets.
  resource "aws_s3_bucket" "cloudtrail" {
    attrs = { bucket = "terraform-20220923125358263500000001", tags = {} }
  }
  resource "aws_cloudtrail" "cloudtrail" {
    operation = "no-op"
    attrs = {
      name                       = "EWV8SPL3cVc"
      s3_bucket_name             = "terraform-20220923125358263500000001"
      enable_log_file_validation = false
      tags                       = {}
    }
    references = ["aws_s3_bucket.cloudtrail"]
  }
  expect "aws_cloudtrail_log_file_validation" {
    resource = "aws_cloudtrail.cloudtrail"
    result   = "not_applicable"
  }
}

test "with assume_pii every trail is checked" {
  variables = { assume_pii = true }
  resource "aws_cloudtrail" "cloudtrail" {
    operation = "no-op"
    attrs     = { name = "EWV8SPL3cVc", enable_log_file_validation = false, tags = {} }
  }
  expect "aws_cloudtrail_log_file_validation" {
    result  = "fail"
    message = "records the access to PII \\(the data stores of the account\\)"
  }
}

test "a trail whose validation is known only after apply gives unknown" {
  resource "aws_sqs_queue" "signups" {
    attrs = { name = "signups", tags = { data_classification = "personal" } }
  }
  resource "aws_cloudtrail" "main" {
    attrs = { name = "main", enable_log_file_validation = unknown, tags = {} }
  }
  expect "aws_cloudtrail_log_file_validation" {
    resource = "aws_cloudtrail.main"
    result   = "unknown"
  }
}
