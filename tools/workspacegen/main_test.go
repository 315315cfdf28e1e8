package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/privacycode/terraform-provider-pii/internal/plangen"
)

// files are the names of the files in dir, sorted.
func files(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestRun(t *testing.T) {
	for _, tc := range []struct {
		cfg  plangen.WorkspacesConfig
		dirs map[string][]string
	}{
		{plangen.WorkspacesConfig{Workspaces: 3, ResourcesPerWorkspace: 120, Activities: 5, Controls: 4}, map[string][]string{
			"docs-3": {"posture.json", "ws00.json", "ws01.json", "ws02.json"},
			"docs-1": {"posture.json", "ws00.json"},
		}},
		{plangen.WorkspacesConfig{Workspaces: 1, ResourcesPerWorkspace: 120, Activities: 2, Controls: 1}, map[string][]string{
			"docs-1": {"posture.json", "ws00.json"},
		}},
	} {
		out := t.TempDir()
		// A stale document of an earlier run goes; other files stay.
		keep := filepath.Join(out, "notes.txt")
		for _, f := range []string{keep, filepath.Join(out, "docs-1", "ws07.json")} {
			if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(f, nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		var summary bytes.Buffer
		if err := run(tc.cfg, out, &summary); err != nil {
			t.Fatal(err)
		}
		want := []string{"notes.txt"}
		for dir, names := range tc.dirs {
			want = append(want, dir)
			if got := files(t, filepath.Join(out, dir)); !slices.Equal(got, names) {
				t.Errorf("%d workspaces: %s holds %v, want %v", tc.cfg.Workspaces, dir, got, names)
			}
			// The files are the generator's documents.
			set, err := plangen.GenerateWorkspaces(tc.cfg, len(names)-1)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range set.Documents() {
				if b, err := os.ReadFile(filepath.Join(out, dir, d.Name)); err != nil || !bytes.Equal(b, d.Data) {
					t.Errorf("%s/%s is not the generated document (%v)", dir, d.Name, err)
				}
			}
			if !strings.Contains(summary.String(), filepath.Join(out, dir)+": ") {
				t.Errorf("the summary does not name %s:\n%s", dir, summary.String())
			}
		}
		slices.Sort(want)
		if got := files(t, out); !slices.Equal(got, want) {
			t.Errorf("%d workspaces: the output directory holds %v, want %v", tc.cfg.Workspaces, got, want)
		}
	}
	if err := run(plangen.WorkspacesConfig{Workspaces: 2, ResourcesPerWorkspace: 0, Activities: 1}, t.TempDir(), &bytes.Buffer{}); err == nil {
		t.Error("no error for workspaces of no resources")
	}
}
