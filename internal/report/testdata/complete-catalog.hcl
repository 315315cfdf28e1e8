# Annex A sub-controls an organisation adds from its licensed copy of
# ISO/IEC 29151 (the standard's own sub-control ids and wording are not
# shipped with the provider). A sub-control names its section as parent and
# inherits the section's group, principle and risk mapping unless it says
# otherwise.

control "iso29151" "A.3.1" {
  title     = "Obtain consent before collection"
  parent    = "A.3"
  objective = "Consent is asked for in plain words before any PII is collected for a purpose that relies on it."
}

control "iso29151" "A.7.1" {
  title     = "Retention schedule per purpose"
  parent    = "A.7"
  objective = "Each purpose has a written retention period, and storage enforces it."
  treats    = ["over_retention"]
  stages    = ["storage", "disposal"]
}

pii_category "financial.loyalty_points" {
  title       = "Loyalty points balance"
  sensitivity = "low"
  description = "Points earned in the loyalty programme."
}
