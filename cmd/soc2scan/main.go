// Command soc2scan scans Terraform source and plans, Kubernetes manifests and
// config files for SOC 2 controls and reports findings tagged with the Trust
// Services Criteria they give evidence for.
//
//	soc2scan scan [flags] PATH...
//	soc2scan rules [--format text|json]
//	soc2scan criteria [--format text|json] [--categories LIST]
//	soc2scan evidence verify [--cadence 24h] [--as-of TIME] DIR
//	soc2scan evidence report DIR --from DATE --to DATE [--format text|markdown|json|csv|html]
//	soc2scan evidence index DIR [--db FILE]
//	soc2scan evidence query DIR SQL [--format text|json|csv]
//	soc2scan oscal component-definition
//	soc2scan version
//
// Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 an input or
// usage error (reported after everything that could be scanned).
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

// Exit codes.
const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
)

// exitError carries an exit code out of a command.
type exitCode int

func (c exitCode) Error() string { return fmt.Sprintf("exit code %d", int(c)) }

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRootCommand(stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	var code exitCode
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &code):
		return int(code)
	default:
		fmt.Fprintf(stderr, "soc2scan: %v\n", err)
		return exitError
	}
}

func newRootCommand(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "soc2scan",
		Short: "SOC 2 policy as code for infrastructure: Terraform, Kubernetes, config files",
		Long: "soc2scan evaluates SOC 2 rules against Terraform source and plans (terraform show -json),\n" +
			"Kubernetes manifests and JSON/YAML config files, and reports findings tagged with the Trust\n" +
			"Services Criteria they give evidence for, every check that passed, a criteria report for\n" +
			"auditors, and audit evidence kept over time.",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(newScanCommand(stdout, stderr), newRulesCommand(stdout), newCriteriaCommand(stdout), newEvidenceCommand(stdout, stderr), newOSCALCommand(stdout), newVersionCommand(stdout))
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{err}
	})
	return root
}

// usageError is a mistake on the command line.
type usageError struct{ error }
