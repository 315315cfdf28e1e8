// Package finding carries what the core's checks conclude about a
// configuration: an error or a warning, the attribute path it concerns, and
// a message for people. The core produces findings; each front end (the
// provider, the command line) decides how to show them, so the core never
// depends on the plugin framework.
package finding

import (
	"fmt"
	"strconv"
	"strings"
)

// Severity of a finding.
type Severity int

const (
	Error Severity = iota + 1
	Warning
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "unknown"
}

// Step is one step of a Path: an attribute name, an index into a list, or
// an element of a set of strings (sets have no indexes).
type Step struct {
	Name       string
	Index      int
	IsIndex    bool
	Value      string
	IsSetValue bool
}

// Path locates a value inside a resource's configuration, such as
// risks[2].controls[0].
type Path []Step

// Root starts a path at a top-level attribute.
func Root(name string) Path { return Path{{Name: name}} }

// Attr extends the path with an attribute name.
func (p Path) Attr(name string) Path {
	return append(append(Path(nil), p...), Step{Name: name})
}

// Index extends the path with a list index.
func (p Path) Index(i int) Path {
	return append(append(Path(nil), p...), Step{Index: i, IsIndex: true})
}

// SetValue extends the path with an element of a set of strings.
func (p Path) SetValue(v string) Path {
	return append(append(Path(nil), p...), Step{Value: v, IsSetValue: true})
}

func (p Path) String() string {
	var b strings.Builder
	for i, s := range p {
		switch {
		case s.IsSetValue:
			b.WriteString("[" + strconv.Quote(s.Value) + "]")
		case s.IsIndex:
			b.WriteString("[" + strconv.Itoa(s.Index) + "]")
		case i > 0:
			b.WriteString("." + s.Name)
		default:
			b.WriteString(s.Name)
		}
	}
	return b.String()
}

// Finding is one conclusion of a check.
type Finding struct {
	Severity Severity
	// Path is where in the configuration the finding applies; empty for
	// the resource as a whole.
	Path    Path
	Summary string
	Detail  string
}

func (f Finding) String() string {
	loc := ""
	if len(f.Path) > 0 {
		loc = f.Path.String() + ": "
	}
	return fmt.Sprintf("%s: %s%s: %s", f.Severity, loc, f.Summary, f.Detail)
}

// Findings collects findings in the order they were made.
type Findings []Finding

// Errorf adds an error.
func (fs *Findings) Errorf(p Path, summary, format string, args ...any) {
	*fs = append(*fs, Finding{Severity: Error, Path: p, Summary: summary, Detail: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning.
func (fs *Findings) Warnf(p Path, summary, format string, args ...any) {
	*fs = append(*fs, Finding{Severity: Warning, Path: p, Summary: summary, Detail: fmt.Sprintf(format, args...)})
}

// Add adds a finding of the given severity.
func (fs *Findings) Add(sev Severity, p Path, summary, format string, args ...any) {
	*fs = append(*fs, Finding{Severity: sev, Path: p, Summary: summary, Detail: fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any finding is an error.
func (fs Findings) HasErrors() bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}
