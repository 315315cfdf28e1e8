// Package policies embeds the built-in policy pack, which the check and
// test commands use when no --policy-dir is given. The pack itself is the
// *.policy.hcl files beside this file, with their *.policytest.hcl tests.
package policies

import "embed"

// FS holds every policy and policy test file of the pack: the pack-wide
// inputs at the top, the policies in one folder per provider (posture for
// the pii_* resources themselves).
//
//go:embed *.hcl */*.hcl
var FS embed.FS
