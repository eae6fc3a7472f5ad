package evidence

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/soc2scan/soc2scan/internal/evidencegen"
	"github.com/soc2scan/soc2scan/pkg/soc2"
)

var t0 = time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)

// testRun is a run over plan.json (written into dir) with one check of
// each status.
func testRun(t testing.TB, dir string, id string, start time.Time) Run {
	t.Helper()
	plan := filepath.Join(dir, "plan.json")
	if _, err := os.Stat(plan); err != nil {
		if err := os.WriteFile(plan, []byte(`{"format_version":"1.2"}`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep := evidencegen.Sample(plan, false)
	rep.Finalize(1, 3, 3)
	return Run{
		ID: id, Start: start, End: start.Add(3 * time.Second), Tool: "soc2scan", Version: "v0.9.0", Commit: "abc123",
		Inputs: []string{plan, dir}, Scope: []soc2.Category{soc2.Security},
		Rules: []RuleRecord{
			{ID: "AWS-S3-001", Criteria: []string{"CC6.1"}, Digest: strings.Repeat("1", 64)},
			{ID: "AWS-S3-002", Criteria: []string{"CC7.2"}, Digest: strings.Repeat("2", 64)},
			{ID: "AWS-S3-003", Criteria: []string{"CC6.1"}, Digest: strings.Repeat("3", 64)},
		},
		Library: map[string]string{"rego/terraform.rego": strings.Repeat("4", 64)},
		Report:  rep,
	}
}

func runID(i int) string { return fmt.Sprintf("00000000-0000-4000-8000-%012d", i) }

// writeRuns writes n runs, 12 hours apart, into a new evidence directory.
func writeRuns(t testing.TB, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		if _, err := Write(dir, testRun(t, dir, runID(i+1), t0.Add(time.Duration(i)*12*time.Hour))); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestWriteBundle(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := testRun(t, dir, "", t0)
	bundle, err := Write(dir, r)
	if err != nil {
		t.Fatal(err)
	}
	id := filepath.Base(bundle)
	if !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(id) {
		t.Errorf("run id %q is not a UUID v4", id)
	}

	var rec RunRecord
	readJSON(t, filepath.Join(bundle, RunFile), &rec)
	plan := filepath.Join(dir, "plan.json")
	planSum, _ := fileSHA256(plan)
	if diff := cmp.Diff([]FileDigest{{Path: plan, SHA256: planSum}, {Path: dir, Kind: "directory"}}, rec.Inputs); diff != "" {
		t.Errorf("inputs (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]FileDigest{{Path: plan, SHA256: planSum}}, rec.Files); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	wantCounts := Counts{Total: StatusCounts{Pass: 1, Fail: 2, Unknown: 1, Waived: 1}, ByCriterion: map[string]StatusCounts{
		"CC6.1": {Pass: 1, Fail: 2, Unknown: 1}, "CC7.2": {Waived: 1}}}
	if diff := cmp.Diff(wantCounts, rec.Counts); diff != "" {
		t.Errorf("counts (-want +got):\n%s", diff)
	}
	if rec.RunID != id || rec.Schema != Schema || !rec.Start.Equal(t0) || rec.Tool != (Tool{"soc2scan", "v0.9.0", "abc123"}) ||
		len(rec.RuleSet.SHA256) != 64 || len(rec.RuleSet.Rules) != 3 || rec.Scope[0] != "security" {
		t.Errorf("run.json: %+v", rec)
	}

	var got []Evaluation
	for _, line := range readLines(t, filepath.Join(bundle, EvaluationsFile)) {
		var e Evaluation
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatal(err)
		}
		got = append(got, e)
	}
	d1, d2, d3 := strings.Repeat("1", 64), strings.Repeat("2", 64), strings.Repeat("3", 64)
	want := []Evaluation{
		{RuleID: "AWS-S3-001", Criteria: []string{"CC6.1"}, RuleDigest: d1, Resource: "aws_s3_bucket.data", Source: plan, File: plan, Status: "pass"},
		{RuleID: "AWS-S3-001", Criteria: []string{"CC6.1"}, RuleDigest: d1, Severity: "high", Resource: "aws_s3_bucket.logs", Source: plan, File: plan, Line: 7,
			Status: "fail", Message: "aws_s3_bucket.logs has no encryption"},
		{RuleID: "AWS-S3-002", Criteria: []string{"CC7.2"}, RuleDigest: d2, Severity: "medium", Resource: "aws_s3_bucket.logs", Source: plan, File: plan, Line: 7,
			Status: "waived", Message: "aws_s3_bucket.logs has no access logging", WaiverReason: "log bucket itself", WaiverOwner: "sec@example.com",
			WaiverExpires: "2026-12-31", WaiverOrigin: ".soc2scan.yaml:4"},
		{RuleID: "AWS-S3-003", Criteria: []string{"CC6.1"}, RuleDigest: d3, Severity: "low", Resource: "aws_s3_bucket.old", Source: plan, File: plan, Line: 20,
			Status: "fail", Message: "aws_s3_bucket.old is old", Baseline: true},
		{RuleID: "AWS-S3-003", Criteria: []string{"CC6.1"}, RuleDigest: d3, Resource: "aws_s3_bucket.tmp", Source: plan, File: plan, Status: "unknown",
			Message: "known after apply"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("evaluations (-want +got):\n%s", diff)
	}

	if _, err := exec.LookPath("sha256sum"); err == nil {
		cmd := exec.Command("sha256sum", "--strict", "-c", SumsFile)
		cmd.Dir = bundle
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("sha256sum -c: %v\n%s", err, out)
		}
	}
	ledger := readLines(t, filepath.Join(dir, LedgerFile))
	if len(ledger) != 1 || !strings.Contains(ledger[0], `"prev_sha256":"`+zeroDigest+`"`) {
		t.Errorf("ledger: %q", ledger)
	}
}

func TestWriteNeverOverwrites(t *testing.T) {
	t.Parallel()
	dir := writeRuns(t, 1)
	before, _ := os.ReadFile(filepath.Join(dir, RunsDir, runID(1), RunFile))
	if _, err := Write(dir, testRun(t, dir, runID(1), t0.Add(time.Hour))); err == nil || !strings.Contains(err.Error(), "never overwritten") {
		t.Errorf("second write of the same run: %v", err)
	}
	after, _ := os.ReadFile(filepath.Join(dir, RunsDir, runID(1), RunFile))
	if !bytes.Equal(before, after) || len(readLines(t, filepath.Join(dir, LedgerFile))) != 1 {
		t.Error("bundle or ledger changed")
	}
	if _, err := Write(dir, testRun(t, dir, "../escape", t0)); err == nil {
		t.Error("run id ../escape accepted")
	}
}

func TestWriteRefusesDamagedLedger(t *testing.T) {
	t.Parallel()
	for name, content := range map[string]string{
		"no newline":   `{"run_id":"x"`,
		"foreign line": "hello\n",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			ledger := filepath.Join(dir, LedgerFile)
			if err := os.WriteFile(ledger, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Write(dir, testRun(t, dir, runID(1), t0))
			if err == nil || !strings.Contains(err.Error(), ledger) {
				t.Errorf("error %v, want one naming %s", err, ledger)
			}
			if got, _ := os.ReadFile(ledger); string(got) != content {
				t.Errorf("ledger rewritten: %q", got)
			}
		})
	}
}

func TestVerifyClean(t *testing.T) {
	t.Parallel()
	dir := writeRuns(t, 3)
	res, err := Verify(dir, 24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() || res.Runs != 3 || !res.First.Equal(t0) || !res.Last.Equal(t0.Add(24*time.Hour)) {
		t.Errorf("result %+v", res)
	}
}

func TestVerifyTampering(t *testing.T) {
	t.Parallel()
	run2 := runID(2)
	tests := []struct {
		name   string
		tamper func(t *testing.T, dir string)
		want   []string
	}{
		{"edit a byte of evaluations.jsonl", func(t *testing.T, dir string) {
			editFile(t, filepath.Join(dir, RunsDir, run2, EvaluationsFile), func(b []byte) []byte { b[10] ^= 1; return b })
		}, []string{"run " + run2 + ": evaluations.jsonl: sha256 mismatch"}},
		{"delete an evaluation", func(t *testing.T, dir string) {
			editLines(t, filepath.Join(dir, RunsDir, run2, EvaluationsFile), func(l []string) []string { return l[1:] })
		}, []string{"run " + run2 + ": evaluations.jsonl: sha256 mismatch"}},
		{"edit run.json and its sum", func(t *testing.T, dir string) {
			bundle := filepath.Join(dir, RunsDir, run2)
			editFile(t, filepath.Join(bundle, RunFile), func(b []byte) []byte { return bytes.Replace(b, []byte("v0.9.0"), []byte("v0.9.1"), 1) })
			sum, _ := fileSHA256(filepath.Join(bundle, RunFile))
			editLines(t, filepath.Join(bundle, SumsFile), func(l []string) []string { l[1] = sum + "  " + RunFile; return l })
		}, []string{"run " + run2 + ": sha256sums: digest does not match ledger line 2"}},
		{"remove a bundle file", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, RunsDir, run2, RunFile))
		}, []string{"run " + run2 + ": run.json: missing"}},
		{"add a file to a bundle", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, RunsDir, run2, "extra.txt"), nil, 0o644)
		}, []string{"run " + run2 + ": extra.txt: not in sha256sums"}},
		{"remove a bundle", func(t *testing.T, dir string) {
			os.RemoveAll(filepath.Join(dir, RunsDir, run2))
		}, []string{"run " + run2 + ": bundle missing (runs/" + run2 + ")"}},
		{"delete a ledger line", func(t *testing.T, dir string) {
			editLines(t, filepath.Join(dir, LedgerFile), func(l []string) []string { return append(l[:1], l[2:]...) })
		}, []string{"ledger line 2: previous digest does not match line 1", "runs/" + run2 + ": bundle not in the ledger"}},
		{"delete the last ledger line", func(t *testing.T, dir string) {
			editLines(t, filepath.Join(dir, LedgerFile), func(l []string) []string { return l[:2] })
		}, []string{"runs/" + runID(3) + ": bundle not in the ledger"}},
		{"reorder ledger lines", func(t *testing.T, dir string) {
			editLines(t, filepath.Join(dir, LedgerFile), func(l []string) []string { l[1], l[2] = l[2], l[1]; return l })
		}, []string{"ledger line 2: previous digest does not match line 1", "ledger line 3: previous digest does not match line 2"}},
		{"edit a ledger line", func(t *testing.T, dir string) {
			editLines(t, filepath.Join(dir, LedgerFile), func(l []string) []string {
				l[1] = strings.Replace(l[1], "2026-03-01T20:00:00Z", "2026-03-01T21:00:00Z", 1)
				return l
			})
		}, []string{"ledger line 3: previous digest does not match line 2",
			"run " + run2 + ": run.json: start 2026-03-01T20:00:00Z differs from the ledger's time 2026-03-01T21:00:00Z"}},
		{"garble a ledger line", func(t *testing.T, dir string) {
			editLines(t, filepath.Join(dir, LedgerFile), func(l []string) []string { l[1] = "garbage"; return l })
		}, []string{"ledger line 2: not a ledger entry: invalid character 'g' looking for beginning of value",
			"ledger line 3: previous digest does not match line 2", "runs/" + run2 + ": bundle not in the ledger"}},
		{"torn last line", func(t *testing.T, dir string) {
			editFile(t, filepath.Join(dir, LedgerFile), func(b []byte) []byte { return append(b, `{"run_id":`...) })
		}, []string{"ledger line 4: not a ledger entry: unexpected EOF", "ledger line 4: incomplete (no newline at the end of the ledger)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := writeRuns(t, 3)
			tc.tamper(t, dir)
			res, err := Verify(dir, 0)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, problemLines(res)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestVerifyGaps(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for i, h := range []int{0, 12, 48, 60} {
		if _, err := Write(dir, testRun(t, dir, runID(i+1), t0.Add(time.Duration(h)*time.Hour))); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		cadence time.Duration
		want    []string
	}{
		{0, nil},
		{24 * time.Hour, []string{"no run between 2026-03-01T20:00:00Z and 2026-03-03T08:00:00Z (36h > 24h)"}},
		{11*time.Hour + 30*time.Minute, []string{
			"no run between 2026-03-01T08:00:00Z and 2026-03-01T20:00:00Z (12h > 11h30m)",
			"no run between 2026-03-01T20:00:00Z and 2026-03-03T08:00:00Z (36h > 11h30m)",
			"no run between 2026-03-03T08:00:00Z and 2026-03-03T20:00:00Z (12h > 11h30m)"}},
		{36 * time.Hour, nil},
	}
	for _, tc := range tests {
		t.Run(tc.cadence.String(), func(t *testing.T) {
			res, err := Verify(dir, tc.cadence)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, problemLines(res)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
	// As of a time: the silence after the last run counts too.
	last := t0.Add(60 * time.Hour)
	asOf := []struct {
		name    string
		cadence time.Duration
		at      time.Time
		want    []string
	}{
		{"within cadence", 36 * time.Hour, last.Add(36 * time.Hour), nil},
		{"stopped", 36 * time.Hour, last.Add(72 * time.Hour), []string{"no run since 2026-03-03T20:00:00Z, as of 2026-03-06T20:00:00Z (72h > 36h)"}},
		{"no cadence", 0, last.Add(720 * time.Hour), nil},
	}
	for _, tc := range asOf {
		t.Run(tc.name, func(t *testing.T) {
			res, err := VerifyAsOf(dir, tc.cadence, tc.at)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, problemLines(res)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestVerifyErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		ledger string // absent when empty
		want   string
	}{
		{"no ledger", "", "ledger.jsonl: no such file"},
		{"foreign file", "{\"name\":\"x\"}\n", "ledger.jsonl: not a soc2scan evidence ledger: ledger line 1: not a ledger entry: json: unknown field \"name\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if tc.ledger != "" {
				if err := os.WriteFile(filepath.Join(dir, LedgerFile), []byte(tc.ledger), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := Verify(dir, 0)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// TestConcurrentAppends has goroutines write runs at once, then checks that
// the chain holds every run.
func TestConcurrentAppends(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const writers, each = 8, 10
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				if _, err := Write(dir, testRun(t, dir, "", t0.Add(time.Duration(w*each+i)*time.Minute))); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	res, err := Verify(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() || res.Runs != writers*each {
		t.Errorf("%d runs, problems %v", res.Runs, res.Problems)
	}
}

// TestConcurrentAppendProcesses has processes (this test binary, re-run as
// TestHelperAppend) write runs at once.
func TestConcurrentAppendProcesses(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const procs = 4
	cmds := make([]*exec.Cmd, procs)
	for i := range cmds {
		cmds[i] = exec.Command(os.Args[0], "-test.run=^TestHelperAppend$")
		cmds[i].Env = append(os.Environ(), "EVIDENCE_HELPER_DIR="+dir)
		if err := cmds[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Verify(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() || res.Runs != procs*10 {
		t.Errorf("%d runs, problems %v", res.Runs, res.Problems)
	}
}

func TestHelperAppend(t *testing.T) {
	dir := os.Getenv("EVIDENCE_HELPER_DIR")
	if dir == "" {
		t.Skip("run by TestConcurrentAppendProcesses")
	}
	for i := range 10 {
		if _, err := Write(dir, testRun(t, dir, "", t0.Add(time.Duration(i)*time.Hour))); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLockFile checks the lock-file fallback used where flock is missing.
func TestLockFile(t *testing.T) {
	t.Parallel()
	name := filepath.Join(t.TempDir(), "x.lock")
	var mu sync.Mutex
	inside, n := 0, 0
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				unlock, err := lockFile(name, 10*time.Second)
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				inside++
				if inside > 1 {
					t.Error("two holders of the lock")
				}
				n++
				mu.Unlock()
				time.Sleep(50 * time.Microsecond)
				mu.Lock()
				inside--
				mu.Unlock()
				unlock()
			}
		})
	}
	wg.Wait()
	if n != 160 {
		t.Errorf("%d lock holds, want 160", n)
	}
	os.WriteFile(name, nil, 0o644) // a writer that died
	if _, err := lockFile(name, 10*time.Millisecond); err == nil || !strings.Contains(err.Error(), name) {
		t.Errorf("stale lock: %v", err)
	}
}

func TestProvenance(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		env  map[string]string
		want Source
	}{
		{"no CI", nil, Source{}},
		{"GitHub Actions", map[string]string{"GITHUB_ACTIONS": "true", "GITHUB_REPOSITORY": "acme/infra", "GITHUB_SHA": "deadbeef",
			"GITHUB_REF": "refs/heads/main", "GITHUB_SERVER_URL": "https://github.com", "GITHUB_RUN_ID": "42", "GITHUB_ACTOR": "alice"},
			Source{Repository: "acme/infra", Commit: "deadbeef", Ref: "refs/heads/main", CI: "github-actions",
				RunURL: "https://github.com/acme/infra/actions/runs/42", Actor: "alice"}},
		{"GitLab CI", map[string]string{"GITLAB_CI": "true", "CI_PROJECT_PATH": "acme/infra", "CI_COMMIT_SHA": "cafe",
			"CI_COMMIT_REF_NAME": "main", "CI_JOB_URL": "https://gitlab.com/acme/infra/-/jobs/7", "GITLAB_USER_LOGIN": "bob"},
			Source{Repository: "acme/infra", Commit: "cafe", Ref: "main", CI: "gitlab-ci", RunURL: "https://gitlab.com/acme/infra/-/jobs/7", Actor: "bob"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := provenance("", func(k string) string { return tc.env[k] })
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestProvenanceGit(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	if got := fromGit(dir); got.Commit != "" || got.GitError == "" {
		t.Errorf("outside a work tree: %+v", got)
	}
	for _, args := range [][]string{
		{"init", "-q", "-b", "main"},
		{"remote", "add", "origin", "https://user:s3cret@example.com/acme/infra.git"},
		{"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "x"},
	} {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	got := fromGit(dir)
	if len(got.Commit) != 40 || got.Ref != "refs/heads/main" || got.Repository != "https://example.com/acme/infra.git" || got.Dirty || got.GitError != "" {
		t.Errorf("%+v", got)
	}
}

func TestDuration(t *testing.T) {
	t.Parallel()
	for d, want := range map[time.Duration]string{36 * time.Hour: "36h", 90 * time.Minute: "1h30m", 10 * time.Second: "10s",
		time.Minute: "1m", 25*time.Hour + 30*time.Second: "25h0m30s"} {
		if got := duration(d); got != want {
			t.Errorf("duration(%v) = %q, want %q", d, got, want)
		}
	}
}

func readJSON(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

func readLines(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines
}

// editFile rewrites a file, read-only as bundles are, with edit.
func editFile(t *testing.T, name string, edit func([]byte) []byte) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(name, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, edit(b), 0o644); err != nil {
		t.Fatal(err)
	}
}

func editLines(t *testing.T, name string, edit func([]string) []string) {
	t.Helper()
	editFile(t, name, func(b []byte) []byte {
		return []byte(strings.Join(edit(strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")), "\n") + "\n")
	})
}

// FuzzVerifyLedger: any ledger gives problems or an error, never a panic.
func FuzzVerifyLedger(f *testing.F) {
	f.Add([]byte(`{"run_id":"00000000-0000-4000-8000-000000000001","time":"2026-03-01T08:00:00Z","bundle_sha256":"` + zeroDigest + `","prev_sha256":"` + zeroDigest + `"}` + "\n"))
	f.Add([]byte("{}\n\n{\"run_id\":1}"))
	f.Fuzz(func(t *testing.T, ledger []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, LedgerFile), ledger, 0o644); err != nil {
			t.Fatal(err)
		}
		if res, err := Verify(dir, time.Hour); err == nil && res == nil {
			t.Error("nil result without error")
		}
	})
}

// problemLines renders what Verify found, one line a problem.
func problemLines(res *Result) []string {
	var out []string
	for _, p := range res.Problems {
		out = append(out, p.String())
	}
	return out
}
