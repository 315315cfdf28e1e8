package plangen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// read reads a generated document as the check command does.
func read(t *testing.T, d Document) *tfplan.Document {
	t.Helper()
	doc, err := tfplan.Read(d.Name, d.Data)
	if err != nil {
		t.Fatalf("%s: %v", d.Name, err)
	}
	return doc
}

// changes are a document's resource_changes by address, as written.
func changes(t *testing.T, d Document) map[string]string {
	t.Helper()
	var top struct {
		ResourceChanges []json.RawMessage `json:"resource_changes"`
	}
	if err := json.Unmarshal(d.Data, &top); err != nil {
		t.Fatalf("%s: %v", d.Name, err)
	}
	out := map[string]string{}
	for _, raw := range top.ResourceChanges {
		out[addressOf(raw)] = string(raw)
	}
	return out
}

func stringList(t *testing.T, v cty.Value) []string {
	t.Helper()
	v, _ = v.UnmarkDeep()
	if v.IsNull() {
		return nil
	}
	var out []string
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if e.Type() != cty.String {
			t.Fatalf("%#v is no string", e)
		}
		out = append(out, e.AsString())
	}
	return out
}

func TestGenerateWorkspaces(t *testing.T) {
	for _, tc := range []struct {
		cfg  WorkspacesConfig
		docs []int // the first is the one document, the last one per workspace
	}{
		{WorkspacesConfig{Workspaces: 4, ResourcesPerWorkspace: 150, Activities: 10, Controls: 9}, []int{1, 2, 4}},
		{WorkspacesConfig{Workspaces: 3, ResourcesPerWorkspace: 200, Activities: 7, Controls: 0}, []int{1, 3}},
		{WorkspacesConfig{Workspaces: 5, ResourcesPerWorkspace: 120, Activities: 3, Controls: 20}, []int{1, 5}},
		{WorkspacesConfig{Workspaces: 1, ResourcesPerWorkspace: 300, Activities: 2, Controls: 1}, []int{1}},
	} {
		t.Run(fmt.Sprintf("%dx%d", tc.cfg.Workspaces, tc.cfg.ResourcesPerWorkspace), func(t *testing.T) {
			var single map[string]string // the one document's resources
			systemsOf := map[string][]string{}
			for _, n := range tc.docs {
				set, err := GenerateWorkspaces(tc.cfg, n)
				if err != nil {
					t.Fatalf("docs=%d: %v", n, err)
				}
				if len(set.Infrastructure) != n {
					t.Fatalf("docs=%d: %d infrastructure documents", n, len(set.Infrastructure))
				}
				if all := set.Documents(); len(all) != n+1 || all[0].Label != PostureLabel || all[0].Name != "posture.json" {
					t.Fatalf("docs=%d: documents %d, the first %s (%s)", n, len(all), all[0].Label, all[0].Name)
				}

				// The resources: N×M in all, each address once in its
				// document and in the whole split, and the same resources,
				// byte for byte, however they are split.
				docs := map[string]*tfplan.Document{}
				all := map[string]string{}
				total := 0
				for i, d := range set.Infrastructure {
					if want := fmt.Sprintf("ws%02d", i); d.Label != want || d.Name != want+".json" {
						t.Errorf("docs=%d: document %d is %s (%s), want %s", n, i, d.Label, d.Name, want)
					}
					doc := read(t, d)
					docs[d.Label] = doc
					total += len(doc.Resources)
					if want := tc.cfg.Resources() / n; len(doc.Resources) != want {
						t.Errorf("docs=%d: %s has %d resources, want %d", n, d.Label, len(doc.Resources), want)
					}
					seen := map[string]bool{}
					for _, r := range doc.Resources {
						if seen[r.Address] {
							t.Errorf("docs=%d: %s twice in %s", n, r.Address, d.Label)
						}
						seen[r.Address] = true
					}
					for addr, raw := range changes(t, d) {
						if _, dup := all[addr]; dup {
							t.Errorf("docs=%d: %s in two documents", n, addr)
						}
						all[addr] = raw
					}
				}
				if total != tc.cfg.Resources() || len(all) != total {
					t.Errorf("docs=%d: %d resources, %d distinct, want %d", n, total, len(all), tc.cfg.Resources())
				}
				if single == nil {
					single = all
				} else if len(all) != len(single) {
					t.Errorf("docs=%d: %d resources, one document %d", n, len(all), len(single))
				} else {
					for addr, raw := range all {
						if single[addr] != raw {
							t.Errorf("docs=%d: %s is not the same as in one document", n, addr)
							break
						}
					}
				}

				// The posture names data stores and KMS keys that exist,
				// in the document its label says, and activities it has.
				posture := read(t, set.Posture)
				activities := posture.ByType("pii_processing_activity")
				controls := posture.ByType("pii_control")
				if len(activities) != tc.cfg.Activities || len(controls) != tc.cfg.Controls || len(posture.Resources) != tc.cfg.Activities+tc.cfg.Controls {
					t.Fatalf("docs=%d: posture of %d activities and %d controls (%d resources), want %d and %d",
						n, len(activities), len(controls), len(posture.Resources), tc.cfg.Activities, tc.cfg.Controls)
				}
				lookup := func(qualified string) *tfplan.Resource {
					label, addr, ok := strings.Cut(qualified, ":")
					if !ok || docs[label] == nil {
						return nil
					}
					if r := docs[label].Lookup(addr); r != nil && r.Operation != tfplan.OpDelete {
						return r
					}
					return nil
				}
				ids := map[string]bool{}
				stores := map[string]bool{}
				for _, a := range activities {
					after, _ := a.After.UnmarkDeep()
					ids[after.GetAttr("id").AsString()] = true
					names := stringList(t, after.GetAttr("storage").GetAttr("systems"))
					if len(names) != SystemsPerActivity {
						t.Errorf("docs=%d: %s names %d systems, want %d", n, a.Address, len(names), SystemsPerActivity)
					}
					var unqualified []string
					for _, s := range names {
						r := lookup(s)
						if r == nil || !slices.Contains(DataStoreTypes, r.Type) {
							t.Errorf("docs=%d: %s names %s, which is no data store of its document", n, a.Address, s)
							continue
						}
						stores[s] = true
						_, addr, _ := strings.Cut(s, ":")
						unqualified = append(unqualified, addr)
					}
					// The same systems in every split, but for the label.
					if prev, ok := systemsOf[a.Address]; ok && !slices.Equal(prev, unqualified) {
						t.Errorf("docs=%d: %s names %v, with one document %v", n, a.Address, unqualified, prev)
					}
					systemsOf[a.Address] = unqualified
				}
				if len(stores) < min(tc.cfg.Activities, 2) {
					t.Errorf("docs=%d: the activities name only %d data stores", n, len(stores))
				}
				for _, c := range controls {
					after, _ := c.After.UnmarkDeep()
					keys := 0
					for _, e := range stringList(t, after.GetAttr("evidence")) {
						if strings.HasPrefix(e, "ISMS-POL-") {
							continue
						}
						if !strings.Contains(e, ":") {
							if all[e] == "" {
								t.Errorf("docs=%d: %s cites %s, which is in no document", n, c.Address, e)
							}
							continue
						}
						if r := lookup(e); r == nil || r.Type != "aws_kms_key" {
							t.Errorf("docs=%d: %s cites %s, which is no KMS key of its document", n, c.Address, e)
						}
						keys++
					}
					if keys != 1 {
						t.Errorf("docs=%d: %s cites %d qualified KMS keys, want 1", n, c.Address, keys)
					}
					for _, id := range stringList(t, after.GetAttr("activities")) {
						if !ids[id] {
							t.Errorf("docs=%d: %s is scoped to %s, which is no activity of the posture", n, c.Address, id)
						}
					}
				}
			}
		})
	}
}

// choices comes from the planner, not the document: it must be what the
// document says, data stores and KMS keys not deleted, in its order.
func TestWorkspaceChoices(t *testing.T) {
	for _, n := range []int{40, 250, 1000} {
		_, _, doc := generate(t, n)
		var stores, keys []string
		for _, r := range doc.Resources {
			if r.Mode != "managed" || r.Operation == tfplan.OpDelete {
				continue
			}
			switch {
			case slices.Contains(DataStoreTypes, r.Type):
				stores = append(stores, r.Address)
			case r.Type == "aws_kms_key":
				keys = append(keys, r.Address)
			}
		}
		gotStores, gotKeys := choices(n)
		if !slices.Equal(gotStores, stores) || !slices.Equal(gotKeys, keys) {
			t.Errorf("%d resources: choices %d stores, %d keys; the document %d and %d", n, len(gotStores), len(gotKeys), len(stores), len(keys))
		}
	}
}

func TestGenerateWorkspacesDeterministic(t *testing.T) {
	cfg := WorkspacesConfig{Workspaces: 2, ResourcesPerWorkspace: 100, Activities: 4, Controls: 3}
	a, err := GenerateWorkspaces(cfg, 1)
	if err != nil {
		t.Fatal(err)
	}
	b, err := GenerateWorkspaces(cfg, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range a.Documents() {
		if !bytes.Equal(d.Data, b.Documents()[i].Data) {
			t.Errorf("%s differs between two runs of the same config", d.Name)
		}
	}
}

func TestGenerateWorkspacesErrors(t *testing.T) {
	ok := WorkspacesConfig{Workspaces: 4, ResourcesPerWorkspace: 100, Activities: 4, Controls: 2}
	for _, tc := range []struct {
		name string
		edit func(*WorkspacesConfig)
		docs int
	}{
		{"docs do not divide the workspaces", nil, 3},
		{"no documents", nil, 0},
		{"no workspaces", func(c *WorkspacesConfig) { c.Workspaces = 0 }, 1},
		{"no resources", func(c *WorkspacesConfig) { c.ResourcesPerWorkspace = 0 }, 1},
		{"no activities", func(c *WorkspacesConfig) { c.Activities = 0 }, 1},
		{"negative controls", func(c *WorkspacesConfig) { c.Controls = -1 }, 1},
		{"a workspace without data store or key", func(c *WorkspacesConfig) { c.ResourcesPerWorkspace = 1 }, 1},
	} {
		cfg := ok
		if tc.edit != nil {
			tc.edit(&cfg)
		}
		if _, err := GenerateWorkspaces(cfg, tc.docs); err == nil {
			t.Errorf("%s (%+v, docs=%d): no error", tc.name, cfg, tc.docs)
		}
	}
}
