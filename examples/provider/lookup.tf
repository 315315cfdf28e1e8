# Not shown in the documentation: makes the example's plan configure the
# provider and read the organisation's own catalog.
data "pii_catalog_control" "log_retention" {
  catalog = "acme"
  id      = "LOG-1"
}

output "log_retention_treats" {
  value = data.pii_catalog_control.log_retention.treats
}
