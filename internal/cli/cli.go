// Package cli is the command-line face of the provider binary: started with
// a subcommand instead of by Terraform, terraform-provider-pii lists
// catalogs and prints its version. Each command parses its own flags,
// writes results to stdout and problems to stderr, and returns an exit
// status: 0 for success, 2 for unusable input or usage.
package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Exit statuses shared by every command.
const (
	ExitOK    = 0
	ExitFail  = 1
	ExitUsage = 2
)

// Env is what a command runs with: its output streams and the binary's
// version.
type Env struct {
	Stdin   io.Reader
	Stdout  io.Writer
	Stderr  io.Writer
	Version string
	// ColorTerminal is true when standard output is a terminal that may
	// show colour.
	ColorTerminal bool
}

type command struct {
	summary string
	run     func(env Env, args []string) int
}

var commands = map[string]command{
	"catalog": {"List the controls of the built-in catalogs and of your own catalog files", runCatalog},
	"check":   {"Check plans and states (terraform show -json) against the policy pack", runCheck},
	"report":  {"Write a report people read (HTML, Markdown, CSV, JSON) from plans and states", runReport},
	"test":    {"Run the policy tests of a pack", runTest},
	"version": {"Print the version", runVersion},
}

// Run executes the command named by args[0] and returns its exit status.
func Run(env Env, args []string) int {
	if len(args) == 0 {
		usage(env.Stderr)
		return ExitUsage
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		usage(env.Stdout)
		return ExitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "Error: unknown command %q.\n\n", args[0])
		usage(env.Stderr)
		return ExitUsage
	}
	return cmd.run(env, args[1:])
}

func usage(w io.Writer) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("Usage: terraform-provider-pii <command> [options]\n\n")
	b.WriteString("Started by Terraform (no arguments, or -debug), the binary serves the pii provider.\n")
	b.WriteString("Started with a command, it is a command-line tool:\n\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  %-10s %s\n", n, commands[n].summary)
	}
	b.WriteString("\nRun 'terraform-provider-pii <command> -h' for the options of a command.\n")
	fmt.Fprint(w, b.String())
}

func runVersion(env Env, args []string) int {
	if len(args) > 0 {
		fmt.Fprintf(env.Stderr, "Error: version takes no arguments, got %q.\n", args)
		return ExitUsage
	}
	fmt.Fprintf(env.Stdout, "terraform-provider-pii %s\n", env.Version)
	return ExitOK
}
