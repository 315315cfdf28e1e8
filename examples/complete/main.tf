# The complete example: what a privacy team declares next to its
# infrastructure. This version reads the control catalogs; the processing
# activities, controls and risk assessments that use them come next.

terraform {
  required_version = ">= 1.8"
  required_providers {
    pii = {
      source = "privacycode/pii"
    }
  }
}

provider "pii" {
  risk_appetite = "medium"
  catalog_files = ["${path.module}/catalog.hcl"]
}

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

output "controls_per_risk_category" {
  value = { for k, d in data.pii_catalog.by_risk : k => length(d.ids) }
}

output "annex_a" {
  value = [for c in data.pii_catalog.annex_a.controls : "${c.id} ${c.title}"]
}

output "focus_control" {
  value = "${data.pii_catalog_control.focus.ref} ${data.pii_catalog_control.focus.title} (${data.pii_catalog_control.focus.principle}; treats ${join(", ", data.pii_catalog_control.focus.treats)})"
}
