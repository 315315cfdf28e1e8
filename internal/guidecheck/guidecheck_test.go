package guidecheck

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a test that keeps what Check says instead of failing.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper()           {}
func (r *recorder) Error(args ...any) { r.errors = append(r.errors, fmt.Sprint(args...)) }
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

const guide = "Intro.\n\n<!-- checked example: greeting -->\n```text\nhello,\nworld\n```\n<!-- end of checked example -->\n\n" +
	"- In a list:\n\n  <!-- checked example: listed -->\n  ```text\n  one\n\n  two\n  ```\n  <!-- end of checked example -->\n"

func TestCheck(t *testing.T) {
	tests := []struct {
		name       string
		produced   map[string]string
		opt        Options
		wantErrors []string
		wantGuide  string
	}{
		{
			name:     "quotes that match",
			produced: map[string]string{"greeting": "hello,\nworld", "listed": "one\n\ntwo"},
		},
		{
			name:       "a quote that differs",
			produced:   map[string]string{"greeting": "hello, world", "listed": "one\n\ntwo"},
			wantErrors: []string{`quotes the example "greeting" as`},
		},
		{
			name:     "wrapped: white space aside",
			produced: map[string]string{"greeting": "hello, world", "listed": "one two"},
			opt:      Options{Wrapped: true},
		},
		{
			name:       "a quote no test produces, and a produced example the guide does not quote",
			produced:   map[string]string{"listed": "one\n\ntwo", "farewell": "bye"},
			wantErrors: []string{`quotes the example "greeting", which no test produces`, `no longer quotes the example "farewell"`},
		},
		{
			name:      "update rewrites at the block's indentation",
			produced:  map[string]string{"greeting": "hello, world", "listed": "three\n\nfour"},
			opt:       Options{Update: true},
			wantGuide: strings.Replace(strings.Replace(guide, "hello,\nworld", "hello, world", 1), "  one\n\n  two", "  three\n\n  four", 1),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "guide.md.tmpl")
			if err := os.WriteFile(path, []byte(guide), 0o600); err != nil {
				t.Fatal(err)
			}
			r := &recorder{TB: t}
			Check(r, path, tt.produced, tt.opt)
			if len(r.errors) != len(tt.wantErrors) {
				t.Fatalf("errors %q, want %d: %q", r.errors, len(tt.wantErrors), tt.wantErrors)
			}
			for i, want := range tt.wantErrors {
				if !strings.Contains(r.errors[i], want) {
					t.Errorf("error %q lacks %q", r.errors[i], want)
				}
			}
			b, _ := os.ReadFile(path)
			want := tt.wantGuide
			if want == "" {
				want = guide
			}
			if string(b) != want {
				t.Errorf("the guide is now\n%s\nwant\n%s", b, want)
			}
		})
	}
}
