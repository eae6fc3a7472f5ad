// Package attest makes an in-toto statement of a scan with the test-result
// predicate — the inputs' digests as subjects, the rule-set digest as
// configuration, every rule × resource as a passed, warned or failed test —
// and signs it in a DSSE envelope with a local key when one is given.
package attest

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"

	testresult "github.com/in-toto/attestation/go/predicates/test_result/v0"
	intoto "github.com/in-toto/attestation/go/v1"
	"github.com/secure-systems-lab/go-securesystemslib/dsse"
	"github.com/secure-systems-lab/go-securesystemslib/signerverifier"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/types/known/structpb"

	"github.com/soc2scan/soc2scan/pkg/report"
)

// PredicateType is the in-toto test-result predicate.
const PredicateType = "https://in-toto.io/attestation/test-result/v0.1"

// PayloadType is the DSSE payload type of an in-toto statement.
const PayloadType = "application/vnd.in-toto+json"

// Test results of the predicate.
const (
	Passed = "PASSED"
	Warned = "WARNED"
	Failed = "FAILED"
)

// Subject is a file the scan read and the sha256 (hex) of its content.
type Subject struct {
	Name   string
	SHA256 string
}

// Run is what a statement attests.
type Run struct {
	Subjects []Subject
	// RuleSetDigest is the sha256 (hex) of the rule set that ran (see
	// RuleSetDigest).
	RuleSetDigest string
	// URL points at the run, a CI job say; optional.
	URL    string
	Report *report.Report
}

// TestName names one rule × resource in the predicate's test lists.
func TestName(c report.Check) string {
	return fmt.Sprintf("%s %s (%s)", c.RuleID, c.Resource, c.Source)
}

// Statement builds the in-toto statement of a run. A pass is a passed test;
// a failure is a failed test unless it is accepted (waived or in the
// baseline), then it is warned, as is a check whose value is known only
// after apply. The result is FAILED if a test failed, else WARNED if one
// was warned, else PASSED.
func Statement(r Run) (*intoto.Statement, error) {
	if r.Report == nil {
		return nil, errors.New("attest: run has no report")
	}
	if len(r.Subjects) == 0 {
		return nil, errors.New("attest: no subject: the scan read no file")
	}
	tr := &testresult.TestResult{
		Result: Passed,
		Url:    r.URL,
		Configuration: []*intoto.ResourceDescriptor{{
			Name:   "soc2scan rule set",
			Digest: map[string]string{"sha256": r.RuleSetDigest},
		}},
	}
	checks := slices.Clone(r.Report.Checks)
	slices.SortFunc(checks, func(a, b report.Check) int {
		return cmp.Or(cmp.Compare(a.RuleID, b.RuleID), cmp.Compare(a.Source, b.Source), cmp.Compare(a.Resource, b.Resource))
	})
	for _, c := range checks {
		switch {
		case c.Status == report.Pass:
			tr.PassedTests = append(tr.PassedTests, TestName(c))
		case c.Status == report.Fail && !c.Accepted:
			tr.FailedTests = append(tr.FailedTests, TestName(c))
		default:
			tr.WarnedTests = append(tr.WarnedTests, TestName(c))
		}
	}
	switch {
	case len(tr.FailedTests) > 0:
		tr.Result = Failed
	case len(tr.WarnedTests) > 0:
		tr.Result = Warned
	}
	pred, err := toStruct(tr)
	if err != nil {
		return nil, err
	}
	subjects := slices.Clone(r.Subjects)
	slices.SortFunc(subjects, func(a, b Subject) int { return cmp.Compare(a.Name, b.Name) })
	st := &intoto.Statement{Type: intoto.StatementTypeUri, PredicateType: PredicateType, Predicate: pred}
	for _, s := range subjects {
		st.Subject = append(st.Subject, &intoto.ResourceDescriptor{Name: s.Name, Digest: map[string]string{"sha256": s.SHA256}})
	}
	if err := st.Validate(); err != nil {
		return nil, fmt.Errorf("attest: %w", err)
	}
	return st, nil
}

func toStruct(tr *testresult.TestResult) (*structpb.Struct, error) {
	b, err := protojson.Marshal(tr)
	if err != nil {
		return nil, err
	}
	s := &structpb.Struct{}
	if err := protojson.Unmarshal(b, s); err != nil {
		return nil, err
	}
	return s, nil
}

// MarshalStatement encodes a statement as compact JSON. protojson varies
// its whitespace from build to build; compacting makes the bytes stable.
func MarshalStatement(st *intoto.Statement) ([]byte, error) {
	b, err := protojson.Marshal(st)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Compact(&out, b); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// SignerVerifier signs statements and verifies their envelopes.
type SignerVerifier = dsse.SignerVerifier

// Signer loads a private key in PEM (PKCS#8, PKCS#1 or SEC 1): ed25519,
// ECDSA P-256 or RSA (signed with RSASSA-PSS).
func Signer(keyPEM []byte) (SignerVerifier, error) {
	key, err := signerverifier.LoadKey(keyPEM)
	if err != nil {
		return nil, err
	}
	if key.KeyVal.Private == "" {
		return nil, errors.New("a public key: signing needs the private key")
	}
	switch key.KeyType {
	case signerverifier.ED25519KeyType:
		return signerverifier.NewED25519SignerVerifierFromSSLibKey(key)
	case signerverifier.ECDSAKeyType:
		return signerverifier.NewECDSASignerVerifierFromSSLibKey(key)
	case signerverifier.RSAKeyType:
		return signerverifier.NewRSAPSSSignerVerifierFromSSLibKey(key)
	}
	return nil, fmt.Errorf("unsupported key type %q", key.KeyType)
}

// Sign wraps a statement in a DSSE envelope signed by s.
func Sign(ctx context.Context, st *intoto.Statement, s dsse.Signer) (*dsse.Envelope, error) {
	payload, err := MarshalStatement(st)
	if err != nil {
		return nil, err
	}
	es, err := dsse.NewEnvelopeSigner(s)
	if err != nil {
		return nil, err
	}
	return es.SignPayload(ctx, PayloadType, payload)
}

// Write writes the statement as indented JSON, or, when s is not nil, the
// DSSE envelope of it signed by s.
func Write(ctx context.Context, w io.Writer, st *intoto.Statement, s dsse.Signer) error {
	var v any
	if s != nil {
		env, err := Sign(ctx, st, s)
		if err != nil {
			return fmt.Errorf("sign: %w", err)
		}
		v = env
	} else {
		b, err := MarshalStatement(st)
		if err != nil {
			return err
		}
		v = json.RawMessage(b)
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// Subjects returns the files of a scan with their digests: each input path
// that is a file, and each regular file the report names as a source or a
// finding's location (the files read from an input directory).
func Subjects(paths []string, rep *report.Report) ([]Subject, error) {
	named := map[string]bool{}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", p, err)
		}
		if !info.IsDir() {
			named[filepath.Clean(p)] = true
		}
	}
	for _, c := range rep.Checks {
		named[c.Source] = true
	}
	for _, f := range rep.Findings {
		named[f.Source] = true
		named[f.Location.File] = true
	}
	var out []Subject
	for _, p := range slices.Sorted(maps.Keys(named)) {
		if p == "" {
			continue
		}
		info, err := os.Stat(p)
		if err != nil || !info.Mode().IsRegular() {
			continue // a name, not a file: bytes scanned under a name
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(b)
		out = append(out, Subject{Name: filepath.ToSlash(p), SHA256: hex.EncodeToString(sum[:])})
	}
	return out, nil
}
