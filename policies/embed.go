// Package policies embeds the built-in policy pack, which the check and
// test commands use when no --policy-dir is given. The pack itself is the
// *.policy.hcl files beside this file, with their *.policytest.hcl tests.
package policies

import "embed"

// FS holds every policy and policy test file of the pack.
//
//go:embed */*.hcl
var FS embed.FS
