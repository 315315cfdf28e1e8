package catalog

import (
	"os"
	"testing"
)

// FuzzLoadWithBuiltin feeds arbitrary bytes as a user catalog file. Whatever
// the input, loading must not panic, and it either succeeds or says why
// with at least one error.
func FuzzLoadWithBuiltin(f *testing.F) {
	if b, err := os.ReadFile("testdata/annex_a.hcl"); err == nil {
		f.Add(b)
	}
	for _, seed := range []string{
		"",
		"catalog \"x\" {\n  version = \"1\"\n  title = \"X\"\n}\n",
		"control \"iso29151\" \"X.1\" {\n  title = \"t\"\n  parent = \"X.1\"\n}\n",
		"pii_category \"a.b.c\" {\n  title = \"t\"\n  sensitivity = \"low\"\n}\n",
		"group \"iso29151\" \"g\" {\n  title = \"G\"\n  parent = \"h\"\n}\ngroup \"iso29151\" \"h\" {\n  title = \"H\"\n  parent = \"g\"\n}\n",
		"principle \"p\" {\n  number = 1e400\n  title = \"x\"\n}\n",
		"control \"iso29151\" \"Y\" { title = \"t\"\n treats = \"not a list\" }\n",
		"risk_category \"r\" { title = null }\n",
		"control \"iso29151@2017\" \"Z\" {\n  title = \"t\"\n  related = [\"iso29151\", \":\", \"iso29151:\", \"@:x\"]\n}\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		set, diags := LoadWithBuiltin(Source{Filename: "fuzz.hcl", Bytes: src})
		if set == nil && !diags.HasErrors() {
			t.Fatalf("no set and no error for %q", src)
		}
		if set != nil && diags.HasErrors() {
			t.Fatalf("a set despite errors for %q", src)
		}
		_ = FormatDiagnostics(diags)
	})
}
