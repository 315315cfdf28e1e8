// Package resultfmt renders a results.Report, the outcome of checking
// Terraform plans against privacy policies, for people and for machines.
// Write takes one of Formats:
//
//   - text: for terminals and CI logs (the default). Results are grouped by
//     document, then resource address; each resource shows its counts, and
//     every fail, error and unknown result in detail: status, policy,
//     severity, enforcement level, controls, the policy's file:line and the
//     messages, indented. Blocking results are marked [BLOCKING], failures
//     of overridden policies [overridden]. ANSI colour only with
//     Options.Color; control characters in user text are shown as escapes
//     such as \x1b. The output ends with the count line
//     ("results: 41 pass, 2 fail, 1 unknown") and a verdict line
//     ("result: 2 blocking failures (mandatory policies)" or
//     "result: no blocking failures").
//   - json: the schema below, for scripts.
//   - sarif: SARIF 2.1.0, for code-scanning services (see below).
//   - junit: JUnit XML, for CI test reports (see below).
//   - markdown: for pull-request comments and $GITHUB_STEP_SUMMARY (see
//     below).
//
// Every format renders a sorted copy of the report, so the same report
// always gives the same bytes; the report itself is not changed. No format
// prints a line of the form "N passed, N failed", which CI systems read as
// test results. Messages arrive redacted (sensitive values read
// "(sensitive)") and are written as they are, escaped only as each format
// requires.
//
// # JSON
//
// The object has these fields, always in this order and always present
// unless marked optional; arrays are [] rather than null when empty.
//
//	schema_version  1. Raised only when a field is removed or changes
//	                meaning; new fields may appear without a change.
//	tool            {"name": "terraform-provider-pii", "version": Options.Version}
//	documents       names of the plan and state files checked (those of
//	                the report and any its results name), sorted
//	summary         counts and outcome:
//	  pass, fail, error, unknown, not_applicable
//	                number of results with each status
//	  blocking      number of results that make the check fail
//	  strict        whether unknown results of mandatory policies block
//	  exit_code     the check command's exit status: 0, or 1 when
//	                blocking > 0
//	overridden      names of the mandatory_overridable policies the user
//	                overrode for this check
//	policies        every policy (those of the report and any its results
//	                name), sorted by name:
//	  name              policy name, unique
//	  description       optional
//	  controls          catalog control references, such as "iso29151:A.11.3"
//	  severity          "low", "medium", "high" or "critical"
//	  enforcement_level "advisory", "mandatory" or "mandatory_overridable"
//	  file, line        where the policy is declared
//	  resource_type     the resource type or glob the policy applies to
//	results         one per (policy, resource), sorted by document,
//	                resource address, then policy name:
//	  policy        the policy's name, a key into policies
//	  resource      the resource checked:
//	    address         resource address, such as module.a.aws_s3_bucket.b["x"]
//	    type            resource type
//	    document        the plan or state file it came from
//	    actions         planned actions, such as ["delete", "create"]
//	    operation       the operation the policy saw, such as "create"
//	    holds_pii       whether the resource carries PII
//	  status        "pass", "fail", "error", "unknown" or "not_applicable"
//	  blocking      whether this result makes the check fail
//	  overridden    whether it would block but its policy was overridden
//	  messages      why it failed, errored or is unknown; may be empty
//
// # SARIF
//
// One run. tool.driver is named "terraform-provider-pii", with
// Options.Version. Each policy is a rule: id the policy name,
// shortDescription the description, help where it is declared,
// defaultConfiguration.level the level its failures get, and properties
// controls, severity, enforcement_level, resource_type, file, line, tags
// (the controls) and security-severity (low 3.0, medium 5.5, high 8.0,
// critical 9.5). run.artifacts lists the documents.
//
// Only fail, error and unknown results are written, all of kind "fail";
// pass and not_applicable results are left out. The level of a fail is
// "error" for mandatory and mandatory_overridable policies and "warning"
// for advisory ones; an error is "error"; an unknown is "note", or "error"
// when it blocks (strict). A result's message is its messages joined by
// newlines; its location is the document (physicalLocation) and the
// resource address (a logicalLocation of kind "resource"). Properties give
// status, blocking, document, resource_type and operation;
// partialFingerprints["policyResource/v1"] hashes the policy, document and
// address, so a result keeps its identity across runs. A failure of an
// overridden policy carries an accepted external suppression.
//
// # JUnit
//
// A <testsuites> with one <testsuite> per policy file (name: the file),
// each with tool, version and strict properties, and one <testcase> per
// (policy, resource): classname the policy, name the resource address
// (prefixed "document: " when several documents were checked). A fail is a
// <failure type="fail">, an error an <error type="error">, an unknown that
// blocks (strict) a <failure type="unknown">; other unknowns are
// <skipped message="unknown: ...">, not_applicable results
// <skipped message="not applicable">. Failure and error bodies give the
// policy, resource, severity, enforcement, controls, whether it blocks,
// and the full messages. Suites and the root carry tests, failures, errors
// and skipped counts.
//
// # Markdown
//
// A heading with the verdict, the documents, a status × count table with
// the blocking count, a table of failures and errors (with blocking
// unknowns when strict; blocking rows first) and a collapsed <details>
// table of the other unknowns, then the count line. User text is escaped:
// <, > and & as entities, markdown punctuation with backslashes, newlines
// as <br>. The output stays under MarkdownLimit bytes: rows that do not
// fit are left out with a note saying how many ("… 120 more failures not
// shown; see the JSON or SARIF output").
package resultfmt
