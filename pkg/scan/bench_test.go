package scan_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/soc2scan/soc2scan/internal/kubegen"
	"github.com/soc2scan/soc2scan/internal/plangen"
	"github.com/soc2scan/soc2scan/pkg/scan"
)

// BenchmarkScanPlan scans generated plans with all built-in rules, from
// bytes to finished report; ns/resource is the figure to compare.
func BenchmarkScanPlan(b *testing.B) {
	s, err := scan.New()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1000, 10000} {
		data := plangen.Generate(n)
		b.Run(fmt.Sprintf("resources=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				rep, err := s.Scan(context.Background(), scan.Bytes("plan.json", data))
				if err != nil || len(rep.Errors) > 0 || rep.Summary.Resources != n {
					b.Fatalf("scan: %v %+v", err, rep.Errors)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/resource")
		})
	}
}

// BenchmarkNew measures start-up: loading and compiling every built-in rule
// and preparing the query, as each CLI run does.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scan.New(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScanKube scans generated manifest sets (files of
// kubegen.PerFile workloads with a Service each) with all built-in rules;
// ns/workload is the figure to compare.
func BenchmarkScanKube(b *testing.B) {
	s, err := scan.New()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1000, 10000} {
		files := kubegen.Generate(n)
		inputs := make([]scan.Input, len(files))
		size := 0
		for i, f := range files {
			inputs[i] = scan.Bytes(f.Name, f.Data)
			size += len(f.Data)
		}
		b.Run(fmt.Sprintf("workloads=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(size))
			for b.Loop() {
				rep, err := s.Scan(context.Background(), inputs...)
				if err != nil || len(rep.Errors) > 0 || rep.Summary.Resources != 2*n+5 {
					b.Fatalf("scan: %v %+v %+v", err, rep.Errors, rep.Summary)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/workload")
		})
	}
}
