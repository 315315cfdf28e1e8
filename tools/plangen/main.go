// Command plangen writes a large, realistic plan document, as
// `terraform show -json` writes it, for measuring how the policy engine
// scales (make bench-policy runs it through scripts/bench-policy.sh).
//
//	go run ./tools/plangen -resources 20000 -out plan.json
//
// writes a plan of exactly -resources resource instances (see package
// internal/plangen for what it holds) and prints what it wrote: the
// resources by type, the data stores and those that hold PII. The output
// is deterministic: the same flags always give the same bytes. -out -
// writes the document to standard output and the summary to standard
// error.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/privacycode/terraform-provider-pii/internal/plangen"
)

func main() {
	resources := flag.Int("resources", 20000, "number of resource instances in resource_changes")
	out := flag.String("out", "", "file to write the plan to, or - for standard output")
	quiet := flag.Bool("q", false, "print nothing on success")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 || *resources < 1 {
		fmt.Fprintln(os.Stderr, "usage: plangen [-resources N] [-q] -out FILE|-")
		os.Exit(2)
	}
	summary := io.Writer(os.Stdout)
	if *out == "-" {
		summary = os.Stderr
	}
	if *quiet {
		summary = io.Discard
	}
	if err := run(*resources, *out, summary); err != nil {
		fmt.Fprintln(os.Stderr, "plangen:", err)
		os.Exit(1)
	}
}

func run(resources int, out string, summary io.Writer) error {
	var w io.Writer = os.Stdout
	var f *os.File
	if out != "-" {
		var err error
		if f, err = os.Create(out); err != nil {
			return err
		}
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	st, err := plangen.Write(bw, plangen.Config{Resources: resources})
	if err == nil {
		err = bw.Flush()
	}
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return err
	}
	types := make([]string, 0, len(st.ByType))
	for t := range st.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	where := out
	if out == "-" {
		where = "standard output"
	}
	fmt.Fprintf(summary, "wrote %s: %d resources (%.1f MB), %d child modules\n", where, st.Resources, float64(st.Bytes)/1e6, st.Modules)
	for _, t := range types {
		fmt.Fprintf(summary, "  %-52s %6d\n", t, st.ByType[t])
	}
	fmt.Fprintf(summary, "data stores: %d, holding PII: %d (%.1f%%; %d tagged data_classification = \"pii\", %d named by a processing activity)\n",
		st.DataStores, st.PII, 100*float64(st.PII)/float64(max(st.DataStores, 1)), st.Tagged, st.Named)
	return nil
}
