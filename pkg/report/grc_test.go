package report

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestGRCRecords(t *testing.T) {
	t.Parallel()
	rules := []RuleInfo{
		{ID: "AWS-S3-001", Title: "S3 bucket is encrypted", Severity: High, Criteria: []string{"CC6.1", "CC6.7"}, Remediation: "add encryption"},
	}
	rep := &Report{
		Findings: []Finding{
			{RuleID: "AWS-S3-001", Title: "S3 bucket is encrypted", Severity: High, Criteria: []string{"CC6.1", "CC6.7"},
				Resource: "aws_s3_bucket.logs", ResourceType: "aws_s3_bucket", Source: "plan.json", Location: Location{File: "main.tf", Line: 3},
				Message: "aws_s3_bucket.logs has no encryption", Remediation: "add encryption"},
			{RuleID: "AWS-S3-001", Title: "S3 bucket is encrypted", Severity: High, Criteria: []string{"CC6.1", "CC6.7"},
				Resource: "aws_s3_bucket.old", Source: "plan.json", Message: "aws_s3_bucket.old has no encryption",
				Waiver: &Waiver{Reason: "retired in Q3", Owner: "platform", Expires: "2026-09-30"}},
		},
		Checks: []Check{
			{RuleID: "AWS-S3-001", Resource: "aws_s3_bucket.logs", Source: "plan.json", Status: Fail},
			{RuleID: "AWS-S3-001", Resource: "aws_s3_bucket.old", Source: "plan.json", Status: Fail},
			{RuleID: "AWS-S3-001", Resource: "aws_s3_bucket.data", Source: "plan.json", Status: Pass},
		},
	}
	rep.Finalize(1, 3, 1)
	when := time.Date(2026, 3, 1, 12, 0, 0, 0, time.FixedZone("CET", 3600))
	got := GRCRecords(rep, rules, GRCOptions{RuleSetDigest: "abc", Time: when})
	want := []GRCRecord{
		{ID: GRCRecordID("AWS-S3-001", "aws_s3_bucket.logs", "plan.json"), RuleID: "AWS-S3-001", Title: "S3 bucket is encrypted",
			Severity: "high", Criteria: "CC6.1;CC6.7", Resource: "aws_s3_bucket.logs", ResourceType: "aws_s3_bucket", Source: "plan.json",
			File: "main.tf", Line: 3, Status: "fail", Message: "aws_s3_bucket.logs has no encryption", Remediation: "add encryption",
			RuleSetSHA256: "abc", CheckedAt: "2026-03-01T11:00:00Z"},
		{ID: GRCRecordID("AWS-S3-001", "aws_s3_bucket.old", "plan.json"), RuleID: "AWS-S3-001", Title: "S3 bucket is encrypted",
			Severity: "high", Criteria: "CC6.1;CC6.7", Resource: "aws_s3_bucket.old", Source: "plan.json", File: "plan.json",
			Status: "waived", Message: "aws_s3_bucket.old has no encryption", WaiverReason: "retired in Q3", WaiverOwner: "platform",
			WaiverExpires: "2026-09-30", RuleSetSHA256: "abc", CheckedAt: "2026-03-01T11:00:00Z"},
		{ID: GRCRecordID("AWS-S3-001", "aws_s3_bucket.data", "plan.json"), RuleID: "AWS-S3-001", Title: "S3 bucket is encrypted",
			Severity: "high", Criteria: "CC6.1;CC6.7", Resource: "aws_s3_bucket.data", Source: "plan.json", File: "plan.json",
			Status: "pass", RuleSetSHA256: "abc", CheckedAt: "2026-03-01T11:00:00Z"},
	}
	byID := func(rs []GRCRecord) map[string]GRCRecord {
		m := map[string]GRCRecord{}
		for _, r := range rs {
			m[r.ID] = r
		}
		return m
	}
	if diff := cmp.Diff(byID(want), byID(got)); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
	for i := 1; i < len(got); i++ {
		if got[i-1].ID >= got[i].ID {
			t.Errorf("records not sorted by id at %d", i)
		}
	}

	// Every value is a scalar: no nested objects or arrays.
	var b bytes.Buffer
	if err := GRCJSON(&b, rep, rules, GRCOptions{}); err != nil {
		t.Fatal(err)
	}
	var raw []map[string]any
	if err := json.Unmarshal(b.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	for _, rec := range raw {
		for k, v := range rec {
			switch v.(type) {
			case map[string]any, []any:
				t.Errorf("record %v: %s is nested", rec["id"], k)
			}
		}
		if _, ok := rec["checked_at"]; ok {
			t.Error("checked_at present without a time")
		}
	}
}

func TestGRCRecordsEmpty(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := GRCJSON(&b, &Report{}, nil, GRCOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != "[]\n" {
		t.Errorf("empty report: %q, want []", got)
	}
}
