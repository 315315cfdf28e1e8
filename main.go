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
		os.Exit(cli.Run(cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Version: version}, os.Args[1:]))
	}

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
