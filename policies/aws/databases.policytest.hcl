test "a well configured PII database passes" {
  resource "aws_db_instance" "customers" {
    attrs = {
      identifier              = "customers"
      engine                  = "postgres"
      instance_class          = "db.t4g.medium"
      storage_encrypted       = true
      kms_key_id              = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
      publicly_accessible     = false
      backup_retention_period = 14
      deletion_protection     = true
      replicate_source_db     = null
      arn                     = unknown
      tags                    = { data_classification = "personal" }
    }
  }
  expect "aws_db_instance_pii_encrypted_cmk" {
    result = "pass"
  }
  expect "aws_db_instance_pii_not_public" {
    result = "pass"
  }
  expect "aws_db_instance_pii_backups" {
    result = "pass"
  }
  expect "aws_db_instance_pii_deletion_protection" {
    result = "pass"
  }
}

test "a database whose key is created in the same plan uses a customer-managed key" {
  # kms_key_id = aws_kms_key.customers.arn: unknown, as a key left to AWS is,
  # but the configuration says it is a key of the plan.
  resource "aws_kms_key" "customers" {
    attrs = { arn = unknown, key_id = unknown }
  }
  resource "aws_db_instance" "customers" {
    attrs = {
      identifier              = "customers"
      storage_encrypted       = true
      kms_key_id              = unknown
      publicly_accessible     = false
      backup_retention_period = unknown
      deletion_protection     = true
      replicate_source_db     = null
      tags                    = { data_classification = "personal" }
    }
    references = { kms_key_id = ["aws_kms_key.customers"] }
  }
  expect "aws_db_instance_pii_encrypted_cmk" {
    result = "pass"
  }
  expect "aws_db_instance_pii_backups" {
    result = "unknown"
  }
}

test "an unencrypted database without backups or deletion protection fails" {
  # As module.db.module.db_1...aws_db_instance.this[0] of a real plan.
  resource "aws_db_instance" "demodb" {
    operation = "update"
    attrs = {
      identifier              = "demodb"
      engine                  = "mysql"
      arn                     = "arn:aws:rds:us-east-1:123123123123:db:demodb"
      storage_encrypted       = false
      kms_key_id              = ""
      publicly_accessible     = false
      backup_retention_period = 0
      deletion_protection     = false
      replicate_source_db     = ""
      password                = sensitive("YourPwdShouldBeLongAndSecure!")
      tags                    = { Name = "demodb", data_classification = "sensitive" }
    }
    prior = { identifier = "demodb", backup_retention_period = 0 }
  }
  expect "aws_db_instance_pii_encrypted_cmk" {
    result  = "fail"
    message = "^aws_db_instance.demodb holds PII but its storage is not encrypted; set storage_encrypted = true and kms_key_id"
  }
  expect "aws_db_instance_pii_not_public" {
    result = "pass"
  }
  expect "aws_db_instance_pii_backups" {
    result  = "fail"
    message = "keeps automated backups for 0 days \\(backups are off\\); set backup_retention_period to at least 7"
  }
  expect "aws_db_instance_pii_deletion_protection" {
    result  = "fail"
    message = "set deletion_protection = true"
  }
}

test "a database encrypted with the AWS managed key fails" {
  resource "aws_db_instance" "customers" {
    attrs = {
      identifier        = "customers"
      storage_encrypted = true
      kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:alias/aws/rds"
      tags              = { data_classification = "personal" }
    }
  }
  expect "aws_db_instance_pii_encrypted_cmk" {
    result  = "fail"
    message = "is encrypted with the AWS managed key aws/rds \\(kms_key_id = \"arn:aws:kms:eu-west-1:111122223333:alias/aws/rds\"\\)"
  }
}

test "a publicly accessible PII database fails" {
  resource "aws_db_instance" "customers" {
    attrs = { identifier = "customers", publicly_accessible = true, tags = { data_classification = "personal" } }
  }
  expect "aws_db_instance_pii_not_public" {
    result  = "fail"
    message = "is publicly accessible.*set publicly_accessible = false"
  }
}

test "a read replica needs no backups of its own" {
  resource "aws_db_instance" "customers_replica" {
    attrs = {
      identifier              = "customers-replica"
      replicate_source_db     = "customers"
      backup_retention_period = 0
      tags                    = { data_classification = "personal" }
    }
  }
  expect "aws_db_instance_pii_backups" {
    result = "pass"
  }
}

test "the shortest backup retention is an input" {
  variables = { aws_min_backup_retention_days = 30 }
  resource "aws_db_instance" "customers" {
    attrs = { identifier = "customers", backup_retention_period = 14, replicate_source_db = null, tags = { data_classification = "personal" } }
  }
  expect "aws_db_instance_pii_backups" {
    result  = "fail"
    message = "keeps automated backups for 14 days; set backup_retention_period to at least 30"
  }
}

test "a database without PII is not checked" {
  resource "aws_db_instance" "metrics" {
    attrs = {
      identifier              = "metrics"
      storage_encrypted       = false
      kms_key_id              = ""
      publicly_accessible     = true
      backup_retention_period = 0
      deletion_protection     = false
      tags                    = { Name = "metrics" }
    }
  }
  expect "aws_db_instance_pii_encrypted_cmk" {
    result = "not_applicable"
  }
  expect "aws_db_instance_pii_not_public" {
    result = "not_applicable"
  }
  expect "aws_db_instance_pii_backups" {
    result = "not_applicable"
  }
  expect "aws_db_instance_pii_deletion_protection" {
    result = "not_applicable"
  }
}

test "with assume_pii an untagged database is checked" {
  variables = { assume_pii = true }
  resource "aws_db_instance" "metrics" {
    attrs = {
      identifier              = "metrics"
      storage_encrypted       = false
      kms_key_id              = unknown
      publicly_accessible     = true
      backup_retention_period = 1
      deletion_protection     = false
      replicate_source_db     = null
      tags                    = {}
    }
  }
  expect "aws_db_instance_pii_encrypted_cmk" {
    result  = "fail"
    message = "its storage is not encrypted"
  }
  expect "aws_db_instance_pii_not_public" {
    result = "fail"
  }
  expect "aws_db_instance_pii_backups" {
    result  = "fail"
    message = "for 1 days"
  }
  expect "aws_db_instance_pii_deletion_protection" {
    result = "fail"
  }
}

test "a well configured Aurora cluster with private instances passes" {
  resource "aws_rds_cluster" "customers" {
    attrs = {
      cluster_identifier      = "customers"
      engine                  = "aurora-postgresql"
      storage_encrypted       = true
      kms_key_id              = "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
      backup_retention_period = 7
      deletion_protection     = true
      publicly_accessible     = unknown
      tags                    = { data_classification = "personal" }
    }
  }
  resource "aws_rds_cluster_instance" "customers" {
    attrs      = { identifier = "customers-1", cluster_identifier = unknown, instance_class = "db.r6g.large", publicly_accessible = false }
    references = ["aws_rds_cluster.customers"]
  }
  expect "aws_rds_cluster_pii_encrypted_cmk" {
    resource = "aws_rds_cluster.customers"
    result   = "pass"
  }
  expect "aws_rds_cluster_pii_backups" {
    resource = "aws_rds_cluster.customers"
    result   = "pass"
  }
  expect "aws_rds_cluster_pii_deletion_protection" {
    resource = "aws_rds_cluster.customers"
    result   = "pass"
  }
  expect "aws_rds_cluster_pii_not_public" {
    resource = "aws_rds_cluster.customers"
    result   = "unknown"
  }
}

test "an Aurora cluster with a public instance fails" {
  resource "aws_rds_cluster" "customers" {
    attrs = { cluster_identifier = "customers", publicly_accessible = null, tags = { data_classification = "personal" } }
  }
  resource "aws_rds_cluster_instance" "customers_1" {
    attrs      = { identifier = "customers-1", cluster_identifier = unknown, publicly_accessible = false }
    references = ["aws_rds_cluster.customers"]
  }
  resource "aws_rds_cluster_instance" "customers_2" {
    attrs      = { identifier = "customers-2", cluster_identifier = unknown, publicly_accessible = true }
    references = ["aws_rds_cluster.customers"]
  }
  expect "aws_rds_cluster_pii_not_public" {
    resource = "aws_rds_cluster.customers"
    result   = "fail"
    message  = "its instances aws_rds_cluster_instance.customers_2 are publicly accessible"
  }
}

test "an unencrypted Aurora cluster with the default backups fails" {
  resource "aws_rds_cluster" "customers" {
    attrs = {
      cluster_identifier      = "customers"
      storage_encrypted       = false
      kms_key_id              = unknown
      backup_retention_period = 1
      deletion_protection     = false
      publicly_accessible     = null
      tags                    = { pii = "yes" }
    }
  }
  expect "aws_rds_cluster_pii_encrypted_cmk" {
    result  = "fail"
    message = "its storage is not encrypted"
  }
  expect "aws_rds_cluster_pii_backups" {
    result  = "fail"
    message = "keeps automated backups for 1 days; set backup_retention_period to at least 7"
  }
  expect "aws_rds_cluster_pii_deletion_protection" {
    result = "fail"
  }
  expect "aws_rds_cluster_pii_not_public" {
    result = "pass"
  }
}

test "an Aurora cluster without PII is not checked" {
  resource "aws_rds_cluster" "cache" {
    attrs = { cluster_identifier = "cache", storage_encrypted = false, tags = {} }
  }
  expect "aws_rds_cluster_pii_encrypted_cmk" {
    result = "not_applicable"
  }
  expect "aws_rds_cluster_pii_not_public" {
    result = "not_applicable"
  }
  expect "aws_rds_cluster_pii_backups" {
    result = "not_applicable"
  }
  expect "aws_rds_cluster_pii_deletion_protection" {
    result = "not_applicable"
  }
}

test "with assume_pii an untagged Aurora cluster is checked" {
  variables = { assume_pii = true }
  resource "aws_rds_cluster" "cache" {
    attrs = {
      cluster_identifier      = "cache"
      storage_encrypted       = true
      kms_key_id              = "alias/aws/rds"
      backup_retention_period = 35
      deletion_protection     = false
      publicly_accessible     = true
      tags                    = {}
    }
  }
  expect "aws_rds_cluster_pii_encrypted_cmk" {
    result  = "fail"
    message = "AWS managed key aws/rds"
  }
  expect "aws_rds_cluster_pii_backups" {
    result = "pass"
  }
  expect "aws_rds_cluster_pii_deletion_protection" {
    result = "fail"
  }
  expect "aws_rds_cluster_pii_not_public" {
    result  = "fail"
    message = "^aws_rds_cluster.cache is assumed to hold PII \\(assume_pii\\) but is publicly accessible; set publicly_accessible = false"
  }
}

test "a table encrypted with a customer key and point-in-time recovery passes" {
  resource "aws_dynamodb_table" "profiles" {
    attrs = {
      name                   = "profiles"
      billing_mode           = "PAY_PER_REQUEST"
      hash_key               = "user_id"
      arn                    = unknown
      server_side_encryption = [{ enabled = true, kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" }]
      point_in_time_recovery = [{ enabled = true, recovery_period_in_days = unknown }]
      tags                   = { data_classification = "personal" }
    }
  }
  expect "aws_dynamodb_table_pii_encrypted_cmk" {
    result = "pass"
  }
  expect "aws_dynamodb_table_pii_point_in_time_recovery" {
    result = "pass"
  }
}

test "a table with the default encryption and no point-in-time recovery fails" {
  # Neither block set: the provider shows both as computed.
  resource "aws_dynamodb_table" "profiles" {
    attrs = {
      name                   = "profiles"
      hash_key               = "user_id"
      server_side_encryption = unknown
      point_in_time_recovery = unknown
      tags                   = { data_classification = "personal" }
    }
  }
  expect "aws_dynamodb_table_pii_encrypted_cmk" {
    result  = "fail"
    message = "encrypted with a key that AWS owns.*set server_side_encryption \\{ enabled = true, kms_key_arn"
  }
  expect "aws_dynamodb_table_pii_point_in_time_recovery" {
    result  = "fail"
    message = "point-in-time recovery is off; set point_in_time_recovery \\{ enabled = true \\}"
  }
}

test "a table encrypted with the AWS managed key fails" {
  resource "aws_dynamodb_table" "profiles" {
    operation = "no-op"
    attrs = {
      name                   = "profiles"
      server_side_encryption = [{ enabled = true, kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:alias/aws/dynamodb" }]
      point_in_time_recovery = [{ enabled = false, recovery_period_in_days = 0 }]
      tags                   = { data_classification = "personal" }
    }
  }
  expect "aws_dynamodb_table_pii_encrypted_cmk" {
    result  = "fail"
    message = "AWS managed key aws/dynamodb"
  }
  expect "aws_dynamodb_table_pii_point_in_time_recovery" {
    result = "fail"
  }
}

test "a table whose key is created in the same plan uses a customer-managed key" {
  resource "aws_kms_key" "profiles" {
    attrs = { arn = unknown, key_id = unknown }
  }
  resource "aws_dynamodb_table" "profiles" {
    attrs = {
      name                   = "profiles"
      server_side_encryption = [{ enabled = true, kms_key_arn = unknown }]
      tags                   = { data_classification = "personal" }
    }
    references = { server_side_encryption = ["aws_kms_key.profiles"] }
  }
  expect "aws_dynamodb_table_pii_encrypted_cmk" {
    result = "pass"
  }
}

test "a table key known only after apply gives unknown" {
  resource "aws_dynamodb_table" "profiles" {
    attrs = {
      name                   = "profiles"
      server_side_encryption = [{ enabled = true, kms_key_arn = unknown }]
      tags                   = { data_classification = "personal" }
    }
  }
  expect "aws_dynamodb_table_pii_encrypted_cmk" {
    result = "unknown"
  }
}

test "a table without PII is not checked, unless assume_pii" {
  resource "aws_dynamodb_table" "locks" {
    attrs = { name = "terraform-locks", server_side_encryption = [], point_in_time_recovery = [], tags = {} }
  }
  expect "aws_dynamodb_table_pii_encrypted_cmk" {
    result = "not_applicable"
  }
  expect "aws_dynamodb_table_pii_point_in_time_recovery" {
    result = "not_applicable"
  }
}

test "with assume_pii an untagged table is checked" {
  variables = { assume_pii = true }
  resource "aws_dynamodb_table" "locks" {
    attrs = { name = "terraform-locks", server_side_encryption = [], point_in_time_recovery = [], tags = {} }
  }
  expect "aws_dynamodb_table_pii_encrypted_cmk" {
    result = "fail"
  }
  expect "aws_dynamodb_table_pii_point_in_time_recovery" {
    result = "fail"
  }
}
