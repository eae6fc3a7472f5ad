// Command gendocs writes docs/rules.md from the built-in rules' metadata;
// run it with `go generate ./...` from the repository root.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/soc2scan/soc2scan/internal/ruledocs"
	"github.com/soc2scan/soc2scan/pkg/engine"
)

func main() {
	e, err := engine.New(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(ruledocs.File, ruledocs.Render(e.Rules()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}
