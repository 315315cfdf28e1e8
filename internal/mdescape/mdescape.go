// Package mdescape escapes user text for GitHub-flavoured Markdown, so that
// it renders as itself in pull-request comments and job summaries: the
// policy results (package resultfmt) and the posture reports (package
// report) share it.
package mdescape

import "strings"

// escaper turns HTML-significant characters into entities (so "<script>"
// is text, not a tag) and escapes with a backslash the Markdown punctuation
// that could start emphasis, code, a link or an image, strike-through or a
// heading, or end a table cell.
var escaper = strings.NewReplacer(
	"&", "&amp;",
	"<", "&lt;",
	">", "&gt;",
	`\`, `\\`,
	"`", "\\`",
	"*", `\*`,
	"_", `\_`,
	"[", `\[`,
	"]", `\]`,
	"|", `\|`,
	"~", `\~`,
	"#", `\#`,
	"!", `\!`,
)

// Text escapes one line of text. Line breaks and other control characters
// are the caller's to handle first: this only escapes what Markdown and
// HTML would read as markup.
func Text(s string) string {
	return escaper.Replace(s)
}

// Row renders the cells of a table row, already escaped.
func Row(cells ...string) string {
	return "| " + strings.Join(cells, " | ") + " |\n"
}
