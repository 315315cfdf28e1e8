// Command docgen writes the documentation pages that are generated from the
// built-in catalogs and policy pack rather than from the provider schema,
// so that they cannot drift from the code: docs/guides/catalog-reference.md
// and docs/guides/policy-pack.md. The GNUmakefile runs it after
// tfplugindocs, which owns the rest of docs/.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/policy"
	"github.com/privacycode/terraform-provider-pii/policies"
)

func main() {
	out := flag.String("out", "docs", "documentation directory to write into")
	flag.Parse()
	set, err := catalog.Builtin()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	pack, diags := policy.ParseFS(policies.FS, ".")
	if diags.HasErrors() {
		fmt.Fprintln(os.Stderr, diags.Error())
		os.Exit(1)
	}
	write(filepath.Join(*out, "guides", "catalog-reference.md"), catalogReference(set))
	write(filepath.Join(*out, "guides", "policy-pack.md"), policyPack(pack, set))
}

func write(path string, page []byte) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(path, page, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func cell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ")
}

func codeList(items []string) string {
	if len(items) == 0 {
		return ""
	}
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = "`" + s + "`"
	}
	return strings.Join(q, ", ")
}

func catalogReference(set *catalog.Set) []byte {
	var b bytes.Buffer
	b.WriteString(`---
page_title: "Catalog reference"
subcategory: ""
description: |-
  Every built-in control with the principle it serves and the risk categories it treats, and the PII taxonomy. Generated from the built-in catalogs.
---

# Catalog reference

This page is generated from the built-in catalog files by ` + "`make docs`" + `; the
[catalog guide](catalog.md) explains how the mapping was made.

## Counts

`)
	cats := set.Catalogs()
	b.WriteString("| Catalog | Version | Controls |\n|---|---|---:|\n")
	for _, c := range cats {
		fmt.Fprintf(&b, "| `%s` | %s | %d |\n", c.Name, c.Version, len(c.Controls()))
	}

	b.WriteString("\nControls that treat each risk category:\n\n| Risk category |")
	for _, c := range cats {
		fmt.Fprintf(&b, " `%s` |", c.Name)
	}
	b.WriteString("\n|---|" + strings.Repeat("---:|", len(cats)) + "\n")
	for _, rc := range set.RiskCategories() {
		fmt.Fprintf(&b, "| `%s` |", rc.Key)
		for _, c := range cats {
			fmt.Fprintf(&b, " %d |", len(c.Select(catalog.Filter{Treats: rc.Key})))
		}
		b.WriteString("\n")
	}

	b.WriteString("\nControls that mainly serve each privacy principle:\n\n| # | Principle |")
	for _, c := range cats {
		fmt.Fprintf(&b, " `%s` |", c.Name)
	}
	b.WriteString("\n|---:|---|" + strings.Repeat("---:|", len(cats)) + "\n")
	for _, p := range set.Principles() {
		fmt.Fprintf(&b, "| %d | `%s` |", p.Number, p.Key)
		for _, c := range cats {
			fmt.Fprintf(&b, " %d |", len(c.Select(catalog.Filter{Principle: p.Key})))
		}
		b.WriteString("\n")
	}

	b.WriteString("\n## Privacy principles (ISO/IEC 29100)\n\n| # | Key | Title | Description |\n|---:|---|---|---|\n")
	for _, p := range set.Principles() {
		fmt.Fprintf(&b, "| %d | `%s` | %s | %s |\n", p.Number, p.Key, cell(p.Title), cell(p.Description))
	}

	b.WriteString("\n## Risk categories\n\nThe principles column names the principles whose controls most directly treat the category; suggested controls favour them.\n\n| Key | Title | Principles | Description |\n|---|---|---|---|\n")
	for _, r := range set.RiskCategories() {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.Key, cell(r.Title), codeList(r.Principles), cell(r.Description))
	}

	b.WriteString("\n## PII categories\n\nA parent key stands for all of its children.\n\n| Key | Title | Sensitivity | Description |\n|---|---|---|---|\n")
	for _, p := range set.PIICategories() {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", p.Key, cell(p.Title), p.Sensitivity, cell(p.Description))
	}

	for _, c := range cats {
		fmt.Fprintf(&b, "\n## `%s`: %s\n\n%s\n", c.Name, cell(c.Title), c.Description)
		for _, g := range c.Groups() {
			controls := c.Select(catalog.Filter{Group: g.ID})
			if len(controls) == 0 {
				// Kept, so the numbering reads as in the standard.
				fmt.Fprintf(&b, "\n### %s %s\n\nThis section holds no control.\n", g.ID, cell(g.Title))
				continue
			}
			fmt.Fprintf(&b, "\n### %s %s\n\n| Control | Title | Principle | Treats | Reduces | Stages | Related |\n|---|---|---|---|---|---|---|\n", g.ID, cell(g.Title))
			for _, ctl := range controls {
				fmt.Fprintf(&b, "| `%s` | %s | `%s` | %s | %s | %s | %s |\n",
					ctl.ID, cell(ctl.Title), ctl.Principle, codeList(ctl.Treats), ctl.Reduces, strings.Join(ctl.Stages, ", "), codeList(ctl.Related))
			}
		}
	}
	return b.Bytes()
}
