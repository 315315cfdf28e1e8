package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
)

// repeated collects a flag that may be given several times.
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

var catalogFormats = []string{"table", "json", "markdown"}

func runCatalog(env Env, args []string) int {
	fs := flag.NewFlagSet("catalog", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var files repeated
	name := fs.String("catalog", "", "list only this catalog (`NAME` or name@version); default: every catalog")
	format := fs.String("format", "table", "output `FORMAT`: "+strings.Join(catalogFormats, ", "))
	group := fs.String("group", "", "only controls of this group `ID`")
	principle := fs.String("principle", "", "only controls serving this principle `KEY`")
	treats := fs.String("treats", "", "only controls treating this risk category `KEY`")
	search := fs.String("search", "", "only controls whose id, title or objective contain `TEXT` (any case)")
	fs.Var(&files, "catalog-file", "load this catalog `FILE` on top of the built-in catalogs (repeatable)")
	fs.Usage = func() {
		fmt.Fprint(env.Stderr, "Usage: terraform-provider-pii catalog [options]\n\nLists catalog controls with the principle they serve and the risks they treat.\n\nOptions:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "Error: unexpected argument %q; catalog files are given with --catalog-file.\n", fs.Arg(0))
		return ExitUsage
	}
	if !slices.Contains(catalogFormats, *format) {
		fmt.Fprintf(env.Stderr, "Error: unknown format %q; use one of %s.\n", *format, strings.Join(catalogFormats, ", "))
		return ExitUsage
	}

	set, diags := catalog.LoadFiles(files)
	if diags.HasErrors() {
		fmt.Fprintf(env.Stderr, "Error: the catalog files do not load:\n%s\n", catalog.FormatDiagnostics(diags))
		return ExitUsage
	}
	cats := set.Catalogs()
	if *name != "" {
		c, err := set.Catalog(*name)
		if err != nil {
			fmt.Fprintf(env.Stderr, "Error: %s\n", err)
			return ExitUsage
		}
		cats = []*catalog.Catalog{c}
	}
	filter := catalog.Filter{Group: *group, Principle: *principle, Treats: *treats, Search: *search}
	var listings []listing
	for _, c := range cats {
		if err := set.Check(c, filter); err != nil {
			var fe *catalog.FilterError
			// A group filter only makes sense within the catalog that has it.
			if errors.As(err, &fe) && fe.Field == "group" && len(cats) > 1 {
				continue
			}
			fmt.Fprintf(env.Stderr, "Error: --%s: %s\n", fieldFlag(err), err)
			return ExitUsage
		}
		listings = append(listings, listing{c, c.Select(filter)})
	}
	if len(listings) == 0 {
		fmt.Fprintf(env.Stderr, "Error: no catalog has a group %q; give --catalog to see its groups' suggestions.\n", *group)
		return ExitUsage
	}

	var err error
	switch *format {
	case "json":
		err = writeCatalogJSON(env.Stdout, listings)
	case "markdown":
		err = writeCatalogMarkdown(env.Stdout, listings)
	default:
		err = writeCatalogTable(env.Stdout, listings)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "Error: %s\n", err)
		return ExitFail
	}
	return ExitOK
}

func fieldFlag(err error) string {
	var fe *catalog.FilterError
	if errors.As(err, &fe) {
		return fe.Field
	}
	return "filter"
}

type listing struct {
	catalog  *catalog.Catalog
	controls []*catalog.Control
}

func writeCatalogTable(w io.Writer, listings []listing) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CONTROL\tTITLE\tPRINCIPLE\tTREATS\tREDUCES")
	for _, l := range listings {
		for _, c := range l.controls {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", c.Ref(), c.Title, c.Principle, strings.Join(c.Treats, ","), c.Reduces)
		}
	}
	return tw.Flush()
}

type jsonControl struct {
	ID           string   `json:"id"`
	Ref          string   `json:"ref"`
	Title        string   `json:"title"`
	Group        string   `json:"group"`
	GroupTitle   string   `json:"group_title"`
	Principle    string   `json:"principle"`
	Objective    string   `json:"objective,omitempty"`
	Treats       []string `json:"treats"`
	Reduces      string   `json:"reduces"`
	Stages       []string `json:"stages,omitempty"`
	Related      []string `json:"related,omitempty"`
	Role         string   `json:"role,omitempty"`
	GDPRArticles []string `json:"gdpr_articles,omitempty"`
	Parent       string   `json:"parent,omitempty"`
}

type jsonCatalog struct {
	Name     string        `json:"name"`
	Version  string        `json:"version"`
	Title    string        `json:"title"`
	Controls []jsonControl `json:"controls"`
}

func writeCatalogJSON(w io.Writer, listings []listing) error {
	out := struct {
		Catalogs []jsonCatalog `json:"catalogs"`
	}{Catalogs: []jsonCatalog{}}
	for _, l := range listings {
		jc := jsonCatalog{Name: l.catalog.Name, Version: l.catalog.Version, Title: l.catalog.Title, Controls: []jsonControl{}}
		for _, c := range l.controls {
			jc.Controls = append(jc.Controls, jsonControl{
				ID: c.ID, Ref: c.Ref(), Title: c.Title, Group: c.Group, GroupTitle: c.GroupTitle, Principle: c.Principle,
				Objective: c.Objective, Treats: c.Treats, Reduces: string(c.Reduces), Stages: c.Stages,
				Related: c.Related, Role: c.Role, GDPRArticles: c.GDPRArticles, Parent: c.Parent,
			})
		}
		out.Catalogs = append(out.Catalogs, jc)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeCatalogMarkdown(w io.Writer, listings []listing) error {
	var b strings.Builder
	for i, l := range listings {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "## %s (%s)\n\n%s. Controls listed: %d.\n\n", l.catalog.Name, l.catalog.Version, markdownCell(l.catalog.Title), len(l.controls))
		if len(l.controls) == 0 {
			continue
		}
		b.WriteString("| Control | Title | Principle | Treats | Reduces |\n|---|---|---|---|---|\n")
		for _, c := range l.controls {
			// Qualified: A.12.1 is a different control in each catalog.
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", c.Ref(), markdownCell(c.Title), c.Principle, strings.Join(c.Treats, ", "), c.Reduces)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// markdownCell keeps user text from breaking a table row.
func markdownCell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}
