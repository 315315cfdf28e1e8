data "pii_catalog_control" "transmission" {
  catalog = "iso27701"
  id      = "A.7.4.9"
}

output "transmission" {
  value = {
    title     = data.pii_catalog_control.transmission.title
    principle = data.pii_catalog_control.transmission.principle
    treats    = data.pii_catalog_control.transmission.treats
    gdpr      = data.pii_catalog_control.transmission.gdpr_articles
    related   = data.pii_catalog_control.transmission.related
  }
}
