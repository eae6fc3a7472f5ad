package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"os"
	"path/filepath"
	"testing"

	"github.com/secure-systems-lab/go-securesystemslib/dsse"

	"github.com/soc2scan/soc2scan/pkg/attest"
)

// statement is the part of an in-toto statement the tests read.
type statement struct {
	Type    string `json:"_type"`
	Subject []struct {
		Name   string            `json:"name"`
		Digest map[string]string `json:"digest"`
	} `json:"subject"`
	PredicateType string `json:"predicateType"`
	Predicate     struct {
		Result        string `json:"result"`
		Configuration []struct {
			Digest map[string]string `json:"digest"`
		} `json:"configuration"`
		PassedTests []string `json:"passedTests"`
		FailedTests []string `json:"failedTests"`
	} `json:"predicate"`
}

func TestScanAttest(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	keyFile := filepath.Join(dir, "key.pem")
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	plain, signed := filepath.Join(dir, "statement.json"), filepath.Join(dir, "envelope.json")
	ev := filepath.Join(dir, "ev")
	if code, _, stderr := runCLI(t, "scan", "--fail-on", "none", "--format", "json=/dev/null", "--evidence", ev, "--attest", plain, example); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "scan", "--fail-on", "none", "--format", "json=/dev/null", "--attest", signed, "--attest-key", keyFile, example); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rec := runRecord(t, ev)

	var st statement
	b, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &st); err != nil {
		t.Fatal(err)
	}
	if st.PredicateType != attest.PredicateType || st.Predicate.Result != attest.Failed ||
		len(st.Predicate.PassedTests) == 0 || len(st.Predicate.FailedTests) == 0 {
		t.Errorf("statement %+v", st)
	}
	if got := st.Predicate.Configuration[0].Digest["sha256"]; got != rec.RuleSet.SHA256 {
		t.Errorf("configuration digest %s, run.json rule set %s", got, rec.RuleSet.SHA256)
	}
	if len(st.Subject) != 1 || st.Subject[0].Digest["sha256"] != rec.Inputs[0].SHA256 {
		t.Errorf("subjects %+v, input %+v", st.Subject, rec.Inputs)
	}

	var env dsse.Envelope
	b, err = os.ReadFile(signed)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &env); err != nil {
		t.Fatal(err)
	}
	kb, err := os.ReadFile(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	sv, err := attest.Signer(kb)
	if err != nil {
		t.Fatal(err)
	}
	v, err := dsse.NewEnvelopeVerifier(sv)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.Verify(context.Background(), &env); err != nil {
		t.Errorf("envelope does not verify: %v", err)
	}
}

func TestScanAttestUsage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.pem")
	if err := os.WriteFile(bad, []byte("not a key"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"key without attest", []string{"scan", "--attest-key", bad, example}},
		{"missing key", []string{"scan", "--attest", filepath.Join(dir, "a.json"), "--attest-key", filepath.Join(dir, "none.pem"), example}},
		{"bad key", []string{"scan", "--attest", filepath.Join(dir, "b.json"), "--attest-key", bad, example}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if code, _, _ := runCLI(t, tc.args...); code != exitError {
				t.Errorf("exit %d, want %d", code, exitError)
			}
		})
	}
}
