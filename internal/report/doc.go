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
//     mechanism and whether they leave the EEA, retention, and whether an
//     impact assessment is required.
//   - Life cycles: per activity an SVG of collection → storage → use →
//     transfer → disposal, with the systems (and source, countries,
//     recipients, disposal method) at each stage; a stage the activity does
//     not declare is grey and dashed.
//   - Risk assessments: per assessment a 4×4 heat map (likelihood ×
//     impact, negligible to maximum) with each risk's inherent position
//     (hollow), residual position (filled) and an arrow for the move; the
//     table of risks; and the coverage matrix of risks × selected
//     controls: effective, partial or no effect (with the reason).
//   - Statement of Applicability: every catalog control with its status,
//     justification, owner, evidence and the pii_control resources that
//     declare it.
//   - Policy results, when Options.Check holds them.
//
// Tables are semantic (caption, th with scope) and scroll sideways inside
// their wrapper on a narrow screen; every figure is an SVG with
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
// formula.
//
// # json
//
// The posture model itself, indented, with schema_version (SchemaVersion,
// 1), generator {name, version}, generated (when given), title, empty (and
// a note when empty), then the Posture's fields: documents, activities,
// controls, assessments, catalogs, statement_of_applicability, gaps,
// skipped and summary, as their json tags name them (see package posture),
// and policy_results {summary, counts, blocking, results} with --with-check.
// A known value is a JSON string, number or bool; a value not set is null;
// a value unknown at plan time is the string "(known after apply)" and a
// sensitive one "(sensitive)". Fields are only added within a schema
// version.
//
// # Guarantees
//
// The output depends only on the posture and Options: no clock, no host,
// no map order, so the same input gives the same bytes (Options.Generated
// prints a date only when given). A value marked sensitive never reaches
// the model, so no format can print it. Documents without pii_* resources
// give a short report that says so in every format (the csv format, a
// header row alone).
//
// Later formats (OSCAL system security plans and assessment results) are
// added to Formats and the writers map, built on the same posture model:
// controls with status, owner and evidence for the implemented
// requirements; risks with inherent (initial) and residual (adjusted)
// likelihood and impact; policy results for findings.
package report
