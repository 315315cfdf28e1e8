test "an encrypted PII volume passes" {
  resource "aws_ebs_volume" "records" {
    attrs = {
      availability_zone = "eu-west-1a"
      size              = 100
      type              = "gp3"
      encrypted         = true
      kms_key_id        = unknown
      snapshot_id       = unknown
      tags              = { data_classification = "personal" }
    }
  }
  expect "aws_ebs_volume_pii_encrypted" {
    result = "pass"
  }
}

test "an unencrypted PII volume fails" {
  resource "aws_ebs_volume" "records" {
    operation = "no-op"
    attrs = {
      availability_zone = "eu-west-1a"
      size              = 100
      encrypted         = false
      kms_key_id        = ""
      tags              = { data_classification = "personal" }
    }
  }
  expect "aws_ebs_volume_pii_encrypted" {
    result  = "fail"
    message = "^aws_ebs_volume.records holds PII but is not encrypted; set encrypted = true"
  }
}

test "a new volume that leaves encryption out is unknown" {
  resource "aws_ebs_volume" "records" {
    attrs = { availability_zone = "eu-west-1a", size = 100, encrypted = unknown, tags = { data_classification = "personal" } }
  }
  expect "aws_ebs_volume_pii_encrypted" {
    result = "unknown"
  }
}

test "encryption by default in the plan covers a new volume that leaves encryption out" {
  resource "aws_ebs_volume" "records" {
    attrs = { availability_zone = "eu-west-1a", size = 100, encrypted = unknown, tags = { data_classification = "personal" } }
  }
  resource "aws_ebs_encryption_by_default" "this" {
    attrs = { enabled = true, id = unknown }
  }
  expect "aws_ebs_volume_pii_encrypted" {
    resource = "aws_ebs_volume.records"
    result   = "pass"
  }
}

test "a volume without PII is not checked, unless assume_pii" {
  resource "aws_ebs_volume" "scratch" {
    attrs = { availability_zone = "us-east-1c", size = 1000, encrypted = false, tags = { Name = "scratch" } }
  }
  expect "aws_ebs_volume_pii_encrypted" {
    result = "not_applicable"
  }
}

test "with assume_pii an untagged volume is checked" {
  variables = { assume_pii = true }
  resource "aws_ebs_volume" "scratch" {
    attrs = { availability_zone = "us-east-1c", size = 1000, encrypted = false, tags = { Name = "scratch" } }
  }
  expect "aws_ebs_volume_pii_encrypted" {
    result  = "fail"
    message = "aws_ebs_volume.scratch is assumed to hold PII \\(assume_pii\\) but is not encrypted"
  }
}

test "a PII instance with encrypted volumes passes" {
  resource "aws_instance" "crm" {
    attrs = {
      ami               = "ami-0123456789abcdef0"
      instance_type     = "t3.medium"
      root_block_device = [{ device_name = unknown, encrypted = true, kms_key_id = unknown, volume_size = 20, volume_type = "gp3", volume_id = unknown }]
      ebs_block_device  = [{ device_name = "/dev/sdf", encrypted = true, kms_key_id = unknown, volume_size = 100, volume_type = "gp3", volume_id = unknown }]
      tags              = { data_classification = "personal" }
    }
  }
  expect "aws_instance_pii_volumes_encrypted" {
    result = "pass"
  }
}

test "a PII instance with unencrypted volumes names them" {
  # As aws_instance.instance_1 of a real plan, with a data volume added.
  resource "aws_instance" "crm" {
    operation = "no-op"
    attrs = {
      ami               = "ami-674cbc1e"
      instance_type     = "m5.4xlarge"
      root_block_device = [{ delete_on_termination = true, device_name = "/dev/xvda", encrypted = false, kms_key_id = "", volume_id = "vol-08c99249550e157d9", volume_size = 8, volume_type = "gp2" }]
      ebs_block_device = [
        { device_name = "/dev/sdf", encrypted = false, kms_key_id = "", volume_id = "vol-0a1", volume_size = 100, volume_type = "gp2" },
        { device_name = "/dev/sdg", encrypted = true, kms_key_id = "arn:aws:kms:us-east-1:123123123123:key/abcd", volume_id = "vol-0a2", volume_size = 100, volume_type = "gp2" },
      ]
      tags = { pii = "true" }
    }
  }
  expect "aws_instance_pii_volumes_encrypted" {
    result  = "fail"
    message = "^aws_instance.crm holds PII but the root volume, /dev/sdf are not encrypted; set encrypted = true in root_block_device"
  }
}

test "a new PII instance that leaves its volumes to the AMI is unknown, unless encryption by default is on" {
  resource "aws_instance" "crm" {
    attrs = { ami = "ami-674cbc1e", instance_type = "t3.medium", root_block_device = unknown, ebs_block_device = unknown, tags = { pii = "true" } }
  }
  expect "aws_instance_pii_volumes_encrypted" {
    result = "unknown"
  }
}

test "encryption by default covers a new PII instance" {
  resource "aws_instance" "crm" {
    attrs = { ami = "ami-674cbc1e", instance_type = "t3.medium", root_block_device = unknown, ebs_block_device = unknown, tags = { pii = "true" } }
  }
  resource "aws_ebs_encryption_by_default" "this" {
    attrs = { enabled = true }
  }
  expect "aws_instance_pii_volumes_encrypted" {
    resource = "aws_instance.crm"
    result   = "pass"
  }
}

test "an instance without PII is not checked" {
  resource "aws_instance" "bastion" {
    attrs = {
      ami               = "ami-674cbc1e"
      root_block_device = [{ device_name = "/dev/xvda", encrypted = false, volume_size = 8 }]
      ebs_block_device  = []
      tags              = { Name = "bastion" }
    }
  }
  expect "aws_instance_pii_volumes_encrypted" {
    result = "not_applicable"
  }
}

test "with assume_pii an untagged instance is checked" {
  variables = { assume_pii = true }
  resource "aws_instance" "bastion" {
    attrs = {
      ami               = "ami-674cbc1e"
      root_block_device = [{ device_name = "/dev/xvda", encrypted = false, volume_size = 8 }]
      ebs_block_device  = []
      tags              = { Name = "bastion" }
    }
  }
  expect "aws_instance_pii_volumes_encrypted" {
    result  = "fail"
    message = "the root volume is not encrypted"
  }
}
