# Inputs of the azurerm policies.

input "azurerm_min_backup_retention_days" {
  type        = number
  default     = 7
  description = "The fewest days of automated backups (point-in-time restore) a database that holds PII keeps: Azure SQL databases, PostgreSQL and MySQL flexible servers, Cosmos DB accounts."
}

input "azurerm_allowed_locations" {
  type        = list(string)
  default     = ["westeurope", "northeurope", "francecentral", "francesouth", "germanywestcentral", "germanynorth", "swedencentral", "swedensouth", "norwayeast", "norwaywest", "italynorth", "polandcentral", "spaincentral"]
  description = "Azure regions where data stores that hold PII may be, in the provider's normalised form (lower case, no spaces: \"West Europe\" is westeurope). The default is the regions in the European Economic Area."
}
