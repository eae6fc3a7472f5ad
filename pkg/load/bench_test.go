package load_test

import (
	"context"
	"testing"

	"github.com/soc2scan/soc2scan/internal/kubegen"
	"github.com/soc2scan/soc2scan/pkg/load"
)

// BenchmarkLoadKube loads a generated set of 10,000 workloads (and a
// Service each): the loading share of BenchmarkScanKube.
func BenchmarkLoadKube(b *testing.B) {
	files := kubegen.Generate(10000)
	in := make([]load.Input, len(files))
	for i, f := range files {
		in[i] = load.Input{Name: f.Name, Data: f.Data}
	}
	b.ReportAllocs()
	for b.Loop() {
		docs, diags := load.Load(context.Background(), in, load.Options{})
		if len(docs) != 1 || len(diags) > 0 {
			b.Fatalf("%d documents, %v", len(docs), diags)
		}
	}
}
