# Block storage that holds PII: EBS volumes, and the volumes of EC2
# instances that hold PII.
#
# A volume whose encrypted argument is left out shows it as unknown in the
# plan: it is encrypted when the account encrypts new volumes by default, or
# when its snapshot or AMI is encrypted. An aws_ebs_encryption_by_default
# with enabled = true in the plan settles it; otherwise the result is
# unknown. The default does not encrypt volumes that already exist, so a
# volume known to be unencrypted fails whatever the default.

locals {
  # How messages say why the resource is checked.
  holds_phrase = meta.holds_pii ? "holds PII" : "is assumed to hold PII (assume_pii)"

  default_encryption = length(core::getresources("aws_ebs_encryption_by_default", { enabled = true })) > 0
}

resource_policy "aws_ebs_volume" "aws_ebs_volume_pii_encrypted" {
  description       = "An EBS volume that holds PII is encrypted (encrypted = true, or left to an aws_ebs_encryption_by_default of the plan for a new volume)"
  controls          = ["iso29151:10.1.1"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii || input.assume_pii

  locals {
    encrypted = try(attrs.encrypted, null)
  }

  enforce {
    condition     = local.encrypted == true || (!core::known(local.encrypted) && local.default_encryption)
    error_message = "${meta.address} ${local.holds_phrase} but is not encrypted; set encrypted = true, with kms_key_id set to a customer-managed KMS key (an existing volume must be replaced by one made from an encrypted snapshot copy)."
  }
}

resource_policy "aws_instance" "aws_instance_pii_volumes_encrypted" {
  description       = "An EC2 instance that holds PII has an encrypted root volume and encrypted EBS block devices (encrypted = true in root_block_device and every ebs_block_device, or an aws_ebs_encryption_by_default of the plan for new volumes)"
  controls          = ["iso29151:10.1.1"]
  severity          = "high"
  enforcement_level = "mandatory"
  filter            = meta.holds_pii || input.assume_pii

  locals {
    # root_block_device holds one block; both lists are unknown on a new
    # instance that does not configure them (the AMI decides).
    root_encrypted  = try(attrs.root_block_device[0].encrypted, null)
    root_ok         = local.root_encrypted == true || (!core::known(local.root_encrypted) && local.default_encryption)
    ebs_devices_set = try(core::known(length(attrs.ebs_block_device)), false)
    ebs_ok = alltrue([
      for k, devices in attrs : alltrue([
        for d in devices : try(d.encrypted, null) == true || (!core::known(try(d.encrypted, null)) && local.default_encryption)
      ]) if k == "ebs_block_device" && local.ebs_devices_set
    ])
    unencrypted = concat(
      core::known(local.root_ok) && local.root_ok == false ? ["the root volume"] : [],
      flatten([
        for k, devices in attrs : [
          for d in devices : try(d.device_name, "an EBS block device") if core::known(try(d.encrypted, null)) && try(d.encrypted, null) != true
        ] if k == "ebs_block_device" && local.ebs_devices_set
      ]),
    )
  }

  enforce {
    condition     = local.root_ok && local.ebs_ok
    error_message = "${meta.address} ${local.holds_phrase} but ${join(", ", local.unencrypted)} ${length(local.unencrypted) == 1 ? "is" : "are"} not encrypted; set encrypted = true in root_block_device and every ebs_block_device (or enable aws_ebs_encryption_by_default before creating the instance)."
  }
}
