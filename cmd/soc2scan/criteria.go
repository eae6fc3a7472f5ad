package main

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/soc2scan/soc2scan/pkg/scan"
	"github.com/soc2scan/soc2scan/pkg/soc2"
)

// criterionJSON is one criterion in `soc2scan criteria --format json`.
type criterionJSON struct {
	ID          string        `json:"id"`
	Category    soc2.Category `json:"category"`
	Series      string        `json:"series"`
	Title       string        `json:"title"`
	IaCEvidence soc2.Evidence `json:"iac_evidence"`
	Rules       []string      `json:"rules"`
}

func newCriteriaCommand(stdout io.Writer) *cobra.Command {
	var format, categories string
	var policies []string
	cmd := &cobra.Command{
		Use:   "criteria",
		Short: "List the SOC 2 Trust Services Criteria with the number of rules that give evidence for each",
		Long: "List the 61 Trust Services Criteria of the embedded catalogue: id, category, title and the\n" +
			"rules that give evidence for each (0: the criterion needs manual evidence).",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usageError{fmt.Errorf("unknown --format %q (want text or json)", format)}
			}
			scope := soc2.FullScope()
			if categories != "" {
				cats, err := parseCategories(categories)
				if err != nil {
					return usageError{fmt.Errorf("--categories: %w", err)}
				}
				scope = soc2.NewScope(cats...)
			}
			var opts []scan.Option
			for _, p := range policies {
				opts = append(opts, scan.WithPolicyDir(p))
			}
			s, err := scan.New(opts...)
			if err != nil {
				return err
			}
			rules := map[string][]string{}
			for _, r := range s.Rules() {
				for _, c := range r.Criteria {
					rules[c] = append(rules[c], r.ID)
				}
			}
			out := []criterionJSON{}
			for _, c := range soc2.Criteria() {
				if scope.Includes(c.ID) {
					ids := rules[c.ID]
					if ids == nil {
						ids = []string{}
					}
					out = append(out, criterionJSON{ID: c.ID, Category: c.Category, Series: c.Series, Title: c.Title, IaCEvidence: c.IaCEvidence, Rules: ids})
				}
			}
			if format == "json" {
				enc := json.NewEncoder(stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			}
			tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tCATEGORY\tRULES\tTITLE")
			for _, c := range out {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", c.ID, c.Category, len(c.Rules), c.Title)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.Flags().StringVar(&categories, "categories", "", "list only the criteria of these categories (security is always included)")
	cmd.Flags().StringArrayVar(&policies, "policy", nil, "directory of extra rules to count (repeatable)")
	return cmd
}
