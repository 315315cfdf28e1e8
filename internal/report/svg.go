package report

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/risk"
)

// The geometry of the figures, in SVG user units. The HTML template draws
// them; the numbers are computed here so that the template holds no
// arithmetic and every value it writes into an attribute is a number.

// Heat map: likelihood rows (maximum at the top) by impact columns.
const (
	hmLeft   = 84 // room for the likelihood labels
	hmTop    = 8
	hmCell   = 56
	hmWidth  = hmLeft + 4*hmCell + 8
	hmHeight = hmTop + 4*hmCell + 42
	hmRadius = 7.5
)

// hmSlot is the centre of slot s (0–8, a 3×3 grid) of a cell, from the
// cell's corner.
func hmSlot(s int) (float64, float64) {
	s %= 9
	return 12 + float64(s%3)*16, 12 + float64(s/3)*16
}

// cellOrigin is the top-left corner of the cell of likelihood l and impact
// i (1–4 each).
func cellOrigin(l, i int) (float64, float64) {
	return hmLeft + float64(i-1)*hmCell, hmTop + float64(4-l)*hmCell
}

// heatCell is a cell of the grid.
type heatCell struct {
	X, Y           int
	Class          string
	Score          int
	ScoreX, ScoreY int
}

// heatGrid is the 4×4 grid that every heat map shares (drawn once, in the
// document's defs, and used by reference).
func heatGrid() []heatCell {
	var cells []heatCell
	for l := 4; l >= 1; l-- {
		for i := 1; i <= 4; i++ {
			x, y := cellOrigin(l, i)
			score, level := risk.Assess(risk.Rating(l), risk.Rating(i))
			cells = append(cells, heatCell{
				X: int(x), Y: int(y), Class: levelClass(level.String()), Score: score,
				ScoreX: int(x) + hmCell - 4, ScoreY: int(y) + hmCell - 5,
			})
		}
	}
	return cells
}

// axisLabel is a label of an axis of the heat map.
type axisLabel struct {
	X, Y int
	Text string
}

func heatAxes() (rows, cols []axisLabel) {
	names := risk.RatingNames()
	for l := 1; l <= 4; l++ {
		_, y := cellOrigin(l, 1)
		rows = append(rows, axisLabel{X: hmLeft - 6, Y: int(y) + hmCell/2 + 4, Text: names[l-1]})
	}
	for i := 1; i <= 4; i++ {
		x, _ := cellOrigin(1, i)
		cols = append(cols, axisLabel{X: int(x) + hmCell/2, Y: hmTop + 4*hmCell + 14, Text: names[i-1]})
	}
	return rows, cols
}

// heatMarker is a circle with a label: drawn in place, or, when Ref is
// set, by reference to the marker of that class and label in the defs.
type heatMarker struct {
	Ref   string
	X, Y  string
	R     string
	Class string
	Label string
	TX    string
	TY    string
}

// heatArrow is the move of one risk from its inherent to its residual
// position.
type heatArrow struct {
	X1, Y1, X2, Y2 string
}

// heatMap is one heat map figure.
type heatMap struct {
	W, H    int
	ID      string
	Title   string
	Desc    string
	Markers []heatMarker
	Arrows  []heatArrow
	// Groups are the markers by class, drawn in this order.
	Groups []markerGroup
	// Unplaced lists what cannot be drawn (ratings not known).
	Unplaced []string
}

// markerGroup is the markers of one class.
type markerGroup struct {
	Class string
	// Shared: the markers refer to the definitions in the defs.
	Shared  bool
	Markers []heatMarker
}

// markerDef is a risk marker drawn once in the defs: a circle of a class
// with a number, with presentation attributes.
type markerDef struct {
	ID, Label              string
	Fill, Stroke, TextFill string
	StrokeWidth, Dash      string
}

// markerDefFor returns the definition of the marker of class and label.
func markerDefFor(class, label string) markerDef {
	d := markerDef{ID: "m" + class + label, Label: label, Fill: "#263238", Stroke: "#263238", TextFill: "#fff", StrokeWidth: "1.5"}
	switch class {
	case "in":
		d.Fill, d.TextFill, d.Dash = "#fff", "#1b1f24", "3 2"
	case "same":
		d.Stroke, d.StrokeWidth = "#fff", "2"
	case "ver":
		d.Fill, d.Stroke = "#b3261e", "#b3261e"
	}
	return d
}

// useDefs makes the markers refer to shared definitions, adding them to
// defs.
func (hm *heatMap) useDefs(defs map[string]markerDef) {
	for i := range hm.Markers {
		m := &hm.Markers[i]
		d := markerDefFor(m.Class, m.Label)
		defs[d.ID] = d
		m.Ref = d.ID
	}
	hm.Groups = nil
	hm.group()
}

// markerDefs lists the marker definitions in a stable order.
func markerDefs(used map[string]markerDef) []markerDef {
	out := make([]markerDef, 0, len(used))
	for _, d := range used {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].ID) != len(out[j].ID) {
			return len(out[i].ID) < len(out[j].ID)
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// group sorts the markers into groups by class: hollow inherent markers
// first, so that residual ones are drawn over them, verified residual ones
// last.
func (hm *heatMap) group() {
	for _, class := range []string{"in", "same", "res", "ver"} {
		g := markerGroup{Class: class, Shared: true}
		for _, m := range hm.Markers {
			if m.Class == class {
				g.Markers = append(g.Markers, m)
				g.Shared = g.Shared && m.Ref != ""
			}
		}
		if len(g.Markers) > 0 {
			hm.Groups = append(hm.Groups, g)
		}
	}
}

func num(f float64) string {
	return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64)
}

func marker(x, y, r float64, class, label string) heatMarker {
	return heatMarker{X: num(x), Y: num(y), R: num(r), Class: class, Label: label, TX: num(x), TY: num(y + 3)}
}

// rating parses a rating name, 0 when it is not one (or not known).
func rating(v posture.Value) int {
	if !v.IsKnown() {
		return 0
	}
	r, err := risk.ParseRating(v.String())
	if err != nil {
		return 0
	}
	return int(r)
}

// slotter hands out the slots of the cells.
type slotter map[[2]int]int

func (s slotter) next(l, i int) (float64, float64) {
	k := [2]int{l, i}
	n := s[k]
	s[k] = n + 1
	ox, oy := cellOrigin(l, i)
	dx, dy := hmSlot(n)
	return ox + dx, oy + dy
}

// riskHeatMap places each risk of an assessment: a hollow marker at its
// inherent position, a filled one at its residual position, and an arrow
// between them. A risk that does not move has one marker; an avoided risk
// only its inherent one.
func riskHeatMap(id, title string, risks []riskView) heatMap {
	hm := heatMap{W: hmWidth, H: hmHeight, ID: id, Title: title}
	slots := slotter{}
	desc := []string{"Likelihood × impact of each risk, before and after controls:"}
	for _, rv := range risks {
		r := rv.R
		li, ii := rating(r.Likelihood), rating(r.Impact)
		lr, ir := rating(r.ResidualLikelihood), rating(r.ResidualImpact)
		if li == 0 || ii == 0 {
			hm.Unplaced = append(hm.Unplaced, rv.Label)
			desc = append(desc, rv.Label+": ratings "+posture.UnknownText+".")
			continue
		}
		from := fmt.Sprintf("%s × %s", r.Likelihood, r.Impact)
		switch {
		case r.Avoided():
			x, y := slots.next(li, ii)
			hm.Markers = append(hm.Markers, marker(x, y, hmRadius, "in", strconv.Itoa(rv.N)))
			desc = append(desc, rv.Label+" "+from+", avoided.")
		case lr == 0 || ir == 0:
			x, y := slots.next(li, ii)
			hm.Markers = append(hm.Markers, marker(x, y, hmRadius, "in", strconv.Itoa(rv.N)))
			desc = append(desc, rv.Label+" "+from+", residual "+posture.UnknownText+".")
		case lr == li && ir == ii:
			x, y := slots.next(li, ii)
			hm.Markers = append(hm.Markers, marker(x, y, hmRadius, "same", strconv.Itoa(rv.N)))
			desc = append(desc, rv.Label+" "+from+", unchanged.")
		default:
			x1, y1 := slots.next(li, ii)
			x2, y2 := slots.next(lr, ir)
			hm.Markers = append(hm.Markers, marker(x1, y1, hmRadius, "in", strconv.Itoa(rv.N)), marker(x2, y2, hmRadius, "res", strconv.Itoa(rv.N)))
			hm.Arrows = append(hm.Arrows, arrow(x1, y1, x2, y2, hmRadius+1))
			desc = append(desc, fmt.Sprintf("%s %s to %s × %s.", rv.Label, from, r.ResidualLikelihood, r.ResidualImpact))
		}
		// The verified residual, where the evidence moves the risk: a red
		// marker, without an arrow (the declared move stays readable).
		if v := rv.Verified; v != nil && !r.Avoided() {
			lv, iv := rating(posture.Text(v.VerifiedLikelihood)), rating(posture.Text(v.VerifiedImpact))
			if lv != 0 && iv != 0 && (lv != lr || iv != ir) {
				x, y := slots.next(lv, iv)
				hm.Markers = append(hm.Markers, marker(x, y, hmRadius, "ver", strconv.Itoa(rv.N)))
				desc = append(desc, fmt.Sprintf("%s verified on the infrastructure: %s × %s.", rv.Label, v.VerifiedLikelihood, v.VerifiedImpact))
			}
		}
	}
	hm.group()
	hm.Desc = strings.Join(desc, " ")
	return hm
}

// arrow shortens the segment by gap at both ends so that the arrow head
// stops at the marker's edge.
func arrow(x1, y1, x2, y2, gap float64) heatArrow {
	dx, dy := x2-x1, y2-y1
	d := math.Hypot(dx, dy)
	if d <= 2*gap {
		return heatArrow{X1: num(x1), Y1: num(y1), X2: num(x2), Y2: num(y2)}
	}
	ux, uy := dx/d, dy/d
	return heatArrow{X1: num(x1 + ux*gap), Y1: num(y1 + uy*gap), X2: num(x2 - ux*(gap+1)), Y2: num(y2 - uy*(gap+1))}
}

// summaryHeatMap counts the risks of every assessment in each cell: the
// inherent count top left (hollow), the residual count bottom right
// (filled).
func summaryHeatMap(p *posture.Posture) heatMap {
	var inherent, residual [5][5]int
	total := 0
	for _, a := range p.Assessments {
		for _, r := range a.Risks {
			li, ii := rating(r.Likelihood), rating(r.Impact)
			if li == 0 || ii == 0 {
				continue
			}
			total++
			inherent[li][ii]++
			lr, ir := rating(r.ResidualLikelihood), rating(r.ResidualImpact)
			if !r.Avoided() && lr > 0 && ir > 0 {
				residual[lr][ir]++
			}
		}
	}
	hm := heatMap{W: hmWidth, H: hmHeight, ID: "hm-all", Title: "Heat map of all risks: number of risks at each inherent and residual position"}
	var desc []string
	names := risk.RatingNames()
	for l := 4; l >= 1; l-- {
		for i := 1; i <= 4; i++ {
			ox, oy := cellOrigin(l, i)
			if n := inherent[l][i]; n > 0 {
				hm.Markers = append(hm.Markers, marker(ox+15, oy+15, 11, "in", strconv.Itoa(n)))
			}
			if n := residual[l][i]; n > 0 {
				hm.Markers = append(hm.Markers, marker(ox+hmCell-17, oy+hmCell-19, 11, "res", strconv.Itoa(n)))
			}
			if inherent[l][i]+residual[l][i] > 0 {
				desc = append(desc, fmt.Sprintf("Likelihood %s, impact %s: %d inherent, %d residual.", names[l-1], names[i-1], inherent[l][i], residual[l][i]))
			}
		}
	}
	if total == 0 {
		desc = append(desc, "No risk with known ratings.")
	}
	hm.group()
	hm.Desc = strings.Join(desc, " ")
	return hm
}

// Life-cycle diagram: five boxes in a row.
const (
	lcBox      = 160
	lcGap      = 22
	lcWidth    = 5*lcBox + 4*lcGap + 8
	lcLine     = 15
	lcFirst    = 42
	lcMaxLines = 5
	// lcChars is how many narrow characters fit on a line of a box.
	lcChars = 25
)

// lifecycleBox is one stage of the diagram: its frame (a rectangle and
// the stage's name) is drawn once in the document's defs, as Frame, and
// used by reference; its lines are the activity's own.
type lifecycleBox struct {
	Frame string
	TX    int
	Lines []lifecycleLine
}

type lifecycleLine struct {
	Y    int
	Text string
}

type lifecycleSVG struct {
	ID     string
	Title  string
	Desc   string
	Height int
	Boxes  []lifecycleBox
}

// lifecycleFrame is the frame of a box: a stage, its look and its height
// (in lines), drawn in the defs with presentation attributes (style sheets
// do not reach inside a use element everywhere).
type lifecycleFrame struct {
	ID                 string
	X, TX, W, H        int
	Fill, Stroke, Dash string
	TitleFill, Title   string
	// Note is the text of a stage not declared.
	Note  string
	NoteY int
}

// lifecycleFrames lists the frames the diagrams use, in a stable order.
func lifecycleFrames(used map[string]lifecycleFrame) []lifecycleFrame {
	out := make([]lifecycleFrame, 0, len(used))
	for _, f := range used {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// lifecycleArrowPaths are the arrows between the five boxes.
func lifecycleArrowPaths() []string {
	var out []string
	for i := 0; i < 4; i++ {
		x := 4 + i*(lcBox+lcGap)
		out = append(out, fmt.Sprintf("M%d 22H%d", x+lcBox+2, x+lcBox+lcGap-3))
	}
	return out
}

// lifecycle lays out an activity's stages, adding the frames it uses to
// frames.
func lifecycle(id string, av *activityView, frames map[string]lifecycleFrame) lifecycleSVG {
	lc := lifecycleSVG{ID: id, Title: "Life cycle of " + av.A.Name.String()}
	maxLines := 1
	var desc []string
	var boxLines [][]string
	for _, st := range av.Stages {
		lines := st.Lines
		if len(lines) > lcMaxLines {
			more := len(lines) - (lcMaxLines - 1)
			lines = append(lines[:lcMaxLines-1:lcMaxLines-1], fmt.Sprintf("+%d more", more))
		}
		maxLines = max(maxLines, len(lines))
		desc = append(desc, capitalise(st.Name)+": "+strings.Join(st.Lines, "; ")+".")
		boxLines = append(boxLines, lines)
	}
	boxH := lcFirst + maxLines*lcLine - 4
	lc.Desc = strings.Join(desc, " ")
	lc.Height = boxH + 8
	for i, st := range av.Stages {
		x := 4 + i*(lcBox+lcGap)
		f := lifecycleFrame{
			ID: fmt.Sprintf("lf%d%s%d", i, st.Class, maxLines), X: x, TX: x + 8, W: lcBox, H: boxH,
			Fill: "#eef4fb", Stroke: "#5b87b5", TitleFill: "#1b1f24", Title: capitalise(st.Name),
		}
		switch st.Class {
		case "off":
			f.Fill, f.Stroke, f.Dash, f.TitleFill = "#f4f4f4", "#aaa", "4 3", "#8a8a8a"
			f.Note, f.NoteY = "not declared", 4+lcFirst
		case "unk":
			f.Fill, f.Stroke, f.Dash = "#fff", "#888", "2 2"
		}
		frames[f.ID] = f
		box := lifecycleBox{Frame: f.ID, TX: f.TX}
		for j, l := range boxLines[i] {
			box.Lines = append(box.Lines, lifecycleLine{Y: 4 + lcFirst + j*lcLine, Text: fit(l, lcChars)})
		}
		if st.Class == "off" {
			box.Lines = nil // the frame says "not declared"
		}
		lc.Boxes = append(lc.Boxes, box)
	}
	return lc
}

// fit shortens s to about n narrow characters, counting wide (East Asian)
// characters as two, and ends a shortened text with an ellipsis.
func fit(s string, n int) string {
	width := func(r rune) int {
		if isWide(r) {
			return 2
		}
		return 1
	}
	total := 0
	for _, r := range s {
		total += width(r)
	}
	if total <= n {
		return s
	}
	w := 0
	for i, r := range s {
		if w+width(r) > n-1 {
			return strings.TrimRightFunc(s[:i], unicode.IsSpace) + "…"
		}
		w += width(r)
	}
	return s
}

func isWide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0xFF00 && r <= 0xFFEF) || (r >= 0x3000 && r <= 0x303F)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
