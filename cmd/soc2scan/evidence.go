package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/soc2scan/soc2scan/pkg/evidence"
	"github.com/soc2scan/soc2scan/pkg/report"
	"github.com/soc2scan/soc2scan/pkg/scan"
	"github.com/soc2scan/soc2scan/pkg/soc2"
)

func newEvidenceCommand(stdout, stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "evidence",
		Short: "Check the audit evidence that scan --evidence DIR keeps",
		Long: "scan --evidence DIR keeps one immutable bundle per run under DIR/runs and chains their\n" +
			"digests in DIR/ledger.jsonl. The evidence commands read that directory; none rewrites it.",
	}
	cmd.AddCommand(newEvidenceVerifyCommand(stdout, stderr), newEvidenceReportCommand(stdout), newEvidenceIndexCommand(stdout), newEvidenceQueryCommand(stdout, stderr))
	return cmd
}

func newEvidenceVerifyCommand(stdout, stderr io.Writer) *cobra.Command {
	var cadence time.Duration
	var asOf string
	cmd := &cobra.Command{
		Use:   "verify [flags] DIR",
		Short: "Re-check every bundle's sums and the ledger's hash chain",
		Long: "Re-check every bundle's sha256sums against its files and the ledger, and the ledger's hash\n" +
			"chain, and report each problem on a line: an altered, missing or extra file (which run,\n" +
			"which file), a ledger line removed, edited or moved, a bundle not in the ledger, and, with\n" +
			"--cadence, each gap between runs longer than the cadence, including the time from the last\n" +
			"run to now (or to --as-of, e.g. the end of an audit period). Nothing is rewritten.\n\n" +
			"Exit codes: 0 all verified, 1 problems found, 2 DIR unreadable or not an evidence directory.",
		Example: "  soc2scan evidence verify evidence/ --cadence 24h\n" +
			"  soc2scan evidence verify evidence/ --cadence 24h --as-of 2026-06-30T23:59:59Z",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{fmt.Errorf("evidence verify needs one DIR")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if cadence < 0 {
				return usageError{fmt.Errorf("--cadence %s: must not be negative", cadence)}
			}
			at := time.Now()
			switch {
			case asOf == "":
			case asOf == "none":
				at = time.Time{}
			default:
				var err error
				if at, err = time.Parse(time.RFC3339, asOf); err != nil {
					if at, err = time.Parse(time.DateOnly, asOf); err != nil {
						return usageError{fmt.Errorf("--as-of %q: want RFC 3339 (2026-06-30T23:59:59Z), a date (YYYY-MM-DD, its start in UTC) or none", asOf)}
					}
				}
			}
			res, err := evidence.VerifyAsOf(args[0], cadence, at)
			if err != nil {
				return err
			}
			for _, p := range res.Problems {
				fmt.Fprintln(stdout, p)
			}
			span := ""
			if res.Runs > 0 {
				span = fmt.Sprintf(" from %s to %s", res.First.Format(time.RFC3339), res.Last.Format(time.RFC3339))
			}
			fmt.Fprintf(stderr, "%s: %d run(s)%s, %d problem(s)\n", args[0], res.Runs, span, len(res.Problems))
			if !res.OK() {
				return exitCode(exitFindings)
			}
			return nil
		},
	}
	cmd.Flags().DurationVar(&cadence, "cadence", 0, "report gaps between runs longer than this (e.g. 24h, 168h); 0 reports none")
	cmd.Flags().StringVar(&asOf, "as-of", "", "with --cadence, also report the time from the last run to this time when longer (default now; none to skip)")
	return cmd
}

// periodFormats are the formats of evidence report.
var periodFormats = map[string]func(io.Writer, *evidence.PeriodReport) error{
	"text":     evidence.PeriodText,
	"markdown": evidence.PeriodMarkdown,
	"json":     evidence.PeriodJSON,
	"csv":      evidence.PeriodCSV,
	"html":     evidence.PeriodHTML,
}

func newEvidenceReportCommand(stdout io.Writer) *cobra.Command {
	var from, to, format, categories, output string
	cmd := &cobra.Command{
		Use:   "report [flags] DIR --from DATE --to DATE",
		Short: "Report how the controls operated over a period (the SOC 2 Type II view)",
		Long: "Read the runs of the ledger whose time falls on a day from --from to --to (inclusive, UTC)\n" +
			"and report, per criterion in scope and per rule: runs, days covered and gaps, resources\n" +
			"covered, the share of runs passing (a run passes a rule when none of its evaluations of the\n" +
			"rule failed), each finding's first-seen, waived and fixed dates and time to remediate\n" +
			"(remediated at the first later run that evaluates it pass or waived), findings open at the\n" +
			"end, waivers in force or expired while still needed, and every change of the rule-set\n" +
			"digest. --format csv writes one row per rule × resource × run, for sampling.\n" +
			"Nothing is verified (run evidence verify) and nothing in DIR is written.\n\n" +
			"Exit codes: 0 report written, 2 DIR unreadable, a file in it corrupt, or a usage error.",
		Example: "  soc2scan evidence report evidence/ --from 2026-01-01 --to 2026-06-30 --format markdown -o period.md\n" +
			"  soc2scan evidence report evidence/ --from 2026-01-01 --to 2026-06-30 --format csv -o sample.csv",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{fmt.Errorf("evidence report needs one DIR")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			write, ok := periodFormats[format]
			if !ok {
				return usageError{fmt.Errorf("unknown --format %q (want text, markdown, json, csv or html)", format)}
			}
			var start, end time.Time
			for _, d := range []struct {
				flag, value string
				t           *time.Time
			}{{"--from", from, &start}, {"--to", to, &end}} {
				if d.value == "" {
					return usageError{fmt.Errorf("%s is required (YYYY-MM-DD)", d.flag)}
				}
				if *d.t, err = time.Parse(time.DateOnly, d.value); err != nil {
					return usageError{fmt.Errorf("%s %q: want a date, YYYY-MM-DD", d.flag, d.value)}
				}
			}
			if end.Before(start) {
				return usageError{fmt.Errorf("--to %s is before --from %s", to, from)}
			}
			scope := soc2.FullScope()
			if categories != "" {
				cats, err := parseCategories(categories)
				if err != nil {
					return usageError{fmt.Errorf("--categories: %w", err)}
				}
				scope = soc2.NewScope(cats...)
			}
			p, err := evidence.Period(args[0], start, end, scope)
			if err != nil {
				return err
			}
			if output == "" {
				return write(stdout, p)
			}
			f, err := os.Create(output)
			if err != nil {
				return err
			}
			defer func() {
				if cerr := f.Close(); err == nil {
					err = cerr
				}
			}()
			return write(f, p)
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "first day of the period, YYYY-MM-DD (UTC)")
	cmd.Flags().StringVar(&to, "to", "", "last day of the period, YYYY-MM-DD (UTC), inclusive")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, markdown, json, csv or html")
	cmd.Flags().StringVar(&categories, "categories", "", "trust services categories in scope, comma-separated (security always; default all)")
	cmd.Flags().StringVarP(&output, "output", "o", "", "write the report to this file instead of standard output")
	return cmd
}

// writeEvidence writes the bundle of a scan of paths by s, started at
// start, into the evidence directory dir and returns the bundle's
// directory. Provenance comes from git in the working directory and the
// CI's environment variables.
func writeEvidence(dir string, s *scan.Scanner, rep *report.Report, paths []string, start time.Time) (string, error) {
	rules, library, err := ruleRecords(s)
	if err != nil {
		return "", err
	}
	wd, _ := os.Getwd()
	return evidence.Write(dir, evidence.Run{
		Start:   start,
		End:     time.Now(),
		Tool:    "soc2scan",
		Version: strings.Fields(versionString())[0],
		Commit:  buildCommit(),
		Inputs:  paths,
		Scope:   s.Scope(),
		Rules:   rules,
		Library: library,
		Report:  rep,
		Env:     os.Getenv,
		WorkDir: wd,
	})
}

// buildCommit is the full VCS revision Go recorded in the binary, if any.
func buildCommit() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" {
				return s.Value
			}
		}
	}
	return ""
}

// ruleRecords describes the rules s runs and the library they share by
// their digests, as evidence bundles, attestations and exports name them.
func ruleRecords(s *scan.Scanner) ([]evidence.RuleRecord, map[string]string, error) {
	digests, err := s.RuleDigests()
	if err != nil {
		return nil, nil, err
	}
	library, err := s.LibraryDigests()
	if err != nil {
		return nil, nil, err
	}
	rules := make([]evidence.RuleRecord, 0, len(s.Rules()))
	for _, r := range s.Rules() {
		rules = append(rules, evidence.RuleRecord{ID: r.ID, Criteria: r.Criteria, Digest: digests[r.ID]})
	}
	return rules, library, nil
}
