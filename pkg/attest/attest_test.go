package attest

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/secure-systems-lab/go-securesystemslib/dsse"

	"github.com/soc2scan/soc2scan/internal/golden"
	"github.com/soc2scan/soc2scan/pkg/report"
)

const ruleSet = "5f2b0c3c8e0d9a1e4b6f7a8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f7a8b9c0"

func testReport() *report.Report {
	rep := &report.Report{
		Findings: []report.Finding{
			{RuleID: "AWS-S3-001", Resource: "aws_s3_bucket.logs", Source: "main.tf", Severity: report.High},
			{RuleID: "AWS-S3-002", Resource: "aws_s3_bucket.old", Source: "main.tf", Severity: report.High,
				Waiver: &report.Waiver{Reason: "legacy bucket, retired in Q3"}},
		},
		Checks: []report.Check{
			{RuleID: "AWS-S3-001", Resource: "aws_s3_bucket.logs", Source: "main.tf", Status: report.Fail},
			{RuleID: "AWS-S3-001", Resource: "aws_s3_bucket.data", Source: "main.tf", Status: report.Pass},
			{RuleID: "AWS-S3-002", Resource: "aws_s3_bucket.old", Source: "main.tf", Status: report.Fail},
			{RuleID: "AWS-RDS-001", Resource: "aws_db_instance.main", Source: "plan.json", Status: report.Unknown},
		},
	}
	rep.Finalize(2, 4, 3)
	return rep
}

func testRun() Run {
	return Run{
		Subjects: []Subject{
			{Name: "plan.json", SHA256: "b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c"},
			{Name: "main.tf", SHA256: "7d865e959b2466918c9863afca942d0fb89d7c9ac0c99bafc3749504ded97730"},
		},
		RuleSetDigest: ruleSet,
		Report:        testReport(),
	}
}

func TestStatement(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		edit       func(*Run)
		wantResult string
	}{
		{"failure", func(*Run) {}, Failed},
		{"accepted and unknown only", func(r *Run) {
			var keep []report.Check
			for _, c := range r.Report.Checks {
				if c.Resource != "aws_s3_bucket.logs" {
					keep = append(keep, c)
				}
			}
			r.Report.Checks = keep
			r.Report.Findings = r.Report.Findings[1:]
			r.Report.Finalize(2, 3, 3)
		}, Warned},
		{"all pass", func(r *Run) {
			r.Report.Checks = []report.Check{{RuleID: "AWS-S3-001", Resource: "aws_s3_bucket.data", Source: "main.tf", Status: report.Pass}}
			r.Report.Findings = nil
			r.Report.Finalize(1, 1, 3)
		}, Passed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := testRun()
			tc.edit(&r)
			st, err := Statement(r)
			if err != nil {
				t.Fatal(err)
			}
			if got := st.GetPredicate().GetFields()["result"].GetStringValue(); got != tc.wantResult {
				t.Errorf("result %s, want %s", got, tc.wantResult)
			}
		})
	}
}

func TestStatementGolden(t *testing.T) {
	t.Parallel()
	st, err := Statement(testRun())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(context.Background(), &b, st, nil); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "statement.json.golden"), b.String())
}

func TestStatementErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		run  Run
	}{
		{"no report", Run{Subjects: testRun().Subjects}},
		{"no subject", Run{Report: testReport(), RuleSetDigest: ruleSet}},
		{"bad subject digest", Run{Report: testReport(), Subjects: []Subject{{Name: "a", SHA256: "xyz"}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if _, err := Statement(tc.run); err == nil {
				t.Error("no error")
			}
		})
	}
}

func pemKey(t *testing.T, key any) []byte {
	t.Helper()
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
}

func TestSign(t *testing.T) {
	t.Parallel()
	_, edKey, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		pem  []byte
	}{
		{"ed25519", pemKey(t, edKey)},
		{"ecdsa", pemKey(t, ecKey)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, err := Signer(tc.pem)
			if err != nil {
				t.Fatal(err)
			}
			st, err := Statement(testRun())
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := Write(context.Background(), &b, st, s); err != nil {
				t.Fatal(err)
			}
			var env dsse.Envelope
			if err := json.Unmarshal(b.Bytes(), &env); err != nil {
				t.Fatal(err)
			}
			if env.PayloadType != PayloadType || len(env.Signatures) != 1 {
				t.Fatalf("envelope %+v", env)
			}
			v, err := dsse.NewEnvelopeVerifier(s)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := v.Verify(context.Background(), &env); err != nil {
				t.Errorf("signature does not verify: %v", err)
			}
			payload, err := env.DecodeB64Payload()
			if err != nil {
				t.Fatal(err)
			}
			want, err := MarshalStatement(st)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), string(payload)); diff != "" {
				t.Errorf("payload (-want +got):\n%s", diff)
			}
			env.Payload = env.Payload[:len(env.Payload)-4] + "AAAA"
			if _, err := v.Verify(context.Background(), &env); err == nil {
				t.Error("an altered payload verifies")
			}
		})
	}
}

func TestSignerRejects(t *testing.T) {
	t.Parallel()
	edPub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKIXPublicKey(edPub)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		pem  []byte
	}{
		{"not PEM", []byte("hello")},
		{"public key", pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if _, err := Signer(tc.pem); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestSubjects(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.json")
	tf := filepath.Join(dir, "mod", "main.tf")
	if err := os.MkdirAll(filepath.Dir(tf), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{plan, tf} {
		if err := os.WriteFile(f, []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep := &report.Report{Checks: []report.Check{
		{RuleID: "R", Resource: "r", Source: tf, Status: report.Pass},
		{RuleID: "R", Resource: "r", Source: "(stdin)", Status: report.Pass},
	}}
	got, err := Subjects([]string{plan, filepath.Join(dir, "mod")}, rep)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Name != filepath.ToSlash(tf) || got[1].Name != filepath.ToSlash(plan) || got[0].SHA256 != got[1].SHA256 {
		t.Errorf("subjects %+v", got)
	}
	if _, err := Subjects([]string{filepath.Join(dir, "missing")}, rep); err == nil {
		t.Error("no error for a missing input")
	}
}

// TestRuleSetDigestMatchesEvidence pins RuleSetDigest to the digest the
// evidence bundle records in run.json.
