package resultfmt

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"sort"
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/results"
)

// noFile names the test suite of policies whose file the report does not
// give.
const noFile = "(unknown file)"

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Properties []junitProperty `xml:"properties>property"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Classname string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Failure   *junitProblem `xml:"failure"`
	Error     *junitProblem `xml:"error"`
	Skipped   *junitSkipped `xml:"skipped"`
	// SystemOut holds what a passing result says.
	SystemOut string `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	// Body is escaped XML text (see xmlText).
	Body string `xml:",innerxml"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

func writeJUnit(b *bytes.Buffer, v *view) error {
	// A test's name is the resource address, prefixed with the document
	// when several documents were checked, so that names stay unique.
	multiDoc := len(v.docs) > 1
	files := map[string][]*results.Policy{}
	for _, p := range v.policies {
		f := p.File
		if f == "" {
			f = noFile
		}
		files[f] = append(files[f], p)
	}
	names := make([]string, 0, len(files))
	for f := range files {
		names = append(names, f)
	}
	sort.Strings(names)

	byPolicy := map[string][]row{}
	for _, rw := range v.rows {
		byPolicy[rw.Policy.Name] = append(byPolicy[rw.Policy.Name], rw)
	}

	out := junitSuites{Name: ToolName}
	props := []junitProperty{
		{Name: "tool", Value: ToolName},
		{Name: "version", Value: v.opt.Version},
		{Name: "strict", Value: fmt.Sprint(v.opt.Strict)},
	}
	for _, f := range names {
		suite := junitSuite{Name: f, Properties: props}
		for _, p := range files[f] {
			for _, rw := range byPolicy[p.Name] {
				name := rw.Resource.Address
				if multiDoc {
					name = rw.Resource.Document + ": " + name
				}
				tc := junitCase{Classname: p.Name, Name: name, File: p.File}
				switch {
				case rw.Status == results.Fail:
					tc.Failure = junitProblemOf(rw, "fail")
					suite.Failures++
				case rw.Status == results.Error:
					tc.Error = junitProblemOf(rw, "error")
					suite.Errors++
				case rw.Status == results.Unknown && rw.Blocking:
					// Strict: an unknown result of a mandatory policy fails the check.
					tc.Failure = junitProblemOf(rw, "unknown")
					suite.Failures++
				case rw.Status == results.Unknown:
					tc.Skipped = &junitSkipped{Message: "unknown: " + junitMessage(rw)}
					suite.Skipped++
				case rw.Status == results.NotApplicable:
					msg := "not applicable"
					if len(rw.Messages) > 0 {
						msg += ": " + junitMessage(rw)
					}
					tc.Skipped = &junitSkipped{Message: msg}
					suite.Skipped++
				case len(rw.Messages) > 0:
					// A pass that says why (a verified control).
					tc.SystemOut = strings.Join(rw.Messages, "\n")
				}
				suite.Tests++
				suite.Cases = append(suite.Cases, tc)
			}
		}
		out.Tests += suite.Tests
		out.Failures += suite.Failures
		out.Errors += suite.Errors
		out.Skipped += suite.Skipped
		out.Suites = append(out.Suites, suite)
	}

	b.WriteString(xml.Header)
	enc := xml.NewEncoder(b)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	b.WriteString("\n")
	return nil
}

func junitMessage(rw row) string {
	if len(rw.Messages) == 0 {
		return fallbackMessage(rw)
	}
	return oneLine(rw.Messages)
}

// junitProblemOf is a failure or error: a one-line message, and a body
// with the policy, the resource and the full messages.
func junitProblemOf(rw row, kind string) *junitProblem {
	p := rw.Policy
	var body strings.Builder
	fmt.Fprintf(&body, "\npolicy: %s", p.Name)
	if f := policyFile(p); f != "" {
		fmt.Fprintf(&body, " (%s)", f)
	}
	fmt.Fprintf(&body, "\nresource: %s in %s\n", rw.Resource.Address, orDash(rw.Resource.Document))
	fmt.Fprintf(&body, "severity: %s; enforcement: %s; controls: %s\n",
		orDash(p.Severity), orDash(p.EnforcementLevel), orDash(strings.Join(p.Controls, ", ")))
	switch {
	case rw.Blocking:
		body.WriteString("blocking: yes\n")
	case rw.Overridden:
		body.WriteString("blocking: no (policy overridden)\n")
	default:
		body.WriteString("blocking: no\n")
	}
	for _, m := range rw.Messages {
		body.WriteString("\n" + m + "\n")
	}
	msg := junitMessage(rw)
	if kind == "unknown" {
		msg = "unknown: " + msg
	}
	return &junitProblem{Message: msg, Type: kind, Body: xmlText(crlf.Replace(body.String()))}
}

// xmlText escapes s as XML character data, keeping newlines readable
// (encoding/xml writes them as &#xA;). Characters XML does not allow
// become U+FFFD.
func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder does not fail
	return strings.ReplaceAll(b.String(), "&#xA;", "\n")
}
