// Package guidecheck keeps the output a guide quotes true to the code. A
// guide marks each quote of the code's output, a fenced code block, with a
// comment before it and one after it, both at the block's indentation:
//
//	<!-- checked example: NAME -->
//	```text
//	what the code prints
//	```
//	<!-- end of checked example -->
//
// and a test in the package whose code prints it produces every NAME the
// guide quotes: Check fails the test when a quote differs from what the
// code prints now, when the guide quotes a name the test does not produce
// or no longer quotes one it does, and, with update, rewrites the quotes
// instead.
package guidecheck

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// example is a quoted block: its indentation, then the fence with the
// text, then the end marker.
var example = regexp.MustCompile("(?m)^([ \t]*)<!-- checked example: ([a-z0-9-]+) -->\n[ \t]*```text\n((?s:.*?))\n[ \t]*```\n[ \t]*<!-- end of checked example -->")

// Options say how quotes compare with the output.
type Options struct {
	// Wrapped compares the words only, for a guide that wraps long output
	// lines as prose; update then leaves a quote that differs only in its
	// white space as it is.
	Wrapped bool
	// Update rewrites the quotes that differ with the output (a test's
	// -update flag).
	Update bool
	// UpdateCommand is the command that rewrites the quotes, for the
	// message of a quote that differs; without one, the message says to
	// edit the quote.
	UpdateCommand string
}

// Check compares the quotes of the guide at path with produced, the
// output by example name.
func Check(t testing.TB, path string, produced map[string]string, opt Options) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	guide := string(b)
	same := func(a, b string) bool { return a == b }
	if opt.Wrapped {
		same = func(a, b string) bool {
			return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
		}
	}
	fix := "edit the quote to match"
	if opt.UpdateCommand != "" {
		fix = "run " + opt.UpdateCommand + " to rewrite it"
	}
	// The replacing function runs below regexp's frames, so what it finds
	// is reported from here, where the test's line is known.
	var problems []string
	quoted := map[string]bool{}
	updated := example.ReplaceAllStringFunc(guide, func(block string) string {
		m := example.FindStringSubmatch(block)
		indent, name := m[1], m[2]
		text := unindent(m[3], indent)
		if quoted[name] {
			problems = append(problems, fmt.Sprintf("%s: the example %q is quoted twice", path, name))
		}
		quoted[name] = true
		got, ok := produced[name]
		if !ok {
			problems = append(problems, fmt.Sprintf("%s quotes the example %q, which no test produces", path, name))
			return block
		}
		if same(text, got) {
			return block
		}
		if !opt.Update {
			problems = append(problems, fmt.Sprintf("%s quotes the example %q as\n%s\nbut the code prints\n%s\n(%s)", path, name, text, got, fix))
			return block
		}
		return strings.Replace(block, m[3], indentLines(got, indent), 1)
	})
	for _, p := range problems {
		t.Error(p)
	}
	var missing []string
	for name := range produced {
		if !quoted[name] {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	for _, name := range missing {
		t.Errorf("%s no longer quotes the example %q (mark its block with <!-- checked example: %s -->)", path, name, name)
	}
	if opt.Update && updated != guide {
		if err := os.WriteFile(path, []byte(updated), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// unindent removes the block's indentation from each of its lines.
func unindent(text, indent string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, indent)
	}
	return strings.Join(lines, "\n")
}

// indentLines indents each line but empty ones, as a guide writes them.
func indentLines(text, indent string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = indent + l
		}
	}
	return strings.Join(lines, "\n")
}
