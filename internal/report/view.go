package report

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/country"
	"github.com/privacycode/terraform-provider-pii/internal/isotime"
	"github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/verification"
)

// view is what the HTML and Markdown reports show, computed once: the
// same content in both.
type view struct {
	P         *posture.Posture
	Title     string
	Generated string
	Version   string
	Documents string
	// Sources names each document with when it is from: "plan.json, plan
	// of 2026-11-28T21:02:08Z, Terraform 1.11.4".
	Sources string
	// Orgs are the organisations the documents name, for the records of
	// processing: one per distinct organization.
	Orgs        []orgView
	Empty       bool
	SummaryMap  heatMap
	LevelRows   []levelRow
	Activities  []*activityView
	Assessments []*assessmentView
	Catalogs    []soaBlock
	Check       *checkView
	// Verify is the posture checked against the infrastructure; nil
	// without --with-check.
	Verify *verifyView
	// Grid and axes of the heat maps, drawn once.
	Grid     []heatCell
	AxisRows []axisLabel
	AxisCols []axisLabel
	LCWidth  int
	AxisLY   int
	AxisIX   int
	AxisIY   int
	// Frames and Markers are the shared drawings of the life cycles and
	// the heat maps, in the defs.
	Frames    []lifecycleFrame
	Arrows    []string
	Markers   []markerDef
	titleByID map[string]string
}

// levelRow is a row of the table of risks by level.
type levelRow struct {
	Key                string
	Inherent, Residual string
}

type activityView struct {
	A      *posture.Activity
	N      int
	Anchor string
	Stages []stageView
	LC     lifecycleSVG
	// Assessed links to the activity's assessments.
	Assessed []link
}

// ControllerRecords are the activities of the records of processing kept
// as a controller or joint controller (GDPR Art. 30(1)).
func (v *view) ControllerRecords() []*activityView {
	return slices.DeleteFunc(slices.Clone(v.Activities), isProcessor)
}

// ProcessorRecords are the activities carried out on behalf of controllers,
// which a processor records apart (GDPR Art. 30(2)).
func (v *view) ProcessorRecords() []*activityView {
	return slices.DeleteFunc(slices.Clone(v.Activities), func(av *activityView) bool { return !isProcessor(av) })
}

func isProcessor(av *activityView) bool { return av.A.Role.Is("processor") }

type link struct {
	Anchor string
	Text   string
}

// stageView is a life-cycle stage as the diagram and the Markdown show it.
type stageView struct {
	Name string
	// Class is "on" (declared), "off" (not declared) or "unk" (known
	// after apply).
	Class string
	Lines []string
}

type assessmentView struct {
	A              *posture.Assessment
	N              int
	Anchor         string
	ActivityAnchor string
	Risks          []riskView
	Heat           heatMap
	Columns        []column
}

type column struct {
	ID    posture.Value
	Title string
	// Verification is the control's verification status, "" without one.
	Verification string
}

type riskView struct {
	R     *posture.Risk
	N     int
	Label string
	Cells []cell
	// Verified is the risk's verified coverage when it differs from the
	// declared one, else nil.
	Verified *verification.Risk
}

// verifyView is the Verification section: every claimed control, the
// contradicted ones first.
type verifyView struct {
	O        *verification.Outcome
	Controls []*verification.Control
	// Counts are the controls by status, in status order.
	Counts []statusCount
	// PaperOnly counts the risks covered on paper only.
	PaperOnly int
	// Contradicted counts the contradicted controls.
	Contradicted int
}

// verificationOrder ranks the statuses in the Verification section.
var verificationOrder = []string{verification.Contradicted, verification.Unknown, verification.Unverified, verification.Verified}

func newVerifyView(o *verification.Outcome) *verifyView {
	vv := &verifyView{O: o}
	for _, status := range verificationOrder {
		n := 0
		for _, c := range o.Controls {
			if c.Status == status {
				vv.Controls = append(vv.Controls, c)
				n++
			}
		}
		vv.Counts = append(vv.Counts, statusCount{Status: status, N: n})
		if status == verification.Contradicted {
			vv.Contradicted = n
		}
	}
	for _, a := range o.Assessments {
		for _, r := range a.Risks {
			if r.PaperOnly {
				vv.PaperOnly++
			}
		}
	}
	return vv
}

// RowVerification is the verification of a row of the Statement of
// Applicability: of the claiming pii_control resources that declare it.
func (v *view) RowVerification(row *posture.ApplicabilityRow) string {
	if v.Verify == nil {
		return ""
	}
	return v.Verify.O.RefStatus(row.Ref)
}

// cell is a cell of the coverage matrix.
type cell struct {
	// Effect is a posture Effect constant, or "" when the control is not
	// selected for the risk.
	Effect string
	Class  string
	Text   string
	Reason string
}

type soaBlock struct {
	Info *posture.CatalogInfo
	Rows []*posture.ApplicabilityRow
	// Declared counts the rows some pii_control declares.
	Declared int
	// Summary is the line under the catalog's heading (soaSummary).
	Summary string
	// Excluded are the out_of_scope rows no pii_control declares: listed
	// apart, collapsed, since one note says why they are out of scope.
	Excluded []*posture.ApplicabilityRow
}

// Shown are the rows of the statement's table: all but the excluded ones
// that nothing declares.
func (b soaBlock) Shown() []*posture.ApplicabilityRow {
	if len(b.Excluded) == 0 {
		return b.Rows
	}
	out := make([]*posture.ApplicabilityRow, 0, len(b.Rows)-len(b.Excluded))
	for _, r := range b.Rows {
		if !r.OutOfScope || len(r.DeclaredBy) > 0 {
			out = append(out, r)
		}
	}
	return out
}

// soaSummary counts a catalog's rows: "126 controls: 14 implemented, 112
// not addressed", or, with controls out of scope, "in scope: 110
// controls, 14 implemented, 96 not addressed; 43 out of scope (controls
// for processors)".
func soaSummary(info *posture.CatalogInfo) string {
	var parts []string
	for _, c := range info.ByStatus.NonZero() {
		if c.Key != outOfScope {
			parts = append(parts, fmt.Sprintf("%d %s", c.N, human(c.Key)))
		}
	}
	if len(info.Exclusions) == 0 {
		return fmt.Sprintf("%d %s: %s", info.Controls, plural(info.Controls, "control", "controls"), strings.Join(parts, ", "))
	}
	var roles []string
	out := 0
	for _, ex := range info.Exclusions {
		roles = append(roles, "controls for "+ex.Role+"s")
		out += ex.Controls
	}
	s := fmt.Sprintf("in scope: %d %s", info.InScope, plural(info.InScope, "control", "controls"))
	if len(parts) > 0 {
		s += ", " + strings.Join(parts, ", ")
	}
	return s + fmt.Sprintf("; %d out of scope (%s)", out, strings.Join(roles, ", "))
}

// outOfScope is the applicability status of an excluded control.
const outOfScope = "out_of_scope"

// scopeConflict says why a declared row contradicts the scope.
func scopeConflict(r *posture.ApplicabilityRow) string {
	return "declared, but organization.roles leaves " + r.Role + "s out of scope: add \"" + r.Role + "\" to organization.roles, or remove the declaration"
}

// orgView is an organisation the documents name, with the documents that
// name it.
type orgView struct {
	Documents string
	Org       *posture.Organization
	Fields    []orgField
}

// orgField is a field of the organisation: its value, or "not stated" and
// what to set.
type orgField struct {
	Label string
	Value posture.Value
	// Fix is what to set when the value is not stated.
	Fix string
}

// orgViews are the distinct organisations of the documents, in document
// order.
func orgViews(p *posture.Posture) []orgView {
	var out []orgView
	seen := map[string]int{}
	for _, d := range p.Documents {
		o := d.Organization
		if o == nil {
			continue
		}
		fix := func(field string) string {
			switch {
			case o.Note == "":
				return "set organization." + field + " in the provider block"
			case field == "name":
				// Said once, for the whole organisation.
				return o.Fix + " (" + o.Note + ")"
			}
			return ""
		}
		ov := orgView{Documents: d.Name, Org: o, Fields: []orgField{
			{Label: "Name", Value: o.Name, Fix: fix("name")},
			{Label: "Contact", Value: o.Contact, Fix: fix("contact")},
			{Label: "Data protection officer", Value: o.DPOContact, Fix: fix("dpo_contact")},
		}}
		key := fmt.Sprint(o.Name, "|", o.Contact, "|", o.DPOContact, "|", o.Note)
		if i, ok := seen[key]; ok {
			out[i].Documents += ", " + d.Name
			continue
		}
		seen[key] = len(out)
		out = append(out, ov)
	}
	return out
}

// RolesText says which roles the organisation acts in.
func (o orgView) RolesText() string {
	if len(o.Org.Roles) == 0 {
		if o.Org.Note != "" {
			return posture.NotStated
		}
		return "controller and processor (organization.roles is not set)"
	}
	return posture.Join(o.Org.Roles, ", ")
}

// sources names each document with when it is from.
func sources(p *posture.Posture) string {
	parts := make([]string, len(p.Documents))
	for i, d := range p.Documents {
		parts[i] = d.Name + ", " + d.AsOf
	}
	return strings.Join(parts, "; ")
}

// recordItems lists what an activity's record lacks, for a cell.
func recordItems(a *posture.Activity) []string {
	if a.Record == nil {
		return nil
	}
	var out []string
	for _, it := range a.Record.Missing {
		out = append(out, "not stated: "+it.Text())
	}
	for _, it := range a.Record.Pending {
		out = append(out, it.Item+" (Art. "+it.Point+"): "+posture.UnknownText)
	}
	return out
}

// recordsComplete counts the complete records.
func (v *view) RecordsComplete() int { return v.P.Summary.Activities - v.P.Summary.RecordsIncomplete }

type checkView struct {
	R         *results.Report
	CountLine string
	Counts    []statusCount
	Blocking  int
	// Problems are the results that failed, errored or are unknown,
	// blocking ones first.
	Problems []problem
}

type statusCount struct {
	Status string
	N      int
}

type problem struct {
	results.Result
	Blocking bool
}

func newView(p *posture.Posture, opt Options) *view {
	v := &view{
		P: p, Title: opt.title(), Generated: opt.Generated, Version: opt.Version, Empty: p.Empty(),
		LCWidth: lcWidth,
		AxisLY:  hmTop + 2*hmCell, AxisIX: hmLeft + 2*hmCell, AxisIY: hmTop + 4*hmCell + 34,
		titleByID: map[string]string{},
	}
	if v.Version == "" {
		v.Version = "dev"
	}
	names := make([]string, len(p.Documents))
	for i, d := range p.Documents {
		names[i] = d.Name
	}
	v.Documents = strings.Join(names, ", ")
	v.Sources = sources(p)
	v.Orgs = orgViews(p)
	if opt.Check != nil {
		v.Check = newCheckView(opt.Check)
	}
	if opt.Verification != nil {
		v.Verify = newVerifyView(opt.Verification)
	}
	if v.Empty {
		return v
	}
	v.Grid = heatGrid()
	v.AxisRows, v.AxisCols = heatAxes()
	v.SummaryMap = summaryHeatMap(p)
	v.LevelRows = levelRows(p.Summary)
	for _, row := range p.Applicability {
		v.titleByID[row.Ref] = row.Title
	}
	for _, c := range p.Controls {
		if c.ID.IsKnown() && c.Title.IsKnown() {
			if _, ok := v.titleByID[c.ID.String()]; !ok {
				v.titleByID[c.ID.String()] = c.Title.String()
			}
		}
	}

	byAddress := map[string]*assessmentView{}
	for i, a := range p.Assessments {
		av := &assessmentView{A: a, N: i + 1, Anchor: "pia-" + strconv.Itoa(i+1)}
		byAddress[a.Address] = av
		v.Assessments = append(v.Assessments, av)
	}
	frames := map[string]lifecycleFrame{}
	for i, a := range p.Activities {
		av := &activityView{A: a, N: i + 1, Anchor: "act-" + strconv.Itoa(i+1)}
		av.Stages = stages(a)
		av.LC = lifecycle("lc-"+strconv.Itoa(i+1), av, frames)
		for _, addr := range a.Assessments {
			if as := byAddress[addr]; as != nil {
				av.Assessed = append(av.Assessed, link{Anchor: as.Anchor, Text: addr})
				if as.ActivityAnchor == "" {
					as.ActivityAnchor = av.Anchor
				}
			}
		}
		v.Activities = append(v.Activities, av)
	}
	markers := map[string]markerDef{}
	for _, as := range v.Assessments {
		v.fillAssessment(as)
		as.Heat.useDefs(markers)
	}
	v.Frames, v.Arrows, v.Markers = lifecycleFrames(frames), lifecycleArrowPaths(), markerDefs(markers)
	v.Catalogs = soaBlocks(p)
	return v
}

func (v *view) fillAssessment(as *assessmentView) {
	for _, id := range as.A.Controls {
		col := column{ID: id, Title: v.titleByID[id.String()]}
		if v.Verify != nil && id.IsKnown() {
			col.Verification = v.Verify.O.RefStatus(id.String())
		}
		as.Columns = append(as.Columns, col)
	}
	for j, r := range as.A.Risks {
		rv := riskView{R: r, N: j + 1, Label: "R" + strconv.Itoa(j+1)}
		if v.Verify != nil {
			if vr := v.Verify.O.Risk(as.A.Document, as.A.Address, r.Name.String()); vr != nil && vr.Changed() {
				rv.Verified = vr
			}
		}
		for _, col := range as.Columns {
			c := cell{}
			for _, rc := range r.Controls {
				if rc.ID == col.ID {
					c = cell{Effect: rc.Effect, Class: effectClass(rc.Effect), Text: effectText(rc.Effect), Reason: rc.Reason}
					break
				}
			}
			rv.Cells = append(rv.Cells, c)
		}
		as.Risks = append(as.Risks, rv)
	}
	title := "Heat map of " + as.A.Address
	if n := as.A.Activity.Name; !n.IsNull() {
		title = "Heat map of the risks to " + n.String()
	}
	as.Heat = riskHeatMap("hm-"+strconv.Itoa(as.N), title, as.Risks)
}

func effectClass(e string) string {
	switch e {
	case posture.EffectEffective:
		return "ef"
	case posture.EffectPartial:
		return "pa"
	case posture.EffectNone:
		return "no"
	}
	return "un"
}

func effectText(e string) string {
	switch e {
	case posture.EffectEffective:
		return "effective"
	case posture.EffectPartial:
		return "partial"
	case posture.EffectNone:
		return "no effect"
	}
	return posture.UnknownText
}

// stages describes the five life-cycle stages of an activity.
func stages(a *posture.Activity) []stageView {
	block := func(name string, st *posture.Stage, extra ...string) stageView {
		switch {
		case st == nil:
			return stageView{Name: name, Class: "off", Lines: []string{"not declared"}}
		case st.Unknown:
			return stageView{Name: name, Class: "unk", Lines: []string{posture.UnknownText}}
		}
		sv := stageView{Name: name, Class: "on"}
		for _, e := range extra {
			if e != "" {
				sv.Lines = append(sv.Lines, e)
			}
		}
		sv.Lines = append(sv.Lines, posture.Strings(st.Systems)...)
		return sv
	}
	var out []stageView
	if st := a.Collection; st != nil && !st.Source.IsNull() {
		out = append(out, block(posture.StageCollection, st, "source: "+enum(st.Source)))
	} else {
		out = append(out, block(posture.StageCollection, st))
	}
	if st := a.Storage; st != nil && len(st.Countries) > 0 {
		out = append(out, block(posture.StageStorage, st, "in "+posture.Join(st.Countries, ", ")))
	} else {
		out = append(out, block(posture.StageStorage, st))
	}
	if st := a.Use; st != nil && len(st.Countries) > 0 {
		out = append(out, block(posture.StageUse, st, "in "+posture.Join(st.Countries, ", ")))
	} else {
		out = append(out, block(posture.StageUse, st))
	}
	switch {
	case len(a.Transfers) == 0:
		out = append(out, stageView{Name: posture.StageTransfer, Class: "off", Lines: []string{"not declared"}})
	case a.Transfers[0].Unknown:
		out = append(out, stageView{Name: posture.StageTransfer, Class: "unk", Lines: []string{posture.UnknownText}})
	default:
		sv := stageView{Name: posture.StageTransfer, Class: "on"}
		var systems []string
		for _, t := range a.Transfers {
			sv.Lines = append(sv.Lines, t.Recipient.String(), "→ "+t.Country.String()+", "+enum(t.Mechanism))
			systems = append(systems, posture.Strings(t.Systems)...)
		}
		sv.Lines = append(sv.Lines, systems...)
		out = append(out, sv)
	}
	if st := a.Disposal; st != nil && !st.Method.IsNull() {
		out = append(out, block(posture.StageDisposal, st, "method: "+enum(st.Method)))
	} else {
		out = append(out, block(posture.StageDisposal, st))
	}
	for i := range out {
		if out[i].Class == "on" && len(out[i].Lines) == 0 {
			out[i].Lines = []string{"declared"}
		}
	}
	return out
}

// enum shows an enumerated value for people: very_high as "very high".
// Markers stay as they are.
func enum(v posture.Value) string {
	if !v.IsKnown() {
		return v.String()
	}
	return human(v.String())
}

func human(s string) string { return strings.ReplaceAll(s, "_", " ") }

// countryText shows a country code with its name: "US (United States of
// America)". Markers and codes the table does not know stay as they are.
func countryText(v posture.Value) string {
	if !v.IsKnown() {
		return v.String()
	}
	if name := country.Name(v.String()); name != "" {
		return v.String() + " (" + name + ")"
	}
	return v.String()
}

// volume shows an approximate number of principals: "about 250,000".
func volume(v posture.Value) string {
	if n, ok := v.Int(); ok {
		return "about " + thousands(n)
	}
	return "about " + v.String()
}

// retention shows an ISO 8601 duration with its reading: "P7Y (7 years)".
func retention(v posture.Value) string {
	if !v.IsKnown() {
		return v.Or("not stated")
	}
	d, err := isotime.ParseDuration(v.String())
	if err != nil {
		return v.String()
	}
	var parts []string
	put := func(n int, unit string) {
		if n == 1 {
			parts = append(parts, "1 "+unit)
		} else if n > 1 {
			parts = append(parts, strconv.Itoa(n)+" "+unit+"s")
		}
	}
	put(d.Years, "year")
	put(d.Months, "month")
	put(d.Weeks, "week")
	put(d.Days, "day")
	put(d.Hours, "hour")
	put(d.Minutes, "minute")
	put(d.Seconds, "second")
	if len(parts) == 0 {
		return v.String()
	}
	return v.String() + " (" + strings.Join(parts, " ") + ")"
}

// levelClass is the CSS class of a risk level.
func levelClass(level string) string {
	switch level {
	case "low":
		return "lo"
	case "medium":
		return "me"
	case "high":
		return "hi"
	case "very_high":
		return "vh"
	}
	return "un"
}

// coverageClass is the CSS class of a coverage value.
func coverageClass(c posture.Value) string {
	switch c.String() {
	case "covered", "accepted", "avoided", "transferred":
		return "ok"
	case "partially_covered":
		return "pa"
	case "uncovered":
		return "bad"
	}
	return "un"
}

// statusClass is the CSS class of a control or applicability status.
func statusClass(s string) string {
	switch s {
	case "implemented":
		return "ok"
	case "partial", "alternative":
		return "pa"
	case "planned":
		return "pl"
	case "not_applicable":
		return "na"
	case posture.NotAddressed, outOfScope:
		return "nd"
	}
	return "un"
}

// rated is "significant × maximum = 12", with ", very high" when a level
// is given.
func rated(l, i, score posture.Value, level ...posture.Value) string {
	if l.IsNull() && i.IsNull() {
		return ""
	}
	s := fmt.Sprintf("%s × %s", enum(l), enum(i))
	if !score.IsNull() {
		s += " = " + score.String()
	}
	for _, lv := range level {
		if !lv.IsNull() {
			s += ", " + enum(lv)
		}
	}
	return s
}

func soaBlocks(p *posture.Posture) []soaBlock {
	var out []soaBlock
	rows := p.Applicability
	for _, info := range p.Catalogs {
		n := min(info.Controls, len(rows))
		b := soaBlock{Info: info, Rows: rows[:n], Summary: soaSummary(info)}
		for _, r := range b.Rows {
			if len(r.DeclaredBy) > 0 {
				b.Declared++
			} else if r.OutOfScope {
				b.Excluded = append(b.Excluded, r)
			}
		}
		out = append(out, b)
		rows = rows[n:]
	}
	return out
}

func newCheckView(r *results.Report) *checkView {
	cv := &checkView{R: r, CountLine: r.CountLine()}
	counts := r.Count()
	for _, s := range results.Statuses {
		cv.Counts = append(cv.Counts, statusCount{Status: string(s), N: counts[s]})
	}
	overridden := map[string]bool{}
	for _, name := range r.Overridden {
		overridden[name] = true
	}
	for _, res := range r.Results {
		if res.Policy == nil || res.Resource == nil {
			continue
		}
		blocking := res.Blocking(false) &&
			(res.Policy.EnforcementLevel != results.MandatoryOverridable || !overridden[res.Policy.Name])
		if blocking {
			cv.Blocking++
		}
		switch res.Status {
		case results.Fail, results.Error, results.Unknown:
			cv.Problems = append(cv.Problems, problem{Result: res, Blocking: blocking})
		}
	}
	sort.SliceStable(cv.Problems, func(i, j int) bool {
		a, b := cv.Problems[i], cv.Problems[j]
		if a.Blocking != b.Blocking {
			return a.Blocking
		}
		if a.Resource.Document != b.Resource.Document {
			return a.Resource.Document < b.Resource.Document
		}
		if a.Resource.Address != b.Resource.Address {
			return a.Resource.Address < b.Resource.Address
		}
		return a.Policy.Name < b.Policy.Name
	})
	return cv
}

// levelRows lines up the counts of risks by inherent and residual level.
func levelRows(s posture.Summary) []levelRow {
	var keys []string
	for _, c := range s.RisksByInherentLevel {
		keys = append(keys, c.Key)
	}
	for _, c := range s.RisksByResidualLevel {
		if !slices.Contains(keys, c.Key) {
			keys = append(keys, c.Key)
		}
	}
	var rows []levelRow
	for _, k := range keys {
		row := levelRow{Key: k, Inherent: strconv.Itoa(s.RisksByInherentLevel.Get(k)), Residual: strconv.Itoa(s.RisksByResidualLevel.Get(k))}
		if k == posture.LevelAvoided {
			row.Inherent = "–"
		}
		rows = append(rows, row)
	}
	return rows
}
