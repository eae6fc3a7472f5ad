package scan

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/soc2scan/soc2scan"
)

// RuleDigests returns, by rule ID, a sha256 (hex) identifying the logic each
// rule of s runs: over the rule's canonical metadata (compact JSON of id,
// title, description, severity, criteria, resource_types, remediation,
// package, file and builtin, in that order), a newline, then the bytes of its
// Rego file. Built-in rules are read from the embedded library, user rules
// from disk; the error names a rule file that can no longer be read.
// Library modules the rules call are covered by LibraryDigests.
func (s *Scanner) RuleDigests() (map[string]string, error) {
	out := make(map[string]string, len(s.engine.Rules()))
	for _, r := range s.engine.Rules() {
		meta, err := json.Marshal(struct {
			ID            string   `json:"id"`
			Title         string   `json:"title"`
			Description   string   `json:"description"`
			Severity      string   `json:"severity"`
			Criteria      []string `json:"criteria"`
			ResourceTypes []string `json:"resource_types"`
			Remediation   string   `json:"remediation"`
			Package       string   `json:"package"`
			File          string   `json:"file"`
			Builtin       bool     `json:"builtin"`
		}{r.ID, r.Title, r.Description, string(r.Severity), r.Criteria, r.ResourceTypes, r.Remediation, r.Package, r.File, r.Builtin})
		if err != nil {
			return nil, fmt.Errorf("rule %s: %w", r.ID, err)
		}
		var src []byte
		if r.Builtin {
			src, err = fs.ReadFile(soc2scan.Rules, r.File)
		} else {
			src, err = os.ReadFile(r.File)
		}
		if err != nil {
			return nil, fmt.Errorf("rule %s: %w", r.ID, err)
		}
		h := sha256.New()
		h.Write(meta)
		h.Write([]byte{'\n'})
		h.Write(src)
		out[r.ID] = hex.EncodeToString(h.Sum(nil))
	}
	return out, nil
}

// LibraryDigests returns, by path, the sha256 (hex) of each built-in Rego
// library file (rego/*.rego, tests excluded): logic that rules share, so a
// change to it changes what the rules decide without changing their files.
func (s *Scanner) LibraryDigests() (map[string]string, error) {
	out := map[string]string{}
	err := fs.WalkDir(soc2scan.Rules, "rego", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return err
		}
		b, err := fs.ReadFile(soc2scan.Rules, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		out[p] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("built-in library: %w", err)
	}
	return out, nil
}
