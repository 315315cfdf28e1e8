package report

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/posture"
)

// CSVColumns are the columns of the csv format: the records of processing
// (GDPR Art. 30(1), and 30(2) for an activity whose role is processor, with
// the controllers it acts for), one row per activity ("record" = "activity") followed
// by one row per transfer of it ("record" = "transfer"), which repeats the
// activity's columns and fills the transfer_ ones. A list is one cell, its
// items separated by "; ".
var CSVColumns = []string{
	"record",
	"activity_id", "activity_name", "description", "owner", "role", "controllers",
	"purposes", "legal_basis", "special_category_condition",
	"pii_categories", "sensitivity", "special_categories",
	"principals", "volume",
	"recipients", "transfers", "retention",
	"collection_source", "collection_systems", "storage_systems", "storage_countries",
	"use_systems", "disposal_method", "disposal_systems",
	"pia_required", "pia_triggers", "assessments", "security_measures",
	"organization_name", "organization_contact", "dpo_contact", "art30_complete", "art30_missing",
	"transfer_recipient", "transfer_recipient_role", "transfer_country", "transfer_outside_eea",
	"transfer_mechanism", "transfer_systems",
	"address", "document", "document_timestamp", "terraform_version",
}

// csvTransfer is the index of the first transfer_ column.
var csvTransfer = func() int {
	for i, c := range CSVColumns {
		if c == "transfer_recipient" {
			return i
		}
	}
	panic("no transfer_recipient column")
}()

const csvSep = "; "

// writeCSV writes the records of processing as RFC 4180 CSV. A document
// without activities gives the header row alone.
func writeCSV(b *bytes.Buffer, p *posture.Posture, _ Options) error {
	w := csv.NewWriter(b)
	w.UseCRLF = true
	if err := w.Write(CSVColumns); err != nil {
		return err
	}
	docs := map[string]posture.Document{}
	for _, d := range p.Documents {
		docs[d.Name] = d
	}
	for _, a := range p.Activities {
		row := activityCells(a, docs[a.Document])
		if err := w.Write(safeCells(row)); err != nil {
			return err
		}
		for _, t := range a.Transfers {
			tr := append([]string(nil), row...)
			tr[0] = "transfer"
			copy(tr[csvTransfer:csvTransfer+6], []string{
				t.Recipient.String(), t.RecipientRole.String(), t.Country.String(), t.OutsideEEA.String(),
				t.Mechanism.String(), posture.Join(t.Systems, csvSep),
			})
			if err := w.Write(safeCells(tr)); err != nil {
				return err
			}
		}
	}
	w.Flush()
	return w.Error()
}

func activityCells(a *posture.Activity, doc posture.Document) []string {
	join := func(vs []posture.Value) string { return posture.Join(vs, csvSep) }
	stage := func(st *posture.Stage, f func(*posture.Stage) string) string {
		switch {
		case st == nil:
			return ""
		case st.Unknown:
			return posture.UnknownText
		}
		return f(st)
	}
	systems := func(st *posture.Stage) string { return join(st.Systems) }
	org := func(field func(*posture.Organization) posture.Value) string {
		if doc.Organization == nil {
			return ""
		}
		return field(doc.Organization).String()
	}
	complete, missing := "", []string{}
	if a.Record != nil {
		complete = strconv.FormatBool(a.Record.Complete)
		missing = recordItems(a)
	}
	var recipients, transfers []string
	for _, t := range a.Transfers {
		r := t.Recipient.String()
		if !t.RecipientRole.IsNull() {
			r += " (" + t.RecipientRole.String() + ")"
		}
		recipients = append(recipients, r)
		transfers = append(transfers, t.Country.String()+" ("+t.Mechanism.String()+")")
	}
	row := []string{
		"activity",
		a.ID.String(), a.Name.String(), a.Description.String(), a.Owner.String(), a.Role.String(), join(a.Controllers),
		join(a.Purposes), a.LegalBasis.String(), a.SpecialCategoryCondition.String(),
		join(a.PIICategories), a.Sensitivity.String(), a.SpecialCategories.String(),
		join(a.Principals), a.Volume.String(),
		strings.Join(recipients, csvSep), strings.Join(transfers, csvSep), a.Retention.String(),
		stage(a.Collection, func(st *posture.Stage) string { return st.Source.String() }),
		stage(a.Collection, systems), stage(a.Storage, systems),
		stage(a.Storage, func(st *posture.Stage) string { return join(st.Countries) }),
		stage(a.Use, systems),
		stage(a.Disposal, func(st *posture.Stage) string { return st.Method.String() }),
		stage(a.Disposal, systems),
		a.PIARequired.String(), join(a.PIATriggers), strings.Join(a.Assessments, csvSep), strings.Join(a.SecurityMeasures, csvSep),
		org(func(o *posture.Organization) posture.Value { return o.Name }),
		org(func(o *posture.Organization) posture.Value { return o.Contact }),
		org(func(o *posture.Organization) posture.Value { return o.DPOContact }),
		complete, strings.Join(missing, csvSep),
		"", "", "", "", "", "",
		// A state has no timestamp: the cell stays empty rather than
		// holding a made-up time.
		a.Address, a.Document, doc.Timestamp, doc.TerraformVersion,
	}
	return row
}

// safeCells guards against formula injection: a spreadsheet runs a cell
// that starts with =, +, - or @ (or a tab or carriage return, which some
// strip first) as a formula, so such a cell gets a leading apostrophe and
// is read as text.
func safeCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			c = "'" + c
		}
		out[i] = c
	}
	return out
}
