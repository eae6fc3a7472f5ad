package tfhcl_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/soc2scan/soc2scan/internal/modgen"
	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/load/tfhcl"
)

func TestGeneratedTree(t *testing.T) {
	dir := t.TempDir()
	n, err := modgen.Write(dir, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if n != 1000 {
		t.Fatalf("modgen wrote %d resources, want 1000", n)
	}
	doc, diags := tfhcl.Load(context.Background(), dir, tfhcl.Options{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if len(doc.Resources) != n {
		t.Errorf("loaded %d resources, want %d", len(doc.Resources), n)
	}
	res, err := builtinEngine(t).Evaluate(context.Background(), []*document.Document{doc})
	if err != nil {
		t.Fatal(err)
	}
	// Every bucket has its encryption and a complete public access block
	// in the strict instances; rotation is off for each file's key "-0".
	fails := map[string]int{}
	for _, c := range res[0].Checks {
		if c.Status == "fail" {
			fails[c.RuleID]++
		}
	}
	if fails["AWS-S3-001"] != 0 || fails["AWS-KMS-001"] == 0 || fails["AWS-EC2-001"] == 0 {
		t.Errorf("unexpected failures by rule: %v", fails)
	}
}

// BenchmarkLoadModuleTree loads a generated module tree and runs every
// built-in rule on it: the work of a scan of HCL source.
func BenchmarkLoadModuleTree(b *testing.B) {
	eng := builtinEngine(b)
	for _, size := range []int{1000, 10000} {
		b.Run(strconv.Itoa(size), func(b *testing.B) {
			dir, n := moduleTree(b, size)
			for b.Loop() {
				doc, diags := tfhcl.Load(context.Background(), dir, tfhcl.Options{})
				if len(diags) > 0 || len(doc.Resources) != n {
					b.Fatalf("%d resources, diagnostics %v", len(doc.Resources), diags)
				}
				if _, err := eng.Evaluate(context.Background(), []*document.Document{doc}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/resource")
			if hwm := peakRSS(); hwm > 0 {
				b.ReportMetric(hwm, "peak-RSS-MiB")
			}
		})
	}
}

// BenchmarkLoad is the loading part of BenchmarkLoadModuleTree alone.
func BenchmarkLoad(b *testing.B) {
	for _, size := range []int{1000, 10000} {
		b.Run(strconv.Itoa(size), func(b *testing.B) {
			dir, n := moduleTree(b, size)
			for b.Loop() {
				if doc, _ := tfhcl.Load(context.Background(), dir, tfhcl.Options{}); len(doc.Resources) != n {
					b.Fatalf("%d resources, want %d", len(doc.Resources), n)
				}
			}
		})
	}
}

// moduleTree writes a generated module tree of size resources into a
// temporary directory and returns it with the number of resources, ready
// for timing.
func moduleTree(b *testing.B, size int) (string, int) {
	dir := b.TempDir()
	n, err := modgen.Write(dir, size)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	return dir, n
}

// peakRSS is the process's peak resident memory in MiB (Linux), or 0.
func peakRSS() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range bytes.Split(data, []byte("\n")) {
		if v, ok := bytes.CutPrefix(line, []byte("VmHWM:")); ok {
			var kb float64
			if _, err := fmt.Sscan(string(v), &kb); err == nil {
				return kb / 1024
			}
		}
	}
	return 0
}

// FuzzLoad loads arbitrary bytes as a module's only file: bad input must
// give diagnostics, never a panic, an internal error or a hang. (Run it with
// -fuzzminimizetime 2s: minimising the large seeds takes the default minute.)
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(parityDir, "*", "main.tf"))
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data, false)
		}
	}
	f.Add([]byte(`{"resource": {"aws_s3_bucket": {"b": {"bucket": "${var.x}"}}}, "variable": {"x": {}}}`), true)
	f.Add([]byte("locals {\n a = local.a\n}\nresource \"x\" \"y\" {\n count = local.a\n}\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, asJSON bool) {
		dir := t.TempDir()
		name := "main.tf"
		if asJSON {
			name = "main.tf.json"
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		type out struct {
			doc   *document.Document
			diags document.Diagnostics
		}
		ch := make(chan out, 1)
		go func() {
			d, g := tfhcl.Load(context.Background(), dir, tfhcl.Options{})
			ch <- out{d, g}
		}()
		var o out
		select {
		case o = <-ch:
		case <-time.After(10 * time.Second):
			t.Fatalf("loading did not finish in 10 s: %q", data)
		}
		doc, diags := o.doc, o.diags
		for _, d := range diags {
			if strings.Contains(d.Summary, "internal error") {
				t.Fatal(d)
			}
		}
		if doc == nil {
			t.Fatal("no document for a readable directory")
		}
	})
}
