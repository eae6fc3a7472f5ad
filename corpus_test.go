package soc2scan_test

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/engine"
	"github.com/soc2scan/soc2scan/pkg/load"
)

// The external corpus: another scanner's (KICS) public test samples, kept
// beside the repository in development, absent in CI.
var (
	corpusDir    = filepath.Join("..", "shared", "corpus", "kics")
	corpusStrict = flag.Bool("corpus.strict", false, "fail TestCorpus when recall, false positives or coverage miss their targets")
)

// Targets of the corpus check (issue 6).
const (
	targetRecall = 0.95
	targetFPRate = 0.02
	targetMapped = 120
)

// corpusQuery is an entry of kics/index.json.
type corpusQuery struct {
	Path          string   `json:"path"`
	Platform      string   `json:"platform"`
	Provider      string   `json:"provider"`
	Concept       string   `json:"concept"`
	PositiveFiles []string `json:"positive_files"`
	NegativeFiles []string `json:"negative_files"`
}

// corpusMapping is an entry of testdata/corpus/kics/*.yaml: the rules whose
// findings answer a corpus query, and the samples whose expectation we
// disagree with (by our reading of the control), with why.
type corpusMapping struct {
	Rules    []string          `yaml:"rules"`
	Why      string            `yaml:"why"`
	Disagree map[string]string `yaml:"disagree"`
}

// expected is an entry of positive_expected_result.json. KICS writes the
// file name as fileName or filename, or leaves it out when a query has one
// positive sample (json matches keys without regard to case).
type expected struct {
	Line     int    `json:"line"`
	FileName string `json:"fileName"`
}

// tally counts one query's or platform's results.
type tally struct {
	queries, mapped     int
	expected, found     int
	negatives, falsePos int
	disagreed           int
	// disagreedNeg counts the negative samples among the disagreements:
	// samples our rule flags by our reading of the control.
	disagreedNeg int
	// remote counts expected positives set aside because their sample
	// calls a registry module that is not installed: the loader cannot
	// see its resources. Reported apart, and counted as misses in the
	// strict recall.
	remote int
}

func (t *tally) add(o tally) {
	t.queries += o.queries
	t.mapped += o.mapped
	t.expected += o.expected
	t.found += o.found
	t.negatives += o.negatives
	t.falsePos += o.falsePos
	t.disagreed += o.disagreed
	t.disagreedNeg += o.disagreedNeg
	t.remote += o.remote
}

// String gives the figures with disagreements set aside, then, in
// brackets, the strict ones: recall counting positives in uninstalled
// registry modules as misses, false positives counting every negative
// sample our rule flags; then the disagreements by kind.
func (t tally) String() string {
	pos := t.disagreed - t.disagreedNeg
	return fmt.Sprintf("queries %d mapped %d | recall %d/%d = %s (strict %d/%d = %s) | false positives %d/%d negative samples = %s (strict %d/%d = %s) | disagreements %d: %d positives in registry modules, %d other positives, %d negatives",
		t.queries, t.mapped, t.found, t.expected, percent(t.found, t.expected),
		t.found, t.expected+t.remote, percent(t.found, t.expected+t.remote),
		t.falsePos, t.negatives, percent(t.falsePos, t.negatives),
		t.falsePos+t.disagreedNeg, t.negatives+t.disagreedNeg, percent(t.falsePos+t.disagreedNeg, t.negatives+t.disagreedNeg),
		t.disagreed, t.remote, pos-t.remote, t.disagreedNeg)
}

// remoteModule tells a disagreement that is really an input the loader
// cannot read (a registry module call, not installed in the sample).
func remoteModule(reason string) bool {
	return strings.Contains(reason, "registry module")
}

func percent(a, b int) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
}

// TestCorpus scans every sample of every mapped corpus query alone with the
// built-in rules and reports, per platform, recall (expected positives
// found by a mapped rule on the resource whose block holds the expected
// line) and false positives (negative samples on which a mapped rule
// fires). `make corpus` runs it with -corpus.strict, which fails below the
// targets; plain `go test` fails only on a broken mapping.
func TestCorpus(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(corpusDir, "index.json"))
	if err != nil {
		t.Skipf("corpus not present (%v): skipped", err)
	}
	var index struct {
		Queries []corpusQuery `json:"queries"`
	}
	if err := json.Unmarshal(data, &index); err != nil {
		t.Fatal(err)
	}
	mapping := readCorpusMapping(t)
	ctx := context.Background()
	e, err := engine.New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, r := range e.Rules() {
		known[r.ID] = true
	}
	inIndex := map[string]bool{}
	for _, q := range index.Queries {
		inIndex[q.Path] = true
	}
	for p, m := range mapping {
		if !inIndex[p] {
			t.Errorf("mapping names %s, which is not a corpus query", p)
		}
		for _, id := range m.Rules {
			if !known[id] {
				t.Errorf("mapping of %s names rule %s, which does not exist", p, id)
			}
		}
		if len(m.Rules) == 0 && m.Why == "" {
			t.Errorf("mapping of %s has no rules and no why", p)
		}
	}

	platforms := map[string]*tally{}
	var lines []string
	for _, q := range index.Queries {
		platform := q.Platform + "/" + q.Provider
		if platforms[platform] == nil {
			platforms[platform] = &tally{}
		}
		res := tally{queries: 1}
		m, ok := mapping[q.Path]
		if ok && len(m.Rules) > 0 {
			res.mapped = 1
			res = checkQuery(t, ctx, e, q, m, res)
			lines = append(lines, fmt.Sprintf("%-75s %-28s recall %d/%d fp %d/%d%s", q.Path, strings.Join(m.Rules, ","),
				res.found, res.expected, res.falsePos, res.negatives, disagreements(m)))
		} else {
			why := "not mapped"
			if ok {
				why = "no rule: " + m.Why
			}
			lines = append(lines, fmt.Sprintf("%-75s %s", q.Path, why))
		}
		platforms[platform].add(res)
	}
	for _, l := range lines {
		t.Log(l)
	}
	var total tally
	names := make([]string, 0, len(platforms))
	for p := range platforms {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		t.Logf("%-16s %s", p, platforms[p])
		total.add(*platforms[p])
	}
	t.Logf("%-16s %s", "all", total)
	if *corpusStrict {
		if total.mapped < targetMapped {
			t.Errorf("%d queries mapped, target %d", total.mapped, targetMapped)
		}
		if total.expected > 0 && float64(total.found)/float64(total.expected) < targetRecall {
			t.Errorf("recall %s, target %.0f%%", percent(total.found, total.expected), 100*targetRecall)
		}
		if total.negatives > 0 && float64(total.falsePos)/float64(total.negatives) > targetFPRate {
			t.Errorf("false positives %s, target at most %.0f%%", percent(total.falsePos, total.negatives), 100*targetFPRate)
		}
	}
}

func disagreements(m corpusMapping) string {
	if len(m.Disagree) == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d disagreed)", len(m.Disagree))
}

func readCorpusMapping(t *testing.T) map[string]corpusMapping {
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "kics", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]corpusMapping{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]corpusMapping
		dec := yaml.NewDecoder(strings.NewReader(string(data)))
		dec.KnownFields(true)
		if err := dec.Decode(&m); err != nil && !errors.Is(err, io.EOF) {
			t.Errorf("%s: %v", f, err)
			continue
		}
		for k, v := range m {
			if _, dup := out[k]; dup {
				t.Errorf("%s maps %s again", f, k)
			}
			out[k] = v
		}
	}
	return out
}

// sampleResult is what the mapped rules found in one sample file.
type sampleResult struct {
	resources []document.Resource // with their block's first line
	flagged   map[string]bool     // resource ids with a finding of a mapped rule
}

// scanSample scans one sample file alone: Terraform source is copied into
// a directory of its own (a module is a directory, and samples of one
// query share theirs), other files are scanned as bytes.
func scanSample(t *testing.T, ctx context.Context, e *engine.Engine, dir, name string, rules []string) sampleResult {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	input := load.Input{Name: name, Data: data}
	if strings.HasSuffix(name, ".tf") {
		tmp := t.TempDir()
		if err := os.WriteFile(filepath.Join(tmp, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		input = load.Input{Path: tmp}
	}
	docs, _ := load.Load(ctx, []load.Input{input}, load.Options{})
	results, err := e.Evaluate(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, r := range rules {
		want[r] = true
	}
	out := sampleResult{flagged: map[string]bool{}}
	for i, d := range docs {
		out.resources = append(out.resources, d.Resources...)
		for _, f := range results[i].Findings {
			if want[f.RuleID] {
				out.flagged[f.Resource] = true
			}
		}
	}
	return out
}

// owners returns the ids of the resources whose block holds line: those
// starting last at or before it. Several start on one line when a block
// has count or for_each, or is a module call judged with a module model.
func (s sampleResult) owners(line int) []string {
	best := 0
	var ids []string
	for _, r := range s.resources {
		switch {
		case r.Location.Line > line || r.Location.Line < best:
		case r.Location.Line > best:
			best, ids = r.Location.Line, []string{r.ID}
		default:
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// flaggedAt reports whether a mapped rule found a resource whose block
// holds line.
func (s sampleResult) flaggedAt(line int) bool {
	for _, id := range s.owners(line) {
		if s.flagged[id] {
			return true
		}
	}
	return false
}

func checkQuery(t *testing.T, ctx context.Context, e *engine.Engine, q corpusQuery, m corpusMapping, res tally) tally {
	dir := filepath.Join(corpusDir, filepath.FromSlash(q.Path), "test")
	data, err := os.ReadFile(filepath.Join(dir, "positive_expected_result.json"))
	if err != nil {
		t.Errorf("%s: %v", q.Path, err)
		return res
	}
	var exp []expected
	if err := json.Unmarshal(data, &exp); err != nil {
		t.Errorf("%s: %v", q.Path, err)
		return res
	}
	for f := range m.Disagree {
		if !contains(q.PositiveFiles, f) && !contains(q.NegativeFiles, f) {
			t.Errorf("%s: disagreement names %s, which is not one of its samples", q.Path, f)
		}
	}
	scanned := map[string]sampleResult{}
	for _, f := range q.PositiveFiles {
		if _, skip := m.Disagree[f]; !skip {
			scanned[f] = scanSample(t, ctx, e, dir, f, m.Rules)
		}
	}
	seen := map[string]bool{}
	for _, x := range exp {
		files := []string{x.FileName}
		if x.FileName == "" {
			// Without a file name the line may be in any positive sample.
			files = q.PositiveFiles
		}
		key := fmt.Sprintf("%s:%d", x.FileName, x.Line)
		if seen[key] {
			continue // KICS repeats a line once per faulty port, say
		}
		seen[key] = true
		if len(files) == 1 {
			if why, skip := m.Disagree[files[0]]; skip {
				res.disagreed++
				if remoteModule(why) {
					res.remote++
				}
				continue
			}
		}
		res.expected++
		for _, f := range files {
			s, ok := scanned[f]
			if ok && s.flaggedAt(x.Line) {
				res.found++
				break
			}
		}
	}
	for _, f := range q.NegativeFiles {
		if _, skip := m.Disagree[f]; skip {
			res.disagreed++
			res.disagreedNeg++
			continue
		}
		res.negatives++
		if len(scanSample(t, ctx, e, dir, f, m.Rules).flagged) > 0 {
			res.falsePos++
		}
	}
	return res
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s || path.Base(x) == s {
			return true
		}
	}
	return false
}
