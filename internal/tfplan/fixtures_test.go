package tfplan

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"
)

// manifestRow is one line of testdata/plans/MANIFEST.tsv, which describes
// the real plans copied from public repositories.
type manifestRow struct {
	file, formatVersion, terraformVersion string
	// resourceCount counts the entries of resource_changes: managed and
	// data resources, every action, deleted ones included (which is what
	// Document.Resources holds).
	resourceCount int
	// hasUnknown: some after_unknown has a true leaf. hasSensitive: some
	// after_sensitive or before_sensitive has a true leaf.
	hasUnknown, hasSensitive bool
}

func readManifest(t *testing.T) []manifestRow {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "plans", "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []manifestRow
	col := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(col) == 0 {
			for i, name := range fields {
				col[name] = i
			}
			for _, name := range []string{"file", "format_version", "terraform_version", "resource_count", "has_unknown", "has_sensitive"} {
				if _, ok := col[name]; !ok {
					t.Fatalf("MANIFEST.tsv has no column %s", name)
				}
			}
			continue
		}
		n, err := strconv.Atoi(fields[col["resource_count"]])
		if err != nil {
			t.Fatalf("MANIFEST.tsv: resource_count of %s: %v", fields[0], err)
		}
		rows = append(rows, manifestRow{
			file:             fields[col["file"]],
			formatVersion:    fields[col["format_version"]],
			terraformVersion: fields[col["terraform_version"]],
			resourceCount:    n,
			hasUnknown:       fields[col["has_unknown"]] == "true",
			hasSensitive:     fields[col["has_sensitive"]] == "true",
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// containsUnknown reports whether v has an unknown value anywhere.
func containsUnknown(v cty.Value) bool {
	found := false
	_ = cty.Walk(v, func(_ cty.Path, x cty.Value) (bool, error) {
		if !x.IsKnown() {
			found = true
		}
		return !found, nil
	})
	return found
}

// sensitivePaths returns the paths in v that carry the Sensitive mark.
func sensitivePaths(v cty.Value) []cty.Path {
	_, pvms := v.UnmarkDeepWithPaths()
	var paths []cty.Path
	for _, pvm := range pvms {
		if _, ok := pvm.Marks[Sensitive]; ok {
			paths = append(paths, pvm.Path)
		}
	}
	return paths
}

func TestReadRealPlans(t *testing.T) {
	rows := readManifest(t)
	files, err := filepath.Glob(filepath.Join("testdata", "plans", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(files) || len(rows) == 0 {
		t.Errorf("MANIFEST.tsv lists %d plans, testdata/plans has %d", len(rows), len(files))
	}
	for _, row := range rows {
		t.Run(row.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "plans", row.file))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Read(row.file, data)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if doc.Kind != Plan || doc.FormatVersion != row.formatVersion || doc.TerraformVersion != row.terraformVersion {
				t.Errorf("got %s format %s terraform %s, want plan format %s terraform %s",
					doc.Kind, doc.FormatVersion, doc.TerraformVersion, row.formatVersion, row.terraformVersion)
			}
			if len(doc.Resources) != row.resourceCount {
				t.Errorf("%d resources, want %d", len(doc.Resources), row.resourceCount)
			}
			unknown, sensitive := false, false
			for _, r := range doc.Resources {
				unknown = unknown || containsUnknown(r.After)
				sensitive = sensitive || len(sensitivePaths(r.After)) > 0 || len(sensitivePaths(r.Before)) > 0
				if containsUnknown(r.Before) {
					t.Errorf("%s: Before has an unknown value", r.Address)
				}
				checkResource(t, doc, r)
			}
			if unknown != row.hasUnknown {
				t.Errorf("some value unknown: %v, want %v", unknown, row.hasUnknown)
			}
			if sensitive != row.hasSensitive {
				t.Errorf("some value marked sensitive: %v, want %v", sensitive, row.hasSensitive)
			}
		})
	}
}

// checkResource checks what must hold for every resource of a document.
func checkResource(t *testing.T, doc *Document, r *Resource) {
	t.Helper()
	if got := doc.Lookup(r.Address); got == nil || (got != r && r.Deposed == "") {
		t.Errorf("Lookup(%q) = %v, want the resource", r.Address, got)
	}
	if !strings.HasSuffix(r.ConfigAddress, r.Type+"."+r.Name) || strings.Contains(r.ConfigAddress, "[") {
		t.Errorf("%s: ConfigAddress %q", r.Address, r.ConfigAddress)
	}
	if r.ModuleAddress != "" && !strings.HasPrefix(r.Address, r.ModuleAddress+".") {
		t.Errorf("%s: ModuleAddress %q is not a prefix", r.Address, r.ModuleAddress)
	}
	switch r.Operation {
	case OpCreate, OpUpdate, OpDelete, OpReplace, OpNoOp, OpRead:
	default:
		t.Errorf("%s: Operation %q", r.Address, r.Operation)
	}
	// Not the converse: terraform-compliance's issue_522 plan (Terraform
	// 1.0.0) has a no-op whose before and after are both null.
	if r.Operation == OpDelete && !r.After.IsNull() {
		t.Errorf("%s: deleted, but After is not null", r.Address)
	}
	if r.ProviderConfig == cty.NilVal || !r.ProviderConfig.Type().IsObjectType() || r.ProviderConfig.IsNull() {
		t.Errorf("%s: ProviderConfig %#v, want an object", r.Address, r.ProviderConfig)
	} else {
		for name := range r.ProviderConfig.Type().AttributeTypes() {
			if !contains(ProviderArguments, name) {
				t.Errorf("%s: ProviderConfig has %s, which is not one of ProviderArguments", r.Address, name)
			}
		}
	}
	for _, ref := range r.References {
		if ref == r.ConfigAddress {
			t.Errorf("%s refers to itself", r.Address)
		}
	}
	for _, by := range doc.ReferencedBy(r) {
		if !contains(by.References, r.ConfigAddress) {
			t.Errorf("ReferencedBy(%s) has %s, which does not refer to it", r.Address, by.Address)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
