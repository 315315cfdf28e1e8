test "expects the wrong result" {
  resource "aws_db_instance" "x" {
    attrs = { password = "short", region = "eu-west-1", storage_encrypted = true }
  }
  expect "db_password_strength" {
    result = "pass"
  }
}
