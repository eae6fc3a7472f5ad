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
)

func newEvidenceCommand(stdout, stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "evidence",
		Short: "Check the audit evidence that scan --evidence DIR keeps",
		Long: "scan --evidence DIR keeps one immutable bundle per run under DIR/runs and chains their\n" +
			"digests in DIR/ledger.jsonl. The evidence commands read that directory; none rewrites it.",
	}
	cmd.AddCommand(newEvidenceVerifyCommand(stdout, stderr))
	return cmd
}

func newEvidenceVerifyCommand(stdout, stderr io.Writer) *cobra.Command {
	var cadence time.Duration
	cmd := &cobra.Command{
		Use:   "verify [flags] DIR",
		Short: "Re-check every bundle's sums and the ledger's hash chain",
		Long: "Re-check every bundle's sha256sums against its files and the ledger, and the ledger's hash\n" +
			"chain, and report each problem on a line: an altered, missing or extra file (which run,\n" +
			"which file), a ledger line removed, edited or moved, a bundle not in the ledger, and, with\n" +
			"--cadence, each gap between runs longer than the cadence. Nothing is rewritten.\n\n" +
			"Exit codes: 0 all verified, 1 problems found, 2 DIR unreadable or not an evidence directory.",
		Example: "  soc2scan evidence verify evidence/ --cadence 24h",
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
			res, err := evidence.Verify(args[0], cadence)
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
	return cmd
}

// writeEvidence writes the bundle of a scan of paths by s, started at
// start, into the evidence directory dir and returns the bundle's
// directory. Provenance comes from git in the working directory and the
// CI's environment variables.
func writeEvidence(dir string, s *scan.Scanner, rep *report.Report, paths []string, start time.Time) (string, error) {
	digests, err := s.RuleDigests()
	if err != nil {
		return "", err
	}
	library, err := s.LibraryDigests()
	if err != nil {
		return "", err
	}
	rules := make([]evidence.RuleRecord, 0, len(s.Rules()))
	for _, r := range s.Rules() {
		rules = append(rules, evidence.RuleRecord{ID: r.ID, Criteria: r.Criteria, Digest: digests[r.ID]})
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
