package load_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"runtime"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"

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

// BenchmarkYAMLParserKube only parses the same 10,000 workloads with the
// YAML library, into its nodes, on all cores, keeping them as a loader
// must until it has converted them: the floor that the library sets under
// BenchmarkLoadKube and BenchmarkScanKube.
func BenchmarkYAMLParserKube(b *testing.B) {
	files := kubegen.Generate(10000)
	size := 0
	for _, f := range files {
		size += len(f.Data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		next := make(chan []byte, len(files))
		for _, f := range files {
			next <- f.Data
		}
		close(next)
		var wg sync.WaitGroup
		kept := make([][]*yaml.Node, runtime.GOMAXPROCS(0))
		for w := range kept {
			wg.Go(func() {
				for data := range next {
					dec := yaml.NewDecoder(bytes.NewReader(data))
					for {
						var n yaml.Node
						err := dec.Decode(&n)
						if errors.Is(err, io.EOF) {
							break
						}
						if err != nil {
							b.Error(err)
							return
						}
						kept[w] = append(kept[w], &n)
					}
				}
			})
		}
		wg.Wait()
	}
}
