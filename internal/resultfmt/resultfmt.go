package resultfmt

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/results"
)

// ToolName names the tool in JSON, SARIF and JUnit metadata.
const ToolName = "terraform-provider-pii"

// Options tune how a report is rendered.
type Options struct {
	// Color turns on ANSI colour in the text format. The command line sets
	// it only when stdout is a terminal; other formats ignore it.
	Color bool
	// Strict makes unknown results of mandatory policies block, as the
	// check command's -strict does. It decides which results are shown as
	// blocking and the exit code written into the JSON summary.
	Strict bool
	// Version is the tool version written into JSON, SARIF and JUnit
	// metadata.
	Version string
}

// Formats lists the output formats Write accepts, the default first.
var Formats = []string{"text", "json", "sarif", "junit", "markdown"}

var writers = map[string]func(*bytes.Buffer, *view) error{
	"text":     writeText,
	"json":     writeJSON,
	"sarif":    writeSARIF,
	"junit":    writeJUnit,
	"markdown": writeMarkdown,
}

// Write renders r in format (one of Formats; "" means "text") to w. The
// report is not modified: results are rendered in the order of a sorted
// copy, so the same report always gives the same bytes. Nothing is written
// when the format is unknown or the report malformed (a result without a
// policy or a resource).
func Write(w io.Writer, format string, r *results.Report, opt Options) error {
	if format == "" {
		format = Formats[0]
	}
	write, ok := writers[format]
	if !ok {
		return fmt.Errorf("unknown format %q; use one of %s", format, strings.Join(Formats, ", "))
	}
	v, err := newView(r, opt)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := write(&buf, v); err != nil {
		return fmt.Errorf("writing %s: %w", format, err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// row is one result with what the writers derive from it.
type row struct {
	results.Result
	// Blocking: the result makes the check fail.
	Blocking bool
	// Overridden: the result would block but its mandatory_overridable
	// policy was overridden.
	Overridden bool
}

// view is a sorted copy of a report with everything the writers share.
type view struct {
	report *results.Report
	opt    Options
	// docs: the report's documents and those its results name, sorted,
	// without duplicates.
	docs []string
	// policies: the report's policies and those its results name, by name,
	// the first of each name.
	policies []*results.Policy
	rows     []row
	counts   map[results.Status]int
	blocking []row
	exitCode int
}

func newView(r *results.Report, opt Options) (*view, error) {
	if r == nil {
		return nil, errors.New("no report to write")
	}
	for i, res := range r.Results {
		switch {
		case res.Policy == nil:
			return nil, fmt.Errorf("result %d has no policy", i)
		case res.Resource == nil:
			return nil, fmt.Errorf("result %d (policy %q) has no resource", i, res.Policy.Name)
		}
	}
	for i, p := range r.Policies {
		if p == nil {
			return nil, fmt.Errorf("policy %d is nil", i)
		}
	}
	sorted := &results.Report{
		Documents:  append([]string(nil), r.Documents...),
		Policies:   append([]*results.Policy(nil), r.Policies...),
		Results:    append([]results.Result(nil), r.Results...),
		Overridden: append([]string(nil), r.Overridden...),
	}
	sorted.Sort()

	v := &view{report: sorted, opt: opt, counts: sorted.Count(), exitCode: sorted.ExitCode(opt.Strict)}

	seenDoc := map[string]bool{}
	addDoc := func(d string) {
		if !seenDoc[d] {
			seenDoc[d] = true
			v.docs = append(v.docs, d)
		}
	}
	for _, d := range sorted.Documents {
		addDoc(d)
	}
	seenPolicy := map[string]bool{}
	addPolicy := func(p *results.Policy) {
		if !seenPolicy[p.Name] {
			seenPolicy[p.Name] = true
			v.policies = append(v.policies, p)
		}
	}
	for _, p := range sorted.Policies {
		addPolicy(p)
	}
	for _, res := range sorted.Results {
		addDoc(res.Resource.Document)
		addPolicy(res.Policy)
		b := blocks(sorted, res, opt.Strict)
		rw := row{Result: res, Blocking: b, Overridden: res.Blocking(opt.Strict) && !b}
		v.rows = append(v.rows, rw)
		if b {
			v.blocking = append(v.blocking, rw)
		}
	}
	sort.Strings(v.docs)
	sort.SliceStable(v.policies, func(i, j int) bool { return v.policies[i].Name < v.policies[j].Name })
	return v, nil
}

// blocks reports whether res blocks the check of r. It asks
// results.Report.Blocking about a report of that one result, so that the
// rules (enforcement level, strict, overridden policies) stay in package
// results.
func blocks(r *results.Report, res results.Result, strict bool) bool {
	probe := results.Report{Results: []results.Result{res}, Overridden: r.Overridden}
	return len(probe.Blocking(strict)) > 0
}

// nonPass reports whether a result is shown in detail: fail, error or
// unknown.
func nonPass(s results.Status) bool {
	return s == results.Fail || s == results.Error || s == results.Unknown
}

// verdict is the one-line outcome shared by the text and markdown formats,
// such as "2 blocking failures (mandatory policies)".
func (v *view) verdict() string {
	if n := len(v.blocking); n > 0 {
		by := map[results.Status]int{}
		for _, b := range v.blocking {
			by[b.Status]++
		}
		detail := "mandatory policies"
		if by[results.Fail] != n {
			var parts []string
			for _, s := range results.Statuses {
				if by[s] > 0 {
					parts = append(parts, fmt.Sprintf("%d %s", by[s], s))
				}
			}
			detail += ": " + strings.Join(parts, ", ")
		}
		return fmt.Sprintf("%d blocking %s (%s)", n, plural(n, "failure", "failures"), detail)
	}
	var advisory, overridden, unknown int
	for _, rw := range v.rows {
		switch {
		case rw.Overridden:
			overridden++
		case rw.Status == results.Unknown:
			unknown++
		case rw.Status == results.Fail || rw.Status == results.Error:
			advisory++
		}
	}
	var notes []string
	if advisory > 0 {
		notes = append(notes, fmt.Sprintf("%d advisory %s", advisory, plural(advisory, "failure", "failures")))
	}
	if overridden > 0 {
		notes = append(notes, fmt.Sprintf("%d overridden", overridden))
	}
	if unknown > 0 {
		notes = append(notes, fmt.Sprintf("%d unknown", unknown))
	}
	if len(notes) == 0 {
		return "no blocking failures"
	}
	return "no blocking failures (" + strings.Join(notes, ", ") + ")"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// statusCounts renders counts in report order, leaving out zeros, such as
// "1 fail, 1 unknown, 2 pass".
func statusCounts(counts map[results.Status]int) string {
	var parts []string
	for _, s := range results.Statuses {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	return strings.Join(parts, ", ")
}

// policyFile is where a policy is declared, "file:line", or "" when the
// report does not say.
func policyFile(p *results.Policy) string {
	switch {
	case p.File == "":
		return ""
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return p.File
}

// messageLines splits a message into lines at "\n", "\r\n" or a lone "\r".
func messageLines(msg string) []string {
	return strings.Split(crlf.Replace(msg), "\n")
}

var crlf = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// oneLine joins messages into one line for places that take no newlines
// (attributes, summaries).
func oneLine(msgs []string) string {
	var parts []string
	for _, m := range msgs {
		for _, l := range messageLines(m) {
			if l = strings.TrimSpace(l); l != "" {
				parts = append(parts, l)
			}
		}
	}
	return strings.Join(parts, " ")
}

// fallbackMessage says what a result means when it carries no message.
func fallbackMessage(rw row) string {
	switch rw.Status {
	case results.Fail:
		return fmt.Sprintf("Policy %q failed for %s.", rw.Policy.Name, rw.Resource.Address)
	case results.Error:
		return fmt.Sprintf("Policy %q could not be evaluated for %s.", rw.Policy.Name, rw.Resource.Address)
	case results.Unknown:
		return fmt.Sprintf("Policy %q depends on values not known until apply for %s.", rw.Policy.Name, rw.Resource.Address)
	case results.NotApplicable:
		return fmt.Sprintf("Policy %q does not apply to %s.", rw.Policy.Name, rw.Resource.Address)
	}
	return fmt.Sprintf("Policy %q passed for %s.", rw.Policy.Name, rw.Resource.Address)
}

// orEmpty returns s, or an empty non-nil slice, so JSON shows [] rather
// than null.
func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
