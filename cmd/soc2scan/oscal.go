package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/soc2scan/soc2scan/pkg/attest"
	"github.com/soc2scan/soc2scan/pkg/evidence"
	"github.com/soc2scan/soc2scan/pkg/oscal"
	"github.com/soc2scan/soc2scan/pkg/report"
	"github.com/soc2scan/soc2scan/pkg/scan"
	"github.com/soc2scan/soc2scan/pkg/soc2"
)

func newOSCALCommand(stdout io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "oscal",
		Short: "Write OSCAL documents of the rules (scan --format oscal writes a scan's results)",
	}
	var policies []string
	var output string
	cd := &cobra.Command{
		Use:   "component-definition",
		Short: "Write an OSCAL 1.1.3 component-definition: each SOC 2 criterion and the rules that check it",
		Long: "Write an OSCAL " + oscal.Version + " component-definition of soc2scan from the rules' metadata: one\n" +
			"software component whose implemented requirements are the SOC 2 criteria (control ids CC6.1,\n" +
			"A1.2, ...) that at least one rule gives evidence for, each listing its rules.",
		Example: "  soc2scan oscal component-definition -o soc2scan-component.json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			var opts []scan.Option
			for _, p := range policies {
				opts = append(opts, scan.WithPolicyDir(p))
			}
			s, err := scan.New(opts...)
			if err != nil {
				return err
			}
			doc := oscal.ComponentDefinition(s.RuleInfo(), toolVersion(), time.Now())
			if output == "" {
				return oscal.Write(stdout, doc)
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
			return oscal.Write(f, doc)
		},
	}
	cd.Flags().StringArrayVar(&policies, "policy", nil, "directory of extra rules (repeatable)")
	cd.Flags().StringVarP(&output, "output", "o", "", "write the document to this file instead of standard output")
	cmd.AddCommand(cd)
	return cmd
}

func toolVersion() string { return strings.Fields(versionString())[0] }

// ruleSetDigest is the sha256 of the rules s runs and the library they
// share, as the evidence bundle's run.json records it.
func ruleSetDigest(s *scan.Scanner) (string, error) {
	rules, library, err := ruleRecords(s)
	if err != nil {
		return "", err
	}
	return evidence.RuleSetDigest(rules, library)
}

// writeOSCAL writes the assessment-results document of a scan started at
// start.
func writeOSCAL(w io.Writer, s *scan.Scanner, rep *report.Report, start time.Time, runID string) error {
	digest, err := ruleSetDigest(s)
	if err != nil {
		return err
	}
	doc, err := oscal.AssessmentResults(oscal.Run{ID: runID, Start: start, End: time.Now(), ToolVersion: toolVersion(),
		RuleSetDigest: digest, Scope: soc2.NewScope(s.Scope()...), Rules: s.RuleInfo(), Report: rep})
	if err != nil {
		return err
	}
	return oscal.Write(w, doc)
}

// writeGRC writes the flat GRC evidence records of a scan started at start.
func writeGRC(w io.Writer, s *scan.Scanner, rep *report.Report, start time.Time, runID string) error {
	digest, err := ruleSetDigest(s)
	if err != nil {
		return err
	}
	return report.GRCJSON(w, rep, s.RuleInfo(), report.GRCOptions{RuleSetDigest: digest, Time: start, RunID: runID})
}

// writeAttestation writes the in-toto statement of a scan of paths to
// file, wrapped in a DSSE envelope signed with keyFile when one is given.
func writeAttestation(ctx context.Context, file, keyFile string, s *scan.Scanner, rep *report.Report, paths []string) (err error) {
	var signer attest.SignerVerifier
	if keyFile != "" {
		pem, err := os.ReadFile(keyFile)
		if err != nil {
			return usageError{fmt.Errorf("--attest-key: %w", err)}
		}
		if signer, err = attest.Signer(pem); err != nil {
			return usageError{fmt.Errorf("--attest-key %s: %w", keyFile, err)}
		}
	}
	digest, err := ruleSetDigest(s)
	if err != nil {
		return err
	}
	subjects, err := attest.Subjects(paths, rep)
	if err != nil {
		return err
	}
	st, err := attest.Statement(attest.Run{Subjects: subjects, RuleSetDigest: digest, Report: rep})
	if err != nil {
		return err
	}
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	return attest.Write(ctx, f, st, signer)
}
