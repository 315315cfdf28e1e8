test "a PII bucket with KMS passes" {
  resource "aws_s3_bucket_server_side_encryption_configuration" "orders" {
    attrs = { rule = [{ apply_server_side_encryption_by_default = [{ sse_algorithm = "aws:kms" }] }] }
    meta  = { holds_pii = true }
  }
  expect "pii_bucket_kms" {
    result = "pass"
  }
}

test "a short password fails without showing it" {
  resource "aws_db_instance" "x" {
    attrs = { password = sensitive("hunter2"), region = "eu-west-1", storage_encrypted = true }
  }
  expect "db_password_strength" {
    result  = "fail"
    message = "password \\(sensitive\\) is too short"
  }
}
