# An organisation's own catalog: a control of its internal privacy standard,
# mapped to a principle and the risks it treats, with a crosswalk to ISO/IEC 29151.
catalog "acme" {
  version = "2026"
  title   = "ACME privacy standard"
}

group "acme" "logs" {
  title = "Logging"
}

control "acme" "LOG-1" {
  title     = "Application logs hold no PII beyond 30 days"
  group     = "logs"
  principle = "use_retention_and_disclosure_limitation"
  objective = "Logs that may capture personal data expire after 30 days."
  treats    = ["over_retention"]
  reduces   = "likelihood"
  stages    = ["storage", "disposal"]
  related   = ["iso29151:12.4.1", "iso29151:A.7"]
}
