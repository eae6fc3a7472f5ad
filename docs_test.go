package soc2scan_test

import (
	"context"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/soc2scan/soc2scan/internal/ruledocs"
	"github.com/soc2scan/soc2scan/pkg/engine"
)

// TestRuleDocsUpToDate fails when docs/rules.md no longer matches the
// rules' metadata: run `go generate ./...` and commit the result.
func TestRuleDocsUpToDate(t *testing.T) {
	e, err := engine.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := string(ruledocs.Render(e.Rules()))
	got, err := os.ReadFile(ruledocs.File)
	if err != nil {
		t.Fatalf("%v: run go generate ./...", err)
	}
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("%s is stale: run go generate ./... (-want +got):\n%s", ruledocs.File, diff)
	}
}
