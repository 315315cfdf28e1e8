package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/verification"
)

// ToolName names the tool in every format.
const ToolName = "terraform-provider-pii"

// DefaultTitle is the report's title when Options.Title is empty.
const DefaultTitle = "Privacy posture report"

// Options tune a report. The report holds nothing that Options and the
// posture do not: no clock reading, no host name, so that the same input
// always gives the same bytes.
type Options struct {
	// Title is the report's title; DefaultTitle when empty.
	Title string
	// Generated is printed as the report's date or time, as given, when it
	// is not empty.
	Generated string
	// Version is the version of the tool, printed in the report.
	Version string
	// Check holds the policy results to include (the report command's
	// --with-check); nil leaves the section out.
	Check *results.Report
	// Verification is the posture checked against the infrastructure of
	// the same documents (with --with-check); nil leaves it out.
	Verification *verification.Outcome
}

func (o Options) title() string {
	if strings.TrimSpace(o.Title) == "" {
		return DefaultTitle
	}
	return o.Title
}

// EmptyNote is what the json format says of documents without pii_*
// resources.
const EmptyNote = "The documents declare no pii_processing_activity, pii_control or pii_risk_assessment resource: there is nothing to report yet."

// Formats lists the formats Write accepts, the default first.
var Formats = []string{"html", "markdown", "csv", "json", "oscal-ssp", "oscal-ar"}

type writer func(b *bytes.Buffer, p *posture.Posture, opt Options) error

var writers = map[string]writer{
	"html":     writeHTML,
	"markdown": writeMarkdown,
	"csv":      writeCSV,
	"json":     writeJSON,
	// OSCAL 1.1.3 JSON: oscal.go, oscal_ssp.go and oscal_ar.go.
	"oscal-ssp": writeOSCALSSP,
	"oscal-ar":  writeOSCALAR,
}

// Write renders the posture in format (one of Formats; "" means "html")
// to w. Nothing is written when the format is unknown or rendering fails.
func Write(w io.Writer, format string, p *posture.Posture, opt Options) error {
	if format == "" {
		format = Formats[0]
	}
	write, ok := writers[format]
	if !ok {
		return &FormatError{Format: format}
	}
	if p == nil {
		return fmt.Errorf("no posture to report")
	}
	var b bytes.Buffer
	if err := write(&b, p, opt); err != nil {
		return fmt.Errorf("writing the %s report: %w", format, err)
	}
	_, err := w.Write(b.Bytes())
	return err
}

// FormatError is an unknown format.
type FormatError struct {
	Format string
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("unknown format %q; use one of %s", e.Format, strings.Join(Formats, ", "))
}
