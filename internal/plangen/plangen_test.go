package plangen

import (
	"bytes"
	"testing"

	"github.com/soc2scan/soc2scan/pkg/load/tfplan"
)

func TestGenerateLoads(t *testing.T) {
	data := Generate(100)
	if !bytes.Equal(data, Generate(100)) {
		t.Fatal("Generate is not deterministic")
	}
	doc, diags := tfplan.Parse("gen.json", data)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if len(doc.Resources) != 100 {
		t.Fatalf("%d resources, want 100", len(doc.Resources))
	}
	refs := 0
	for _, r := range doc.Resources {
		if r.Location.Line == 0 {
			t.Errorf("%s has no line", r.ID)
		}
		refs += len(r.Refs["bucket"])
	}
	if refs != 30 {
		t.Errorf("%d bucket references, want 30", refs)
	}
}
