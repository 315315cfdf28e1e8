package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/engine"
	"github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/report"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
	"github.com/privacycode/terraform-provider-pii/internal/verification"
)

func runReport(env Env, args []string) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var dirs, vars, varFiles, catalogFiles repeated
	format := fs.String("format", report.Formats[0], "report `FORMAT`: "+strings.Join(report.Formats, ", "))
	output := fs.String("output", "", "write the report to `FILE` instead of standard output")
	title := fs.String("title", "", "the report's `TITLE` (default \""+report.DefaultTitle+"\")")
	withCheck := fs.Bool("with-check", false, "check the documents against the policy pack and include the results")
	fs.Var(&dirs, "policy-dir", "with --with-check, read policies from `DIR` instead of the built-in pack (repeatable)")
	withBuiltin := fs.Bool("with-builtin", false, "with --policy-dir, check the built-in pack too, as one pack with the directories' policies")
	fs.Var(&vars, "var", "with --with-check, set a pack input: `NAME=VALUE` (repeatable)")
	fs.Var(&varFiles, "var-file", "with --with-check, set pack inputs from an HCL `FILE` of name = value lines (repeatable)")
	fs.Var(&catalogFiles, "catalog-file", "load this catalog `FILE` on top of the built-in catalogs for the Statement of Applicability (repeatable)")
	configDir := fs.String("config-dir", "", "the root module's `DIR`, where relative catalog_files of the provider block are resolved (default: each plan file's directory)")
	fs.Usage = func() {
		fmt.Fprint(env.Stderr, "Usage: terraform-provider-pii report [options] INPUT.json...\n\n"+
			"Turns plans and states from 'terraform show -json' into a report people read: the records of\n"+
			"processing, the life cycle of each activity, risk heat maps, the coverage of risks by controls\n"+
			"and the Statement of Applicability. Give - to read a document from standard input.\n\n"+
			"Formats: html (one self-contained file), markdown (a pull-request comment), csv (the records\n"+
			"of processing), json (the whole posture, schema_version "+fmt.Sprint(report.SchemaVersion)+"), oscal-ssp (an OSCAL "+report.OSCALVersion+" system\n"+
			"security plan: one implemented requirement per pii_control) and oscal-ar (OSCAL assessment\n"+
			"results: a risk per assessed risk and, with --with-check, a finding per policy result). The\n"+
			"OSCAL documents are dated by the plans' timestamp; those of a state (or of a plan from a\n"+
			"Terraform before 1.5) by SOURCE_DATE_EPOCH when it is set, else by the current time.\n\n"+
			"Exit status: 0 the report is written (even when policies fail); 2 unusable input or usage.\n\nOptions:\n")
		fs.PrintDefaults()
	}
	inputs, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(env.Stderr, "Error: "+format+"\n", a...)
		return ExitUsage
	}
	if len(inputs) == 0 {
		return fail("give at least one plan or state JSON file (from terraform show -json), or - for standard input")
	}
	if !slices.Contains(report.Formats, *format) {
		return fail("%s", &report.FormatError{Format: *format})
	}
	if !*withCheck && (len(dirs) > 0 || len(vars) > 0 || len(varFiles) > 0 || *withBuiltin) {
		return fail("--policy-dir, --with-builtin, --var and --var-file set up the policy check: add --with-check")
	}
	if *configDir != "" {
		if st, err := os.Stat(*configDir); err != nil || !st.IsDir() {
			return fail("--config-dir %s: not a directory", *configDir)
		}
	}
	set, diags := catalog.LoadFiles(catalogFiles)
	if diags.HasErrors() {
		return fail("the catalog files do not load:\n%s", catalog.FormatDiagnostics(diags))
	}
	// Standard input can be read once: keep a copy for the second pass
	// that reads the provider blocks.
	var stdin bytes.Buffer
	if env.Stdin != nil {
		env.Stdin = io.TeeReader(env.Stdin, &stdin)
	}
	docs, err := readDocuments(env, inputs)
	if err != nil {
		return fail("%s", err)
	}
	blocks, err := providerBlocks(docs, func(d *tfplan.Document) ([]byte, error) {
		if d.Name == "-" {
			return stdin.Bytes(), nil
		}
		return os.ReadFile(d.Name)
	})
	if err != nil {
		return fail("%s", err)
	}
	// The catalog files the provider blocks name, so that one's own
	// controls are not listed as unknown; a file not found is a warning.
	if found := planCatalogFiles(env.Stderr, docs, blocks, *configDir); len(found) > 0 {
		all := slices.Clone([]string(catalogFiles))
		for _, f := range found {
			if !slices.ContainsFunc(all, func(g string) bool { return samePath(f, g) }) {
				all = append(all, f)
			}
		}
		if withFound, diags := catalog.LoadFiles(all); diags.HasErrors() {
			fmt.Fprintf(env.Stderr, "Warning: the catalog files that the provider block names do not load, so the report uses the catalogs without them:\n%s\n", catalog.FormatDiagnostics(diags))
		} else {
			set = withFound
		}
	}
	p, err := posture.Read(docs, posture.Options{Catalogs: set, Providers: blocks})
	if err != nil {
		return fail("%s", err)
	}

	opt := report.Options{Title: *title, Version: env.Version}
	if report.UsesTime(*format) {
		if _, ok := report.DocumentTime(p); !ok {
			// A plan dates the OSCAL documents itself; a state does not.
			when, err := generationTime()
			if err != nil {
				return fail("%s", err)
			}
			opt.Generated = when
		}
	}
	if *withCheck {
		check, outcome, err := runPack(env, dirs, *withBuiltin, vars, varFiles, docs, set)
		if err != nil {
			return fail("%s", err)
		}
		opt.Check, opt.Verification = check, outcome
	}

	var buf bytes.Buffer
	if err := report.Write(&buf, *format, p, opt); err != nil {
		return fail("%s", err)
	}
	if *output != "" {
		// Written only once the report is complete, so that a failure
		// never leaves a truncated file in place of a good one.
		if err := os.WriteFile(*output, buf.Bytes(), 0o644); err != nil {
			return fail("--output %s: %s", *output, unwrapPathError(err))
		}
	} else if _, err := env.Stdout.Write(buf.Bytes()); err != nil {
		return fail("writing the report: %s", err)
	}
	if p.Empty() {
		fmt.Fprintf(env.Stderr, "Note: %s declares no pii_processing_activity, pii_control or pii_risk_assessment resource; the report says so.\n", strings.Join(inputs, ", "))
	}
	if *output != "" {
		line := fmt.Sprintf("report: %s written (%s, %d bytes)", *output, *format, buf.Len())
		if opt.Check != nil {
			line += "; " + opt.Check.CountLine()
		}
		fmt.Fprintln(env.Stderr, line)
	}
	return ExitOK
}

// runPack checks the documents against the built-in pack, or the policies
// of dirs (with the built-in pack when withBuiltin), as the check command
// does.
func runPack(env Env, dirs []string, withBuiltin bool, vars, varFiles []string, docs []*tfplan.Document, set *catalog.Set) (*results.Report, *verification.Outcome, error) {
	pack, err := loadPack(dirs, withBuiltin)
	if err != nil {
		return nil, nil, err
	}
	warnUnknownControls(env, pack)
	values, err := inputValues(pack, vars, varFiles)
	if err != nil {
		return nil, nil, err
	}
	eng, err := engine.New(pack, engine.Options{Inputs: values})
	if err != nil {
		return nil, nil, err
	}
	return checkAndVerify(eng, docs, set, nil)
}

// generationTime is the time an OSCAL report of documents without a
// timestamp is dated by: SOURCE_DATE_EPOCH (seconds since 1970, the
// reproducible-builds convention) when it is set, else now, to the second.
func generationTime() (string, error) {
	if s, ok := os.LookupEnv("SOURCE_DATE_EPOCH"); ok && s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 {
			return "", fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970-01-01", s)
		}
		return time.Unix(n, 0).UTC().Format(time.RFC3339), nil
	}
	return time.Now().UTC().Truncate(time.Second).Format(time.RFC3339), nil
}
