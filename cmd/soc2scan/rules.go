package main

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/soc2scan/soc2scan/pkg/scan"
)

// ruleJSON is one rule in `soc2scan rules --format json`.
type ruleJSON struct {
	ID            string   `json:"id"`
	Title         string   `json:"title"`
	Description   string   `json:"description"`
	Severity      string   `json:"severity"`
	Criteria      []string `json:"criteria"`
	ResourceTypes []string `json:"resource_types"`
	Remediation   string   `json:"remediation"`
	Rationale     string   `json:"rationale,omitempty"`
	File          string   `json:"file"`
	Builtin       bool     `json:"builtin"`
}

func newRulesCommand(stdout io.Writer) *cobra.Command {
	var format string
	var policies []string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules: id, severity, criteria and title",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usageError{fmt.Errorf("unknown --format %q (want text or json)", format)}
			}
			var opts []scan.Option
			for _, p := range policies {
				opts = append(opts, scan.WithPolicyDir(p))
			}
			s, err := scan.New(opts...)
			if err != nil {
				return err
			}
			if format == "json" {
				out := []ruleJSON{}
				for _, r := range s.Rules() {
					out = append(out, ruleJSON{ID: r.ID, Title: r.Title, Description: r.Description, Severity: string(r.Severity),
						Criteria: r.Criteria, ResourceTypes: r.ResourceTypes, Remediation: r.Remediation, Rationale: r.Rationale,
						File: r.File, Builtin: r.Builtin})
				}
				enc := json.NewEncoder(stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			}
			tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tSEVERITY\tCRITERIA\tTITLE")
			for _, r := range s.Rules() {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, joinCriteria(r.Criteria), r.Title)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.Flags().StringArrayVar(&policies, "policy", nil, "directory of extra rules (repeatable)")
	return cmd
}
