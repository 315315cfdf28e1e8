# Data residency: Google Cloud data stores that hold PII stay in the
# locations of input.google_allowed_locations (by default, the European
# Economic Area), compared without regard to case (buckets store "EU" and
# "EUROPE-WEST1" in upper case).
#
# Where each store keeps its data: a bucket's location and, for a custom
# dual-region, its data_locations; a dataset's, AlloyDB cluster's, log
# bucket's or Firestore database's location; a Cloud SQL instance's,
# Memorystore instance's or regional disk's region, else the provider's
# region; a disk's, Filestore instance's or Bigtable cluster's zone, as a
# region; a Spanner instance's configuration; the regions a Pub/Sub topic
# may persist messages in.

locals {
  # How messages say why the resource is checked.
  holds_phrase = meta.holds_pii ? "holds PII" : "is assumed to hold PII (assume_pii)"

  store_types = [
    "google_storage_bucket",
    "google_bigquery_dataset",
    "google_sql_database_instance",
    "google_spanner_instance",
    "google_firestore_database",
    "google_bigtable_instance",
    "google_alloydb_cluster",
    "google_redis_instance",
    "google_filestore_instance",
    "google_compute_disk",
    "google_compute_region_disk",
    "google_logging_project_bucket_config",
    "google_pubsub_topic",
  ]

  # Objects, tables and databases are stored where their bucket, dataset
  # or instance is: the store holds PII when one of them does.
  pii_children = [for r in flatten([
    core::referrers("google_storage_bucket_object"),
    core::referrers("google_bigquery_table"),
    core::referrers("google_sql_database"),
    core::referrers("google_spanner_database"),
    core::referrers("google_bigtable_table"),
    core::referrers("google_pubsub_subscription"),
  ]) : r.meta.address if r.meta.holds_pii]

  # Cloud SQL labels are settings[0].user_labels, which meta.holds_pii does
  # not read.
  user_labels = try(attrs.settings[0].user_labels, null)
  labelled_pii = anytrue([for k in flatten([for l in [local.user_labels] : keys(l) if core::known(l) && l != null]) :
    (contains(["pii", "contains_pii", "personal_data"], lower(k)) && contains(["true", "yes", "1"], lower(trimspace(coalesce(local.user_labels[k], ""))))) ||
    (contains(["data_classification", "data-classification", "dataclassification", "classification"], lower(k)) &&
    contains(["pii", "personal", "personal_data", "sensitive", "special"], lower(trimspace(coalesce(local.user_labels[k], "")))))
  ])
}

resource_policy "google_*" "google_data_residency" {
  description       = "A Google Cloud data store that holds PII keeps it in an allowed location"
  controls          = ["iso27701:A.7.5.1", "iso27701:A.7.5.2", "iso29151:18.1.1", "iso27018:A.12.1"]
  severity          = "high"
  enforcement_level = "mandatory_overridable"
  filter            = contains(local.store_types, meta.type) && (meta.holds_pii || input.assume_pii || local.labelled_pii || length(local.pii_children) > 0)

  locals {
    # A region or zone the resource does not set is the provider's
    # (meta.provider_config, when the plan can resolve it).
    region           = try(attrs.region, null)
    provider_region  = try(meta.provider_config.region, null)
    own_region       = core::known(local.region) && local.region != null
    effective_region = local.own_region ? local.region : (local.provider_region != null ? local.provider_region : local.region)
    zone             = try(attrs.zone, null)
    provider_zone    = try(meta.provider_config.zone, null)
    effective_zone   = core::known(local.zone) && local.zone != null ? local.zone : (local.provider_zone != null ? local.provider_zone : local.zone)
    zonal            = "^[a-z]+-[a-z]+[0-9]+-[a-z]$"

    declared = {
      google_storage_bucket                = try(concat([attrs.location], flatten([for c in attrs.custom_placement_config : c.data_locations])), [])
      google_bigquery_dataset              = try([attrs.location], [])
      google_alloydb_cluster               = try([attrs.location], [])
      google_logging_project_bucket_config = try([attrs.location], [])
      google_firestore_database            = try([attrs.location_id], [])
      google_sql_database_instance         = [local.effective_region]
      google_redis_instance                = [local.effective_region]
      google_compute_region_disk           = [local.effective_region]
      google_compute_disk = [local.effective_zone == null ? null : (
        length(regexall(local.zonal, local.effective_zone)) > 0 ? substr(local.effective_zone, 0, length(local.effective_zone) - 2) : local.effective_zone
      )]
      google_filestore_instance = try([length(regexall(local.zonal, attrs.location)) > 0 ? substr(attrs.location, 0, length(attrs.location) - 2) : attrs.location], [])
      google_bigtable_instance = try([for c in attrs.cluster :
      length(regexall(local.zonal, c.zone)) > 0 ? substr(c.zone, 0, length(c.zone) - 2) : c.zone], [])
      # "regional-europe-west1", "eur3", or a full instanceConfigs name.
      google_spanner_instance = try([trimprefix(element(split("/", attrs.config), length(split("/", attrs.config)) - 1), "regional-")], [])
      google_pubsub_topic     = try(flatten([for p in attrs.message_storage_policy : p.allowed_persistence_regions]), [])
    }
    locations = distinct([for l in local.declared[meta.type] : l if l != null && l != ""])
    allowed   = [for l in input.google_allowed_locations : lower(l)]
    outside   = [for l in local.locations : l if !contains(local.allowed, lower(l))]
  }

  enforce {
    condition     = length(local.locations) > 0 && length(local.outside) == 0
    error_message = "${meta.address} ${local.holds_phrase} %{if length(local.locations) == 0}%{if meta.type == "google_pubsub_topic"}and may persist messages in any region: set message_storage_policy { allowed_persistence_regions = [...] } to allowed regions%{else}but no location can be found for it: set its location or region%{endif}%{else}in ${join(", ", local.outside)}, outside the allowed locations (${join(", ", input.google_allowed_locations)}): move it to an allowed location%{endif}, or add the location to input google_allowed_locations once the transfer has a legal basis (adequacy decision or appropriate safeguards)."
  }
}
