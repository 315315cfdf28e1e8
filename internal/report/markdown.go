package report

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/privacycode/terraform-provider-pii/internal/mdescape"
	"github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/risk"
	"github.com/privacycode/terraform-provider-pii/internal/verification"
)

// MarkdownLimit is the most bytes the markdown format writes: a GitHub
// pull-request comment holds 65,536 characters, and a character is at
// least a byte. A longer report loses whole rows and sections, the least
// important first (see markdownPriority), and says so where they were and
// at the top; it is never cut silently.
const MarkdownLimit = 65000

// noteReserve is kept free for each list's truncation note, topReserve for
// the note at the top.
const (
	noteReserve = 300
	topReserve  = 400
)

// mdPart is a piece of the Markdown document: fixed text, or a list of
// items (table rows, sections) of which a prefix is kept.
type mdPart struct {
	text string
	list *mdList
}

type mdList struct {
	// what the items are, for the note: "rows of the records of
	// processing".
	what     string
	items    []string
	priority int
	keep     int
}

// Priorities: lower is kept first.
const (
	prioGaps = iota
	prioPolicies
	prioRecords
	prioAssessments
	prioLifecycles
	prioDeclared
	prioNotAddressed
)

type mdDoc struct {
	parts []mdPart
}

func (d *mdDoc) text(format string, a ...any) {
	d.parts = append(d.parts, mdPart{text: fmt.Sprintf(format, a...)})
}

func (d *mdDoc) raw(s string) { d.parts = append(d.parts, mdPart{text: s}) }

func (d *mdDoc) list(what string, priority int, items []string) {
	if len(items) == 0 {
		return
	}
	d.parts = append(d.parts, mdPart{list: &mdList{what: what, items: items, priority: priority}})
}

// render keeps as many items as fit in limit bytes, the lists of lower
// priority first and each list's items in order, and writes the document
// with a note wherever items were left out.
func (d *mdDoc) render(b *bytes.Buffer, limit int) {
	fixed := 0
	var lists []*mdList
	for _, p := range d.parts {
		if p.list == nil {
			fixed += len(p.text)
		} else {
			fixed += noteReserve
			lists = append(lists, p.list)
		}
	}
	budget := limit - fixed - topReserve
	all := 0
	for _, l := range lists {
		for _, it := range l.items {
			all += len(it)
		}
	}
	if fixed+all <= limit {
		budget = all
	}
	sort.SliceStable(lists, func(i, j int) bool { return lists[i].priority < lists[j].priority })
	for _, l := range lists {
		for _, it := range l.items {
			if len(it) > budget {
				break
			}
			budget -= len(it)
			l.keep++
		}
	}
	omitted := 0
	for _, l := range lists {
		omitted += len(l.items) - l.keep
	}
	if omitted > 0 {
		fmt.Fprintf(b, "> [!NOTE]\n> This report is shortened to fit a pull-request comment (%s bytes): %d %s left out, as the notes below say. The HTML and JSON reports (`terraform-provider-pii report --format html`) have everything.\n\n",
			thousands(limit), omitted, plural(omitted, "item is", "items are"))
	}
	for _, p := range d.parts {
		if p.list == nil {
			b.WriteString(p.text)
			continue
		}
		for _, it := range p.list.items[:p.list.keep] {
			b.WriteString(it)
		}
		if n := len(p.list.items) - p.list.keep; n > 0 {
			fmt.Fprintf(b, "\n*%d more %s not shown (the comment would exceed %s bytes): see the HTML or JSON report.*\n",
				n, p.list.what, thousands(limit))
		}
	}
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func writeMarkdown(b *bytes.Buffer, p *posture.Posture, opt Options) error {
	writeMarkdownLimit(b, p, opt, MarkdownLimit)
	return nil
}

func writeMarkdownLimit(b *bytes.Buffer, p *posture.Posture, opt Options, limit int) {
	v := newView(p, opt)
	d := &mdDoc{}
	d.text("# %s\n\n", mdText(v.Title))
	var meta []string
	if v.Sources != "" {
		meta = append(meta, "From "+mdText(v.Sources))
	}
	meta = append(meta, "terraform-provider-pii "+mdText(v.Version))
	if v.Generated != "" {
		meta = append(meta, "generated "+mdText(v.Generated))
	}
	d.text("%s\n\n", strings.Join(meta, " · "))
	if v.Empty {
		mdEmpty(d, v)
	} else {
		mdSummary(d, v)
		mdRecords(d, v)
		mdLifecycles(d, v)
		mdAssessments(d, v)
		mdApplicability(d, v)
		if v.Verify != nil {
			mdVerification(d, v.Verify)
		}
	}
	if v.Check != nil {
		mdPolicies(d, v.Check)
	}
	if !v.Empty {
		d.raw("\n*Values marked sensitive in the plan are shown as (sensitive), never in clear; values Terraform knows only after apply as (known after apply).*\n")
	}
	d.render(b, limit)
}

func mdEmpty(d *mdDoc, v *view) {
	d.raw("## Nothing to report yet\n\n")
	where := "No document was given, so there is"
	if v.Documents != "" {
		where = mdText(v.Documents) + " declares"
	}
	skipped := ""
	if n := v.P.Summary.Skipped; n > 0 {
		skipped = fmt.Sprintf(", apart from %d that the plan deletes", n)
	}
	d.text("%s no processing activity, control or risk assessment: no `pii_processing_activity`, `pii_control` or `pii_risk_assessment` resource%s.\n\n", where, skipped)
	d.raw("Declare the personal data you process, the privacy controls you run and the risks you assessed with the pii provider, plan, and run the report on the new plan.\n")
}

func mdSummary(d *mdDoc, v *view) {
	s := v.P.Summary
	d.raw("## Summary\n\n")
	gapMark := "✅"
	if s.Gaps > 0 {
		gapMark = "❌"
	}
	d.raw("| Processing activities | Controls declared | Risks assessed | Gaps |\n|---|---|---|---|\n")
	unassessed := ""
	if s.Unassessed > 0 {
		unassessed = fmt.Sprintf(", %d not assessed", s.Unassessed)
	}
	d.text("| %d (%d need a PIA%s) | %d (%d implemented) | %d in %d %s | %s %d |\n\n",
		s.Activities, s.PIARequired, unassessed, s.Controls, s.ControlsByStatus.Get("implemented"),
		s.Risks, s.Assessments, plural(s.Assessments, "assessment", "assessments"), gapMark, s.Gaps)
	if s.Activities > 0 {
		mark := "✅"
		if s.RecordsIncomplete > 0 {
			mark = "❌"
		}
		d.text("**Records of processing (GDPR Art. 30):** %s %d of %d complete.\n\n", mark, s.Activities-s.RecordsIncomplete, s.Activities)
	}
	d.text("**Controls by status:** %s.\n\n", countsText(s.ControlsByStatus))
	d.text("**Risks by coverage:** %s.\n\n", countsText(s.RisksByCoverage))
	if vv := v.Verify; vv != nil {
		mark := "✅"
		if vv.Contradicted > 0 || vv.PaperOnly > 0 {
			mark = "❌"
		}
		d.text("**Verified against the infrastructure:** %s %d %s contradicted, %d %s covered on paper only (see [Verification](#verification)).\n\n",
			mark, vv.Contradicted, plural(vv.Contradicted, "control", "controls"), vv.PaperOnly, plural(vv.PaperOnly, "risk", "risks"))
	}
	var t strings.Builder
	t.WriteString("| Level | Inherent | Residual |\n|---|---:|---:|\n")
	for _, r := range v.LevelRows {
		fmt.Fprintf(&t, "| %s | %s | %s |\n", human(r.Key), r.Inherent, r.Residual)
	}
	t.WriteString("\n")
	d.raw(t.String())
	d.raw("**Heat map of all risks** (number of risks at each position: ○ inherent, ● residual):\n\n")
	d.raw(mdHeatTable(func(l, i int) string {
		var in, res int
		for _, a := range v.P.Assessments {
			for _, r := range a.Risks {
				if rating(r.Likelihood) == l && rating(r.Impact) == i {
					in++
				}
				if !r.Avoided() && rating(r.ResidualLikelihood) == l && rating(r.ResidualImpact) == i {
					res++
				}
			}
		}
		var parts []string
		if in > 0 {
			parts = append(parts, fmt.Sprintf("○ %d", in))
		}
		if res > 0 {
			parts = append(parts, fmt.Sprintf("● %d", res))
		}
		return strings.Join(parts, " ")
	}))
	if len(v.P.Gaps) > 0 {
		d.raw("### ❌ Gaps: risks not covered within the risk appetite\n\n| Activity | Risk | Category | Coverage | Residual level | Why |\n|---|---|---|---|---|---|\n")
		var rows []string
		for _, g := range v.P.Gaps {
			rows = append(rows, mdescape.Row(mdCell(g.Activity.String())+"<br>"+mdText(g.Assessment), mdCell(g.Risk.String()), mdText(enum(g.Category)),
				mdText(enum(g.Coverage)), mdText(enum(g.ResidualLevel)), mdCells(g.Reasons)))
		}
		d.list("gaps", prioGaps, rows)
		d.raw("\n")
	}
	var notes []string
	if len(v.P.Skipped) > 0 {
		addrs := make([]string, len(v.P.Skipped))
		for i, sk := range v.P.Skipped {
			addrs[i] = mdText(sk.Address)
		}
		notes = append(notes, fmt.Sprintf("- Left out, because the plan deletes %s: %s.\n", plural(len(addrs), "it", "them"), strings.Join(addrs, ", ")))
	}
	if n := s.UnknownValues; n > 0 {
		notes = append(notes, fmt.Sprintf("- %d %s known only after apply, shown as (known after apply).\n", n, plural(n, "value is", "values are")))
	}
	if n := s.SensitiveValues; n > 0 {
		notes = append(notes, fmt.Sprintf("- %d %s marked sensitive, shown as (sensitive).\n", n, plural(n, "value is", "values are")))
	}
	if len(notes) > 0 {
		d.raw(strings.Join(notes, "") + "\n")
	}
}

// mdHeatTable draws the 4×4 matrix as a table, maximum likelihood first.
func mdHeatTable(cellText func(l, i int) string) string {
	names := risk.RatingNames()
	var t strings.Builder
	t.WriteString("| Likelihood ↓ · Impact → |")
	for _, n := range names {
		t.WriteString(" " + n + " |")
	}
	t.WriteString("\n|---|---|---|---|---|\n")
	for l := 4; l >= 1; l-- {
		t.WriteString("| **" + names[l-1] + "** |")
		for i := 1; i <= 4; i++ {
			score, level := risk.Assess(risk.Rating(l), risk.Rating(i))
			cell := fmt.Sprintf("%d %s", score, human(level.String()))
			if c := cellText(l, i); c != "" {
				cell += ": " + c
			}
			t.WriteString(" " + cell + " |")
		}
		t.WriteString("\n")
	}
	t.WriteString("\n")
	return t.String()
}

func countsText(c posture.Counts) string {
	nz := c.NonZero()
	if len(nz) == 0 {
		return "none"
	}
	parts := make([]string, len(nz))
	for i, e := range nz {
		parts[i] = fmt.Sprintf("%d %s", e.N, human(e.Key))
	}
	return strings.Join(parts, ", ")
}

func mdRecords(d *mdDoc, v *view) {
	d.raw("## Records of processing\n\n")
	if len(v.Orgs) > 0 {
		d.raw("**The organisation** (GDPR Art. 30(1)(a), 30(2)(a)), from the provider block's organization:\n\n")
		d.raw("| Document | Name | Contact | Data protection officer | Roles |\n|---|---|---|---|---|\n")
		var t strings.Builder
		for _, o := range v.Orgs {
			cells := []string{mdText(o.Documents)}
			for _, f := range o.Fields {
				switch {
				case f.Value.IsNull() && f.Fix != "":
					cells = append(cells, "**not stated**: "+mdText(f.Fix))
				case f.Value.IsNull():
					cells = append(cells, "**not stated**")
				default:
					cells = append(cells, mdCell(f.Value.String()))
				}
			}
			cells = append(cells, mdText(o.RolesText()))
			t.WriteString(mdescape.Row(cells...))
		}
		t.WriteString("\n")
		d.raw(t.String())
	}
	ctl, proc := v.ControllerRecords(), v.ProcessorRecords()
	if len(ctl) > 0 || len(proc) == 0 {
		if len(proc) > 0 {
			d.raw("### As a controller\n\n")
		}
		d.raw("One row per processing activity, with the information GDPR Art. 30(1) asks of a controller.\n\n")
		d.raw("| Activity | Purposes | Legal basis | PII categories | PII principals | Recipients | Transfers | Retention | Security measures | Impact assessment | Art. 30 record |\n|---|---|---|---|---|---|---|---|---|---|---|\n")
		var rows []string
		for _, av := range ctl {
			a := av.A
			act := "**" + mdCell(a.Name.String()) + "**<br>" + mdText(a.ID.String())
			owner := enum(a.Role)
			if len(a.Controllers) > 0 {
				owner += " with " + posture.Join(a.Controllers, ", ")
			}
			if !a.Owner.IsNull() {
				owner = a.Owner.String() + " · " + owner
			}
			act += "<br>" + mdText(owner)
			legal := mdText(enum(a.LegalBasis))
			if !a.SpecialCategoryCondition.IsNull() {
				legal += "<br>Art. 9(2): " + mdText(enum(a.SpecialCategoryCondition))
			}
			cats, principals, recipients, transfers := mdRecordData(a)
			rows = append(rows, mdescape.Row(act, mdCells(a.Purposes), legal, cats, principals,
				recipients, transfers, mdText(retention(a.Retention)), mdMeasures(a), mdPIA(a), mdRecord(a)))
		}
		d.list("rows of the records of processing", prioRecords, rows)
		d.raw("\n")
	}
	if len(proc) == 0 {
		return
	}
	d.raw("### As a processor\n\nOne row per activity carried out on behalf of controllers, with the information GDPR Art. 30(2) asks of a processor: the controllers it acts for, the categories of processing, the transfers and the security measures.\n\n")
	d.raw("| Activity | Controllers | Categories of processing | PII categories | PII principals | Recipients | Transfers | Security measures | Impact assessment | Art. 30 record |\n|---|---|---|---|---|---|---|---|---|---|\n")
	var rows []string
	for _, av := range proc {
		a := av.A
		act := "**" + mdCell(a.Name.String()) + "**<br>" + mdText(a.ID.String())
		if !a.Owner.IsNull() {
			act += "<br>" + mdText(a.Owner.String())
		}
		controllers := "**not named**"
		if len(a.Controllers) > 0 {
			controllers = mdCells(a.Controllers)
		}
		cats, principals, recipients, transfers := mdRecordData(a)
		rows = append(rows, mdescape.Row(act, controllers, mdCells(a.Purposes)+"<br>retention "+mdText(retention(a.Retention)),
			cats, principals, recipients, transfers, mdMeasures(a), mdPIA(a), mdRecord(a)))
	}
	d.list("rows of the records of processing as a processor", prioRecords, rows)
	d.raw("\n")
}

// mdRecordData renders the cells both kinds of record share: the PII
// categories, the principals, the recipients and the transfers.
func mdRecordData(a *posture.Activity) (cats, principals, recipients, transfers string) {
	cats = mdText(posture.Join(a.PIICategories, ", ")) + "<br>sensitivity " + mdText(enum(a.Sensitivity))
	if a.SpecialCategories.True() {
		cats += ", special categories"
	}
	principals = mdText(posture.Join(a.Principals, ", "))
	if !a.Volume.IsNull() {
		principals += "<br>" + mdText(volume(a.Volume))
	}
	var rs, ts []string
	for _, t := range a.Transfers {
		r := t.Recipient.String()
		if !t.RecipientRole.IsNull() {
			r += " (" + enum(t.RecipientRole) + ")"
		}
		rs = append(rs, mdText(r))
		tr := mdText(countryText(t.Country) + " · " + enum(t.Mechanism))
		if t.OutsideEEA.True() {
			tr += " · **outside the EEA**"
		}
		ts = append(ts, tr)
	}
	return cats, principals, orNone(strings.Join(rs, "<br>")), orNone(strings.Join(ts, "<br>"))
}

// mdMeasures renders an activity's security measures (GDPR Art.
// 30(1)(g), 30(2)(d)).
func mdMeasures(a *posture.Activity) string {
	measures := make([]string, len(a.SecurityMeasures))
	for i, m := range a.SecurityMeasures {
		measures[i] = mdText(m)
	}
	if len(measures) == 0 {
		return "none in place"
	}
	return strings.Join(measures, "<br>")
}

// mdRecord says whether the record has every item of Art. 30, and what it
// lacks.
func mdRecord(a *posture.Activity) string {
	items := recordItems(a)
	if len(items) == 0 {
		return "✅ complete"
	}
	for i, it := range items {
		items[i] = mdText(it)
	}
	return "❌ **incomplete**<br>" + strings.Join(items, "<br>")
}

// mdPIA renders whether an impact assessment is required, why, and which
// assessments there are.
func mdPIA(a *posture.Activity) string {
	pia := "not required"
	switch {
	case a.PIARequired.True():
		pia = "required"
	case a.PIARequired.IsMarker():
		pia = a.PIARequired.String()
	}
	if len(a.PIATriggers) > 0 {
		triggers := make([]string, len(a.PIATriggers))
		for i, t := range a.PIATriggers {
			triggers[i] = enum(t)
		}
		pia += "<br>" + mdText(strings.Join(triggers, ", "))
	}
	if len(a.Assessments) == 0 {
		pia += "<br>no assessment"
	}
	for _, addr := range a.Assessments {
		pia += "<br>" + mdText(addr)
	}
	return pia
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func mdLifecycles(d *mdDoc, v *view) {
	d.raw("## Life cycles\n\nEach processing activity along the PII life cycle, with the systems at each stage.\n\n")
	var items []string
	for _, av := range v.Activities {
		var stages []string
		for _, st := range av.Stages {
			s := "**" + st.Name + "**"
			switch st.Class {
			case "off":
				s = "~~" + st.Name + "~~ (not declared)"
			default:
				s += " (" + mdText(joinLines(st.Lines)) + ")"
			}
			stages = append(stages, s)
		}
		items = append(items, "- "+mdText(av.A.Name.String())+": "+strings.Join(stages, " → ")+"\n")
	}
	d.list("life cycles", prioLifecycles, items)
	d.raw("\n")
}

// joinLines joins a stage's lines with "; ", keeping a transfer's
// destination ("→ US, scc") with its recipient.
func joinLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		switch {
		case i == 0:
		case strings.HasPrefix(l, "→ "):
			b.WriteString(" ")
		default:
			b.WriteString("; ")
		}
		b.WriteString(l)
	}
	return b.String()
}

func mdAssessments(d *mdDoc, v *view) {
	d.raw("## Risk assessments\n\n")
	if len(v.Assessments) == 0 {
		d.raw("No risk assessment is declared.\n\n")
		return
	}
	d.raw("In each heat map, ○ marks a risk's inherent position (before controls) and ● its residual position (after the effective controls); R1, R2… are the risks of the table. The coverage matrix says what each selected control does for each risk: effective, partial (counts towards partial coverage, lowers nothing) or no effect.\n\n")
	var items []string
	for _, as := range v.Assessments {
		items = append(items, mdAssessment(as))
	}
	d.list("risk assessments", prioAssessments, items)
}

func mdAssessment(as *assessmentView) string {
	a := as.A
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n\n", mdText(a.Activity.Name.String()))
	meta := []string{mdText(a.Address)}
	st := enum(a.Status)
	if !a.ApprovedBy.IsNull() {
		st += " by " + a.ApprovedBy.String()
	}
	meta = append(meta, mdText(st))
	if !a.Assessor.IsNull() {
		meta = append(meta, "assessor "+mdText(a.Assessor.String()))
	}
	if !a.AssessedOn.IsNull() {
		meta = append(meta, "assessed on "+mdText(a.AssessedOn.String()))
	}
	if !a.NextReview.IsNull() {
		meta = append(meta, "next review "+mdText(a.NextReview.String()))
	}
	switch {
	case a.Covered.True():
		meta = append(meta, "every risk covered")
	case a.Covered.IsMarker():
		meta = append(meta, "coverage "+a.Covered.String())
	default:
		meta = append(meta, "**not covered**")
	}
	if !a.MaxResidualLevel.IsNull() {
		meta = append(meta, "highest residual level "+mdText(enum(a.MaxResidualLevel)))
	}
	if len(a.LifecycleGaps) > 0 {
		meta = append(meta, "stages not assessed: "+mdText(posture.Join(a.LifecycleGaps, ", ")))
	}
	b.WriteString(strings.Join(meta, " · ") + "\n\n")
	if a.RisksUnknown {
		b.WriteString("The risks are (known after apply).\n\n")
		return b.String()
	}
	b.WriteString("| # | Risk | Category | Stage | Inherent | Residual | Treatment | Coverage |\n|---|---|---|---|---|---|---|---|\n")
	for _, rv := range as.Risks {
		r := rv.R
		risk := mdCell(r.Name.String())
		if !r.Description.IsNull() {
			risk += "<br>" + mdCell(r.Description.String())
		}
		if !r.RiskSource.IsNull() {
			risk += "<br>" + mdCell("Risk source: "+r.RiskSource.String())
		}
		if !r.Rationale.IsNull() {
			risk += "<br>" + mdCell("Rationale: "+r.Rationale.String())
		}
		for _, g := range r.Gaps {
			risk += "<br>❌ " + mdCell(g.String())
		}
		if acc := r.Acceptance; acc != nil {
			s := "accepted by " + acc.AcceptedBy.String()
			if !acc.Expires.IsNull() {
				s += " until " + acc.Expires.String()
			}
			risk += "<br>" + mdCell(s+": "+acc.Rationale.String())
		}
		if !r.TransferTo.IsNull() {
			risk += "<br>" + mdCell("transferred to "+r.TransferTo.String())
		}
		residual := "none (avoided)"
		if !r.Avoided() {
			residual = rated(r.ResidualLikelihood, r.ResidualImpact, r.ResidualScore, r.ResidualLevel)
		}
		residual = mdText(residual)
		coverage := mdText(enum(r.Coverage))
		if vr := rv.Verified; vr != nil {
			if vr.PaperOnly {
				risk += "<br>⚠️ **covered on paper only**: " + mdCell(strings.Join(vr.Contradicted, ", ")) + " contradicted"
			}
			residual += "<br>verified: " + mdText(human(vr.VerifiedResidual))
			coverage += "<br>verified: " + mdText(human(vr.VerifiedCoverage))
		}
		b.WriteString(mdescape.Row(rv.Label, risk, mdText(enum(r.Category)), mdText(enum(r.LifecycleStage)),
			mdText(rated(r.Likelihood, r.Impact, r.InherentScore, r.InherentLevel)), residual,
			mdText(enum(r.Treatment)), coverage))
	}
	b.WriteString("\n<details><summary>Heat map and coverage matrix</summary>\n\n")
	b.WriteString(mdHeatTable(func(l, i int) string {
		var marks []string
		for _, rv := range as.Risks {
			r := rv.R
			li, ii := rating(r.Likelihood), rating(r.Impact)
			lr, ir := rating(r.ResidualLikelihood), rating(r.ResidualImpact)
			if li == l && ii == i {
				marks = append(marks, "○"+rv.Label)
			}
			if !r.Avoided() && lr == l && ir == i {
				marks = append(marks, "●"+rv.Label)
			}
			if vr := rv.Verified; vr != nil && vr.VerifiedLikelihood != "" &&
				rating(posture.Text(vr.VerifiedLikelihood)) == l && rating(posture.Text(vr.VerifiedImpact)) == i {
				marks = append(marks, "◆"+rv.Label)
			}
		}
		return strings.Join(marks, " ")
	}))
	for _, rv := range as.Risks {
		if rv.Verified != nil {
			b.WriteString("◆ marks a risk's verified residual position: with the contradicted controls not counted.\n\n")
			break
		}
	}
	if len(as.Columns) > 0 {
		b.WriteString("| Risk |")
		for _, c := range as.Columns {
			h := mdText(c.ID.String())
			if c.Title != "" {
				h += "<br>" + mdText(c.Title)
			}
			if c.Verification != "" {
				h += "<br>" + c.Verification
			}
			b.WriteString(" " + h + " |")
		}
		b.WriteString("\n|---|" + strings.Repeat("---|", len(as.Columns)) + "\n")
		for _, rv := range as.Risks {
			cells := []string{rv.Label}
			for _, c := range rv.Cells {
				switch c.Effect {
				case "":
					cells = append(cells, "")
				case posture.EffectEffective:
					cells = append(cells, "✅ effective")
				case posture.EffectPartial:
					cells = append(cells, "◐ partial")
				case posture.EffectNone:
					cells = append(cells, "✗ no effect<br>"+mdText(c.Reason))
				default:
					cells = append(cells, mdText(c.Text))
				}
			}
			b.WriteString(mdescape.Row(cells...))
		}
		b.WriteString("\n")
	}
	b.WriteString("</details>\n\n")
	return b.String()
}

func mdApplicability(d *mdDoc, v *view) {
	d.raw("## Statement of Applicability\n\nEvery control of each catalog the posture declares controls of, with the status that the `pii_control` resources declare.")
	if sc := v.P.Scope; sc != nil {
		excluded := make([]string, len(sc.Excluded))
		for i, r := range sc.Excluded {
			excluded[i] = r + "s"
		}
		d.text(" The organisation processes PII as %s only (organization.roles), so the controls written for %s are out of scope, as one group per catalog.",
			mdText(strings.Join(sc.Roles, " and ")), mdText(strings.Join(excluded, " and ")))
	}
	d.raw("\n\n")
	for _, blk := range v.Catalogs {
		info := blk.Info
		name := info.Name
		if info.Version != "" {
			name += " " + info.Version
		}
		d.text("### %s (%s)\n\n%s.\n\n", mdText(info.Title), mdText(name), mdText(blk.Summary))
		for _, ex := range info.Exclusions {
			line := "> " + mdText(ex.Text())
			if len(ex.Declared) > 0 {
				line += " **Declared all the same: " + mdText(strings.Join(ex.Declared, ", ")) + ".**"
			}
			d.raw(line + "\n\n")
		}
		var declared, notAddressed, excluded []string
		for _, r := range blk.Rows {
			if r.OutOfScope && len(r.DeclaredBy) == 0 {
				excluded = append(excluded, mdText(r.ControlID+" "+r.Title))
				continue
			}
			if len(r.DeclaredBy) == 0 {
				notAddressed = append(notAddressed, mdText(r.ControlID+" "+r.Title))
				continue
			}
			title := mdText(r.Title)
			if !r.InCatalog {
				title += "<br>not in the loaded catalogs"
			}
			for _, im := range r.Implementation {
				title += "<br>" + mdCell(im.String())
			}
			statuses := make([]string, len(r.Statuses))
			for i, s := range r.Statuses {
				statuses[i] = human(s)
			}
			if r.OutOfScope {
				statuses = []string{"**❌ out of scope**<br>" + mdText(scopeConflict(r)) + "<br>declared " + strings.Join(statuses, ", ")}
			}
			by := make([]string, len(r.DeclaredBy))
			for i, a := range r.DeclaredBy {
				by[i] = mdText(a)
			}
			scope := "organisation-wide"
			if len(r.Scope) > 0 {
				scope = "for " + mdText(posture.Join(r.Scope, ", "))
			}
			cells := []string{mdText(r.Ref), title, strings.Join(statuses, ", "), mdCells(r.Justifications),
				mdText(posture.Join(r.Owners, ", ")), mdCells(r.Evidence), strings.Join(by, "<br>") + "<br>" + scope}
			if v.Verify != nil {
				cells = append(cells, orDash(v.RowVerification(r)))
			}
			declared = append(declared, mdescape.Row(cells...))
		}
		if len(declared) > 0 {
			if v.Verify != nil {
				d.raw("| Control | Title | Status | Justification | Owner | Evidence | Declared by | Verification |\n|---|---|---|---|---|---|---|---|\n")
			} else {
				d.raw("| Control | Title | Status | Justification | Owner | Evidence | Declared by |\n|---|---|---|---|---|---|---|\n")
			}
			d.list("declared controls of "+info.Name, prioDeclared, declared)
			d.raw("\n")
		}
		if len(notAddressed) > 0 {
			d.text("<details><summary>%d controls not addressed</summary>\n\n", len(notAddressed))
			items := make([]string, len(notAddressed))
			for i, s := range notAddressed {
				items[i] = "- " + s + "\n"
			}
			d.list("controls not addressed of "+info.Name, prioNotAddressed, items)
			d.raw("\n</details>\n\n")
		}
		if len(excluded) > 0 {
			d.text("<details><summary>%d %s out of scope</summary>\n\n", len(excluded), plural(len(excluded), "control", "controls"))
			items := make([]string, len(excluded))
			for i, s := range excluded {
				items[i] = "- " + s + "\n"
			}
			d.list("controls out of scope of "+info.Name, prioNotAddressed, items)
			d.raw("\n</details>\n\n")
		}
	}
}

// mdVerification lists every claimed control with its verification, the
// contradicted ones first with the resources and policies that contradict
// them.
func mdVerification(d *mdDoc, vv *verifyView) {
	var counts []string
	for _, c := range vv.Counts {
		counts = append(counts, fmt.Sprintf("%d %s", c.N, c.Status))
	}
	d.text("## Verification\n\nThe controls the posture claims (implemented, partial or alternative), checked against the infrastructure of the documents: %s; %d %s covered on paper only.\n\n",
		strings.Join(counts, ", "), vv.PaperOnly, plural(vv.PaperOnly, "risk", "risks"))
	if len(vv.Controls) == 0 {
		d.raw("No control claims to be in place.\n\n")
		return
	}
	d.raw("| Control | Declared by | Declared | Verification | Why |\n|---|---|---|---|---|\n")
	var rows []string
	for _, c := range vv.Controls {
		status := c.Status
		if status == verification.Contradicted {
			status = "**❌ contradicted**"
		}
		rows = append(rows, mdescape.Row(mdText(c.Ref), mdText(c.Address), mdText(human(c.Declared)), status, mdCell(c.Reason)))
	}
	d.list("verified controls", prioPolicies, rows)
	d.raw("\n")
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func mdPolicies(d *mdDoc, cv *checkView) {
	mark := "✅"
	if cv.Blocking > 0 {
		mark = "❌"
	}
	d.text("## %s Policy results\n\n%s; %d blocking %s.\n\n", mark, mdText(cv.CountLine), cv.Blocking, plural(cv.Blocking, "result", "results"))
	if len(cv.Problems) == 0 {
		d.raw("Every policy passed or does not apply.\n\n")
		return
	}
	d.raw("| Resource | Policy | Status | Severity | Enforcement | Controls | Message |\n|---|---|---|---|---|---|---|\n")
	var rows []string
	for _, pr := range cv.Problems {
		status := string(pr.Status)
		if pr.Blocking {
			status = "**" + status + ", blocking**"
		}
		msgs := make([]string, len(pr.Messages))
		for i, m := range pr.Messages {
			msgs[i] = mdCell(m)
		}
		rows = append(rows, mdescape.Row(mdText(pr.Resource.Address), mdText(pr.Policy.Name), status, mdText(pr.Policy.Severity),
			mdText(human(pr.Policy.EnforcementLevel)), mdText(strings.Join(pr.Policy.Controls, ", ")), strings.Join(msgs, "<br>")))
	}
	d.list("policy results", prioPolicies, rows)
	d.raw("\n")
}

// mdText escapes text for a paragraph or a cell, on one line: line breaks
// become spaces and other control characters escapes.
func mdText(s string) string {
	return mdescape.Text(oneLine(s, " "))
}

// mdCell escapes text for a table cell, keeping its line breaks as <br>.
func mdCell(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = mdText(l)
	}
	return strings.Join(lines, "<br>")
}

// mdCells escapes values for a cell, one per line.
func mdCells(vs []posture.Value) string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = mdCell(v.String())
	}
	return strings.Join(out, "<br>")
}

// oneLine replaces line breaks by sep and shows other control characters
// as escapes, so that no text can break the layout.
func oneLine(s, sep string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			b.WriteString(sep)
		case r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
