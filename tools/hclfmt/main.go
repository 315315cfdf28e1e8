// Command hclfmt formats HCL files in place with hclwrite, the formatter
// terraform fmt is built on (which refuses files it does not know, such
// as policies). With -check it changes nothing and lists the files that
// are not formatted, exiting 1 if there are any.
//
//	go run ./tools/hclfmt [-check] DIR_OR_FILE...
//
// Directories are walked for *.hcl files.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

func main() {
	check := flag.Bool("check", false, "list unformatted files and exit 1 instead of rewriting them")
	flag.Parse()
	var files []string
	for _, arg := range flag.Args() {
		err := filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(path, ".hcl") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, "hclfmt:", err)
			os.Exit(2)
		}
	}
	unformatted := 0
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "hclfmt:", err)
			os.Exit(2)
		}
		// hclwrite formats even broken files; refuse them so that a syntax
		// error is reported where it is rather than reshaped.
		if _, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos); diags.HasErrors() {
			fmt.Fprintln(os.Stderr, diags.Error())
			os.Exit(2)
		}
		out := hclwrite.Format(src)
		if bytes.Equal(src, out) {
			continue
		}
		unformatted++
		if *check {
			fmt.Println(path)
			continue
		}
		if err := os.WriteFile(path, out, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "hclfmt:", err)
			os.Exit(2)
		}
		fmt.Println("formatted", path)
	}
	if *check && unformatted > 0 {
		os.Exit(1)
	}
}
