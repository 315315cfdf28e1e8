# Inputs of the AWS policies. Set them with `check --var NAME=VALUE` or
# `--var-file FILE`.

input "aws_allowed_regions" {
  type        = list(string)
  default     = ["eu-central-1", "eu-west-1", "eu-west-3", "eu-north-1", "eu-south-1", "eu-south-2"]
  description = "AWS regions where PII may be stored. The default is the regions located in the European Economic Area (Frankfurt, Ireland, Paris, Stockholm, Milan, Spain); add a region only when a transfer there has a lawful basis."
}

input "aws_min_backup_retention_days" {
  type        = number
  default     = 7
  description = "The fewest days of automated backups an RDS instance or Aurora cluster holding PII keeps."
}

input "aws_max_log_retention_days" {
  type        = number
  default     = 400
  description = "The longest time, in days, a CloudWatch log group holding PII may keep its events."
}

input "aws_data_store_types" {
  type = list(string)
  default = [
    "aws_s3_bucket", "aws_s3_directory_bucket", "aws_glacier_vault",
    "aws_db_instance", "aws_rds_cluster", "aws_db_snapshot", "aws_db_snapshot_copy", "aws_db_cluster_snapshot",
    "aws_db_instance_automated_backups_replication", "aws_docdb_cluster", "aws_neptune_cluster", "aws_redshift_cluster",
    "aws_dynamodb_table", "aws_dynamodb_table_replica", "aws_elasticache_cluster", "aws_elasticache_replication_group",
    "aws_memorydb_cluster", "aws_opensearch_domain", "aws_elasticsearch_domain",
    "aws_ebs_volume", "aws_ebs_snapshot", "aws_ebs_snapshot_copy", "aws_efs_file_system", "aws_instance",
    "aws_backup_vault", "aws_cloudwatch_log_group", "aws_kinesis_stream", "aws_kinesis_firehose_delivery_stream",
    "aws_msk_cluster", "aws_sqs_queue", "aws_sns_topic", "aws_secretsmanager_secret",
  ]
  description = "AWS resource types that store PII when they hold it: the data-residency policy checks their region, and a CloudTrail trail is checked when the plan has one of them holding PII."
}
