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
