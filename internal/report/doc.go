// Package report renders a privacy posture (package posture) as documents
// people read: auditors, DPOs and managers rather than plan JSON. Each
// format is its own file and works from the same model, so they say the
// same things; Write picks one by name (Formats).
//
// # html (the default)
//
// One self-contained file built with html/template, whose contextual
// escaping makes every value from a document text, never markup: inline
// CSS, inline SVG, no script, no font, image or link to the network (the
// page's Content-Security-Policy forbids loading anything). Sections:
//
//   - Summary: activities (and how many need an impact assessment),
//     controls by status, risks by inherent and residual level and by
//     coverage, the number of gaps and a table of them, a heat map of all
//     risks (counts per cell), and notes on resources left out because the
//     plan deletes them and on values shown as markers.
//   - Records of processing (GDPR Art. 30(1)): one row per activity with
//     purposes, legal basis (and the Art. 9(2) condition), PII categories
//     and sensitivity, principals, recipients, transfers with country,
//     mechanism and whether they leave the EEA, retention, security
//     measures, whether an impact assessment is required, and the Art. 30
//     record: complete, or each item not stated with what to set. The
//     organisation (controller or processor, contact, DPO) of each
//     document comes first, "not stated" where the plan does not give it.
//   - Life cycles: per activity an SVG of collection → storage → use →
//     transfer → disposal, with the systems (and source, countries,
//     recipients, disposal method) at each stage; a stage the activity does
//     not declare is grey and dashed.
//   - Risk assessments: per assessment a 4×4 heat map (likelihood ×
//     impact, negligible to maximum) with each risk's inherent position
//     (hollow), residual position (filled) and an arrow for the move; the
//     table of risks (with each risk's risk_source and rationale); and the coverage matrix of risks × selected
//     controls: effective, partial or no effect (with the reason).
//   - Statement of Applicability: every catalog control with its status,
//     justification, owner, evidence and the pii_control resources that
//     declare it. Controls for a role that organization.roles leaves out
//     are one note per catalog with the scope justification and a
//     collapsed list; a declared one stays a row, flagged.
//   - Policy results, when Options.Check holds them.
//
// Tables are semantic (caption, th with scope) and scroll sideways inside
// their wrapper on a narrow screen; text without spaces wraps inside its
// cell and a caption stays within its wrapper's width; every figure is an SVG with
// role="img", labelled by its title and description. Print CSS keeps
// colours and avoids breaking figures and rows. Drawings that every figure
// shares (the heat map grid, the frames of the life-cycle boxes, the
// numbered markers) are drawn once in a hidden defs block and used by
// reference, which keeps a report of 500 activities and 3,000 risks near
// 4.5 MB.
//
// # markdown
//
// The same content for a pull-request comment, in GitHub-flavoured
// Markdown (heat maps as tables, the coverage matrices and unaddressed
// controls in collapsed details), within MarkdownLimit bytes. A longer
// report loses whole rows and sections, the least important first (gaps
// and policy failures are kept longest, then the records of processing,
// the assessments, the life cycles and the statement), with a note at the
// top and a note where rows were left out pointing to the HTML and JSON
// reports: never silently. User text is escaped: HTML characters become
// entities and Markdown punctuation is backslash-escaped.
//
// # csv
//
// The records of processing, RFC 4180 (encoding/csv, CRLF line ends), with
// the columns of CSVColumns: one row per activity (record "activity") and
// one per transfer (record "transfer"), which repeats the activity's
// columns and fills the transfer_ ones. Lists are one cell, items separated
// by "; ". A cell that starts with =, +, -, @, a tab or a carriage return
// gets a leading apostrophe, so that a spreadsheet never runs it as a
// formula. The organisation's columns, the Art. 30 record's and the
// document's timestamp and Terraform version repeat on every row; the
// timestamp is empty for a state, which has none.
//
// # json
//
// The posture model itself, indented, with schema_version (SchemaVersion,
// 1), generator {name, version}, generated (when given), title, empty (and
// a note when empty), then the Posture's fields: documents, activities,
// controls, assessments, catalogs, statement_of_applicability, gaps,
// skipped, scope and summary, as their json tags name them (see package posture),
// and policy_results {summary, counts, blocking, results} with --with-check.
// A known value is a JSON string, number or bool; a value not set is null;
// a value unknown at plan time is the string "(known after apply)" and a
// sensitive one "(sensitive)". Fields are only added within a schema
// version.
//
// # oscal-ssp
//
// An OSCAL 1.1.3 (OSCALVersion) system-security-plan, JSON:
//
//   - metadata: the title, last-modified and version (the documents'
//     time, see below), oscal-version, props document-timestamp and
//     terraform-version per document (its name as remarks) and
//     scope-excluded-role per role out of scope (the justification as
//     remarks), both documents alike; the roles activity-owner and
//     control-owner, one party (an organisation) per owner named, and the
//     responsible parties of each role.
//   - import-profile: "#" and the UUID of a back-matter resource that
//     names the catalogs (id, version and title only: ISO text is
//     copyrighted, and nothing is fetched).
//   - system-characteristics: a system id (a UUIDv5 of the system's name,
//     the report's title), the name, a description, the
//     security-sensitivity-level (the highest of the activities), one
//     information type per pii_processing_activity (its purposes, legal
//     basis, categories, principals, retention and transfers; its PII
//     categories as information-type-ids; a confidentiality impact from
//     its sensitivity: low → fips-199-low, medium → fips-199-moderate, high
//     and special → fips-199-high), the status and the authorization
//     boundary (the systems the activities name).
//   - system-implementation: a user for the owners and the this-system
//     component.
//   - control-implementation: one implemented requirement per pii_control,
//     in document order. Its control-id is the qualified id as an OSCAL
//     token (controlToken: lower case, the colon a hyphen:
//     iso27701:A.7.2.1 → iso27701-a.7.2.1), the original in a control-id
//     prop; the status an implementation-status prop and the by-component's
//     implementation-status (implemented, partial, planned, alternative,
//     not-applicable); one statement (statement-id token_smt) whose
//     by-component description is the implementation, or the justification
//     of a control that is not applicable (both for an alternative); the
//     owner a control-owner responsible role with its party; the evidence
//     links with rel "evidence": a URL or URN as it is, anything else (a
//     document id, a Terraform address) "#" and the UUID of a back-matter
//     resource titled with the text, one per distinct text.
//
// With Options.Verification (--with-check), each implemented requirement
// of a control that claims to be implemented, partial or alternative also
// has a verification-status prop (verified, contradicted, unknown or
// unverified, as package verification words them), a remark that says why,
// and one link per resource of the infrastructure that its implementing
// policies checked or its evidence names: rel contradicted-by (a failing
// result, evidence planned for deletion or missing from its document),
// else checked-by (a result unknown or an error), else verified-by (every
// result passes), with the results as the link's text. The link's target
// is "#" and the UUID of a back-matter resource titled with the address
// qualified by its document's label (storage:aws_s3_bucket.backups), with
// props resource-address, document-label and document, and an rlink to the
// resource's URN (urn:privacycode:pii:resource: and the qualified address,
// percent-encoded where a URI needs it). A back-matter resource of
// evidence that is an address gets an evidence-state prop (found,
// planned_for_deletion, missing, not_found) and rlinks to the URNs of the
// resources found for it. The control implementation's description counts
// the controls by verification.
//
// OSCAL requires an information type and an implemented requirement:
// without activities or controls, one placeholder of each says so (prop
// placeholder, control-id no-control-declared).
//
// # oscal-ar
//
// OSCAL 1.1.3 assessment-results, JSON: metadata (roles assessor,
// approver, risk-acceptor and their parties), import-ap ("#" and a
// back-matter resource that says what was assessed: there is no separate
// assessment plan), and one result that starts at the documents' time,
// with the tool as a local component, and:
//
//   - reviewed-controls: the controls selected for the assessed risks and
//     those the policies implement.
//   - findings, with Options.Check: one per policy result, whose target is
//     the statement (token_smt) of the policy's first control (a policy
//     without controls: objective-id policy.NAME); pass and not_applicable
//     satisfy it, fail, error and unknown do not; props hold the raw
//     status, policy, resource, document, severity, enforcement level,
//     whether it blocks and the controls; the description the (redacted)
//     messages.
//   - risks: one per assessed risk of every pii_risk_assessment, with two
//     characterizations whose prop risk-adjustment is "initial" (the
//     assessor's inherent ratings) or "adjusted" (the residual ones the
//     provider computes; none when the risk is avoided), each with the
//     facets likelihood, impact, score and level (system
//     urn:privacycode:pii:risk-scale); the effective controls as
//     mitigating factors pointing to the security plan's implemented
//     requirement; the treatment, planned controls and, for gaps,
//     suggested controls as remediations. Its
//     status follows the coverage (riskStatus): covered, avoided or
//     transferred → closed; accepted → deviation-approved; uncovered or
//     partially covered → remediating when a selected control is planned,
//     else open; unknown → investigating.
//
// With Options.Verification (--with-check) the result also has:
//
//   - observations, for every claimed control: one per implementing policy
//     evaluated on resources in its scope (method TEST; subjects the
//     resources, type resource, each with its result as a status prop) and
//     one per evidence entry that is an address (method EXAMINE; subjects
//     the resources found for it, or the one its document lacks). Each is
//     of type control-objective, and also finding when it contradicts the
//     control; props name the control (control-id, address, document), its
//     verification-status, and the policy and status, or the
//     evidence-entry and evidence-state. The subjects are back-matter
//     resources of the same UUIDs as the security plan's.
//   - one finding per contradicted control (after the policy results'
//     findings), whose target is the statement of its implemented
//     requirement (statement-id token_smt, not-satisfied, reason fail),
//     with implementation-statement-uuid the security plan's statement,
//     related-observations the observations that contradict it and
//     related-risks the risks that rely on it; props policy
//     pii_control_verified, control-id, address, document, declared-status
//     and verification-status.
//   - risks that follow the verification: the adjusted characterization is
//     the verified residual (likelihood, impact, score and level with the
//     contradicted controls counted as not in place; the level alone,
//     "(known after apply)", while a control it relies on is unknown), with
//     the prop residual-basis verified and, when the verified residual
//     differs, the declared one as the props declared-residual-likelihood,
//     declared-residual-impact, declared-residual-score and
//     declared-residual-level; the initial characterization stays the
//     assessor's inherent ratings. The status follows the verified coverage
//     (a risk covered on paper only is open), the declared coverage stays
//     the coverage prop, and the props verified-coverage,
//     verified-residual-level, covered-on-paper-only, contradicted-control
//     and unknown-control and a paragraph of the statement say what
//     changed. Mitigating factors get a verification-status prop; a
//     contradicted one says the verified residual does not count it.
//   - the claimed controls among the reviewed controls.
//
// Without a verification, neither document has any of this.
//
// Every UUID of both documents is a UUIDv5 (RFC 9562, SHA-1) of a fixed
// namespace and a name that says what the item is ("party/Security team",
// "implemented-requirement/plan.json/pii_control.encryption"); a name met
// twice gets "#2". The document's own UUID is that of the SHA-256 of its
// content, so it changes exactly when the content does. Props this tool
// defines have the namespace urn:privacycode:pii; no value names a network
// location.
//
// # Guarantees
//
// The output depends only on the posture and Options: no clock, no host,
// no map order, so the same input gives the same bytes (Options.Generated
// prints a date only when given). The OSCAL formats must carry a time:
// they take the latest timestamp of the documents (Terraform 1.5 and later
// write one in plans), else Options.Generated, and fail without either. A
// value marked sensitive never reaches the model, so no format can print
// it. Documents without pii_* resources give a short report that says so
// in every format (the csv format, a header row alone).
package report
