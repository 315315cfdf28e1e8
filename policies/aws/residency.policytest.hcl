test "a PII bucket in an EEA region passes" {
  resource "aws_s3_bucket" "orders" {
    operation = "no-op"
    attrs = {
      bucket = "acme-orders"
      arn    = "arn:aws:s3:::acme-orders"
      region = "eu-west-1"
      tags   = { data_classification = "personal" }
    }
  }
  expect "aws_pii_data_store_region_allowed" {
    result = "pass"
  }
  expect "aws_pii_data_store_region_known" {
    result = "pass"
  }
}

test "a PII bucket outside the EEA fails, naming the region and the allowed list" {
  # As aws_s3_bucket.grafana_backups of a real plan.
  resource "aws_s3_bucket" "grafana_backups" {
    operation = "no-op"
    attrs = {
      bucket = "grafana-backups-f9efcf43"
      arn    = "arn:aws:s3:::grafana-backups-f9efcf43"
      region = "us-east-1"
      tags   = { data_classification = "personal" }
    }
  }
  expect "aws_pii_data_store_region_allowed" {
    result  = "fail"
    message = "^aws_s3_bucket.grafana_backups holds PII in us-east-1 \\(from its region argument\\), which is not one of the allowed regions \\(eu-central-1, eu-west-1, eu-west-3, eu-north-1, eu-south-1, eu-south-2\\)"
  }
}

test "the allowed regions are an input" {
  variables = { aws_allowed_regions = ["eu-central-1"] }
  resource "aws_sqs_queue" "signups" {
    attrs = { name = "signups", arn = "arn:aws:sqs:eu-west-1:111122223333:signups", tags = { data_classification = "personal" } }
  }
  expect "aws_pii_data_store_region_allowed" {
    result  = "fail"
    message = "holds PII in eu-west-1 \\(from its ARN\\), which is not one of the allowed regions \\(eu-central-1\\)"
  }
}

test "a new resource takes the region of its provider configuration" {
  resource "aws_db_instance" "customers" {
    attrs           = { identifier = "customers", arn = unknown, availability_zone = unknown, tags = { data_classification = "personal" } }
    provider_config = { region = "us-west-2" }
  }
  resource "aws_dynamodb_table" "profiles" {
    attrs           = { name = "profiles", arn = unknown, replica = [], tags = { data_classification = "personal" } }
    provider_config = { region = "eu-north-1" }
  }
  expect "aws_pii_data_store_region_allowed" {
    resource = "aws_db_instance.customers"
    result   = "fail"
    message  = "holds PII in us-west-2 \\(from its provider configuration\\)"
  }
  expect "aws_pii_data_store_region_allowed" {
    resource = "aws_dynamodb_table.profiles"
    result   = "pass"
  }
}

test "an unknown region argument falls back to the provider configuration" {
  # A new bucket in AWS provider v5: region is computed.
  resource "aws_s3_bucket" "orders" {
    attrs           = { bucket = "acme-orders", arn = unknown, region = unknown, tags = { data_classification = "personal" } }
    provider_config = { region = "eu-central-1" }
  }
  expect "aws_pii_data_store_region_allowed" {
    result = "pass"
  }
}

test "the availability zone tells the region of a volume" {
  resource "aws_ebs_volume" "records" {
    attrs = { availability_zone = "us-east-1c", arn = unknown, encrypted = true, tags = { data_classification = "personal" } }
  }
  expect "aws_pii_data_store_region_allowed" {
    result  = "fail"
    message = "holds PII in us-east-1 \\(from its availability zone\\)"
  }
}

test "a region known only after apply gives unknown" {
  # The provider's region comes from a local value the plan does not resolve.
  resource "aws_s3_bucket" "orders" {
    attrs           = { bucket = "acme-orders", arn = unknown, region = unknown, tags = { data_classification = "personal" } }
    provider_config = { region = unknown }
  }
  expect "aws_pii_data_store_region_allowed" {
    result = "unknown"
  }
  expect "aws_pii_data_store_region_known" {
    result = "pass"
  }
}

test "a plan that does not tell the region is reported by the advisory policy" {
  # As aws_cloudwatch_log_group.log_group of a real plan: no region argument,
  # an empty ARN, and a provider configuration without region.
  resource "aws_cloudwatch_log_group" "log_group" {
    operation = "no-op"
    attrs     = { name = "/aws/lambda/metrics-lambda-primary-lambda", arn = "", retention_in_days = 14, tags = { pii = "true" } }
  }
  expect "aws_pii_data_store_region_allowed" {
    result = "not_applicable"
  }
  expect "aws_pii_data_store_region_known" {
    result  = "fail"
    message = "^aws_cloudwatch_log_group.log_group holds PII but the plan does not tell its region.*set region in the provider configuration"
  }
}

test "DynamoDB replicas outside the allowed regions fail" {
  resource "aws_dynamodb_table" "profiles" {
    attrs = {
      name   = "profiles"
      arn    = unknown
      region = "eu-west-1"
      replica = [
        { region_name = "eu-central-1", kms_key_arn = unknown, arn = unknown, point_in_time_recovery = false, propagate_tags = false },
        { region_name = "us-east-1", kms_key_arn = unknown, arn = unknown, point_in_time_recovery = false, propagate_tags = false },
      ]
      tags = { data_classification = "personal" }
    }
  }
  expect "aws_pii_data_store_region_allowed" {
    result  = "fail"
    message = "replicates it to us-east-1, outside the allowed regions"
  }
}

test "resources that are not data stores, or hold no PII, are not checked" {
  resource "aws_s3_bucket" "assets" {
    attrs = { bucket = "acme-assets", region = "us-east-1", tags = { data_classification = "public" } }
  }
  resource "aws_iam_role" "app" {
    attrs = { name = "app", arn = "arn:aws:iam::111122223333:role/app", tags = { data_classification = "personal" } }
  }
  resource "aws_s3_bucket_policy" "orders" {
    attrs = { bucket = "acme-orders", region = "us-east-1" }
    meta  = { holds_pii = true }
  }
  expect "aws_pii_data_store_region_allowed" {
    result = "not_applicable"
  }
  expect "aws_pii_data_store_region_known" {
    result = "not_applicable"
  }
}

test "with assume_pii every data store is checked" {
  variables = { assume_pii = true }
  resource "aws_s3_bucket" "assets" {
    attrs = { bucket = "acme-assets", region = "us-east-1", tags = {} }
  }
  resource "aws_iam_role" "app" {
    attrs = { name = "app", arn = "arn:aws:iam::111122223333:role/app", tags = {} }
  }
  expect "aws_pii_data_store_region_allowed" {
    resource = "aws_s3_bucket.assets"
    result   = "fail"
    message  = "is assumed to hold PII \\(assume_pii\\) in us-east-1"
  }
  expect "aws_pii_data_store_region_allowed" {
    resource = "aws_iam_role.app"
    result   = "not_applicable"
  }
  expect "aws_pii_data_store_region_known" {
    resource = "aws_s3_bucket.assets"
    result   = "pass"
  }
}

test "a secret replicated in an allowed region passes" {
  resource "aws_secretsmanager_secret" "api_tokens" {
    attrs = {
      name    = "api-tokens"
      arn     = unknown
      replica = [{ region = "eu-central-1", kms_key_id = unknown, status = unknown, status_message = unknown, last_accessed_date = unknown }]
      tags    = { data_classification = "personal" }
    }
    provider_config = { region = "eu-west-1" }
  }
  expect "aws_pii_data_store_region_allowed" {
    result = "pass"
  }
}
