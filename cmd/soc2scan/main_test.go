package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/soc2scan/soc2scan/pkg/report"
)

const (
	example = "../../examples/plan.json"
	clean   = "../../pkg/scan/testdata/tree/envs/prod.plan"
	bad     = "../../testdata/tfplan/bad/truncated.json"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"findings", []string{"scan", example}, exitFindings},
		{"findings below fail-on", []string{"scan", "--fail-on", "critical", clean}, exitOK},
		{"fail-on none", []string{"scan", "--fail-on", "none", example}, exitOK},
		{"broken input beside a good one", []string{"scan", "--fail-on", "none", bad, example}, exitError},
		{"missing file", []string{"scan", "nope.json"}, exitError},
		{"no path", []string{"scan"}, exitError},
		{"bad fail-on", []string{"scan", "--fail-on", "urgent", example}, exitError},
		{"bad format", []string{"scan", "--format", "xml", example}, exitError},
		{"unknown flag", []string{"scan", "--frobnicate", example}, exitError},
		{"unknown command", []string{"frobnicate"}, exitError},
		{"bad config type", []string{"scan", "--config-type", "app.yaml", example}, exitError},
		{"bad config type glob", []string{"scan", "--config-type", "[x=t", example}, exitError},
		{"bad categories", []string{"scan", "--categories", "security,uptime", example}, exitError},
		{"criteria report", []string{"scan", "--format", "criteria", "--fail-on", "none", example}, exitOK},
		{"criteria", []string{"criteria"}, exitOK},
		{"criteria bad format", []string{"criteria", "--format", "xml"}, exitError},
		{"two formats to stdout", []string{"scan", "--format", "json", "--format", "text", example}, exitError},
		{"unknown format with file", []string{"scan", "--format", "xml=out.xml", example}, exitError},
		{"rules", []string{"rules"}, exitOK},
		{"version", []string{"version"}, exitOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tc.args...)
			if code != tc.want {
				t.Errorf("exit code %d, want %d; stderr: %s", code, tc.want, stderr)
			}
		})
	}
}

func TestTextOutput(t *testing.T) {
	_, stdout, _ := runCLI(t, "scan", "--fail-on", "none", bad, example)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	var finding, errLine string
	for _, l := range lines {
		if strings.Contains(l, "AWS-S3-001") && finding == "" {
			finding = l
		}
		if strings.Contains(l, "error:") {
			errLine = l
		}
	}
	// file:line RULE-ID severity [criteria] address: message
	if !strings.HasPrefix(finding, "../../examples/plan.json:") || !strings.Contains(finding, " AWS-S3-001 high [CC6.1,PI1.4] ") {
		t.Errorf("finding line %q", finding)
	}
	if !strings.HasPrefix(errLine, "../../testdata/tfplan/bad/truncated.json:21 error: invalid JSON") {
		t.Errorf("error line %q", errLine)
	}
	if last := lines[len(lines)-1]; !strings.Contains(last, "findings") || !strings.Contains(last, "1 error") {
		t.Errorf("summary line %q", last)
	}
	if strings.Contains(stdout, "\x1b[") {
		t.Error("colour codes in output that is not a terminal")
	}
}

func TestJSONOutputToFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.json")
	code, stdout, stderr := runCLI(t, "scan", "--format", "json", "--output", out, bad, example)
	if code != exitError {
		t.Errorf("exit code %d", code)
	}
	if stdout != "" {
		t.Errorf("stdout not empty: %q", stdout)
	}
	if !strings.Contains(stderr, "truncated.json:21: error: invalid JSON") {
		t.Errorf("the error did not reach stderr: %q", stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var rep report.Report
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Version != "1" || len(rep.Findings) == 0 || len(rep.Checks) < len(rep.Findings) || len(rep.Errors) != 1 {
		t.Errorf("report: version %q, %d findings, %d checks, %d errors", rep.Version, len(rep.Findings), len(rep.Checks), len(rep.Errors))
	}
	for _, f := range rep.Findings {
		if filepath.IsAbs(f.Source) || filepath.IsAbs(f.Location.File) || f.Title == "" || f.Remediation == "" || len(f.Criteria) == 0 {
			t.Errorf("incomplete finding %+v", f)
		}
	}
	// The keys of the documented contract.
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"version", "findings", "checks", "errors", "summary"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("report has no %q", k)
		}
	}
}

func TestRulesJSON(t *testing.T) {
	code, stdout, _ := runCLI(t, "rules", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit code %d", code)
	}
	var rules []ruleJSON
	if err := json.Unmarshal([]byte(stdout), &rules); err != nil {
		t.Fatal(err)
	}
	if len(rules) == 0 || rules[0].ID == "" || len(rules[0].Criteria) == 0 {
		t.Errorf("rules: %+v", rules)
	}
	_, text, _ := runCLI(t, "rules")
	if !strings.HasPrefix(text, "ID") || !strings.Contains(text, "AWS-S3-001") {
		t.Errorf("rules table:\n%s", text)
	}
}

func TestVersion(t *testing.T) {
	_, stdout, _ := runCLI(t, "version")
	if !strings.HasPrefix(stdout, "soc2scan ") {
		t.Errorf("version output %q", stdout)
	}
}

func TestBrokenUserRule(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "broken.rego"), []byte("package soc2scan.rules.broken\n\ndeny contains x if {\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := runCLI(t, "scan", "--policy", dir, "--fail-on", "none", example)
	if code != exitError {
		t.Errorf("exit code %d, want %d", code, exitError)
	}
	if !strings.Contains(stdout, "broken.rego:4 error: rego_parse_error") || !strings.Contains(stdout, "AWS-S3-001") {
		t.Errorf("want the rule error and the built-in findings:\n%s", stdout)
	}
}

// TestMixedRepository scans a directory holding a plan, manifests, an IAM
// policy, an app config, a Helm template, a README, an image and a broken
// YAML file: every kind is reported with its file and line, the broken file
// is an error (exit 2) that hides nothing else.
func TestMixedRepository(t *testing.T) {
	code, stdout, stderr := runCLI(t, "scan", "--format", "json", "../../testdata/mixed")
	if code != exitError {
		t.Errorf("exit code %d, want %d", code, exitError)
	}
	var rep report.Report
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	byRule := map[string]string{}
	for _, f := range rep.Findings {
		if f.Location.Line == 0 {
			t.Errorf("%s on %s has no line", f.RuleID, f.Resource)
		}
		byRule[f.RuleID] = fmt.Sprintf("%s:%d", f.Location.File, f.Location.Line)
	}
	m := "../../testdata/mixed/"
	for rule, want := range map[string]string{
		"AWS-S3-001":  m + "infra/plan.json:7",
		"K8S-POD-001": m + "k8s/web.yaml:18", // the privileged: true line
		"K8S-SEC-001": m + "k8s/web.yaml:21", // the literal password
		"K8S-NET-002": m + "k8s/web.yaml:29",
		"CFG-IAM-001": m + "iam/admin.json:4", // the statement
	} {
		if byRule[rule] != want {
			t.Errorf("%s at %q, want %q", rule, byRule[rule], want)
		}
	}
	if len(rep.Errors) != 1 || rep.Errors[0].Source != m+"broken/values.yaml" || rep.Errors[0].Line != 4 {
		t.Errorf("errors %+v, want one for broken/values.yaml:4", rep.Errors)
	}
	if !strings.Contains(stderr, "broken/values.yaml:4: error:") {
		t.Errorf("stderr does not name the broken file: %s", stderr)
	}
	if rep.Summary.Sources != 6 {
		t.Errorf("%d sources, want 6: 5 files and the infra module (README, PNG, Helm template and hidden directory skipped)", rep.Summary.Sources)
	}
}

// TestNamedTerraformFile is the pre-commit case: a changed file of a module
// is evaluated with its module and only its findings are reported.
func TestNamedTerraformFile(t *testing.T) {
	named := "../../testdata/parity/modules/main.tf"
	code, stdout, stderr := runCLI(t, "scan", "--format", "json", named)
	if code != exitFindings {
		t.Fatalf("exit code %d, want %d; stderr: %s", code, exitFindings, stderr)
	}
	var rep report.Report
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) == 0 {
		t.Fatal("no findings")
	}
	for _, f := range rep.Findings {
		via := false
		for _, v := range f.Via {
			via = via || v.File == named
		}
		if f.Location.File != named && !via {
			t.Errorf("finding in %s:%d, neither in nor called from %s", f.Location.File, f.Location.Line, named)
		}
	}
	code, stdout, _ = runCLI(t, "scan", "--var", "environment=qa", "--format", "json", "../../testdata/parity/variables")
	if code != exitFindings || !strings.Contains(stdout, "main-qa") && !strings.Contains(stdout, "aws_db_instance.main") {
		t.Errorf("exit code %d with --var", code)
	}
}

// TestNamedFileFiltersItsModule: of a module with two files, naming one
// reports that file's resources only, the other file still giving context
// (here the bucket's encryption configuration).
func TestNamedFileFiltersItsModule(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("buckets.tf", "resource \"aws_s3_bucket\" \"a\" {\n  bucket = \"a\"\n}\n")
	write("other.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n"+
		"resource \"aws_s3_bucket_server_side_encryption_configuration\" \"a\" {\n  bucket = aws_s3_bucket.a.id\n"+
		"  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = \"aws:kms\"\n    }\n  }\n}\n")
	_, stdout, stderr := runCLI(t, "scan", "--format", "json", filepath.Join(dir, "buckets.tf"))
	var rep report.Report
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("%v; stderr: %s", err, stderr)
	}
	rules := map[string]bool{}
	for _, f := range rep.Findings {
		if f.Resource != "aws_s3_bucket.a" {
			t.Errorf("finding on %s, which is not in the named file", f.Resource)
		}
		rules[f.RuleID] = true
	}
	if rules["AWS-S3-001"] || !rules["AWS-S3-004"] {
		t.Errorf("rules found %v: want no AWS-S3-001 (other.tf encrypts the bucket) and AWS-S3-004", rules)
	}
}

func TestCriteriaCommandAndReport(t *testing.T) {
	code, stdout, stderr := runCLI(t, "criteria", "--format", "json", "--categories", "confidentiality")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var list []struct {
		ID    string   `json:"id"`
		Rules []string `json:"rules"`
	}
	if err := json.Unmarshal([]byte(stdout), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 35 || list[0].ID != "CC1.1" || list[34].ID != "C1.2" {
		t.Errorf("%d criteria from %v to %v; want the 33 of security and the 2 of confidentiality", len(list), list[0], list[len(list)-1])
	}

	code, stdout, stderr = runCLI(t, "scan", "--format", "criteria-json", "--categories", "availability", example)
	if code != exitFindings {
		t.Fatalf("exit %d, want %d: %s", code, exitFindings, stderr)
	}
	var cr report.CriteriaReport
	if err := json.Unmarshal([]byte(stdout), &cr); err != nil {
		t.Fatal(err)
	}
	if len(cr.Criteria) != 36 || cr.Summary[report.CriterionFailed] == 0 || cr.Summary[report.CriterionManual] == 0 {
		t.Errorf("criteria report: %d criteria, summary %v", len(cr.Criteria), cr.Summary)
	}
	code, stdout, _ = runCLI(t, "scan", "--format", "criteria-markdown", "--fail-on", "none", example)
	if code != exitOK || !strings.HasPrefix(stdout, "# SOC 2 criteria report") || !strings.Contains(stdout, "manual evidence") {
		t.Errorf("markdown criteria report: exit %d\n%.300s", code, stdout)
	}
}

// TestSeveralFormats: --format FORMAT=FILE writes each report to its file
// and the one without a file to stdout, as a CI job uploads SARIF and
// prints text in the same run.
func TestSeveralFormats(t *testing.T) {
	dir := t.TempDir()
	sarifFile, junitFile, mdFile := filepath.Join(dir, "out.sarif"), filepath.Join(dir, "junit.xml"), filepath.Join(dir, "summary.md")
	code, stdout, stderr := runCLI(t, "scan", "--format", "sarif="+sarifFile, "--format", "junit="+junitFile,
		"--format", "markdown="+mdFile, "--format", "github", example)
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "::") || !strings.Contains(stdout, "file=../../examples/plan.json,line=") {
		t.Errorf("github output: %.200s", stdout)
	}
	for _, f := range []struct{ file, contains string }{
		{sarifFile, `"version": "2.1.0"`},
		{junitFile, "<testsuites"},
		{mdFile, "<details>"},
	} {
		data, err := os.ReadFile(f.file)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), f.contains) {
			t.Errorf("%s lacks %q", f.file, f.contains)
		}
	}
}

// TestConfigFileAndWaivers: a .soc2scan.yaml found from the scanned
// directory sets fail_on and waivers; an inline comment waives too; waived
// findings stay in the JSON with their waiver but no longer fail the scan;
// an expired waiver is a warning and its finding counts again; flags win
// over the file; an unknown key is a usage error naming its line.
func TestConfigFileAndWaivers(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("main.tf", `# soc2scan:ignore AWS-S3-001,AWS-S3-002,AWS-S3-003 scratch bucket, emptied nightly
resource "aws_s3_bucket" "scratch" {
  bucket = "scratch"
}
`)
	write(".soc2scan.yaml", `fail_on: medium
waivers:
  - rule: AWS-S3-004
    resource: aws_s3_bucket.scratch
    reason: versions of scratch data are not kept
    owner: platform
    expires: 2099-12-31
  - rule: AWS-S3-*
    resource: aws_s3_bucket.scratch
    reason: scratch data is not kept
    expires: 2099-12-31
`)
	code, stdout, stderr := runCLI(t, "scan", "--format", "json", dir)
	if code != exitOK {
		t.Fatalf("exit %d, want 0: every finding is waived; stderr: %s", code, stderr)
	}
	var rep report.Report
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) < 4 || rep.Summary.Waived != len(rep.Findings) {
		t.Fatalf("%d findings, %d waived; want every S3 finding waived", len(rep.Findings), rep.Summary.Waived)
	}
	origins := map[string]string{}
	for _, f := range rep.Findings {
		if f.Waiver == nil || f.Waiver.Reason == "" || f.Waiver.Origin.Line == 0 {
			t.Errorf("%s: waiver %+v", f.RuleID, f.Waiver)
			continue
		}
		origins[f.RuleID] = fmt.Sprintf("%s:%d", path.Base(f.Waiver.Origin.File), f.Waiver.Origin.Line)
	}
	for rule, want := range map[string]string{"AWS-S3-001": "main.tf:1", "AWS-S3-003": "main.tf:1", "AWS-S3-004": ".soc2scan.yaml:3"} {
		if origins[rule] != want {
			t.Errorf("%s waived by %s, want %s", rule, origins[rule], want)
		}
	}

	write(".soc2scan.yaml", `fail_on: medium
waivers:
  - rule: AWS-S3-004
    reason: versions of scratch data are not kept
    expires: 2020-01-01
`)
	code, _, stderr = runCLI(t, "scan", "--format", "json", dir)
	if code != exitFindings || !strings.Contains(stderr, ".soc2scan.yaml:3: warning: waiver for AWS-S3-004 expired on 2020-01-01") {
		t.Errorf("expired waiver: exit %d, stderr %s", code, stderr)
	}
	if code, _, _ = runCLI(t, "scan", "--fail-on", "high", dir); code != exitOK {
		t.Errorf("--fail-on high over the file's medium: exit %d, want 0 (AWS-S3-004 is medium)", code)
	}

	write(".soc2scan.yaml", "fail_on: medium\nfailon: high\n")
	code, _, stderr = runCLI(t, "scan", dir)
	if code != exitError || !strings.Contains(stderr, `.soc2scan.yaml:2: unknown key "failon"`) {
		t.Errorf("unknown key: exit %d, stderr %s", code, stderr)
	}
}

// TestBaseline: --write-baseline records today's findings; with --baseline
// they are reported as baseline and only new findings fail the build.
func TestBaseline(t *testing.T) {
	base := filepath.Join(t.TempDir(), "baseline.json")
	if code, _, stderr := runCLI(t, "scan", "--write-baseline", base, example); code != exitOK {
		t.Fatalf("writing the baseline: exit %d: %s", code, stderr)
	}
	code, stdout, stderr := runCLI(t, "scan", "--format", "json", "--baseline", base, example)
	if code != exitOK {
		t.Fatalf("with the baseline: exit %d: %s", code, stderr)
	}
	var rep report.Report
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Summary.Findings == 0 || rep.Summary.Baselined != rep.Summary.Findings {
		t.Errorf("%d findings, %d baselined", rep.Summary.Findings, rep.Summary.Baselined)
	}
	if code, _, _ := runCLI(t, "scan", "--baseline", base, "../../testdata/mixed/iam/admin.json"); code != exitFindings {
		t.Errorf("a finding outside the baseline: exit %d, want %d", code, exitFindings)
	}
	if code, _, _ := runCLI(t, "scan", "--baseline", example, example); code != exitError {
		t.Errorf("a plan given as baseline: exit %d, want %d", code, exitError)
	}
}
