package scan_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/soc2scan/soc2scan/pkg/scan"
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
