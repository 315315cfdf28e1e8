// Command workspacegen writes a posture and the infrastructure documents of
// many workspaces it names, and the same resources in one document, for
// measuring how the check command scales with the number of documents
// (make bench-verify runs it through scripts/bench-verify.sh; the same
// generator feeds BenchmarkVerifyManyDocuments in internal/verification).
//
//	go run ./tools/workspacegen -docs 50 -resources-per-doc 1000 -activities 500 -controls 100 -out DIR
//
// writes DIR/docs-50/posture.json and ws00.json to ws49.json, one document
// of -resources-per-doc resources per workspace, and DIR/docs-1/posture.json
// and ws00.json, all the resources in one document (see GenerateWorkspaces
// in package internal/plangen for what they hold). Each posture names the
// data stores of its own split, qualified with their document's label
// (ws07:aws_s3_bucket...); check them with
//
//	terraform-provider-pii check DIR/docs-50/posture.json ws00=DIR/docs-50/ws00.json ...
//
// The directories docs-N and docs-1 are replaced, nothing else in DIR is
// touched. The output is deterministic: the same flags always give the
// same bytes.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/privacycode/terraform-provider-pii/internal/plangen"
)

func main() {
	cfg := plangen.DefaultWorkspacesConfig()
	flag.IntVar(&cfg.Workspaces, "docs", cfg.Workspaces, "number of infrastructure documents (workspaces) of the split")
	flag.IntVar(&cfg.ResourcesPerWorkspace, "resources-per-doc", cfg.ResourcesPerWorkspace, "resource instances of each infrastructure document of the split")
	flag.IntVar(&cfg.Activities, "activities", cfg.Activities, "pii_processing_activity resources of the posture")
	flag.IntVar(&cfg.Controls, "controls", cfg.Controls, "pii_control resources of the posture")
	out := flag.String("out", "", "directory to write docs-N/ and docs-1/ into (created)")
	quiet := flag.Bool("q", false, "print nothing on success")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: workspacegen [-docs N] [-resources-per-doc M] [-activities A] [-controls C] [-q] -out DIR")
		os.Exit(2)
	}
	summary := io.Writer(os.Stdout)
	if *quiet {
		summary = io.Discard
	}
	if err := run(cfg, *out, summary); err != nil {
		fmt.Fprintln(os.Stderr, "workspacegen:", err)
		os.Exit(1)
	}
}

// run writes the split into cfg.Workspaces documents, then the one into a
// single document, and says what it wrote to summary.
func run(cfg plangen.WorkspacesConfig, out string, summary io.Writer) error {
	counts := []int{cfg.Workspaces}
	if cfg.Workspaces > 1 {
		counts = append(counts, 1)
	}
	for _, n := range counts {
		set, err := plangen.GenerateWorkspaces(cfg, n)
		if err != nil {
			return err
		}
		dir := filepath.Join(out, fmt.Sprintf("docs-%d", n))
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		size := 0
		for _, d := range set.Documents() {
			size += len(d.Data)
			if err := os.WriteFile(filepath.Join(dir, d.Name), d.Data, 0o644); err != nil {
				return err
			}
		}
		noun := "documents"
		if n == 1 {
			noun = "document"
		}
		fmt.Fprintf(summary, "%s: the posture (%d activities, %d controls) and %d infrastructure %s of %d resources in all (%.1f MB)\n",
			dir, cfg.Activities, cfg.Controls, n, noun, cfg.Resources(), float64(size)/1e6)
	}
	return nil
}
