# Catalog lookups: which controls exist for each risk category, and the
# Annex A sub-controls this organisation added from its licensed copy of
# ISO/IEC 29151 (catalog.hcl).

variable "focus_control" {
  description = "An ISO/IEC 29151 control to look up."
  type        = string
  default     = "9.2.1"
}

locals {
  risk_categories = [
    "illegitimate_access", "unwanted_modification", "data_loss", "excessive_collection",
    "purpose_creep", "unlawful_processing", "over_retention", "inaccurate_data",
    "lack_of_transparency", "rights_not_honoured", "unlawful_transfer", "re_identification",
  ]
}

# Which ISO/IEC 29151 controls treat each risk category.
data "pii_catalog" "by_risk" {
  for_each = toset(local.risk_categories)
  treats   = each.key
}

# The Annex A sections, and the sub-controls this organisation added to them
# from its licensed copy of the standard (catalog.hcl).
data "pii_catalog" "annex_a" {
  group = "A"
}

data "pii_catalog_control" "focus" {
  id = var.focus_control
}
