// Package posture reads the privacy posture that Terraform plans and states
// declare (pii_processing_activity, pii_control and pii_risk_assessment
// resources) into a plain Go model that reports are rendered from: the
// records of processing, the controls, the risk assessments with the
// effect of every selected control, the Statement of Applicability of the
// catalogs, and the numbers that summarise them. It imports no Terraform
// framework: only the documents package (tfplan) and the core packages.
//
// # Reading
//
// Read takes documents from package tfplan. Of each, it reads the managed
// pii_* resources, in document order: a plan's planned values (After), a
// state's current values. A resource that a plan deletes or forgets, and a
// deposed object, is left out and listed in Posture.Skipped; data sources
// are not read. Nothing in a document makes Read fail or panic: an
// attribute that is missing is null, a value of an unexpected shape is kept
// as its JSON text.
//
// # Values
//
// Every scalar of the documents is a Value, whose State says whether it is
// known, null, unknown at plan time or sensitive. A value unknown at plan
// time prints as UnknownText, "(known after apply)"; a value the document
// marks sensitive (after_sensitive in a plan, sensitive_values in a state)
// prints as SensitiveText, "(sensitive)". A sensitive Value holds no text
// at all: its fields are unexported and the only way to make one is
// SensitiveValue, so no renderer can print the content by mistake. A list
// that is unknown or sensitive as a whole is one marker Value; a life-cycle
// block that is unknown is a Stage with Unknown set; a transfer list that
// is unknown one Transfer with Unknown set. Values derived from another
// (a transfer's OutsideEEA from its country) are exactly as unknown or as
// sensitive as their source. Unset defaults are filled in as the provider
// defines them: an activity's role is controller, a control's catalog
// iso29151, an assessment's status draft and a risk's treatment mitigate.
//
// # Links and effects
//
// An assessment belongs to the activity whose id its activity.id names
// (Activity.Assessments lists them). An activity's SecurityMeasures are
// the implemented controls in place for it: organisation-wide, or scoped to
// its id (GDPR Art. 30(1)(g)). For every control selected for a risk,
// RiskControl.Effect is the cell of the coverage matrix, by the rules of
// the risk model guide: effective when the provider lists the control among
// the risk's effective_controls; partial when it is partial or alternative,
// treats the risk's category and is in scope (it counts towards partial
// coverage but lowers nothing); no_effect otherwise, with a Reason
// (planned, not applicable, does not treat the category, out of scope);
// unknown while what decides it is known only after apply.
//
// # Statement of Applicability
//
// Every control of the catalogs the posture selects from (the built-in
// ones, or Options.Catalogs with the user's catalog files, each that at
// least one pii_control names) is a row, with the status that the
// pii_control resources declare for it: the most advanced of their
// statuses (implemented, alternative, partial, planned, not_applicable, as
// package applicability ranks them), "unknown" when only unknown statuses
// are declared, or not_addressed. A declared control that the loaded
// catalogs do not have (one from catalog files that were not loaded) is a
// row too, with InCatalog false, in its catalog's natural order.
//
// # Organisation, records and scope
//
// With Options.Providers (the pii provider block of each plan, from
// tfplan.ReadProviderBlock), each Document has the Organization its
// provider block's organization attribute names: only constants are in a
// plan, so a field set with a reference, and everything of a state, is not
// stated, and Note says why. Each activity's Record says which items of
// GDPR Art. 30(1) (a controller's) or 30(2) (a processor's) it lacks, with
// what to set; it is Complete only when nothing is missing or known only
// after apply. organization.roles scopes the Statement of Applicability:
// the catalog controls written for a role it leaves out are out_of_scope
// rows, counted per catalog as an Exclusion with the justification, and a
// pii_control that declares one is a conflict (Summary.ScopeConflicts).
//
// # Summary
//
// Summary counts the activities (and how many need an impact assessment
// or have none), the controls by status, the risks by inherent and
// residual level (an avoided risk has no residual and counts as
// "avoided"), the risks by coverage and the gaps: risks uncovered or
// partially covered, which Posture.Gaps lists with their reasons. It also
// counts the values held as markers.
//
// The model is the base of every report format: package report renders it
// as HTML, Markdown, CSV and JSON, and the JSON of a Posture (its json
// tags) is the report's json format.
package posture
