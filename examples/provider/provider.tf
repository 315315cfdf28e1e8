provider "pii" {
  # How much residual privacy risk is accepted: low, medium or high.
  risk_appetite = "medium"

  # A coverage gap stops the plan ("error") or is only reported ("warning").
  enforcement = "error"

  # From this many PII principals, processing counts as large scale.
  large_scale_threshold = 100000

  # Your own catalogs, controls and taxonomy entries, on top of the built-in ones.
  catalog_files = ["${path.module}/catalog.hcl"]

  # Who the records of processing name, and where processing needs no transfer.
  organization = {
    name         = "Acme Retail Ltd"
    contact      = "privacy@acme.example, 1 Market Street, Dublin"
    dpo_contact  = "dpo@acme.example"
    jurisdiction = "EEA"

    # Acme is a controller only: the controls for processors are out of scope.
    roles               = ["controller"]
    scope_justification = "Acme processes PII only for its own purposes and hosts no one else's."
  }
}
