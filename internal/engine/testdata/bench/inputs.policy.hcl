# The benchmark pack (make bench-policy, BenchmarkCheck): 30 policies in the
# style of a privacy pack, over the plans of internal/plangen. Most policies
# apply to the resources that hold PII (meta.holds_pii); a few read other
# resources through core::referrers and core::getresources; two apply to
# every type ("*").

input "regions" {
  type        = list(string)
  default     = ["eu-west-1", "eu-central-1"]
  description = "Regions where PII may be stored"
}

input "min_backup_retention_days" {
  type        = number
  default     = 7
  description = "Fewest days of automated backups of a database that holds PII"
}

input "max_log_retention_days" {
  type        = number
  default     = 400
  description = "Most days a log group that holds PII may keep its events"
}

input "min_password_length" {
  type        = number
  default     = 16
  description = "Shortest master password of a database"
}
