package catalog

import (
	"embed"
	"fmt"
	"os"
	"path"
	"sort"
	"sync"

	"github.com/hashicorp/hcl/v2"
)

//go:embed builtin/*.hcl
var builtinFiles embed.FS

// BuiltinFilePrefix starts the file name of every built-in catalog file in
// diagnostics, so that users can tell them from their own.
const BuiltinFilePrefix = "<builtin>/"

// Load builds a Set from the given files alone.
func Load(sources ...Source) (*Set, hcl.Diagnostics) {
	all, diags := decodeAll(sources)
	if diags.HasErrors() {
		return nil, diags
	}
	set, more := resolve(all)
	return set, append(diags, more...)
}

// LoadWithBuiltin builds a Set from the built-in catalogs and the given
// user files, which may add catalogs, controls (to built-in catalogs too) and
// taxonomy entries, but not redeclare what exists.
func LoadWithBuiltin(sources ...Source) (*Set, hcl.Diagnostics) {
	if len(sources) == 0 {
		set, err := Builtin()
		if err != nil {
			return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Broken built-in catalog", Detail: err.Error()}}
		}
		return set, nil
	}
	base, err := builtinDecls()
	if err != nil {
		return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Broken built-in catalog", Detail: err.Error()}}
	}
	user, diags := decodeAll(sources)
	if diags.HasErrors() {
		return nil, diags
	}
	all := &decls{}
	all.append(base)
	all.append(user)
	set, more := resolve(all)
	return set, append(diags, more...)
}

// LoadFiles reads the named files and loads them on top of the built-in
// catalogs. A file that cannot be read is an error naming it.
func LoadFiles(paths []string) (*Set, hcl.Diagnostics) {
	var sources []Source
	var diags hcl.Diagnostics
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Cannot read catalog file",
				Detail:   fmt.Sprintf("Catalog file %q cannot be read: %s.", p, unwrapPathError(err)),
			})
			continue
		}
		sources = append(sources, Source{Filename: p, Bytes: b})
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return LoadWithBuiltin(sources...)
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

func decodeAll(sources []Source) (*decls, hcl.Diagnostics) {
	all := &decls{}
	var diags hcl.Diagnostics
	for _, src := range sources {
		d, more := decode(src)
		diags = append(diags, more...)
		all.append(d)
	}
	return all, diags
}

var builtin struct {
	once  sync.Once
	decls *decls
	set   *Set
	err   error
}

// Builtin returns the built-in Set, parsing the embedded files on first use.
// The result is shared: callers must not modify it.
func Builtin() (*Set, error) {
	loadBuiltin()
	return builtin.set, builtin.err
}

func builtinDecls() (*decls, error) {
	loadBuiltin()
	return builtin.decls, builtin.err
}

func loadBuiltin() {
	builtin.once.Do(func() {
		sources, err := BuiltinSources()
		if err != nil {
			builtin.err = err
			return
		}
		d, diags := decodeAll(sources)
		if !diags.HasErrors() {
			builtin.set, diags = resolve(d)
		}
		if diags.HasErrors() {
			builtin.err = fmt.Errorf("%s", FormatDiagnostics(diags))
			return
		}
		builtin.decls = d
	})
}

// BuiltinSources returns the embedded catalog files, taxonomy first.
func BuiltinSources() ([]Source, error) {
	entries, err := builtinFiles.ReadDir("builtin")
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	// Load order decides presentation order (and which edition a bare
	// catalog name means): the taxonomy, then the default catalog first.
	sort.SliceStable(names, func(i, j int) bool { return builtinRank(names[i]) < builtinRank(names[j]) })
	out := make([]Source, 0, len(names))
	for _, n := range names {
		b, err := builtinFiles.ReadFile(path.Join("builtin", n))
		if err != nil {
			return nil, err
		}
		out = append(out, Source{Filename: BuiltinFilePrefix + n, Bytes: b})
	}
	return out, nil
}

var builtinOrder = []string{"taxonomy.hcl", "iso29151.hcl", "iso27701.hcl", "iso27018.hcl"}

func builtinRank(name string) int {
	for i, n := range builtinOrder {
		if n == name {
			return i
		}
	}
	return len(builtinOrder)
}
