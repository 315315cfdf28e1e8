# A user's own catalog file: Annex A sub-controls from their licensed copy
# of ISO/IEC 29151, refining the built-in section controls, and a taxonomy
# entry of their own.
control "iso29151" "A.3.1" {
  title     = "Obtain consent before collection"
  parent    = "A.3"
  objective = "Consent is asked for before PII is collected, in plain words."
}

control "iso29151" "A.7.1" {
  title  = "Limit use to the stated purposes"
  parent = "A.7"
  treats = ["purpose_creep"]
  stages = ["use"]
}

pii_category "financial.crypto_wallet" {
  title       = "Crypto-asset wallet address"
  sensitivity = "high"
  description = "Addresses that can link payments to a person."
}

catalog "internal" {
  version = "1"
  title   = "Internal privacy standard"
}

group "internal" "ret" {
  title = "Retention"
}

control "internal" "RET-1" {
  title     = "Logs hold no PII beyond 30 days"
  group     = "ret"
  principle = "use_retention_and_disclosure_limitation"
  treats    = ["over_retention"]
  reduces   = "likelihood"
  related   = ["iso29151:A.7", "iso27701:A.7.4.7"]
}
