# Processing activities: transfers, special categories, retention.

resource_policy "pii_processing_activity" "activity_transfers_safeguarded" {
  description       = "A transfer of PII out of the home jurisdiction names its country and relies on a safeguard that fits it"
  controls          = ["iso27701:A.7.5.1", "iso27701:A.7.5.2", "iso29151:13.2.2"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = length(try(attrs.transfer, [])) > 0

  locals {
    transfers = [for t in attrs.transfer : {
      recipient = coalesce(try(t.recipient, null), "an unnamed recipient")
      country   = try(t.country, null)
      mechanism = coalesce(try(t.mechanism, null), "(none)")
    }]
    no_country = [for t in local.transfers : "${t.recipient} (no country)" if t.country == null]
    # Abroad, "not_required" and no mechanism at all are not safeguards;
    # "adequacy" holds only where there is an adequacy decision.
    unsafeguarded = [for t in local.transfers : "${t.recipient} in ${t.country} (mechanism ${t.mechanism})"
      if t.country != null && !contains(input.home_countries, coalesce(t.country, "-")) && (
        contains(["(none)", "none", "not_required"], t.mechanism) ||
        (t.mechanism == "adequacy" && !contains(input.adequate_countries, coalesce(t.country, "-")))
    )]
  }

  enforce {
    condition     = length(local.no_country) == 0
    error_message = "${meta.address} transfers PII to ${join(", ", local.no_country)}: set country to the recipient's ISO 3166-1 alpha-2 code, so the safeguard can be checked."
  }

  enforce {
    condition     = length(local.unsafeguarded) == 0
    error_message = "${meta.address} transfers PII out of the home jurisdiction without a fitting safeguard: ${join("; ", local.unsafeguarded)}. Use mechanism \"adequacy\" only for a country with an adequacy decision (${join(", ", input.adequate_countries)}); otherwise \"scc\", \"bcr\" or, for occasional transfers, \"derogation\"."
  }
}

resource_policy "pii_processing_activity" "activity_special_categories_safeguarded" {
  description       = "An activity on special categories of PII has access control (iso29151 group 9) and cryptography (group 10) controls implemented for it"
  controls          = ["iso29151:9.1.1", "iso29151:10.1.1", "iso29151:A.12"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = try(attrs.special_categories, false) == true

  locals {
    # The plan's controls, once per document; deleted ones have no status.
    controls = [for c in core::getresources("pii_control", {}) : c.attrs if c.meta.operation != "delete"]
    # Implemented controls in scope (organisation-wide, or naming this
    # activity), as catalog:group. "decided" counts only controls whose
    # status and scope are known; "groups" counts them all, so it is
    # unknown while a control that might count is known only after apply.
    decided = distinct([for c in local.controls : "${try(c.catalog, "")}:${try(c.group, "")}"
      if core::known(try(c.status, null)) && core::known(try(c.activities, null)) &&
    try(c.status, null) == "implemented" && (try(length(c.activities), 0) == 0 || contains(try(tolist(c.activities), []), attrs.id))])
    groups = distinct([for c in local.controls : "${try(c.catalog, "")}:${try(c.group, "")}"
    if try(c.status, null) == "implemented" && (try(length(c.activities), 0) == 0 || contains(try(tolist(c.activities), []), attrs.id))])
  }

  enforce {
    condition     = contains(local.decided, "iso29151:9") || contains(local.groups, "iso29151:9")
    error_message = "${meta.address} processes special categories of PII, but no implemented access-control control (iso29151 group 9, such as 9.1.1 or 9.4.1) is in its scope: add a pii_control with status = \"implemented\" that is organisation-wide or lists this activity."
  }

  enforce {
    condition     = contains(local.decided, "iso29151:10") || contains(local.groups, "iso29151:10")
    error_message = "${meta.address} processes special categories of PII, but no implemented cryptography control (iso29151 group 10: 10.1.1 or 10.1.2) is in its scope: add a pii_control with status = \"implemented\" that is organisation-wide or lists this activity."
  }
}

resource_policy "pii_processing_activity" "activity_retention_and_disposal" {
  description       = "Every activity says how long its PII is kept and how it is disposed of at the end"
  controls          = ["iso27701:A.7.4.7", "iso27701:A.7.4.8", "iso29151:A.7"]
  severity          = "medium"
  enforcement_level = "mandatory_overridable"

  enforce {
    condition     = try(attrs.retention, null) != null
    error_message = "${meta.address} has no retention: set retention to an ISO 8601 duration such as \"P6M\" or \"P7Y\"."
  }

  enforce {
    condition     = try(attrs.disposal.method, null) != null
    error_message = "${meta.address} has no disposal method: add a disposal block with method = \"deletion\", \"crypto_erasure\", \"anonymisation\", \"return\" or \"destruction\"."
  }
}
