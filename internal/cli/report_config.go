package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// providerBlocks reads the pii provider block of every document (nil for a
// document without one, such as a state). data returns a document's bytes.
func providerBlocks(docs []*tfplan.Document, data func(*tfplan.Document) ([]byte, error)) (map[*tfplan.Document]*tfplan.ProviderBlock, error) {
	out := make(map[*tfplan.Document]*tfplan.ProviderBlock, len(docs))
	for _, doc := range docs {
		if doc.Kind != tfplan.Plan {
			out[doc] = nil
			continue
		}
		b, err := data(doc)
		if err != nil {
			return nil, fmt.Errorf("%s: %s", doc.Name, unwrapPathError(err))
		}
		block, err := tfplan.ReadProviderBlock(doc.Name, b, "pii")
		if err != nil {
			return nil, err
		}
		out[doc] = block
	}
	return out, nil
}

// pathReferences are the references a catalog_files expression may make
// and still be resolved from the root module's directory.
var pathReferences = map[string]bool{"path.module": true, "path.root": true, "path.cwd": true}

// planCatalogFiles finds the catalog files that the documents' provider
// blocks name, so that the user's own controls are in the Statement of
// Applicability. A relative path is resolved from configDir (the root
// module's directory, --config-dir) or else the plan file's directory,
// which is where Terraform ran when the plan sits beside the
// configuration. An expression that is not a constant (the usual
// "${path.module}/catalog.hcl") is evaluated from the provider block of
// the .tf files of that directory, when it refers to path.* only. A file
// that cannot be found is a warning on w, naming the file and where it
// looked: never a failure.
func planCatalogFiles(w io.Writer, docs []*tfplan.Document, blocks map[*tfplan.Document]*tfplan.ProviderBlock, configDir string) []string {
	var found []string
	seen := map[string]bool{}
	for _, doc := range docs {
		block := blocks[doc]
		if block == nil {
			continue
		}
		e, ok := block.Arguments["catalog_files"]
		if !ok {
			continue
		}
		base := configDir
		if base == "" {
			base = "."
			if doc.Name != "-" {
				base = filepath.Dir(doc.Name)
			}
		}
		var files []string
		switch {
		case e.Constant:
			files = stringList(e.Value)
		case onlyPathReferences(e.References):
			var why string
			files, why = catalogFilesFromConfig(base)
			if why != "" {
				fmt.Fprintf(w, "Warning: %s: the provider block's catalog_files is %s, which the plan does not evaluate, and %s; "+
					"give --config-dir DIR (the root module's directory) or --catalog-file FILE so that the report knows your own controls.\n",
					doc.Name, e.String(), why)
				continue
			}
		default:
			fmt.Fprintf(w, "Warning: %s: the provider block's catalog_files is %s, which the plan does not record; "+
				"give --catalog-file FILE so that the report knows your own controls.\n", doc.Name, e.String())
			continue
		}
		for _, f := range files {
			path := f
			if !filepath.IsAbs(path) {
				path = filepath.Join(base, path)
			}
			if _, err := os.Stat(path); err != nil {
				fmt.Fprintf(w, "Warning: %s: catalog file %q, named in the provider block's catalog_files, was not found (looked for %s, relative to %s); "+
					"its controls are listed as not in the loaded catalogs. Give --config-dir DIR (the root module's directory) or --catalog-file FILE.\n",
					doc.Name, f, path, describeBase(base, configDir))
				continue
			}
			key := path
			if abs, err := filepath.Abs(path); err == nil {
				key = abs
			}
			if !seen[key] {
				seen[key] = true
				found = append(found, path)
			}
		}
	}
	return found
}

func describeBase(base, configDir string) string {
	if configDir != "" {
		return "--config-dir " + configDir
	}
	return "the plan file's directory " + base
}

func onlyPathReferences(refs []string) bool {
	if len(refs) == 0 {
		return false
	}
	for _, r := range refs {
		if !pathReferences[r] {
			return false
		}
	}
	return true
}

// stringList returns the strings of a list or tuple of known strings.
func stringList(v cty.Value) []string {
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() {
		return nil
	}
	t := v.Type()
	if !t.IsListType() && !t.IsTupleType() && !t.IsSetType() {
		return nil
	}
	var out []string
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		e, _ = e.Unmark()
		if e.IsKnown() && !e.IsNull() && e.Type() == cty.String && e.AsString() != "" {
			out = append(out, e.AsString())
		}
	}
	return out
}

// catalogFilesFromConfig evaluates catalog_files of the provider "pii"
// block (without alias) in the .tf files of dir, with path.module,
// path.root and path.cwd the directory. why says what went wrong, "" when
// the list was found.
func catalogFilesFromConfig(dir string) (files []string, why string) {
	names, _ := filepath.Glob(filepath.Join(dir, "*.tf"))
	sort.Strings(names)
	if len(names) == 0 {
		return nil, "there is no .tf file in " + dir
	}
	// Absolute, so that a path made of path.module is not joined to the
	// directory a second time.
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{
		"path": cty.ObjectVal(map[string]cty.Value{
			"module": cty.StringVal(abs), "root": cty.StringVal(abs), "cwd": cty.StringVal(abs),
		}),
	}}
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		f, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
		if diags.HasErrors() {
			continue
		}
		body, ok := f.Body.(*hclsyntax.Body)
		if !ok {
			continue
		}
		for _, b := range body.Blocks {
			if b.Type != "provider" || len(b.Labels) != 1 || b.Labels[0] != "pii" {
				continue
			}
			if _, aliased := b.Body.Attributes["alias"]; aliased {
				continue
			}
			attr, ok := b.Body.Attributes["catalog_files"]
			if !ok {
				continue
			}
			v, diags := attr.Expr.Value(ctx)
			if diags.HasErrors() {
				return nil, "catalog_files in " + name + " refers to more than path.module, path.root and path.cwd"
			}
			return stringList(v), ""
		}
	}
	return nil, "no provider \"pii\" block with catalog_files is in the .tf files of " + strings.TrimSuffix(dir, "/")
}

// samePath reports whether two paths name the same file.
func samePath(a, b string) bool {
	if aa, err := filepath.Abs(a); err == nil {
		a = aa
	}
	if bb, err := filepath.Abs(b); err == nil {
		b = bb
	}
	return filepath.Clean(a) == filepath.Clean(b)
}
