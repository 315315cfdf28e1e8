# Logs: CloudWatch log groups that hold PII, and the CloudTrail trails that
# record who did what to the data stores holding PII.

locals {
  # How messages say why the resource is checked.
  holds_phrase = meta.holds_pii ? "holds PII" : "is assumed to hold PII (assume_pii)"
}

resource_policy "aws_cloudwatch_log_group" "aws_cloudwatch_log_group_pii_retention" {
  description       = "A log group that holds PII deletes its events after a bounded time: retention_in_days is set, above 0 and at most aws_max_log_retention_days (0 or no value keeps them for ever)"
  controls          = ["iso27701:A.7.4.7", "iso27701:A.7.4.8", "iso29151:A.7", "iso27018:A.5.1"]
  severity          = "medium"
  enforcement_level = "mandatory_overridable"
  filter            = meta.holds_pii || input.assume_pii

  locals {
    days = try(attrs.retention_in_days, null)
  }

  enforce {
    condition     = try(local.days > 0 && local.days <= input.aws_max_log_retention_days, false)
    error_message = "${meta.address} ${local.holds_phrase} but keeps its events ${coalesce(local.days, 0) == 0 ? "for ever (retention_in_days is not set)" : "for ${local.days} days, more than the ${input.aws_max_log_retention_days} allowed"}; set retention_in_days to a value between 1 and ${input.aws_max_log_retention_days}."
  }
}

resource_policy "aws_cloudwatch_log_group" "aws_cloudwatch_log_group_pii_kms" {
  description       = "A log group that holds PII is encrypted with a customer-managed KMS key (kms_key_id set) rather than only with the keys CloudWatch Logs manages itself"
  controls          = ["iso29151:12.4.2", "iso29151:10.1.2"]
  severity          = "medium"
  enforcement_level = "mandatory_overridable"
  filter            = meta.holds_pii || input.assume_pii

  locals {
    # A key created in the same plan: its ARN is known only after apply.
    kms_key_of_plan = length([for k in core::referenced("kms_key_id") : k if k.meta.type == "aws_kms_key"]) > 0
  }

  enforce {
    condition     = local.kms_key_of_plan || try(attrs.kms_key_id != null && attrs.kms_key_id != "", false)
    error_message = "${meta.address} ${local.holds_phrase} but has no kms_key_id; set kms_key_id to the ARN of a customer-managed KMS key whose key policy lets the logs service of the region use it."
  }
}

resource_policy "aws_cloudtrail" "aws_cloudtrail_log_file_validation" {
  description       = "A CloudTrail trail signs its log files (enable_log_file_validation = true) so that a deleted or altered record is detected; it applies to every trail of a plan that has a data store holding PII (any type of aws_data_store_types), to a trail that is itself tagged as holding PII, and to every trail when assume_pii is true, since the trail is the account's record of who read or changed that data"
  controls          = ["iso29151:12.4.2", "iso29151:12.4.1", "iso27018:A.11.3"]
  severity          = "high"
  enforcement_level = "mandatory_overridable"
  filter            = input.assume_pii || meta.holds_pii || local.plan_holds_pii

  locals {
    # Data stores of the plan that hold PII (all of them with assume_pii),
    # whatever their module.
    pii_stores = flatten([
      for t in input.aws_data_store_types : [
        for r in core::getresources(t, {}) : r.meta.address if(r.meta.holds_pii || input.assume_pii) && r.meta.operation != "delete"
      ]
    ])
    # Constant for the document, so computed once: calling a function on
    # the list for every trail would cost time in proportion to its length.
    plan_holds_pii = length(local.pii_stores) > 0
    # The first three stores, taken without converting the whole list:
    # functions convert a long list element by element, and HCL evaluates
    # both branches of a conditional.
    first_stores = [for i, a in local.pii_stores : a if i < 3]
    protects = (length(local.pii_stores) == 0 ? "the data stores of the account"
      : length(local.pii_stores) <= 3 ? join(", ", local.first_stores)
      : "${join(", ", local.first_stores)} and ${length(local.pii_stores) - 3} more"
    )
  }

  enforce {
    condition     = try(attrs.enable_log_file_validation, false) == true
    error_message = "${meta.address} records the access to PII (${local.protects}) but does not validate its log files, so an altered or deleted log file would go unnoticed; set enable_log_file_validation = true."
  }
}
