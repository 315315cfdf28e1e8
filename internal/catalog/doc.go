// Package catalog holds the privacy controls and the taxonomies that every
// check in this project is measured against.
//
// A catalog Set is built from HCL files: the built-in ones embedded in the
// binary (ISO/IEC 29151, ISO/IEC 27701 and ISO/IEC 27018 controls, the
// ISO/IEC 29100 principles, the risk categories and the PII category
// taxonomy) and, when a user asks for it, their own files in the same
// format. The top-level blocks are:
//
//	principle "consent_and_choice" { number, title, description }
//	risk_category "illegitimate_access" { title, description }
//	pii_category "special.health" { title, sensitivity, description }
//	catalog "iso29151" { version, title, description }
//	group "iso29151" "9" { title, parent }
//	control "iso29151" "9.2.1" { title, group, principle, objective, treats,
//	                             reduces, stages, related, role,
//	                             gdpr_articles, parent }
//
// Loading happens in two phases. Decoding turns each file into declarations
// that remember their source ranges; resolving checks the declarations
// together (duplicates, dangling references, cycles) and builds the Set.
// Problems are reported as hcl.Diagnostics that carry file:line:column, and
// where two places are involved (a duplicate), the detail names the other.
//
// A Set is immutable once built and safe for concurrent use. The built-in
// Set is parsed once per process (see Builtin).
//
// The package has no dependency on the Terraform plugin framework: the
// provider, the command line and the policy engine all adapt it.
package catalog
