provider "pii" {
  # How much residual privacy risk is accepted: low, medium or high.
  risk_appetite = "medium"

  # A coverage gap stops the plan ("error") or is only reported ("warning").
  enforcement = "error"

  # From this many PII principals, processing counts as large scale.
  large_scale_threshold = 100000

  # Your own catalogs, controls and taxonomy entries, on top of the built-in ones.
  catalog_files = ["${path.module}/catalog.hcl"]
}
