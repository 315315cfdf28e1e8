// Package policy parses the policy language: HCL files (*.policy.hcl) of
// resource_policy blocks that say what every planned resource of a type
// must satisfy, file-level locals, and input blocks that parameterise a
// pack. It also parses policy tests (*.policytest.hcl). Evaluation lives in
// package engine; this package only turns files into a Pack, reporting
// every problem with file:line:column.
//
//	input "regions" {
//	  type        = list(string)
//	  default     = ["eu-west-1"]
//	  description = "Regions where PII may be stored."
//	}
//
//	locals {
//	  tags = try(attrs.tags, {})
//	}
//
//	resource_policy "aws_s3_bucket_server_side_encryption_configuration" "pii_bucket_kms" {
//	  description       = "Buckets that hold PII are encrypted with a customer-managed key"
//	  controls          = ["iso29151:10.1.1", "iso27701:A.7.4.9"]
//	  severity          = "high"       # low | medium | high | critical
//	  enforcement_level = "mandatory"  # advisory | mandatory | mandatory_overridable
//	  operations        = ["create", "update", "no-op"]
//	  filter            = meta.holds_pii
//	  locals { rule = attrs.rule[0].apply_server_side_encryption_by_default[0] }
//	  enforce {
//	    condition     = local.rule.sse_algorithm == "aws:kms"
//	    error_message = "${meta.address} holds PII but is not encrypted with KMS"
//	  }
//	}
//
// The first label of resource_policy is a resource type or a glob
// ("aws_s3_*", "*"). Expressions are kept unevaluated: they are evaluated
// per resource by the engine, with attrs, prior_attrs, meta, input and
// local in scope.
package policy
