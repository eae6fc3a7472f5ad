package scan_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/report"
	"github.com/soc2scan/soc2scan/pkg/scan"
	"github.com/soc2scan/soc2scan/pkg/soc2"
	"github.com/soc2scan/soc2scan/pkg/waiver"
)

// Scan a plan written by terraform show -json and print its findings.
func ExampleScanner_Scan() {
	s, err := scan.New()
	if err != nil {
		log.Fatal(err)
	}
	rep, err := s.Scan(context.Background(), scan.Path("testdata/bucket.json"))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range rep.Findings {
		if f.RuleID == "AWS-S3-001" {
			fmt.Printf("%s:%d %s %s %v\n%s\n", f.Location.File, f.Location.Line, f.RuleID, f.Severity, f.Criteria, f.Message)
		}
	}
	// Output:
	// testdata/bucket.json:7 AWS-S3-001 high [CC6.1 PI1.4]
	// aws_s3_bucket.logs has no default server-side encryption configuration
}

// Rules of your own sit beside the built-in ones; here only they run.
func ExampleWithPolicyDir() {
	s, err := scan.New(scan.WithPolicyDir("testdata/rules"), scan.WithoutBuiltinRules())
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range s.Rules() {
		fmt.Println(r.ID, r.Severity, r.Criteria, r.Title)
	}
	// Output:
	// ACME-001 low [CC1.3] S3 buckets carry an owner tag
}

// Scan bytes, such as a plan read from standard input; the checks record
// every resource a rule evaluated, passes included.
func ExampleBytes() {
	data, err := os.ReadFile("testdata/bucket.json")
	if err != nil {
		log.Fatal(err)
	}
	s, err := scan.New(scan.WithPolicyDir("testdata/rules"), scan.WithoutBuiltinRules())
	if err != nil {
		log.Fatal(err)
	}
	rep, err := s.Scan(context.Background(), scan.Bytes("stdin.json", data))
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range rep.Checks {
		fmt.Println(c.Source, c.RuleID, c.Resource, c.Status)
	}
	// Output:
	// stdin.json ACME-001 aws_s3_bucket.logs pass
}

// The criteria report of a scan, for the categories in scope: per
// criterion, what the rules checked and with what result.
func ExampleScanner_Criteria() {
	s, err := scan.New(scan.WithCategories(soc2.Availability), scan.WithPolicyDir("testdata/scoped"), scan.WithoutBuiltinRules())
	if err != nil {
		log.Fatal(err)
	}
	rep, err := s.Scan(context.Background(), scan.Path("testdata/bucket.json"))
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range s.Criteria(rep).Criteria {
		if c.ID == "CC6.1" || c.ID == "A1.2" || c.ID == "CC1.1" {
			fmt.Println(c.ID, c.Status, c.Resources.Checked, c.Resources.Failed)
		}
	}
	// Output:
	// CC1.1 manual 0 0
	// CC6.1 passed 1 0
	// A1.2 failed 1 1
}

// Give your application's config files a type and write rules for it.
func ExampleWithConfigType() {
	s, err := scan.New(scan.WithConfigType("**/settings.yaml", "app_config"), scan.WithoutBuiltinRules())
	if err != nil {
		log.Fatal(err)
	}
	rep, err := s.Scan(context.Background(), scan.Bytes("app/settings.yaml", []byte("tls:\n  enabled: false\n")))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rep.Summary.Resources, len(rep.Errors))
	// Output:
	// 1 0
}

// A waiver accepts a finding as an exception, with a reason and an expiry;
// the finding stays in the report, waived.
func ExampleWithWaivers() {
	expires, _ := time.Parse("2006-01-02", "2027-01-31")
	w := &waiver.Waiver{Rule: "ACME-001", Resource: "aws_s3_bucket.logs", Reason: "log bucket, owned by the platform team",
		Expires: expires, Origin: document.Location{File: ".soc2scan.yaml", Line: 3}}
	s, err := scan.New(scan.WithPolicyDir("testdata/rules"), scan.WithoutBuiltinRules(), scan.WithWaivers(w),
		scan.WithDate(expires.AddDate(0, -1, 0)))
	if err != nil {
		log.Fatal(err)
	}
	rep, err := s.Scan(context.Background(), scan.Bytes("plan.json", []byte(`{"format_version": "1.2", "terraform_version": "1.11.4",
		"planned_values": {"root_module": {"resources": [{"address": "aws_s3_bucket.logs", "mode": "managed",
		"type": "aws_s3_bucket", "name": "logs", "provider_name": "registry.terraform.io/hashicorp/aws", "values": {"bucket": "logs"}}]}}}`)))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range rep.Findings {
		fmt.Println(f.RuleID, f.Resource, f.Waiver.Reason, f.Waiver.Expires)
	}
	fmt.Println("waived:", rep.Summary.Waived, "failing:", rep.AtOrAbove(report.Low))
	// Output:
	// ACME-001 aws_s3_bucket.logs log bucket, owned by the platform team 2027-01-31
	// waived: 1 failing: 0
}

// Name the logic that ran: a digest per rule (its metadata and Rego
// source) and per shared library file, as evidence bundles record them.
func ExampleScanner_RuleDigests() {
	s, err := scan.New(scan.WithPolicyDir("testdata/rules"), scan.WithoutBuiltinRules())
	if err != nil {
		log.Fatal(err)
	}
	rules, err := s.RuleDigests()
	if err != nil {
		log.Fatal(err)
	}
	library, err := s.LibraryDigests()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(rules), len(rules["ACME-001"]), len(library) > 0)
	// Output:
	// 1 64 true
}
