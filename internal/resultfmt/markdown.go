package resultfmt

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/mdescape"
	"github.com/privacycode/terraform-provider-pii/internal/results"
)

// MarkdownLimit is the most bytes the markdown format writes: a pull-request
// comment holds 65,536 characters, and a character is at least a byte.
// Longer reports lose table rows, failures last, with a note saying how
// many are not shown.
const MarkdownLimit = 65000

// markdownNoteReserve is kept free for the truncation notes.
const markdownNoteReserve = 400

const markdownProblemsHeader = "| Resource | Policy | Status | Severity | Enforcement | Controls | Message |\n" +
	"|---|---|---|---|---|---|---|\n"

const markdownUnknownHeader = "| Resource | Policy | Severity | Enforcement | Controls | Why unknown |\n" +
	"|---|---|---|---|---|---|\n"

// markdownNotesHeader heads the results that passed or did not apply and
// say why (the verification of claimed controls).
const markdownNotesHeader = "| Resource | Policy | Severity | Enforcement | Controls | What it says |\n" +
	"|---|---|---|---|---|---|\n"

func writeMarkdown(b *bytes.Buffer, v *view) error {
	writeMarkdownLimit(b, v, MarkdownLimit)
	return nil
}

func writeMarkdownLimit(b *bytes.Buffer, v *view, limit int) {
	multiDoc := len(v.docs) > 1

	// Failures and errors, and unknowns that block (strict), go in the
	// table; blocking ones first so that truncation drops them last.
	var problems, unknowns, notes []row
	for _, rw := range v.rows {
		switch {
		case rw.Status == results.Fail || rw.Status == results.Error || rw.Blocking:
			problems = append(problems, rw)
		case rw.Status == results.Unknown:
			unknowns = append(unknowns, rw)
		case len(rw.Messages) > 0:
			notes = append(notes, rw)
		}
	}
	sort.SliceStable(problems, func(i, j int) bool { return problems[i].Blocking && !problems[j].Blocking })

	var head strings.Builder
	mark := "✅"
	if len(v.blocking) > 0 {
		mark = "❌"
	}
	fmt.Fprintf(&head, "## %s Privacy policy check: %s\n\n", mark, v.verdict())
	if len(v.docs) == 0 {
		fmt.Fprintf(&head, "Checked no documents against %d %s.", len(v.policies), plural(len(v.policies), "policy", "policies"))
	} else {
		docs := make([]string, len(v.docs))
		for i, d := range v.docs {
			docs[i] = mdText(d)
		}
		fmt.Fprintf(&head, "Checked %s against %d %s.", strings.Join(docs, ", "),
			len(v.policies), plural(len(v.policies), "policy", "policies"))
	}
	if v.opt.Strict {
		head.WriteString(" Strict: unknown results of mandatory policies block.")
	}
	head.WriteString("\n")
	if len(v.report.Overridden) > 0 {
		names := make([]string, len(v.report.Overridden))
		for i, n := range v.report.Overridden {
			names[i] = mdText(n)
		}
		fmt.Fprintf(&head, "\nOverridden policies: %s.\n", strings.Join(names, ", "))
	}
	head.WriteString("\n| Status | Count |\n|---|---:|\n")
	for _, s := range results.Statuses {
		fmt.Fprintf(&head, "| %s | %d |\n", s, v.counts[s])
	}
	fmt.Fprintf(&head, "| **blocking** | **%d** |\n", len(v.blocking))
	if len(v.rows) == 0 {
		head.WriteString("\nNo resources were checked.\n")
	}

	problemRows := make([]string, len(problems))
	for i, rw := range problems {
		problemRows[i] = markdownProblemRow(rw, multiDoc)
	}
	unknownRows := make([]string, len(unknowns))
	for i, rw := range unknowns {
		unknownRows[i] = markdownUnknownRow(rw, multiDoc)
	}

	problemsTitle := "\n### Failures and errors\n\n"
	if v.opt.Strict {
		problemsTitle = "\n### Failures, errors and blocking unknowns\n\n"
	}
	unknownOpen := fmt.Sprintf("\n<details>\n<summary>%d unknown %s, not blocking: %s</summary>\n\n",
		len(unknowns), plural(len(unknowns), "result", "results"),
		"the policy depends on values known only after apply")
	unknownClose := "\n</details>\n"
	notesOpen := fmt.Sprintf("\n<details>\n<summary>%d %s that passed or did not apply, with what %s</summary>\n\n",
		len(notes), plural(len(notes), "result", "results"), plural(len(notes), "it says", "they say"))
	noteRows := make([]string, len(notes))
	for i, rw := range notes {
		noteRows[i] = markdownUnknownRow(rw, multiDoc)
	}
	foot := fmt.Sprintf("\n%s", v.report.CountLine())
	if v.opt.Version != "" {
		foot += fmt.Sprintf(" · %s %s", ToolName, mdText(v.opt.Version))
	}
	foot += "\n"

	// Fit the rows into what the fixed parts leave.
	fixed := head.Len() + len(foot)
	if len(problems) > 0 {
		fixed += len(problemsTitle) + len(markdownProblemsHeader)
	}
	if len(unknowns) > 0 {
		fixed += len(unknownOpen) + len(markdownUnknownHeader) + len(unknownClose)
	}
	if len(notes) > 0 {
		fixed += len(notesOpen) + len(markdownNotesHeader) + len(unknownClose)
	}
	shownProblems, shownUnknowns, shownNotes := len(problemRows), len(unknownRows), len(noteRows)
	if fixed+totalLen(problemRows)+totalLen(unknownRows)+totalLen(noteRows) > limit {
		budget := limit - fixed - markdownNoteReserve
		shownProblems = fit(problemRows, budget)
		budget -= totalLen(problemRows[:shownProblems])
		shownUnknowns, shownNotes = 0, 0
		if shownProblems == len(problemRows) {
			shownUnknowns = fit(unknownRows, budget)
			budget -= totalLen(unknownRows[:shownUnknowns])
			if shownUnknowns == len(unknownRows) {
				shownNotes = fit(noteRows, budget)
			}
		}
	}

	b.WriteString(head.String())
	if len(problems) > 0 {
		b.WriteString(problemsTitle)
		writeRows(b, markdownProblemsHeader, problemRows, shownProblems, "", "failure", "failures")
	}
	if len(unknowns) > 0 {
		b.WriteString(unknownOpen)
		writeRows(b, markdownUnknownHeader, unknownRows, shownUnknowns, "unknown ", "result", "results")
		b.WriteString(unknownClose)
	}
	if len(notes) > 0 {
		b.WriteString(notesOpen)
		writeRows(b, markdownNotesHeader, noteRows, shownNotes, "", "result", "results")
		b.WriteString(unknownClose)
	}
	b.WriteString(foot)
}

// writeRows writes the first shown rows of a table under its header, and
// how many were left out ("… 3 more unknown results not shown").
func writeRows(b *bytes.Buffer, header string, rows []string, shown int, kind, one, many string) {
	if shown > 0 {
		b.WriteString(header)
	}
	for _, r := range rows[:shown] {
		b.WriteString(r)
	}
	if n := len(rows) - shown; n > 0 {
		more := ""
		if shown > 0 {
			b.WriteString("\n")
			more = "more "
		}
		fmt.Fprintf(b, "… %d %s%s%s not shown; see the JSON or SARIF output.\n", n, more, kind, plural(n, one, many))
	}
}

// fit returns how many rows, from the first, fit in budget bytes.
func fit(rows []string, budget int) int {
	n := 0
	for _, r := range rows {
		if len(r) > budget {
			break
		}
		budget -= len(r)
		n++
	}
	return n
}

func totalLen(rows []string) int {
	n := 0
	for _, r := range rows {
		n += len(r)
	}
	return n
}

func markdownResource(rw row, multiDoc bool) string {
	cell := mdCell(rw.Resource.Address)
	if multiDoc {
		cell += "<br>in " + mdCell(rw.Resource.Document)
	}
	return cell
}

func markdownProblemRow(rw row, multiDoc bool) string {
	status := string(rw.Status)
	switch {
	case rw.Blocking:
		status = "**" + status + "** (blocking)"
	case rw.Overridden:
		status += " (overridden)"
	}
	return mdescape.Row(
		markdownResource(rw, multiDoc),
		mdCell(rw.Policy.Name),
		status,
		mdCell(orDash(rw.Policy.Severity)),
		mdCell(orDash(rw.Policy.EnforcementLevel)),
		mdCell(orDash(strings.Join(rw.Policy.Controls, ", "))),
		markdownMessages(rw),
	)
}

func markdownUnknownRow(rw row, multiDoc bool) string {
	return mdescape.Row(
		markdownResource(rw, multiDoc),
		mdCell(rw.Policy.Name),
		mdCell(orDash(rw.Policy.Severity)),
		mdCell(orDash(rw.Policy.EnforcementLevel)),
		mdCell(orDash(strings.Join(rw.Policy.Controls, ", "))),
		markdownMessages(rw),
	)
}

func markdownMessages(rw row) string {
	if len(rw.Messages) == 0 {
		return "-"
	}
	cells := make([]string, len(rw.Messages))
	for i, m := range rw.Messages {
		cells[i] = mdCell(m)
	}
	return strings.Join(cells, "<br>")
}

// mdText escapes user text for a markdown paragraph. Control characters
// are shown as escapes, as in the text format.
func mdText(s string) string {
	return mdescape.Text(clean(strings.Join(messageLines(s), " ")))
}

// mdCell escapes user text for a table cell: newlines become <br>.
func mdCell(s string) string {
	lines := messageLines(s)
	for i, l := range lines {
		lines[i] = mdescape.Text(clean(l))
	}
	return strings.Join(lines, "<br>")
}
