package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// SARIFOptions describe the tool in a SARIF log.
type SARIFOptions struct {
	ToolVersion string // e.g. "0.3.0"; empty leaves it out
}

// InformationURI is the project's home, for tools that link to it.
const InformationURI = "https://github.com/soc2scan/soc2scan"

// securitySeverity is GitHub code scanning's 0-10 scale: critical >= 9,
// high 7-8.9, medium 4-6.9, low < 4.
var securitySeverity = map[Severity]string{Critical: "9.5", High: "8.0", Medium: "5.5", Low: "3.0"}

// sarifLevel maps severities to SARIF result levels.
var sarifLevel = map[Severity]string{Critical: "error", High: "error", Medium: "warning", Low: "note"}

// SARIF writes the report as a SARIF 2.1.0 log that GitHub code scanning
// accepts: one rules[] entry per rule that ran (descriptions, help with the
// remediation and criteria, tags with the criteria ids, security-severity),
// results with repository-relative URIs under %SRCROOT%, a start line of at
// least 1 (findings without a known line point at the file's first line),
// and partialFingerprints that stay the same while the rule, the resource
// and its file do, so alerts track across runs. Errors become tool
// execution notifications.
func SARIF(w io.Writer, r *Report, rules []RuleInfo, opts SARIFOptions) error {
	log := sarif.NewReport()
	run := sarif.NewRunWithInformationURI("soc2scan", InformationURI)
	if opts.ToolVersion != "" {
		run.Tool.Driver.WithVersion(opts.ToolVersion)
	}
	for _, ru := range rules {
		tags := append([]string{"security", "soc2"}, ru.Criteria...)
		props := sarif.NewPropertyBag().WithTags(tags)
		props.Add("security-severity", securitySeverity[ru.Severity])
		props.Add("precision", "high")
		help := fmt.Sprintf("%s\n\nRemediation: %s\n\nSOC 2 criteria: %s", oneLine(ru.Description), oneLine(ru.Remediation), strings.Join(ru.Criteria, ", "))
		markdown := fmt.Sprintf("%s\n\n**Remediation:** %s\n\n**SOC 2 criteria:** %s", oneLine(ru.Description), oneLine(ru.Remediation), strings.Join(ru.Criteria, ", "))
		run.AddRule(ru.ID).
			WithName(ruleName(ru.ID)).
			WithShortDescription(sarif.NewMultiformatMessageString().WithText(ru.Title)).
			WithFullDescription(sarif.NewMultiformatMessageString().WithText(oneLine(ru.Description))).
			WithHelp(sarif.NewMultiformatMessageString().WithText(help).WithMarkdown(markdown)).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel[ru.Severity])).
			WithProperties(props)
	}
	for _, f := range r.Findings {
		uri := artifactURI(f.Location.File)
		line := max(1, f.Location.Line)
		loc := sarif.NewLocationWithPhysicalLocation(
			sarif.NewPhysicalLocation().
				WithArtifactLocation(sarif.NewSimpleArtifactLocation(uri).WithURIBaseID("%SRCROOT%")).
				WithRegion(sarif.NewRegion().WithStartLine(line)),
		).WithLogicalLocations([]*sarif.LogicalLocation{sarif.NewLogicalLocation().WithFullyQualifiedName(f.Resource).WithKind("resource")})
		res := run.CreateResultForRule(f.RuleID).
			WithLevel(sarifLevel[f.Severity]).
			WithMessage(sarif.NewTextMessage(f.Message)).
			AddLocation(loc).
			WithPartialFingerprints(map[string]string{"soc2scanFinding/v1": Fingerprint(f)})
		res.WithProperties(sarif.NewPropertyBag().WithTags(f.Criteria))
		switch {
		case f.Waiver != nil:
			kind := "external"
			if f.Waiver.Inline {
				kind = "inSource"
			}
			just := f.Waiver.Reason
			if f.Waiver.Owner != "" {
				just += " (owner: " + f.Waiver.Owner + ")"
			}
			if f.Waiver.Expires != "" {
				just += " (expires " + f.Waiver.Expires + ")"
			}
			res.WithSuppressions([]*sarif.Suppression{sarif.NewSuppression().WithKind(kind).WithJustification(just).WithStatus("accepted")})
		case f.Baseline:
			res.WithBaselineState("unchanged")
		}
	}
	inv := sarif.NewInvocation().WithExecutionSuccessful(len(r.Errors) == 0)
	for _, e := range append(append([]Error{}, r.Errors...), r.Warnings...) {
		level := "error"
		if slicesContainsError(r.Warnings, e) {
			level = "warning"
		}
		n := sarif.NewNotification().WithLevel(level).WithMessage(sarif.NewTextMessage(e.Message)).
			WithLocations([]*sarif.Location{sarif.NewLocationWithPhysicalLocation(
				sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(artifactURI(e.Source)).WithURIBaseID("%SRCROOT%")).
					WithRegion(sarif.NewRegion().WithStartLine(max(1, e.Line))))})
		inv.AddToolExecutionNotification(n)
	}
	run.AddInvocation(inv)
	log.AddRun(run)
	return log.PrettyWrite(w)
}

func slicesContainsError(list []Error, e Error) bool {
	for _, x := range list {
		if x == e {
			return true
		}
	}
	return false
}

// Fingerprint identifies a finding across runs: its rule, resource, file
// and message, not its line, which moves when lines are added above it.
func Fingerprint(f Finding) string {
	h := sha256.Sum256([]byte(strings.Join([]string{f.RuleID, f.Resource, f.Location.File, f.Message}, "\x00")))
	return hex.EncodeToString(h[:16])
}

// artifactURI is a path as a relative URI reference: slash-separated,
// without "./", each segment escaped.
func artifactURI(p string) string {
	p = path.Clean(strings.ReplaceAll(p, "\\", "/"))
	segs := strings.Split(strings.TrimPrefix(p, "./"), "/")
	for i, s := range segs {
		segs[i] = uriEscape(s)
	}
	return strings.Join(segs, "/")
}

// uriEscape escapes what a URI path segment cannot hold.
func uriEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~!$&'()*+,;=:@", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// ruleName turns AWS-S3-001 into the PascalCase name SARIF viewers show:
// AwsS3001.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + strings.ToLower(part[1:]))
	}
	return b.String()
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
