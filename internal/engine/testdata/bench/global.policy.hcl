# Policies for every resource type that holds PII.

locals {
  tags = can(keys(attrs.tags)) ? attrs.tags : {}
}

resource_policy "*" "pii_region" {
  description       = "Resources that hold PII stay in the allowed regions"
  controls          = ["iso27701:A.7.5.1", "iso29151:A.12"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii && can(attrs.region)

  enforce {
    condition     = contains(input.regions, attrs.region)
    error_message = "${meta.address} holds PII in ${attrs.region}, outside ${join(", ", input.regions)}."
  }
}

resource_policy "*" "pii_owner_tag" {
  description       = "Resources that hold PII name their owner"
  controls          = ["iso29151:8.1.2"]
  severity          = "low"
  enforcement_level = "advisory"
  filter            = meta.holds_pii && can(attrs.tags_all)

  enforce {
    condition     = lookup(local.tags, "owner", "") != ""
    error_message = "${meta.address} holds PII but has no owner tag (tags: ${join(", ", keys(local.tags))})."
  }
}
