# Inputs shared by every folder of the built-in pack. Set them with
# `check --var NAME=VALUE` or `--var-file FILE`.

input "assume_pii" {
  type        = bool
  default     = false
  description = "Treat every data store (buckets, databases, volumes, queues, logs, key vaults) as holding PII, whatever its tags say. For teams that have not tagged their resources or named them in processing activities yet: expect many findings."
}
