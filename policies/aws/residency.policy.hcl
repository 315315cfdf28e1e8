# Data residency: data stores that hold PII stay in the allowed regions.
#
# A data store is a resource whose type is in aws_data_store_types. Its
# region is read from, in order: its region argument (every resource has one
# from AWS provider v6; S3 buckets had a computed one before), the region of
# its provider configuration, the region field of its ARN
# (arn:PARTITION:SERVICE:REGION:...), and its availability zone (EBS volumes,
# RDS and EC2 instances). A source that is unknown at plan time (the region
# of a new S3 bucket in provider v5, say) is skipped for the next one; when
# no source is known but one is unknown, the result is unknown. When the plan
# tells nothing at all (the provider takes its region from AWS_REGION, the
# resource is new), aws_pii_data_store_region_known reports it.

locals {
  # How messages say why the resource is checked.
  holds_phrase = meta.holds_pii ? "holds PII" : "is assumed to hold PII (assume_pii)"

  region_candidates = [
    { region = try(attrs.region, null), source = "its region argument" },
    { region = try(meta.provider_config.region, null), source = "its provider configuration" },
    { region = try(regex("^arn:[^:]+:[^:]+:([^:]*):", attrs.arn)[0], null), source = "its ARN" },
    { region = try(regex("^([a-z]{2}(?:-[a-z]+)+-[0-9]+)[a-z]$", attrs.availability_zone)[0], null), source = "its availability zone" },
  ]
  known_regions   = [for c in local.region_candidates : c if core::known(c.region) && c.region != null && c.region != ""]
  unknown_regions = [for c in local.region_candidates : c if !core::known(c.region)]
  region_told     = length(local.known_regions) > 0 || length(local.unknown_regions) > 0
  # A known region, else an unknown value, else null.
  region = (length(local.known_regions) > 0 ? local.known_regions[0].region
    : length(local.unknown_regions) > 0 ? local.unknown_regions[0].region
    : null
  )
  region_source = length(local.known_regions) > 0 ? local.known_regions[0].source : ""

  # The cheap test first: most resources hold no PII, and the engine stops
  # at the first false operand of &&.
  is_pii_data_store = (meta.holds_pii || input.assume_pii) && meta.mode == "managed" && contains(input.aws_data_store_types, meta.type)
}

resource_policy "aws_*" "aws_pii_data_store_region_allowed" {
  description       = "A data store that holds PII is located in one of the aws_allowed_regions (by default the AWS regions in the European Economic Area), and so are the replicas it declares (DynamoDB tables, Secrets Manager secrets)"
  controls          = ["iso27701:A.7.5.1", "iso27701:A.7.5.2", "iso27018:A.12.1"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = local.is_pii_data_store && local.region_told

  locals {
    # Replicas in other regions: replica blocks of DynamoDB tables
    # (region_name) and Secrets Manager secrets (region).
    replica_regions     = flatten([for k, replicas in attrs : [for r in replicas : try(r.region_name, r.region, "")] if k == "replica" && replicas != null])
    disallowed_replicas = [for r in local.replica_regions : r if r != null && r != "" && !contains(input.aws_allowed_regions, r)]
  }

  enforce {
    condition     = contains(input.aws_allowed_regions, local.region)
    error_message = "${meta.address} ${local.holds_phrase} in ${local.region} (from ${local.region_source}), which is not one of the allowed regions (${join(", ", input.aws_allowed_regions)}); create it in an allowed region, or add ${local.region} to aws_allowed_regions if transfers there have a lawful basis."
  }

  enforce {
    # Only these types declare replicas; the others skip the search.
    condition     = !contains(["aws_dynamodb_table", "aws_secretsmanager_secret"], meta.type) || length(local.disallowed_replicas) == 0
    error_message = "${meta.address} ${local.holds_phrase} and replicates it to ${join(", ", local.disallowed_replicas)}, outside the allowed regions (${join(", ", input.aws_allowed_regions)}); remove those replica blocks or add the regions to aws_allowed_regions if transfers there have a lawful basis."
  }
}

resource_policy "aws_*" "aws_pii_data_store_region_known" {
  description       = "The plan tells the region of every data store that holds PII (from its region argument, its provider configuration, its ARN or its availability zone), so that its residency can be checked"
  controls          = ["iso27701:A.7.5.1", "iso29151:8.1.1", "iso27018:A.12.1"]
  severity          = "low"
  enforcement_level = "advisory"
  filter            = local.is_pii_data_store

  enforce {
    condition     = local.region_told
    error_message = "${meta.address} ${local.holds_phrase} but the plan does not tell its region, so its residency cannot be checked; set region in the provider configuration (not only in AWS_REGION or a profile)."
  }
}
