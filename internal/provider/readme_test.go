package provider

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The README's tour is what a newcomer copies first: its configuration is
// planned with the real terraform in a directory of its own, and the error
// the README quotes must be the one terraform prints ("..." in the quote
// stands for text it leaves out).
func TestAccReadmeTour(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, tour, ok := strings.Cut(string(readme), "\n## A short tour\n")
	if !ok {
		t.Fatal(`README.md has no "## A short tour" section`)
	}
	config := fencedBlock(t, tour, "hcl")
	quoted := fencedBlock(t, tour, "text")
	if !strings.Contains(config, `source = "privacycode/pii"`) {
		t.Errorf("the tour's configuration has no required_providers block naming privacycode/pii:\n%s", config)
	}

	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	run := terraformIn(t, dir)
	run("init", "-input=false", "-no-color")
	out := string(run("plan", "-input=false", "-no-color", "-lock=false"))
	if !wordsPattern(quoted, "...").MatchString(out) {
		t.Errorf("terraform plan of the README's tour does not print what the README quotes.\nREADME:\n%s\nterraform plan:\n%s", quoted, out)
	}
}

// fencedBlock returns the first fenced code block of the given language in
// text.
func fencedBlock(t *testing.T, text, lang string) string {
	t.Helper()
	_, rest, ok := strings.Cut(text, "```"+lang+"\n")
	if !ok {
		t.Fatalf("no ```%s block", lang)
	}
	block, _, ok := strings.Cut(rest, "\n```")
	if !ok {
		t.Fatalf("the ```%s block does not end", lang)
	}
	return block
}
