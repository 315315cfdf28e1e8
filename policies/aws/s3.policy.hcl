# S3 buckets that hold PII.
#
# Every setting can be made inline on aws_s3_bucket (AWS provider v3, still
# accepted later) or by a split resource whose configuration refers to the
# bucket (aws_s3_bucket_server_side_encryption_configuration, _versioning,
# _lifecycle_configuration, _logging, _public_access_block: provider v4 and
# later). When a split resource exists it decides, as it does in AWS. In the
# plans of provider v4 and later a new bucket shows the inline blocks as
# unknown when they are not set: the provider fills them in with the S3
# defaults after apply, so an unknown inline block never counts as
# configured (core::known tells the two apart: a block set inline is a known
# list, even when a value inside it is unknown).
#
# try() gives an unknown result whenever its value holds an unknown anywhere,
# so it is only used here around single values (strings, numbers, bools);
# lists of blocks that may hold unknown values (a KMS key ARN, say) are read
# with `for k, v in OBJECT : ... if k == "NAME"` instead, which yields nothing
# when the attribute does not exist in the provider version of the plan.

locals {
  # How messages say why the resource is checked.
  holds_phrase = meta.holds_pii ? "holds PII" : "is assumed to hold PII (assume_pii)"

  # The split resources that configure this bucket, but those being deleted:
  # their bucket argument refers to it (an aws_s3_bucket_logging refers to
  # its log bucket by target_bucket, and does not log that one). A state
  # records dependencies, not arguments: there, a known bucket name that is
  # another bucket's leaves the resource out.
  bucket_name       = try(attrs.bucket, null)
  bucket_name_known = core::known(local.bucket_name) && local.bucket_name != null
  sse_configs = [
    for c in core::referrers("aws_s3_bucket_server_side_encryption_configuration", "bucket") : c
    if c.meta.operation != "delete" && !(local.bucket_name_known && core::known(try(c.attrs.bucket, null)) && try(c.attrs.bucket, null) != local.bucket_name)
  ]
  versioning_configs = [
    for c in core::referrers("aws_s3_bucket_versioning", "bucket") : c
    if c.meta.operation != "delete" && !(local.bucket_name_known && core::known(try(c.attrs.bucket, null)) && try(c.attrs.bucket, null) != local.bucket_name)
  ]
  lifecycle_configs = [
    for c in core::referrers("aws_s3_bucket_lifecycle_configuration", "bucket") : c
    if c.meta.operation != "delete" && !(local.bucket_name_known && core::known(try(c.attrs.bucket, null)) && try(c.attrs.bucket, null) != local.bucket_name)
  ]
  logging_configs = [
    for c in core::referrers("aws_s3_bucket_logging", "bucket") : c
    if c.meta.operation != "delete" && !(local.bucket_name_known && core::known(try(c.attrs.bucket, null)) && try(c.attrs.bucket, null) != local.bucket_name)
  ]
  access_blocks = [
    for c in core::referrers("aws_s3_bucket_public_access_block", "bucket") : c
    if c.meta.operation != "delete" && !(local.bucket_name_known && core::known(try(c.attrs.bucket, null)) && try(c.attrs.bucket, null) != local.bucket_name)
  ]

  # Versioning, used by the versioning and the expiration policies.
  versioning_statuses = [for c in local.versioning_configs : try(c.attrs.versioning_configuration[0].status, "")]
  inline_versioning   = try(attrs.versioning[0].enabled, null)
  versioning_enabled = (length(local.versioning_configs) > 0
    ? alltrue([for s in local.versioning_statuses : s == "Enabled"])
    : core::known(local.inline_versioning) && local.inline_versioning == true
  )
}

resource_policy "aws_s3_bucket" "aws_s3_bucket_pii_kms_encryption" {
  description       = "A bucket that holds PII encrypts its objects with AWS KMS (sse_algorithm aws:kms or aws:kms:dsse), inline or in an aws_s3_bucket_server_side_encryption_configuration that refers to it, rather than with the S3-managed AES256 default"
  controls          = ["iso29151:10.1.1", "iso29151:10.1.2"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii || input.assume_pii

  locals {
    kms_algorithms = ["aws:kms", "aws:kms:dsse"]
    split_algorithms = flatten([
      for c in local.sse_configs : [
        for k, rules in c.attrs : [for r in rules : try(r.apply_server_side_encryption_by_default[0].sse_algorithm, "")] if k == "rule" && rules != null
      ]
    ])
    # Inline, server_side_encryption_configuration and its rule hold one block each.
    inline_sse_set    = try(core::known(length(attrs.server_side_encryption_configuration)), false)
    inline_algorithms = compact([try(attrs.server_side_encryption_configuration[0].rule[0].apply_server_side_encryption_by_default[0].sse_algorithm, "")])
    uses_kms = (length(local.sse_configs) > 0
      ? length(local.split_algorithms) > 0 && alltrue([for a in local.split_algorithms : contains(local.kms_algorithms, a)])
      : local.inline_sse_set && length(local.inline_algorithms) > 0 && alltrue([for a in local.inline_algorithms : contains(local.kms_algorithms, a)])
    )
    current = (length(local.sse_configs) > 0
      ? join(", ", distinct([for a in local.split_algorithms : a == "AES256" ? "AES256 (SSE-S3)" : a if a != ""]))
      : local.inline_sse_set ? join(", ", distinct([for a in local.inline_algorithms : a == "AES256" ? "AES256 (SSE-S3)" : a if a != ""])) : ""
    )
  }

  enforce {
    condition     = local.uses_kms
    error_message = "${meta.address} ${local.holds_phrase} but ${local.current == "" ? "configures no server-side encryption, so S3 applies its default AES256 (SSE-S3)" : "is encrypted with ${local.current}"}; set sse_algorithm = \"aws:kms\" (or \"aws:kms:dsse\"), preferably with a customer-managed kms_master_key_id, in an aws_s3_bucket_server_side_encryption_configuration that refers to the bucket."
  }
}

resource_policy "aws_s3_bucket" "aws_s3_bucket_pii_public_access_blocked" {
  description       = "A bucket that holds PII has an aws_s3_bucket_public_access_block referring to it (or the plan has an aws_s3_account_public_access_block) with block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets all true"
  controls          = ["iso29151:9.4.1", "iso29151:9.1.1"]
  severity          = "critical"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii || input.assume_pii

  locals {
    flags          = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]
    account_blocks = [for b in core::getresources("aws_s3_account_public_access_block", {}) : b if b.meta.operation != "delete"]
    # An account-level block that blocks everything covers every bucket.
    account_blocks_all = anytrue([
      for b in local.account_blocks : alltrue([for f in local.flags : try(b.attrs[f], null) == true])
    ])
    bucket_blocks_all = alltrue(flatten([
      for b in local.access_blocks : [for f in local.flags : try(b.attrs[f], null) == true]
    ]))
    # Flags known to be left open by one of the bucket's blocks.
    open_flags = [
      for f in local.flags : f
      if anytrue([for b in local.access_blocks : core::known(try(b.attrs[f], null)) && try(b.attrs[f], null) != true])
    ]
  }

  enforce {
    condition     = length(local.access_blocks) > 0 || local.account_blocks_all
    error_message = "${meta.address} ${local.holds_phrase} but no aws_s3_bucket_public_access_block refers to it (and the plan has no aws_s3_account_public_access_block that blocks everything); add one with block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets = true."
  }

  enforce {
    condition     = local.bucket_blocks_all || local.account_blocks_all
    error_message = "${meta.address} ${local.holds_phrase} but its public access block leaves ${join(", ", local.open_flags)} unset or false; set block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets = true."
  }
}

resource_policy "aws_s3_bucket" "aws_s3_bucket_pii_versioning" {
  description       = "A bucket that holds PII keeps earlier versions of its objects (versioning enabled inline or by an aws_s3_bucket_versioning that refers to it), so that an overwrite or a deletion can be undone"
  controls          = ["iso29151:12.3.1"]
  severity          = "medium"
  enforcement_level = "advisory"
  filter            = meta.holds_pii || input.assume_pii

  enforce {
    condition     = local.versioning_enabled
    error_message = "${meta.address} ${local.holds_phrase} but ${length(local.versioning_configs) > 0 ? "its aws_s3_bucket_versioning sets status ${join(", ", local.versioning_statuses)}" : "versioning is not enabled"}; set versioning_configuration { status = \"Enabled\" } in an aws_s3_bucket_versioning that refers to the bucket (versioning { enabled = true } with AWS provider v3)."
  }
}

resource_policy "aws_s3_bucket" "aws_s3_bucket_pii_expiration" {
  description       = "A bucket that holds PII deletes objects at the end of their retention period: an enabled lifecycle rule (inline lifecycle_rule or in an aws_s3_bucket_lifecycle_configuration that refers to it) has an expiration with days or a date, and also expires noncurrent versions when versioning is enabled"
  controls          = ["iso27701:A.7.4.7", "iso27701:A.7.4.8", "iso29151:A.7", "iso27018:A.10.3"]
  severity          = "medium"
  enforcement_level = "mandatory_overridable"
  filter            = meta.holds_pii || input.assume_pii

  locals {
    # One { expires, noncurrent } object per enabled rule. expiration and
    # noncurrent_version_expiration hold one block at most; the split form
    # names the noncurrent age noncurrent_days, the inline form days.
    split_rules = flatten([
      for c in local.lifecycle_configs : [
        for k, rules in c.attrs : [
          for r in rules : {
            expires    = try(r.expiration[0].days > 0, false) || try(r.expiration[0].date != null && r.expiration[0].date != "", false)
            noncurrent = try(r.noncurrent_version_expiration[0].noncurrent_days > 0, false) || try(r.noncurrent_version_expiration[0].days > 0, false)
          } if try(r.status, "") == "Enabled"
        ] if k == "rule" && rules != null
      ]
    ])
    inline_rules_set = try(core::known(length(attrs.lifecycle_rule)), false)
    inline_rules = flatten([
      for k, rules in attrs : [
        for r in rules : {
          expires    = try(r.expiration[0].days > 0, false) || try(r.expiration[0].date != null && r.expiration[0].date != "", false)
          noncurrent = try(r.noncurrent_version_expiration[0].days > 0, false)
        } if try(r.enabled, false) == true
      ] if k == "lifecycle_rule" && local.inline_rules_set
    ])
    uses_split         = length(local.lifecycle_configs) > 0
    rules              = local.uses_split ? local.split_rules : local.inline_rules
    expires            = anytrue([for r in local.rules : r.expires])
    noncurrent_expires = anytrue([for r in local.rules : r.noncurrent])
  }

  enforce {
    condition     = local.expires
    error_message = "${meta.address} ${local.holds_phrase} but ${local.uses_split ? "no enabled rule of its aws_s3_bucket_lifecycle_configuration expires objects" : "no lifecycle rule expires its objects"}, so they are kept for ever; add a rule with status = \"Enabled\" and expiration { days = N } (or a date) in an aws_s3_bucket_lifecycle_configuration that refers to the bucket."
  }

  enforce {
    condition     = !local.versioning_enabled || local.noncurrent_expires
    error_message = "${meta.address} ${local.holds_phrase} and is versioned, but no enabled lifecycle rule expires noncurrent versions, so deleted and overwritten objects are kept for ever; add noncurrent_version_expiration { noncurrent_days = N } to an enabled rule."
  }
}

resource_policy "aws_s3_bucket" "aws_s3_bucket_pii_access_logging" {
  description       = "A bucket that holds PII records the requests made to it with server access logging (inline logging or an aws_s3_bucket_logging that refers to it)"
  controls          = ["iso29151:12.4.1", "iso27018:A.11.3"]
  severity          = "medium"
  enforcement_level = "mandatory_overridable"
  filter            = meta.holds_pii || input.assume_pii

  locals {
    inline_logging_set = try(core::known(length(attrs.logging)), false)
  }

  enforce {
    condition     = length(local.logging_configs) > 0 || (local.inline_logging_set && try(length(attrs.logging) > 0, false))
    error_message = "${meta.address} ${local.holds_phrase} but does not log the requests made to it; add an aws_s3_bucket_logging that refers to the bucket, with target_bucket set to a log bucket."
  }
}
