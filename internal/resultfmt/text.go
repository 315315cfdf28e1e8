package resultfmt

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"

	"github.com/privacycode/terraform-provider-pii/internal/results"
)

// ANSI SGR sequences of the text format.
const (
	sgrReset  = "\x1b[0m"
	sgrBold   = "\x1b[1m"
	sgrRed    = "\x1b[1;31m"
	sgrYellow = "\x1b[33m"
	sgrGreen  = "\x1b[32m"
	sgrDim    = "\x1b[2m"
)

// Indentation of the text format: resources, results, result details.
const (
	indentResource = "  "
	indentResult   = "    "
	statusWidth    = len("UNKNOWN") + 2
)

var indentDetail = indentResult + strings.Repeat(" ", statusWidth)

type textWriter struct {
	b     *bytes.Buffer
	color bool
}

func (t textWriter) paint(sgr, s string) string {
	if !t.color || s == "" {
		return s
	}
	return sgr + s + sgrReset
}

func writeText(b *bytes.Buffer, v *view) error {
	t := textWriter{b: b, color: v.opt.Color}
	fmt.Fprintf(b, "Checked %d %s against %d %s.",
		len(v.docs), plural(len(v.docs), "document", "documents"),
		len(v.policies), plural(len(v.policies), "policy", "policies"))
	if v.opt.Strict {
		b.WriteString(" Strict: unknown results of mandatory policies block.")
	}
	b.WriteString("\n")
	if len(v.report.Overridden) > 0 {
		fmt.Fprintf(b, "Overridden policies: %s.\n", clean(strings.Join(v.report.Overridden, ", ")))
	}
	if len(v.rows) == 0 {
		b.WriteString("No resources were checked.\n")
	}

	byDoc := map[string][]row{}
	for _, rw := range v.rows {
		byDoc[rw.Resource.Document] = append(byDoc[rw.Resource.Document], rw)
	}
	for _, doc := range v.docs {
		b.WriteString("\n")
		rows := byDoc[doc]
		if len(rows) == 0 {
			fmt.Fprintf(b, "%s: no resources checked\n", t.paint(sgrBold, clean(doc)))
			continue
		}
		fmt.Fprintf(b, "%s\n", t.paint(sgrBold, clean(doc)))
		for start := 0; start < len(rows); {
			end := start + 1
			for end < len(rows) && rows[end].Resource.Address == rows[start].Resource.Address {
				end++
			}
			t.resource(rows[start:end])
			start = end
		}
	}

	b.WriteString("\n")
	b.WriteString(v.report.CountLine())
	b.WriteString("\n")
	verdict := "result: " + v.verdict()
	if len(v.blocking) > 0 {
		verdict = t.paint(sgrRed, verdict)
	} else {
		verdict = t.paint(sgrGreen, verdict)
	}
	b.WriteString(verdict)
	b.WriteString("\n")
	return nil
}

// resource writes one resource: its address and counts, then each result
// that did not pass.
func (t textWriter) resource(rows []row) {
	res := rows[0].Resource
	counts := map[results.Status]int{}
	for _, rw := range rows {
		counts[rw.Status]++
	}
	var about []string
	if res.Operation != "" {
		about = append(about, clean(res.Operation))
	}
	if res.HoldsPII {
		about = append(about, "holds PII")
	}
	head := clean(res.Address)
	if len(about) > 0 {
		head += " (" + strings.Join(about, ", ") + ")"
	}
	fmt.Fprintf(t.b, "%s%s: %s\n", indentResource, head, statusCounts(counts))
	// Fail and error first, then unknown, each by policy name.
	for _, s := range results.Statuses {
		for _, rw := range rows {
			if rw.Status == s && nonPass(s) {
				t.result(rw)
			}
		}
	}
	// A pass or not_applicable result that says why (the verification of
	// a claimed control, for one) is shown with its message; the pack's
	// own policies say nothing when they pass.
	for _, rw := range rows {
		if !nonPass(rw.Status) && len(rw.Messages) > 0 {
			t.note(rw)
		}
	}
}

// note writes a result that passed or did not apply, with its messages.
func (t textWriter) note(rw row) {
	label := strings.ToUpper(string(rw.Status))
	if rw.Status == results.NotApplicable {
		label = "N/A"
	}
	pad := strings.Repeat(" ", statusWidth-len(label))
	sgr := sgrDim
	if rw.Status == results.Pass {
		sgr = sgrGreen
	}
	t.b.WriteString(indentResult + t.paint(sgr, label) + pad + clean(rw.Policy.Name) + "\n")
	for _, msg := range rw.Messages {
		for _, l := range messageLines(msg) {
			t.b.WriteString(strings.TrimRight(indentDetail+clean(l), " \t") + "\n")
		}
	}
}

func (t textWriter) result(rw row) {
	label := strings.ToUpper(string(rw.Status))
	pad := strings.Repeat(" ", statusWidth-len(label))
	sgr := sgrYellow
	if rw.Status != results.Unknown {
		sgr = sgrRed
	}
	line := indentResult + t.paint(sgr, label) + pad + clean(rw.Policy.Name)
	switch {
	case rw.Blocking:
		line += "  " + t.paint(sgrRed, "[BLOCKING]")
	case rw.Overridden:
		line += "  " + t.paint(sgrYellow, "[overridden]")
	}
	t.b.WriteString(line + "\n")

	p := rw.Policy
	details := []string{
		"severity: " + orDash(p.Severity),
		"enforcement: " + orDash(p.EnforcementLevel),
		"controls: " + orDash(strings.Join(p.Controls, ", ")),
	}
	if f := policyFile(p); f != "" {
		details = append(details, "policy: "+f)
	}
	t.b.WriteString(indentDetail + t.paint(sgrDim, clean(strings.Join(details, "; "))) + "\n")

	bullet := len(rw.Messages) > 1
	for _, msg := range rw.Messages {
		for i, l := range messageLines(msg) {
			prefix := ""
			if bullet {
				prefix = "  "
				if i == 0 {
					prefix = "- "
				}
			}
			t.b.WriteString(strings.TrimRight(indentDetail+prefix+clean(l), " \t") + "\n")
		}
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// clean makes user text safe for a terminal and for the layout: control
// characters other than tab (escape sequences, carriage returns, bells,
// newlines) are shown as Go escapes such as \x1b instead of acting on the
// terminal. Multi-line messages are split into lines before.
func clean(s string) string {
	if strings.IndexFunc(s, isUnsafe) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isUnsafe(r) {
			fmt.Fprintf(&b, `\x%02x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isUnsafe(r rune) bool {
	return unicode.IsControl(r) && r != '\t'
}
