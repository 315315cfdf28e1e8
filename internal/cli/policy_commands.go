package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/engine"
	"github.com/privacycode/terraform-provider-pii/internal/policy"
	"github.com/privacycode/terraform-provider-pii/internal/policytest"
	"github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/resultfmt"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/systems"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
	"github.com/privacycode/terraform-provider-pii/internal/verification"
	"github.com/privacycode/terraform-provider-pii/policies"
)

// builtinPrefix names the embedded pack's files in messages.
const builtinPrefix = "<builtin>/"

// parseInterleaved parses flags that may come before or after the
// positional arguments, as users write "check plan.json --format json".
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// loadPack reads the policies of the given directories, or the built-in
// pack when there are none; withBuiltin adds the built-in pack to the
// directories' policies (names must then be unique across both).
func loadPack(dirs []string, withBuiltin bool) (*policy.Pack, error) {
	sources, err := collect(dirs, policy.PolicySuffix)
	if err != nil {
		return nil, err
	}
	if withBuiltin && len(dirs) > 0 {
		builtin, err := collect(nil, policy.PolicySuffix)
		if err != nil {
			return nil, err
		}
		sources = append(builtin, sources...)
	}
	pack, diags := policy.Parse(sources...)
	if diags.HasErrors() {
		return nil, diagError(diags)
	}
	if len(pack.Policies) == 0 {
		where := "the built-in pack"
		if len(dirs) > 0 {
			where = strings.Join(dirs, ", ")
		}
		return nil, fmt.Errorf("no policies in %s: policy files are named *%s", where, policy.PolicySuffix)
	}
	return pack, nil
}

// collect reads every file with the suffix under the directories (or in
// the embedded pack).
func collect(dirs []string, suffix string) ([]policy.Source, error) {
	var sources []policy.Source
	if len(dirs) == 0 {
		err := walkEmbedded(func(name string, b []byte) {
			if strings.HasSuffix(name, suffix) {
				sources = append(sources, policy.Source{Filename: builtinPrefix + name, Bytes: b})
			}
		})
		return sources, err
	}
	for _, dir := range dirs {
		info, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("--policy-dir %s: %s", dir, unwrapPathError(err))
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("--policy-dir %s: not a directory", dir)
		}
		err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && strings.HasSuffix(p, suffix) {
				b, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				sources = append(sources, policy.Source{Filename: p, Bytes: b})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return sources, nil
}

func walkEmbedded(fn func(name string, b []byte)) error {
	var names []string
	var walk func(dir string) error
	walk = func(dir string) error {
		entries, err := policies.FS.ReadDir(dir)
		if err != nil {
			return err
		}
		for _, e := range entries {
			p := e.Name()
			if dir != "." {
				p = dir + "/" + e.Name()
			}
			if e.IsDir() {
				if err := walk(p); err != nil {
					return err
				}
				continue
			}
			names = append(names, p)
		}
		return nil
	}
	if err := walk("."); err != nil {
		return err
	}
	sort.Strings(names)
	for _, n := range names {
		b, err := policies.FS.ReadFile(n)
		if err != nil {
			return err
		}
		fn(n, b)
	}
	return nil
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// diagError renders HCL diagnostics one per line with file:line:column.
func diagError(diags hcl.Diagnostics) error {
	var lines []string
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		loc := ""
		if d.Subject != nil {
			loc = fmt.Sprintf("%s:%d:%d: ", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column)
		}
		lines = append(lines, loc+d.Summary+": "+d.Detail)
	}
	return errors.New(strings.Join(lines, "\n"))
}

// warnUnknownControls says on stderr which policies name controls that are
// not in the built-in catalogs: a typo there would go unnoticed into every
// report.
func warnUnknownControls(env Env, pack *policy.Pack) {
	set, err := catalog.Builtin()
	if err != nil {
		return
	}
	for _, p := range pack.Policies {
		for _, c := range p.Controls {
			if _, err := set.LookupControl(c); err != nil {
				fmt.Fprintf(env.Stderr, "Warning: %s:%d: policy %s names control %s: %s\n", p.DeclRange.Filename, p.DeclRange.Start.Line, p.Name, c, err)
			}
		}
	}
}

func runCheck(env Env, args []string) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var dirs, vars, varFiles, overrides repeated
	format := fs.String("format", "text", "output `FORMAT`: "+strings.Join(resultfmt.Formats, ", "))
	output := fs.String("output", "", "write the results to `FILE` instead of standard output")
	strict := fs.Bool("strict", false, "fail when a mandatory policy's result is unknown")
	noColor := fs.Bool("no-color", false, "never colour the text output")
	classifications := fs.String("pii-classifications", strings.Join(engine.DefaultClassifications, ","),
		"data_classification tag `VALUES` (comma-separated) that mark a resource as holding PII")
	fs.Var(&dirs, "policy-dir", "read policies from `DIR` instead of the built-in pack (repeatable)")
	withBuiltin := fs.Bool("with-builtin", false, "with --policy-dir, check the built-in pack too, as one pack with the directories' policies")
	fs.Var(&vars, "var", "set a pack input: `NAME=VALUE` (repeatable)")
	fs.Var(&varFiles, "var-file", "set pack inputs from an HCL `FILE` of name = value lines (repeatable)")
	fs.Var(&overrides, "override", "do not block on this mandatory_overridable `POLICY` (repeatable)")
	fs.Usage = func() {
		fmt.Fprint(env.Stderr, "Usage: terraform-provider-pii check [options] PLAN.json...\n\n"+
			"Checks plans and states from 'terraform show -json' against the policy pack.\n"+
			"Give - to read a document from standard input.\n\n"+
			"Exit status: 0 no blocking result; 1 a mandatory policy failed or errored (or, with --strict,\n"+
			"is unknown); 2 unusable input.\n\nOptions:\n")
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
	if !slices.Contains(resultfmt.Formats, *format) {
		return fail("unknown format %q; use one of %s", *format, strings.Join(resultfmt.Formats, ", "))
	}
	pack, err := loadPack(dirs, *withBuiltin)
	if err != nil {
		return fail("%s", err)
	}
	warnUnknownControls(env, pack)
	values, err := inputValues(pack, vars, varFiles)
	if err != nil {
		return fail("%s", err)
	}
	packOverrides, verificationOverrides := splitOverrides(overrides)
	eng, err := engine.New(pack, engine.Options{Inputs: values, Classifications: splitList(*classifications), Overrides: packOverrides})
	if err != nil {
		return fail("%s", err)
	}
	docs, err := readDocuments(env, inputs)
	if err != nil {
		return fail("%s", err)
	}
	report, _, err := checkAndVerify(eng, docs, nil, verificationOverrides)
	if err != nil {
		return fail("%s", err)
	}

	out := env.Stdout
	color := env.ColorTerminal && !*noColor && *output == "" && os.Getenv("NO_COLOR") == ""
	if *output != "" {
		f, err := os.Create(*output)
		if err != nil {
			return fail("--output %s: %s", *output, unwrapPathError(err))
		}
		defer f.Close()
		out = f
	}
	if err := resultfmt.Write(out, *format, report, resultfmt.Options{Color: color, Strict: *strict, Version: env.Version}); err != nil {
		return fail("writing the results: %s", err)
	}
	if *output != "" {
		// The file has the details; the terminal gets the verdict.
		fmt.Fprintln(env.Stderr, report.CountLine())
	}
	return report.ExitCode(*strict)
}

// splitOverrides separates the overrides of the verification's policies,
// which the engine does not know, from those of the pack's.
func splitOverrides(overrides []string) (pack, verified []string) {
	for _, o := range overrides {
		if verification.IsPolicy(o) {
			verified = append(verified, o)
		} else {
			pack = append(pack, o)
		}
	}
	return pack, verified
}

// checkAndVerify checks the documents against the pack, then verifies the
// posture they declare against the same results (package verification)
// and adds the verification's results to the report.
func checkAndVerify(eng *engine.Engine, docs []*tfplan.Document, set *catalog.Set, verificationOverrides []string) (*results.Report, *verification.Outcome, error) {
	named := systems.Resolve(docs)
	report := eng.CheckResolved(docs, named)
	p, err := posture.Read(docs, posture.Options{Catalogs: set})
	if err != nil {
		return nil, nil, err
	}
	outcome, err := verification.Verify(verification.Input{Documents: docs, Posture: p, Check: report, Systems: named, Catalogs: set})
	if err != nil {
		return nil, nil, err
	}
	outcome.Add(report, docs)
	report.Overridden = append(report.Overridden, verificationOverrides...)
	return report, outcome, nil
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if p := strings.TrimSpace(strings.ToLower(part)); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func inputValues(pack *policy.Pack, vars, files []string) (map[string]cty.Value, error) {
	values := map[string]cty.Value{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("--var-file %s: %s", f, unwrapPathError(err))
		}
		vs, err := engine.ParseVarFile(pack, f, b)
		if err != nil {
			return nil, fmt.Errorf("--var-file %s", err)
		}
		for k, v := range vs {
			values[k] = v
		}
	}
	for _, a := range vars {
		name, v, err := engine.ParseVar(pack, a)
		if err != nil {
			return nil, err
		}
		values[name] = v
	}
	return values, nil
}

// readDocuments reads the documents named on the command line: PATH, or
// NAME=PATH to give the document the label that qualified addresses use
// (shop=plans/prod.json makes shop:aws_s3_bucket.orders), "-" for
// standard input. Two documents may not share a label.
func readDocuments(env Env, args []string) ([]*tfplan.Document, error) {
	var docs []*tfplan.Document
	stdinUsed := false
	labelled := map[string]string{} // label → argument
	for _, arg := range args {
		label, name := "", arg
		if l, p, ok := strings.Cut(arg, "="); ok && systems.ValidLabel(l) && p != "" {
			if _, err := os.Stat(arg); err != nil { // a file named a=b.json is a file
				label, name = l, p
			}
		} else if ok && !fileExists(arg) {
			return nil, fmt.Errorf("%s: a document is named NAME=PATH, where NAME starts with a letter or digit and has only letters, digits, '_', '-' and '.'", arg)
		}
		var b []byte
		var err error
		if name == "-" {
			if stdinUsed {
				return nil, fmt.Errorf("standard input (-) can be read only once")
			}
			stdinUsed = true
			if env.Stdin == nil {
				return nil, fmt.Errorf("no standard input to read")
			}
			b, err = io.ReadAll(env.Stdin)
		} else {
			b, err = os.ReadFile(name)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %s", name, unwrapPathError(err))
		}
		doc, err := tfplan.Read(name, b)
		if err != nil {
			return nil, err
		}
		if label != "" {
			doc.Label = label
		}
		if prev, dup := labelled[doc.Label]; dup {
			return nil, fmt.Errorf("%s and %s are both named %s, so %s:ADDRESS would not say which document; name them with NAME=PATH (as %s-2=%s)",
				prev, arg, doc.Label, doc.Label, doc.Label, name)
		}
		labelled[doc.Label] = arg
		docs = append(docs, doc)
	}
	return docs, nil
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

func runTest(env Env, args []string) int {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	verbose := fs.Bool("verbose", false, "list every test, not only the failing ones")
	fs.Usage = func() {
		fmt.Fprint(env.Stderr, "Usage: terraform-provider-pii test [options] [DIR]...\n\n"+
			"Reads the policies (*.policy.hcl) of every DIR as one pack, and runs the policy tests\n"+
			"(*.policytest.hcl) of every DIR against it; with no DIR, the built-in pack and its tests.\n\n"+
			"Exit status: 0 all tests hold; 1 a test failed; 2 unusable input.\n\nOptions:\n")
		fs.PrintDefaults()
	}
	dirs, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	pack, err := loadPack(dirs, false)
	if err != nil {
		fmt.Fprintf(env.Stderr, "Error: %s\n", err)
		return ExitUsage
	}
	warnUnknownControls(env, pack)
	sources, err := collect(dirs, policy.TestSuffix)
	if err != nil {
		fmt.Fprintf(env.Stderr, "Error: %s\n", err)
		return ExitUsage
	}
	var tests []*policytest.Test
	var diags hcl.Diagnostics
	for _, s := range sources {
		t, d := policytest.Parse(s.Filename, s.Bytes)
		tests = append(tests, t...)
		diags = append(diags, d...)
	}
	if diags.HasErrors() {
		fmt.Fprintf(env.Stderr, "Error: %s\n", diagError(diags))
		return ExitUsage
	}
	if len(tests) == 0 {
		fmt.Fprintf(env.Stderr, "Error: no policy tests found: test files are named *%s\n", policy.TestSuffix)
		return ExitUsage
	}
	outcomes := policytest.Run(pack, tests)
	failed, file := 0, ""
	for _, o := range outcomes {
		if !o.OK() {
			failed++
		}
		if !o.OK() || *verbose {
			if o.Test.File != file {
				file = o.Test.File
				fmt.Fprintln(env.Stdout, file)
			}
			mark := "ok  "
			if !o.OK() {
				mark = "FAIL"
			}
			fmt.Fprintf(env.Stdout, "  %s %s (line %d)\n", mark, o.Test.Name, o.Test.Line)
			for _, f := range o.Failures {
				fmt.Fprintf(env.Stdout, "       %s\n", f)
			}
		}
	}
	// Worded so that CI never mistakes it for a test runner's summary.
	fmt.Fprintf(env.Stdout, "policy tests: %d ok, %d failing, in %d files, %d policies\n", len(outcomes)-failed, failed, countFiles(tests), len(pack.Policies))
	if failed > 0 {
		return ExitFail
	}
	return ExitOK
}

func countFiles(tests []*policytest.Test) int {
	files := map[string]bool{}
	for _, t := range tests {
		files[t.File] = true
	}
	return len(files)
}
