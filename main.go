// Command terraform-provider-pii is the pii Terraform provider and, started
// with a subcommand, the command-line tool that goes with it.
package main

import (
	"context"
	"flag"
	"log"
	"os"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/privacycode/terraform-provider-pii/internal/cli"
	"github.com/privacycode/terraform-provider-pii/internal/provider"
)

// version is set at build time by goreleaser and the GNUmakefile.
var version = "dev"

func main() {
	// Terraform starts providers with no arguments; -debug starts one for a
	// debugger. Anything else is a command for people.
	if len(os.Args) > 1 && strings.TrimLeft(os.Args[1], "-") != "debug" {
		os.Exit(cli.Run(cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Version: version, ColorTerminal: isTerminal(os.Stdout)}, os.Args[1:]))
	}

	quietFrameworkLogs()

	var debug bool
	flag.BoolVar(&debug, "debug", false, "start the provider with support for debuggers such as delve")
	flag.Parse()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/privacycode/pii",
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}

// isTerminal reports whether f is a character device, such as a terminal.
func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// quietFrameworkLogs turns off the plugin SDK's own trace logging unless the
// user asked for logs. Terraform discards those lines when TF_LOG is unset,
// but they are still written and read: on a plan of a thousand resources
// they cost more time than the provider's work.
func quietFrameworkLogs() {
	for _, v := range []string{"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"} {
		if os.Getenv(v) != "" {
			return
		}
	}
	for _, v := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"} {
		_ = os.Setenv(v, "off")
	}
}
