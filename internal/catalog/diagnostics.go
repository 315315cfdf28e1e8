package catalog

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// FormatDiagnostic renders one diagnostic on one line as
// "file:line:column: summary: detail", the form editors and CI logs link.
func FormatDiagnostic(d *hcl.Diagnostic) string {
	var b strings.Builder
	if loc := Location(d); loc != "" {
		b.WriteString(loc + ": ")
	}
	b.WriteString(d.Summary)
	if d.Detail != "" {
		b.WriteString(": ")
		b.WriteString(d.Detail)
	}
	return b.String()
}

// FormatDiagnostics renders diagnostics one per line.
func FormatDiagnostics(diags hcl.Diagnostics) string {
	lines := make([]string, len(diags))
	for i, d := range diags {
		lines[i] = FormatDiagnostic(d)
	}
	return strings.Join(lines, "\n")
}

// Location renders where a diagnostic points as "file:line:column", or ""
// when it points nowhere (an unreadable file).
func Location(d *hcl.Diagnostic) string {
	if d.Subject == nil {
		return ""
	}
	return fmt.Sprintf("%s:%d:%d", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column)
}
