# Inputs of the posture policies.

input "as_of" {
  type        = string
  default     = ""
  description = "The date review dates are compared with, as YYYY-MM-DD. Empty: the date of the check (UTC). Set it to check a plan as of an audit date, or to make results reproducible."
}

input "home_countries" {
  type        = list(string)
  default     = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK"]
  description = "The jurisdiction PII is collected in, as ISO 3166-1 alpha-2 codes: a transfer to one of these countries needs no safeguard. The default is the European Economic Area."
}

input "adequate_countries" {
  type        = list(string)
  default     = ["AD", "AR", "CA", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ", "US", "UY"]
  description = "Countries whose data protection the home jurisdiction has found adequate, so that a transfer there may rely on mechanism \"adequacy\". The default is the European Commission's adequacy decisions in force in 2025; several cover only some recipients (US: organisations certified under the Data Privacy Framework; CA: commercial organisations under PIPEDA; JP: the private sector)."
}

input "partial_adequacy" {
  type = map(string)
  default = {
    US = "covers only recipients certified under the EU-US Data Privacy Framework"
    CA = "covers only commercial organisations subject to PIPEDA"
    JP = "covers only private-sector organisations subject to the APPI"
    KR = "does not cover personal credit information processed by institutions the Financial Services Commission supervises"
  }
  description = "The adequacy decisions of adequate_countries that cover only some recipients, by country, each saying what it covers; a transfer without a fitting safeguard to one of these countries is told so. The default is the European Commission's partial decisions in force in 2025."
}
