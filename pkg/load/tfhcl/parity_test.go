package tfhcl_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/engine"
	"github.com/soc2scan/soc2scan/pkg/load/tfhcl"
	"github.com/soc2scan/soc2scan/pkg/load/tfplan"
	"github.com/soc2scan/soc2scan/pkg/report"
)

// parityDir holds configurations with the plan a real terraform (1.11.4,
// AWS provider 5.100.0) made of each: see testdata/parity/README.md.
var parityDir = filepath.Join("..", "..", "..", "testdata", "parity")

// verdict is one rule's outcome on one resource.
type verdict struct {
	Rule, Resource string
	Status         report.Status
}

// difference is an outcome the HCL source cannot share with the plan, and
// why.
type difference struct {
	plan, hcl report.Status
	why       string
}

// expectedDifferences lists, per configuration, the outcomes where parity is
// impossible in principle. Every entry must occur: one that stops occurring
// fails the test, so the list cannot go stale.
var expectedDifferences = map[string]map[verdict]difference{
	"indirect_refs": {
		// The companion resources refer to their buckets through
		// local.bucket_id and each.value.id. A plan's configuration keeps
		// those references as written, naming no resource, and the ids are
		// unknown, so tfplan cannot relate them; the HCL loader follows the
		// values and can. Here the source is right and the plan is not.
		{Rule: "AWS-S3-002", Resource: "aws_s3_bucket.direct"}: {plan: report.Fail, hcl: report.Pass,
			why: "public access block refers to the bucket through a local"},
		{Rule: "AWS-S3-004", Resource: `aws_s3_bucket.each["x"]`}: {plan: report.Fail, hcl: report.Pass,
			why: "versioning refers to the bucket through each.value"},
		{Rule: "AWS-S3-004", Resource: `aws_s3_bucket.each["y"]`}: {plan: report.Fail, hcl: report.Pass,
			why: "versioning refers to the bucket through each.value"},
	},
	"unknowns": {
		// aws_kms_key.copy's enable_key_rotation copies is_enabled of a key
		// that leaves it to the provider's default (true). The plan knows
		// the default; the source, read without the provider's schema,
		// knows only that the value is the provider's to decide.
		{Rule: "AWS-KMS-001", Resource: "aws_kms_key.copy"}: {plan: report.Pass, hcl: report.Unknown,
			why: "provider default read through a reference"},
	},
}

// expectedRefDifferences lists, per configuration, the resources whose refs
// differ from the plan's, with the HCL side's refs.
var expectedRefDifferences = map[string]map[string]map[string][]string{
	"indirect_refs": {
		// See expectedDifferences: the plan cannot follow these.
		"aws_s3_bucket_public_access_block.direct": {"bucket": {"aws_s3_bucket.direct"}},
		`aws_s3_bucket_versioning.each["x"]`:       {"bucket": {`aws_s3_bucket.each["x"]`}},
		`aws_s3_bucket_versioning.each["y"]`:       {"bucket": {`aws_s3_bucket.each["y"]`}},
	},
	"unknowns": {
		// The AWS provider's schema makes security group ingress an
		// attribute written as blocks, so the plan's path stops at
		// "ingress"; without the schema, ingress is a nested block.
		"aws_security_group.bastion": {"ingress.cidr_blocks": {"aws_eip.bastion"}},
	},
}

var (
	engineOnce sync.Once
	sharedEng  *engine.Engine
	engineErr  error
)

func builtinEngine(t testing.TB) *engine.Engine {
	t.Helper()
	engineOnce.Do(func() { sharedEng, engineErr = engine.New(context.Background()) })
	if engineErr != nil {
		t.Fatal(engineErr)
	}
	return sharedEng
}

// verdicts evaluates the built-in rules on doc.
func verdicts(t *testing.T, eng *engine.Engine, doc *document.Document) map[verdict]bool {
	t.Helper()
	res, err := eng.Evaluate(context.Background(), []*document.Document{doc})
	if err != nil {
		t.Fatal(err)
	}
	if len(res[0].Errors) > 0 {
		t.Fatalf("rule errors on %s: %v", doc.Source, res[0].Errors)
	}
	out := map[verdict]bool{}
	for _, c := range res[0].Checks {
		out[verdict{Rule: c.RuleID, Resource: c.Resource, Status: c.Status}] = true
	}
	return out
}

// comparePrimitives checks that every string, number and boolean attribute
// of the HCL side has the plan's value, Go type included: the plan adds
// provider defaults and computed values, which the HCL side leaves out, so
// only what the HCL side has is compared.
func comparePrimitives(t *testing.T, planDoc, hclDoc *document.Document) {
	t.Helper()
	plan := map[string]document.Resource{}
	for _, r := range planDoc.Resources {
		plan[r.ID] = r
	}
	for _, r := range hclDoc.Resources {
		for k, v := range r.Values {
			switch v.(type) {
			case string, float64, bool:
			default:
				continue
			}
			if diff := cmp.Diff(plan[r.ID].Values[k], v); diff != "" {
				t.Errorf("%s.%s (-plan +hcl):\n%s", r.ID, k, diff)
			}
		}
	}
}

// compareRefs checks that each resource refers to what the plan says it
// does, but for the expected differences.
func compareRefs(t *testing.T, planDoc, hclDoc *document.Document, expected map[string]map[string][]string) {
	t.Helper()
	want := map[string]map[string][]string{}
	for _, r := range planDoc.Resources {
		want[r.ID] = r.Refs
	}
	for id, refs := range expected {
		want[id] = refs
	}
	for _, r := range hclDoc.Resources {
		if diff := cmp.Diff(want[r.ID], r.Refs); diff != "" {
			t.Errorf("refs of %s (-want +got):\n%s", r.ID, diff)
		}
	}
}

// identities lists the address, type, mode and provider of each resource.
func identities(doc *document.Document) []string {
	var out []string
	for _, r := range doc.Resources {
		out = append(out, r.ID+" "+r.Type+" "+string(r.Mode)+" "+r.Provider)
	}
	sort.Strings(out)
	return out
}

func sortedVerdicts(m map[verdict]bool) []verdict {
	out := make([]verdict, 0, len(m))
	for v := range m {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Resource != b.Resource {
			return a.Resource < b.Resource
		}
		return a.Status < b.Status
	})
	return out
}

func TestParityWithPlans(t *testing.T) {
	eng := builtinEngine(t)
	entries, err := os.ReadDir(parityDir)
	if err != nil {
		t.Fatal(err)
	}
	configs := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		configs++
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(parityDir, name)
			planData, err := os.ReadFile(filepath.Join(dir, "plan.json"))
			if err != nil {
				t.Fatal(err)
			}
			planDoc, diags := tfplan.Parse("plan.json", planData)
			if diags.HasErrors() {
				t.Fatalf("plan: %v", diags)
			}
			hclDoc, diags := tfhcl.Load(context.Background(), dir, tfhcl.Options{})
			if len(diags) > 0 {
				t.Fatalf("hcl: %v", diags)
			}
			if diff := cmp.Diff(identities(planDoc), identities(hclDoc)); diff != "" {
				t.Errorf("resources differ from the plan's (-plan +hcl):\n%s", diff)
			}
			comparePrimitives(t, planDoc, hclDoc)
			compareRefs(t, planDoc, hclDoc, expectedRefDifferences[name])
			fromPlan, fromHCL := verdicts(t, eng, planDoc), verdicts(t, eng, hclDoc)

			// Apply the expected differences to the plan's verdicts: what
			// remains must be identical.
			want := map[verdict]bool{}
			for v := range fromPlan {
				want[v] = true
			}
			for v, d := range expectedDifferences[name] {
				pv, hv := v, v
				pv.Status, hv.Status = d.plan, d.hcl
				if !fromPlan[pv] {
					t.Errorf("expected difference no longer occurs: the plan does not give %v (%s)", pv, d.why)
				}
				delete(want, pv)
				want[hv] = true
			}
			if diff := cmp.Diff(sortedVerdicts(want), sortedVerdicts(fromHCL)); diff != "" {
				t.Errorf("verdicts on the HCL differ from the plan's (-plan +hcl):\n%s", diff)
			}
			statuses := map[report.Status]int{}
			for v := range fromHCL {
				statuses[v.Status]++
			}
			t.Logf("%d verdicts: %d pass, %d fail, %d unknown", len(fromHCL), statuses[report.Pass], statuses[report.Fail], statuses[report.Unknown])
		})
	}
	if configs < 8 {
		t.Errorf("%d parity configurations, want at least 8", configs)
	}
}
