package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/soc2scan/soc2scan/pkg/configfile"
	"github.com/soc2scan/soc2scan/pkg/load/config"
	"github.com/soc2scan/soc2scan/pkg/report"
	"github.com/soc2scan/soc2scan/pkg/scan"
	"github.com/soc2scan/soc2scan/pkg/soc2"
)

type scanFlags struct {
	formats     []string
	output      string
	policies    []string
	configTypes []string
	categories  string
	vars        []string
	varFiles    []string
	failOn      string
	configFile  string
	exclude     []string
	baseline    string
	writeBase   string
	tfDirs      []string
	evidence    string
	attest      string
	attestKey   string
	noColor     bool
}

func newScanCommand(stdout, stderr io.Writer) *cobra.Command {
	var f scanFlags
	cmd := &cobra.Command{
		Use:   "scan [flags] PATH...",
		Short: "Scan Terraform source and plans, Kubernetes manifests and JSON/YAML config",
		Long: "Scan files and directories. Terraform source (.tf, .tf.json) is evaluated a module at a\n" +
			"time with its variables (terraform.tfvars, *.auto.tfvars, --var-file, --var, TF_VAR_*) and\n" +
			"local modules; a named .tf file is evaluated with its module and reported alone. Other files\n" +
			"are recognised by their content: Terraform plan or state JSON, Kubernetes manifests (YAML or JSON; all of a scan are read together), or\n" +
			"other JSON/YAML config (IAM policies, kubeconfigs, or types given with --config-type).\n" +
			"Directories are walked, skipping hidden ones (.git, .terraform) and files of other kinds.\n\n" +
			"Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 input or usage error.",
		Example: "  terraform show -json plan.out > plan.json\n  soc2scan scan plan.json --format json --output report.json\n" +
			"  soc2scan scan k8s/ iam/ --config-type 'app/*.yaml=app_config' --policy my-rules/",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{fmt.Errorf("scan needs at least one PATH")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			file, err := applyConfigFile(cmd, &f, args)
			if err != nil {
				return err
			}
			return runScan(cmd.Context(), f, file, args, stdout, stderr)
		},
	}
	cmd.Flags().StringArrayVar(&f.formats, "format", nil, "output format, FORMAT or FORMAT=FILE (repeatable; default text): "+
		strings.Join(scanFormats, ", ")+" (criteria*: the SOC 2 criteria report)")
	cmd.Flags().StringVar(&f.categories, "categories", "", "trust services categories in scope, comma-separated: security (always), availability, confidentiality, processing-integrity, privacy (default all)")
	cmd.Flags().StringVarP(&f.output, "output", "o", "", "write the report to this file instead of standard output")
	cmd.Flags().StringArrayVar(&f.policies, "policy", nil, "directory of extra rules (repeatable)")
	cmd.Flags().StringArrayVar(&f.configTypes, "config-type", nil, "give JSON/YAML files matching GLOB the config type TYPE: 'GLOB=TYPE' (repeatable)")
	cmd.Flags().StringArrayVar(&f.vars, "var", nil, "set a Terraform variable for HCL modules: 'NAME=VALUE' (repeatable)")
	cmd.Flags().StringArrayVar(&f.varFiles, "var-file", nil, "Terraform variable file for HCL modules (repeatable; later files win)")
	cmd.Flags().StringVar(&f.failOn, "fail-on", "low", "exit 1 on findings at or above this severity: critical, high, medium, low or none")
	cmd.Flags().BoolVar(&f.noColor, "no-color", false, "no colours in text output (also when NO_COLOR is set)")
	cmd.Flags().StringVar(&f.configFile, "config", "", "project config file (default: "+configfile.Name+" in the first PATH's directory or a parent)")
	cmd.Flags().StringArrayVar(&f.tfDirs, "tf-dir", nil, "Terraform source of the scanned plans: findings point at the .tf lines, and its inline waivers apply (repeatable)")
	cmd.Flags().StringVar(&f.attest, "attest", "", "write an in-toto statement of this run (test-result predicate: input digests, rule-set digest, passed and failed rule × resource) to FILE")
	cmd.Flags().StringVar(&f.attestKey, "attest-key", "", "sign the --attest statement with this private key (PEM: ed25519, ECDSA P-256 or RSA), writing a DSSE envelope")
	cmd.Flags().StringVar(&f.evidence, "evidence", "", "keep this run's audit evidence (an immutable bundle and a ledger line) in DIR; check it with soc2scan evidence verify DIR")
	cmd.Flags().StringVar(&f.baseline, "baseline", "", "findings recorded in this baseline file are reported as baseline, not failures")
	cmd.Flags().StringVar(&f.writeBase, "write-baseline", "", "record the current findings in this baseline file (to adopt soc2scan on an existing estate)")
	cmd.Flags().StringArrayVar(&f.exclude, "exclude", nil, "leave out files and directories matching this path glob when walking (repeatable)")
	return cmd
}

// applyConfigFile loads the project's .soc2scan.yaml (--config, or found
// from the first path upwards) and fills in every setting the command line
// did not give: flags override the file.
func applyConfigFile(cmd *cobra.Command, f *scanFlags, paths []string) (*configfile.File, error) {
	name := f.configFile
	if name == "" && len(paths) > 0 {
		found, ok := configfile.Find(paths[0])
		if !ok {
			return nil, nil
		}
		name = found
	}
	if name == "" {
		return nil, nil
	}
	file, err := configfile.Load(name)
	if err != nil {
		return nil, usageError{err}
	}
	flags := cmd.Flags()
	if !flags.Changed("categories") && len(file.Categories) > 0 {
		f.categories = strings.Join(file.Categories, ",")
	}
	if !flags.Changed("fail-on") && file.FailOn != "" {
		f.failOn = file.FailOn
	}
	if !flags.Changed("policy") {
		f.policies = file.Policies
	}
	if !flags.Changed("config-type") {
		f.configTypes = file.ConfigTypes
	}
	if !flags.Changed("exclude") {
		f.exclude = file.Exclude
	}
	return file, nil
}

func runScan(ctx context.Context, f scanFlags, file *configfile.File, paths []string, stdout, stderr io.Writer) error {
	start := time.Now()
	if ctx == nil {
		ctx = context.Background()
	}
	outputs, err := parseOutputs(f.formats, f.output)
	if err != nil {
		return usageError{err}
	}
	if f.attestKey != "" && f.attest == "" {
		return usageError{fmt.Errorf("--attest-key needs --attest FILE")}
	}
	color := !f.noColor && os.Getenv("NO_COLOR") == "" && isTerminal(stdout)
	for i := range outputs {
		outputs[i].color = color
		outputs[i].start = start
	}
	var failOn report.Severity
	if f.failOn != "none" {
		sev, err := report.ParseSeverity(f.failOn)
		if err != nil {
			return usageError{fmt.Errorf("--fail-on: %w (or none)", err)}
		}
		failOn = sev
	}
	var opts []scan.Option
	for _, p := range f.policies {
		opts = append(opts, scan.WithPolicyDir(p))
	}
	for _, v := range f.vars {
		name, value, ok := strings.Cut(v, "=")
		if !ok || name == "" {
			return usageError{fmt.Errorf("--var %q: want NAME=VALUE", v)}
		}
		opts = append(opts, scan.WithVar(name, value))
	}
	for _, vf := range f.varFiles {
		opts = append(opts, scan.WithVarFile(vf))
	}
	opts = append(opts, scan.WithEnv(os.Environ()))
	if f.categories != "" {
		cats, err := parseCategories(f.categories)
		if err != nil {
			return usageError{fmt.Errorf("--categories: %w", err)}
		}
		opts = append(opts, scan.WithCategories(cats...))
	}
	for _, ct := range f.configTypes {
		m, err := config.ParseMapping(ct)
		if err != nil {
			return usageError{fmt.Errorf("--config-type: %w", err)}
		}
		opts = append(opts, scan.WithConfigType(m.Pattern, m.Type))
	}
	for _, d := range f.tfDirs {
		opts = append(opts, scan.WithTerraformSource(d))
	}
	if len(f.exclude) > 0 {
		opts = append(opts, scan.WithExclude(f.exclude...))
	}
	if file != nil {
		opts = append(opts, scan.WithWaivers(file.Waivers...), scan.WithDisabledRules(file.DisabledRules...))
	}
	s, err := scan.New(opts...)
	if err != nil {
		if file != nil {
			return fmt.Errorf("%s: %w", file.Path, err)
		}
		return err
	}
	inputs := make([]scan.Input, len(paths))
	for i, p := range paths {
		inputs[i] = scan.Path(p)
	}
	rep, err := s.Scan(ctx, inputs...)
	if err != nil {
		return err
	}
	if f.baseline != "" {
		fh, err := os.Open(f.baseline)
		if err != nil {
			return usageError{fmt.Errorf("--baseline: %w", err)}
		}
		known, err := report.ReadBaseline(fh)
		fh.Close()
		if err != nil {
			return usageError{fmt.Errorf("--baseline %s: %w", f.baseline, err)}
		}
		rep.ApplyBaseline(known)
	}
	if f.writeBase != "" {
		var b strings.Builder
		if err := report.WriteBaseline(&b, rep); err != nil {
			return err
		}
		if err := os.WriteFile(f.writeBase, []byte(b.String()), 0o644); err != nil {
			return err
		}
		// What was just recorded is the baseline of this run too.
		known, err := report.ReadBaseline(strings.NewReader(b.String()))
		if err != nil {
			return err
		}
		rep.ApplyBaseline(known)
	}

	if f.attest != "" {
		if err := writeAttestation(ctx, f.attest, f.attestKey, s, rep, paths); err != nil {
			return fmt.Errorf("--attest: %w", err)
		}
	}
	if f.evidence != "" {
		bundle, err := writeEvidence(f.evidence, s, rep, paths, start)
		if err != nil {
			return fmt.Errorf("--evidence: %w", err)
		}
		// The OSCAL and GRC outputs of the run name its bundle.
		for i := range outputs {
			outputs[i].runID = filepath.Base(bundle)
		}
	}
	toTerminal := false
	for _, o := range outputs {
		if err := o.write(s, rep, stdout); err != nil {
			return err
		}
		toTerminal = toTerminal || (o.file == "" && o.format == "text")
	}
	// Errors always reach the terminal, whatever the report's format or file.
	if !toTerminal {
		printProblems(stderr, "error", rep.Errors)
		printProblems(stderr, "warning", rep.Warnings)
	}
	switch {
	case len(rep.Errors) > 0:
		return exitCode(exitError)
	case failOn != "" && rep.AtOrAbove(failOn) > 0:
		return exitCode(exitFindings)
	}
	return nil
}

// scanFormats are the report formats of scan.
var scanFormats = []string{"text", "json", "sarif", "junit", "markdown", "github", "criteria", "criteria-json", "criteria-markdown", "oscal", "grc-json", "html"}

// output is one report to write: a format and a file, or standard output.
type output struct {
	format, file string
	color        bool
	start        time.Time // when the scan started
	runID        string    // the evidence bundle's run id, with --evidence
}

// parseOutputs reads the --format values (FORMAT or FORMAT=FILE) and
// --output, which names the file of the one format without a file of its
// own. At most one report goes to standard output.
func parseOutputs(formats []string, outputFile string) ([]output, error) {
	if len(formats) == 0 {
		formats = []string{"text"}
	}
	var outs []output
	stdout := 0
	for _, v := range formats {
		format, file, _ := strings.Cut(v, "=")
		if !slices.Contains(scanFormats, format) {
			return nil, fmt.Errorf("unknown --format %q (want %s, optionally =FILE)", format, strings.Join(scanFormats, ", "))
		}
		if file == "" {
			file = outputFile
		}
		if file == "" {
			stdout++
		}
		outs = append(outs, output{format: format, file: file})
	}
	if stdout > 1 {
		return nil, fmt.Errorf("%d formats to standard output: give all but one a file (--format sarif=out.sarif)", stdout)
	}
	if outputFile != "" && len(formats) > 1 {
		n := 0
		for _, v := range formats {
			if !strings.Contains(v, "=") {
				n++
			}
		}
		if n > 1 {
			return nil, fmt.Errorf("--output names one file but %d formats have none", n)
		}
	}
	return outs, nil
}

// write writes one report, to its file or to stdout.
func (o output) write(s *scan.Scanner, rep *report.Report, stdout io.Writer) (err error) {
	w := stdout
	color := false
	if o.file != "" {
		fh, err := os.Create(o.file)
		if err != nil {
			return err
		}
		defer func() {
			if cerr := fh.Close(); err == nil {
				err = cerr
			}
		}()
		w = fh
	} else {
		color = o.color
	}
	switch o.format {
	case "json":
		return report.JSON(w, rep)
	case "sarif":
		return report.SARIF(w, rep, s.RuleInfo(), report.SARIFOptions{ToolVersion: strings.Fields(versionString())[0]})
	case "junit":
		return report.JUnit(w, rep, s.RuleInfo())
	case "markdown":
		return report.Markdown(w, rep)
	case "github":
		return report.GitHub(w, rep)
	case "criteria":
		return report.CriteriaText(w, s.Criteria(rep))
	case "criteria-json":
		return report.CriteriaJSON(w, s.Criteria(rep))
	case "criteria-markdown":
		return report.CriteriaMarkdown(w, s.Criteria(rep))
	case "oscal":
		return writeOSCAL(w, s, rep, o.start, o.runID)
	case "grc-json":
		return writeGRC(w, s, rep, o.start, o.runID)
	case "html":
		return report.HTML(w, rep, s.Criteria(rep))
	}
	return report.Text(w, rep, report.TextOptions{Color: color})
}

// parseCategories reads a comma-separated list of trust services
// categories.
func parseCategories(list string) ([]soc2.Category, error) {
	var cats []soc2.Category
	for _, name := range strings.Split(list, ",") {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		c, err := soc2.ParseCategory(name)
		if err != nil {
			return nil, err
		}
		cats = append(cats, c)
	}
	return cats, nil
}

func printProblems(w io.Writer, what string, problems []report.Error) {
	for _, e := range problems {
		if e.Line > 0 {
			fmt.Fprintf(w, "%s:%d: %s: %s\n", e.Source, e.Line, what, e.Message)
		} else {
			fmt.Fprintf(w, "%s: %s: %s\n", e.Source, what, e.Message)
		}
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// joinCriteria formats criteria for tables.
func joinCriteria(c []string) string {
	return strings.Join(c, ",")
}
