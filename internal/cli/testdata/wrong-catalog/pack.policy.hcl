# A policy that names a control of iso27701 as if it were iso29151's: the
# warning says which catalog has it.
resource_policy "aws_s3_bucket" "bucket_tagged" {
  description       = "Buckets carry a data_classification tag"
  controls          = ["iso29151:A.7.4.5"]
  severity          = "low"
  enforcement_level = "advisory"
  enforce {
    condition     = attrs.tags != null
    error_message = "${meta.address} has no tags"
  }
}
