# Processing activities: transfers, lawful basis, special categories, retention.

resource_policy "pii_processing_activity" "activity_transfers_safeguarded" {
  description       = "PII that leaves the home jurisdiction, sent to a recipient or stored or used abroad, goes by a transfer that names its country and relies on a safeguard that fits it"
  controls          = ["iso27701:A.7.5.1", "iso27701:A.7.5.2", "iso29151:13.2.2", "iso27018:A.12.1"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = length(try(attrs.transfer, [])) > 0 || length(local.abroad) > 0

  locals {
    transfers = [for t in try(attrs.transfer, []) : {
      recipient = coalesce(try(t.recipient, null), "an unnamed recipient")
      country   = try(t.country, null)
      mechanism = coalesce(try(t.mechanism, null), "(none)")
    }]
    no_country = [for t in local.transfers : "${t.recipient} (no country)" if t.country == null]
    # Abroad, "not_required" and no mechanism at all are not safeguards;
    # "adequacy" holds only where there is an adequacy decision. Where the
    # decision covers only some recipients, the message says which.
    unsafeguarded = [for t in local.transfers : "${t.recipient} in ${t.country} (mechanism ${t.mechanism}${lookup(input.partial_adequacy, coalesce(t.country, "-"), "") == "" ? "" : ": the adequacy decision for ${t.country} ${lookup(input.partial_adequacy, coalesce(t.country, "-"), "")}; confirm the recipient is covered and set mechanism \"adequacy\", or use mechanism \"scc\""})"
      if t.country != null && !contains(input.home_countries, coalesce(t.country, "-")) && (
        contains(["(none)", "none", "not_required"], t.mechanism) ||
        (t.mechanism == "adequacy" && !contains(input.adequate_countries, coalesce(t.country, "-")))
    )]
    # Storage and use abroad: PII kept or used there has left the home
    # jurisdiction, so a transfer to that country must say how. A block
    # may leave countries null.
    transfer_countries = [for t in local.transfers : t.country if t.country != null]
    abroad = concat(
      [for c in(try(attrs.storage.countries, null) == null ? [] : tolist(attrs.storage.countries)) : "stored in ${c}" if !contains(input.home_countries, c) && !contains(local.transfer_countries, c)],
      [for c in(try(attrs.use.countries, null) == null ? [] : tolist(attrs.use.countries)) : "used in ${c}" if !contains(input.home_countries, c) && !contains(local.transfer_countries, c)],
    )
  }

  enforce {
    condition     = length(local.no_country) == 0
    error_message = "${meta.address} transfers PII to ${join(", ", local.no_country)}: set country to the recipient's ISO 3166-1 alpha-2 code, so the safeguard can be checked."
  }

  enforce {
    condition     = length(local.unsafeguarded) == 0
    error_message = "${meta.address} transfers PII out of the home jurisdiction without a fitting safeguard: ${join("; ", local.unsafeguarded)}. Use mechanism \"adequacy\" only for a country with an adequacy decision (${join(", ", input.adequate_countries)}); otherwise \"scc\", \"bcr\" or, for occasional transfers, \"derogation\"."
  }

  enforce {
    condition     = length(local.abroad) == 0
    error_message = "${meta.address} has PII ${join(", ", local.abroad)}, outside the home jurisdiction, and no transfer goes there: add a transfer block for each such country, with the recipient (such as the hosting provider) and the safeguard it relies on, so that the record shows the transfer."
  }
}

resource_policy "pii_processing_activity" "activity_lawful_basis" {
  description       = "Every activity carried out as a controller states its lawful basis (GDPR Art. 6); a processor's activity relies on its controllers' basis and is not asked"
  controls          = ["iso27701:A.7.2.2", "iso29151:A.4"]
  severity          = "high"
  enforcement_level = "mandatory_overridable"
  # A processor acts on its controllers' instructions, under their basis,
  # which its record of processing (GDPR Art. 30(2)) does not state.
  filter = try(attrs.role, null) != "processor"

  enforce {
    condition     = try(attrs.legal_basis, null) != null
    error_message = "${meta.address} has no legal_basis: every processing needs a lawful basis (GDPR Art. 6(1)). Set legal_basis to \"consent\", \"contract\", \"legal_obligation\", \"vital_interests\", \"public_task\" or \"legitimate_interests\"; for processing done only on another's behalf, set role = \"processor\"."
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
  controls          = ["iso27701:A.7.4.7", "iso27701:A.7.4.8", "iso29151:A.7", "iso27018:A.10.3"]
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

resource_policy "pii_processing_activity" "processor_activity_controls" {
  description       = "An activity carried out as a processor has, in its scope, an implemented ISO/IEC 27701 Annex B or ISO/IEC 27018 control for each duty a processor owes its controllers: instructions, principals' requests, return or disposal, and, where they apply, transfers, sub-processors and breach notification"
  controls          = ["iso27701:B.8.2.2", "iso27701:B.8.3.1", "iso27701:B.8.4.2", "iso27701:B.8.5.1", "iso27701:B.8.5.7", "iso27018:A.3.1", "iso27018:A.2.1", "iso27018:A.10.3", "iso27018:A.12.1", "iso27018:A.11.12", "iso27018:A.10.1"]
  severity          = "high"
  enforcement_level = "mandatory_overridable"
  filter            = try(attrs.role, null) == "processor"

  locals {
    # The plan's controls in this activity's scope (organisation-wide, or
    # naming it); deleted ones have no status.
    scoped = [for c in core::getresources("pii_control", {}) : c.attrs
    if c.meta.operation != "delete" && (try(length(c.attrs.activities), 0) == 0 || contains(try(tolist(c.attrs.activities), []), attrs.id))]
    # Implemented controls by qualified id. "decided" holds only controls
    # whose status and scope are known; "implemented" holds them all, so it
    # is unknown while a control that might count is known only after apply.
    decided = [for c in local.scoped : try(c.id, "")
    if core::known(try(c.status, null)) && core::known(try(c.activities, null)) && try(c.status, null) == "implemented"]
    implemented = [for c in local.scoped : try(c.id, "") if try(c.status, null) == "implemented"]
    transfers   = try(attrs.transfer, [])
    # The duties, each with the controls that answer it. Breach
    # notification has no Annex B control: it is asked of activities that
    # some iso27018 control is in scope for.
    duties = concat(
      [
        { duty = "processing only on the controller's instructions", controls = ["iso27701:B.8.2.2", "iso27018:A.3.1"] },
        { duty = "helping the controller answer the principals' requests", controls = ["iso27701:B.8.3.1", "iso27018:A.2.1"] },
        { duty = "returning or disposing of the PII when the service ends", controls = ["iso27701:B.8.4.2", "iso27018:A.10.3"] },
      ],
      length(local.transfers) > 0 ? [
        { duty = "a basis for its transfers and the countries they go to", controls = ["iso27701:B.8.5.1", "iso27701:B.8.5.2", "iso27018:A.12.1"] },
      ] : [],
      length([for t in local.transfers : t if try(t.recipient_role, null) == "processor"]) > 0 ? [
        { duty = "telling the controller about its sub-processors and binding them to the same terms", controls = ["iso27701:B.8.5.6", "iso27701:B.8.5.7", "iso27018:A.8.1", "iso27018:A.11.12"] },
      ] : [],
      length([for c in local.scoped : c if startswith(try(c.id, ""), "iso27018:")]) > 0 ? [
        { duty = "notifying the controller of a breach", controls = ["iso27018:A.10.1"] },
      ] : [],
    )
    missing     = [for d in local.duties : "${d.duty} (${join(" or ", d.controls)})" if length(setintersection(d.controls, local.decided)) == 0]
    missing_any = [for d in local.duties : d.duty if length(setintersection(d.controls, local.implemented)) == 0]
  }

  enforce {
    condition     = length(local.missing) == 0 || length(local.missing_any) == 0
    error_message = "${meta.address} acts as a processor, but no implemented control in its scope answers ${join("; ", local.missing)}. Add a pii_control with status = \"implemented\" for one of the controls named, organisation-wide or listing this activity."
  }
}
