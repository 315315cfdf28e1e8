# Access-control controls (ISO/IEC 29151 clause 9) that treat illegitimate access.
data "pii_catalog" "access_control" {
  group  = "9"
  treats = "illegitimate_access"
}

# ISO/IEC 27701 controls written for PII processors, found by text.
data "pii_catalog" "subcontracting" {
  catalog = "iso27701"
  search  = "subcontractor"
}

output "access_control_ids" {
  value = data.pii_catalog.access_control.ids
}

output "subcontracting_titles" {
  value = [for c in data.pii_catalog.subcontracting.controls : "${c.id} ${c.title}"]
}
