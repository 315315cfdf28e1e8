resource_policy "aws_s3_bucket" "anything" {
  enforce {
    condition     = true
    error_message = "never"
  }
}
