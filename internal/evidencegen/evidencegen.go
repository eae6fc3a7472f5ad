// Package evidencegen makes the scan reports that the evidence benchmarks
// write as runs: deterministic, and made on the fly so that no large
// fixtures live in git.
package evidencegen

import (
	"fmt"

	"github.com/soc2scan/soc2scan/pkg/report"
)

// Rules is how many rules a generated report checks.
const Rules = 10

// Rule is a rule of a generated report.
type Rule struct {
	ID       string
	Criteria []string
}

// Report returns a report of evals checks of source, Rules rules over
// evals/Rules resources with one check in 20 failing, and its rules.
func Report(source string, evals int) (*report.Report, []Rule) {
	rules := make([]Rule, Rules)
	for r := range rules {
		rules[r] = Rule{ID: fmt.Sprintf("AWS-GEN-%03d", r), Criteria: []string{"CC6.1", "CC7.2"}}
	}
	rep := &report.Report{}
	for i := range evals {
		rule, res := rules[i%Rules], fmt.Sprintf("aws_s3_bucket.bucket_%05d", i/Rules)
		c := report.Check{RuleID: rule.ID, Resource: res, Source: source, Status: report.Pass}
		if i%20 == 0 {
			c.Status = report.Fail
			rep.Findings = append(rep.Findings, report.Finding{RuleID: rule.ID, Severity: report.High, Criteria: rule.Criteria,
				Resource: res, Source: source, Location: report.Location{File: source, Line: i}, Message: res + " has no encryption"})
		}
		rep.Checks = append(rep.Checks, c)
	}
	rep.Finalize(1, evals/Rules, Rules)
	return rep, rules
}

// Digest is the digest of rule r in version v of the generated rule set.
func Digest(v, r int) string { return fmt.Sprintf("%064x", v*Rules+r) }

// Sample returns the report, not yet finalized, of a small scan of source
// with a check of each status: AWS-S3-001 (CC6.1) passing on
// aws_s3_bucket.data and failing on aws_s3_bucket.logs unless logsFixed,
// AWS-S3-002 (CC7.2) waived on aws_s3_bucket.logs, AWS-S3-003 (CC6.1)
// failing in the baseline on aws_s3_bucket.old and unknown on
// aws_s3_bucket.tmp.
func Sample(source string, logsFixed bool) *report.Report {
	rep := &report.Report{
		Findings: []report.Finding{
			{RuleID: "AWS-S3-002", Severity: report.Medium, Criteria: []string{"CC7.2"}, Resource: "aws_s3_bucket.logs", Source: source,
				Location: report.Location{File: source, Line: 7}, Message: "aws_s3_bucket.logs has no access logging",
				Waiver: &report.Waiver{Reason: "log bucket itself", Owner: "sec@example.com", Expires: "2026-12-31",
					Origin: report.Location{File: ".soc2scan.yaml", Line: 4}}},
			{RuleID: "AWS-S3-003", Severity: report.Low, Criteria: []string{"CC6.1"}, Resource: "aws_s3_bucket.old", Source: source,
				Location: report.Location{File: source, Line: 20}, Message: "aws_s3_bucket.old is old", Baseline: true},
		},
		Checks: []report.Check{
			{RuleID: "AWS-S3-001", Resource: "aws_s3_bucket.data", Source: source, Status: report.Pass},
			{RuleID: "AWS-S3-001", Resource: "aws_s3_bucket.logs", Source: source, Status: report.Pass},
			{RuleID: "AWS-S3-002", Resource: "aws_s3_bucket.logs", Source: source, Status: report.Fail},
			{RuleID: "AWS-S3-003", Resource: "aws_s3_bucket.old", Source: source, Status: report.Fail},
			{RuleID: "AWS-S3-003", Resource: "aws_s3_bucket.tmp", Source: source, Status: report.Unknown, Message: "known after apply"},
		},
	}
	if !logsFixed {
		rep.Checks[1].Status = report.Fail
		rep.Findings = append([]report.Finding{{RuleID: "AWS-S3-001", Severity: report.High, Criteria: []string{"CC6.1"},
			Resource: "aws_s3_bucket.logs", Source: source, Location: report.Location{File: source, Line: 7},
			Message: "aws_s3_bucket.logs has no encryption"}}, rep.Findings...)
	}
	return rep
}
