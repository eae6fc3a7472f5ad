package evidence

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/soc2scan/soc2scan/pkg/report"
	"github.com/soc2scan/soc2scan/pkg/soc2"
)

// PeriodSchema identifies the format of the period report's JSON.
const PeriodSchema = "soc2scan.period/v1"

// Finding states at the end of a period.
const (
	// FindingOpen: still failing (or unknown) at its last evaluation.
	FindingOpen = "open"
	// FindingFixed: a later run evaluated the rule × resource as pass.
	FindingFixed = "fixed"
	// FindingWaived: waived at its last evaluation, an accepted exception.
	FindingWaived = "waived"
	// FindingNotEvaluated: later runs checked the rule but no longer the
	// resource (removed from the configuration, or out of the scan); not
	// counted as fixed.
	FindingNotEvaluated = "not-evaluated"
)

// Waiver states at the end of a period.
const (
	// WaiverInForce: applied at the finding's last evaluation.
	WaiverInForce = "in-force"
	// WaiverFixed: the finding passed while the waiver applied.
	WaiverFixed = "fixed"
	// WaiverExpired: the finding failed again on or after the waiver's
	// expiry date: the waiver expired while still needed.
	WaiverExpired = "expired-while-failing"
	// WaiverWithdrawn: the finding failed again without the waiver
	// before its expiry date (the waiver was removed).
	WaiverWithdrawn = "withdrawn-while-failing"
	// WaiverReplaced: another waiver (other reason, owner, expiry or
	// origin) took over.
	WaiverReplaced = "replaced"
	// WaiverNotEvaluated: the resource was no longer evaluated.
	WaiverNotEvaluated = "not-evaluated"
)

// PeriodReport is the Type II view of an evidence directory over a period:
// how often each rule ran, on how many days, over which resources, how
// often it passed, and the life of every finding and waiver.
//
// Definitions. A run is in the period when its ledger time (its start, UTC)
// falls on a day from From to To inclusive. A run checks a rule when it has
// at least one evaluation of the rule, and passes the rule when none of
// those evaluations is fail (waived and unknown do not fail a run). A
// finding is one episode of a rule × resource (source and address) not
// passing: it starts at the first run that evaluates it fail or waived and
// is remediated at the first later run that evaluates it pass (fixed) or
// waived (accepted); it is fixed, and ends, at a pass. An unknown
// evaluation changes nothing. A finding whose resource later runs of the
// rule no longer evaluate is "not-evaluated", never fixed. A day is covered
// when a run is on it; a gap is a run of days not covered.
type PeriodReport struct {
	Schema string          `json:"schema"`
	From   string          `json:"from"` // YYYY-MM-DD
	To     string          `json:"to"`   // YYYY-MM-DD, inclusive
	Scope  []soc2.Category `json:"scope"`
	// Runs counts the runs in the period; RunsWithErrors those whose scan
	// reported errors (inputs or rules not read: an incomplete population).
	Runs           int        `json:"runs"`
	RunsWithErrors int        `json:"runs_with_errors"`
	FirstRun       *time.Time `json:"first_run,omitempty"`
	LastRun        *time.Time `json:"last_run,omitempty"`
	Days           int        `json:"days"`
	DaysCovered    int        `json:"days_covered"`
	// Bucket is the unit of the criteria's timelines: "week" (7 days from
	// From) for periods of up to 92 days, else "month" (calendar months).
	Bucket string `json:"bucket"`
	Gaps   []Gap  `json:"gaps"`
	// RuleSet is the rule-set digest of the first run in the period;
	// RuleSetChanges every change after it, in time order.
	RuleSet        string            `json:"rule_set_sha256,omitempty"`
	RuleSetChanges []RuleSetChange   `json:"rule_set_changes"`
	Criteria       []PeriodCriterion `json:"criteria"`
	Rules          []PeriodRule      `json:"rules"`
	Findings       []PeriodFinding   `json:"findings"`
	Waivers        []PeriodWaiver    `json:"waivers"`
	Summary        PeriodSummary     `json:"summary"`

	dir   string
	runs  []LedgerEntry // in time order, for PeriodCSV
	scope soc2.Scope
}

// Gap is a run of consecutive days with no run, inclusive.
type Gap struct {
	From string `json:"from"`
	To   string `json:"to"`
	Days int    `json:"days"`
}

// RuleSetChange is a run whose rule-set digest differs from the run before
// it in the period.
type RuleSetChange struct {
	Time       time.Time `json:"time"`
	RunID      string    `json:"run_id"`
	Old        string    `json:"old_sha256"`
	New        string    `json:"new_sha256"`
	OldVersion string    `json:"old_version"`
	NewVersion string    `json:"new_version"`
	// Changed lists the rules whose digest changed; Added and Removed the
	// rules that appeared or went; Library the library modules that
	// changed, appeared or went.
	Changed []string `json:"changed"`
	Added   []string `json:"added"`
	Removed []string `json:"removed"`
	Library []string `json:"library"`
}

// PeriodCriterion is one criterion in scope over the period.
type PeriodCriterion struct {
	ID          string                 `json:"id"`
	Category    soc2.Category          `json:"category"`
	Title       string                 `json:"title"`
	IaCEvidence soc2.Evidence          `json:"iac_evidence"`
	Status      report.CriterionStatus `json:"status"`
	Rules       []string               `json:"rules"`
	// Resources counts distinct resources checked by its rules.
	Resources int `json:"resources"`
	// RunsChecked counts runs that checked one of its rules, RunsPassing
	// those of them in which none of its rules failed.
	RunsChecked  int     `json:"runs_checked"`
	RunsPassing  int     `json:"runs_passing"`
	PassingShare float64 `json:"passing_share"`
	Findings     int     `json:"findings"`
	Open         int     `json:"open"`
	Note         string  `json:"note"`
	// Timeline splits RunsChecked and RunsPassing by week or month (see
	// PeriodReport.Bucket): whether the control operated all through the
	// period, not only in sum.
	Timeline []PeriodBucket `json:"timeline"`
}

// PeriodBucket is one week or month of a criterion's timeline.
type PeriodBucket struct {
	From        string `json:"from"` // YYYY-MM-DD
	To          string `json:"to"`   // YYYY-MM-DD, inclusive
	RunsChecked int    `json:"runs_checked"`
	RunsPassing int    `json:"runs_passing"`
}

// PeriodRule is one rule over the period.
type PeriodRule struct {
	ID       string   `json:"id"`
	Criteria []string `json:"criteria"`
	// Digests are the rule's digests in the order they were first seen.
	Digests []string `json:"digests"`
	// Runs counts the runs whose rule set has the rule; RunsChecked those
	// with an evaluation of it; RunsPassing those with no failed one.
	Runs         int     `json:"runs"`
	RunsChecked  int     `json:"runs_checked"`
	RunsPassing  int     `json:"runs_passing"`
	PassingShare float64 `json:"passing_share"`
	// DaysCovered counts days with a run that checked the rule; Gaps are
	// the others.
	DaysCovered int   `json:"days_covered"`
	Gaps        []Gap `json:"gaps"`
	Resources   int   `json:"resources"`
	Findings    int   `json:"findings"`
	Open        int   `json:"open"`
}

// PeriodFinding is one episode of a rule × resource not passing.
type PeriodFinding struct {
	RuleID   string   `json:"rule_id"`
	Criteria []string `json:"criteria"`
	Severity string   `json:"severity,omitempty"`
	Resource string   `json:"resource"`
	Source   string   `json:"source"`
	File     string   `json:"file"`
	Line     int      `json:"line,omitempty"`
	Message  string   `json:"message,omitempty"`
	// FirstSeen is the first run in the period that found it; OpenAtStart
	// says that run was the first of the period to check the rule, so the
	// finding may be older.
	FirstSeen   time.Time  `json:"first_seen"`
	FirstRun    string     `json:"first_run"`
	OpenAtStart bool       `json:"open_at_start,omitempty"`
	Waived      *time.Time `json:"waived,omitempty"`
	Fixed       *time.Time `json:"fixed,omitempty"`
	// Remediated is the first of Waived and Fixed after FirstSeen;
	// TimeToRemediate the time from FirstSeen to it, in seconds.
	Remediated      *time.Time `json:"remediated,omitempty"`
	TimeToRemediate int64      `json:"time_to_remediate_seconds,omitempty"`
	// LastSeen is the last run in the period that found it failing or
	// waived.
	LastSeen time.Time `json:"last_seen"`
	State    string    `json:"state"`
}

// PeriodWaiver is one waiver as applied to one rule × resource.
type PeriodWaiver struct {
	RuleID   string    `json:"rule_id"`
	Resource string    `json:"resource"`
	Source   string    `json:"source"`
	Reason   string    `json:"reason"`
	Owner    string    `json:"owner,omitempty"`
	Expires  string    `json:"expires,omitempty"`
	Origin   string    `json:"origin,omitempty"`
	From     time.Time `json:"from"` // first run it applied in
	To       time.Time `json:"to"`   // last run it applied in
	State    string    `json:"state"`
	// Ended is the run that ended it (fixed, failing, replaced), if any.
	Ended *time.Time `json:"ended,omitempty"`
}

// PeriodSummary sums up the period.
type PeriodSummary struct {
	Criteria     map[report.CriterionStatus]int `json:"criteria"`
	Findings     int                            `json:"findings"`
	Open         int                            `json:"open"`
	Fixed        int                            `json:"fixed"`
	Waived       int                            `json:"waived"`
	NotEvaluated int                            `json:"not_evaluated"`
	// MedianTimeToRemediate is over the remediated findings, in seconds.
	MedianTimeToRemediate int64 `json:"median_time_to_remediate_seconds"`
	WaiversExpired        int   `json:"waivers_expired_while_failing"`
}

const day = 24 * time.Hour

// Period reads the runs of the evidence directory dir whose ledger time is
// on a day from from to to (inclusive, UTC) and builds the period report for
// the criteria in scope. It reads the ledger and the runs' bundles only,
// checks no sums (Verify does), and writes nothing. A ledger line, run.json
// or evaluations line that is not what soc2scan writes is an error naming
// the file (and line).
func Period(dir string, from, to time.Time, scope soc2.Scope) (*PeriodReport, error) {
	from = from.UTC().Truncate(day)
	to = to.UTC().Truncate(day)
	if to.Before(from) {
		return nil, fmt.Errorf("period ends (%s) before it starts (%s)", to.Format(time.DateOnly), from.Format(time.DateOnly))
	}
	runs, err := periodRuns(dir, from, to)
	if err != nil {
		return nil, err
	}
	m := newMerger(from, to)
	if err := readRuns(dir, runs, m.add); err != nil {
		return nil, err
	}
	p := m.report(scope)
	p.dir, p.runs, p.scope = dir, runs, scope
	return p, nil
}

// periodRuns reads the ledger and returns its entries in [from, to+1 day),
// in time order (ledger order among equal times). A run listed twice is
// taken once (Verify reports the repeat).
func periodRuns(dir string, from, to time.Time) ([]LedgerEntry, error) {
	path := filepath.Join(dir, LedgerFile)
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	end := to.Add(day)
	seen := map[string]bool{}
	var runs []LedgerEntry
	for n := 1; sc.Scan(); n++ {
		e, err := parseEntry(sc.Bytes())
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if seen[e.RunID] || e.Time.Before(from) || !e.Time.Before(end) {
			continue
		}
		seen[e.RunID] = true
		runs = append(runs, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	slices.SortStableFunc(runs, func(a, b LedgerEntry) int { return a.Time.Compare(b.Time) })
	return runs, nil
}

// Evaluation statuses, compact.
const (
	stPass uint8 = iota
	stFail
	stUnknown
	stWaived
)

// evalRef is one evaluation of a run as the merger needs it.
type evalRef struct {
	key, rule, res int32
	status         uint8
	detail         int32 // index into runResult.details for fail and waived, else -1
}

// evalDetail is what a failing or waived evaluation adds.
type evalDetail struct {
	severity, file, message string
	line                    int
	reason, owner, expires  string
	origin                  string
}

// runResult is one run read by a worker.
type runResult struct {
	entry   LedgerEntry
	rec     *RunRecord
	evals   []evalRef
	details []evalDetail
}

// interner numbers rule × resource keys, rules and resources for all
// workers; each worker keeps its own cache so the lock is taken on misses
// only.
type interner struct {
	mu    sync.Mutex
	keys  map[string]evalRef
	rules map[string]int32
	res   map[string]int32
	// names, indexed by number; read only after the workers are done.
	ruleNames []string
	resNames  [][2]string // source, address
}

func (in *interner) rule(name string) int32 {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.ruleLocked(name)
}

func (in *interner) ruleLocked(name string) int32 {
	id, ok := in.rules[name]
	if !ok {
		id = int32(len(in.ruleNames))
		in.rules[name] = id
		in.ruleNames = append(in.ruleNames, name)
	}
	return id
}

func (in *interner) key(k string, rule, source, resource []byte) evalRef {
	in.mu.Lock()
	defer in.mu.Unlock()
	ref, ok := in.keys[k]
	if ok {
		return ref
	}
	ref.key = int32(len(in.keys))
	ref.rule = in.ruleLocked(string(rule))
	rk := string(source) + "\x00" + string(resource)
	id, ok := in.res[rk]
	if !ok {
		id = int32(len(in.resNames))
		in.res[rk] = id
		in.resNames = append(in.resNames, [2]string{string(source), string(resource)})
	}
	ref.res = id
	in.keys[k] = ref
	return ref
}

// readRuns reads the runs' bundles on all cores and hands them to add in
// the runs' order. At most a few runs wait for add at any time, so memory
// stays bounded however long the period.
func readRuns(dir string, runs []LedgerEntry, add func(*runResult, *interner)) error {
	in := &interner{keys: map[string]evalRef{}, rules: map[string]int32{}, res: map[string]int32{}}
	workers := runtime.GOMAXPROCS(0)
	results := make([]chan *runResult, len(runs))
	for i := range results {
		results[i] = make(chan *runResult, 1)
	}
	errs := make([]error, len(runs))
	jobs := make(chan int)
	window := make(chan struct{}, 2*workers)
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			r := runReader{dir: dir, in: in, cache: map[string]evalRef{}, buf: make([]byte, 1<<20)}
			for i := range jobs {
				res, err := r.read(runs[i])
				errs[i] = err
				results[i] <- res
			}
		})
	}
	go func() {
		defer close(jobs)
		for i := range runs {
			select {
			case window <- struct{}{}:
			case <-done:
				return
			}
			jobs <- i
		}
	}()
	var err error
	for i := range runs {
		res := <-results[i]
		<-window
		if errs[i] != nil {
			err = errs[i]
			break
		}
		add(res, in)
	}
	close(done) // stops the feeder; results are buffered, so workers finish
	wg.Wait()
	return err
}

// runReader reads bundles for one worker.
type runReader struct {
	dir   string
	in    *interner
	cache map[string]evalRef
	buf   []byte
	kb    []byte
	line  evalLine
	// prev holds the lines of the last run this worker read and what
	// they gave: scans of an unchanged configuration write the same line
	// at the same place run after run, and a line equal to its
	// predecessor needs no parsing.
	prev, cur lineMemo
}

// lineMemo is the lines of one run, concatenated, with their results and
// their rule × resource keys.
type lineMemo struct {
	data    []byte
	ends    []int
	refs    []evalRef
	details []evalDetail
	keys    []byte
	keyEnds []int
}

func (m *lineMemo) line(n int) []byte {
	start := 0
	if n > 0 {
		start = m.ends[n-1]
	}
	return m.data[start:m.ends[n]]
}

func (m *lineMemo) key(n int) []byte {
	start := 0
	if n > 0 {
		start = m.keyEnds[n-1]
	}
	return m.keys[start:m.keyEnds[n]]
}

func (r *runReader) read(e LedgerEntry) (*runResult, error) {
	bundle := filepath.Join(r.dir, RunsDir, e.RunID)
	rec, err := readRunRecord(filepath.Join(bundle, RunFile), e)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(bundle, EvaluationsFile)
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	res := &runResult{entry: e, rec: rec, evals: make([]evalRef, 0, rec.Counts.Total.Pass+rec.Counts.Total.Fail+rec.Counts.Total.Unknown+rec.Counts.Total.Waived)}
	sc := bufio.NewScanner(f)
	sc.Buffer(r.buf, 64<<20)
	prev, cur := &r.prev, &r.cur
	size := int64(0)
	if info, err := f.Stat(); err == nil {
		size = info.Size()
	}
	cur.data = slices.Grow(cur.data[:0], int(size))
	cur.ends = slices.Grow(cur.ends[:0], cap(res.evals))
	cur.refs = slices.Grow(cur.refs[:0], cap(res.evals))
	cur.keys = cur.keys[:0]
	cur.keyEnds = slices.Grow(cur.keyEnds[:0], cap(res.evals))
	res.details = make([]evalDetail, 0, rec.Counts.Total.Fail+rec.Counts.Total.Waived)
	for n := 1; sc.Scan(); n++ {
		text := sc.Bytes()
		var ref evalRef
		if i := n - 1; i < len(prev.ends) && bytes.Equal(text, prev.line(i)) {
			ref = prev.refs[i]
			if ref.detail >= 0 {
				res.details = append(res.details, prev.details[ref.detail])
				ref.detail = int32(len(res.details) - 1)
			}
			cur.keys = append(cur.keys, prev.key(i)...)
		} else {
			var err error
			if ref, err = r.parse(text, res, n-1); err != nil {
				return nil, fmt.Errorf("%s:%d: not a soc2scan evaluation: %w", path, n, err)
			}
			cur.keys = append(cur.keys, r.kb...)
		}
		res.evals = append(res.evals, ref)
		cur.data = append(cur.data, text...)
		cur.ends = append(cur.ends, len(cur.data))
		cur.refs = append(cur.refs, ref)
		cur.keyEnds = append(cur.keyEnds, len(cur.keys))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	cur.details = res.details
	r.prev, r.cur = r.cur, r.prev
	return res, nil
}

// parse reads line i of a run's evaluations. A line that differs from the
// previous run's at the same place (a new rule digest, say) mostly still
// evaluates the same rule × resource there: its key is then taken from
// that line, without a lookup.
func (r *runReader) parse(text []byte, res *runResult, i int) (evalRef, error) {
	l := &r.line
	if err := l.parse(text); err != nil {
		return evalRef{}, err
	}
	r.kb = append(append(append(append(append(r.kb[:0], l.rule...), 0), l.source...), 0), l.resource...)
	var ref evalRef
	if prev := &r.prev; i < len(prev.keyEnds) && bytes.Equal(r.kb, prev.key(i)) {
		ref = prev.refs[i]
	} else {
		var ok bool
		if ref, ok = r.cache[string(r.kb)]; !ok {
			ref = r.in.key(string(r.kb), l.rule, l.source, l.resource)
			r.cache[string(r.kb)] = ref
		}
	}
	ref.status, ref.detail = l.code, -1
	if l.code == stFail || l.code == stWaived {
		ref.detail = int32(len(res.details))
		res.details = append(res.details, evalDetail{severity: string(l.severity), file: string(l.file), line: l.line,
			message: string(l.message), reason: string(l.reason), owner: string(l.owner), expires: string(l.expires), origin: string(l.origin)})
	}
	return ref, nil
}

// readRunRecord reads run.json and checks it is the ledger entry's run.
func readRunRecord(path string, e LedgerEntry) (*RunRecord, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rec RunRecord
	if err := json.Unmarshal(data, &rec); err != nil {
		return nil, fmt.Errorf("%s: not a soc2scan run record: %w", path, err)
	}
	if rec.Schema != Schema {
		return nil, fmt.Errorf("%s: not a soc2scan run record (schema %q, want %q)", path, rec.Schema, Schema)
	}
	if rec.RunID != e.RunID {
		return nil, fmt.Errorf("%s: names run %s, the ledger %s", path, rec.RunID, e.RunID)
	}
	return &rec, nil
}

// keyState follows one rule × resource through the runs.
type keyState struct {
	finding  *PeriodFinding // the open episode, nil when passing
	waiver   *PeriodWaiver  // the waiver applied at the last evaluation
	last     int            // index of the last run that evaluated it
	lastCode uint8
	seen     bool
}

// ruleState accumulates one rule.
type ruleState struct {
	criteria    map[string]bool
	digests     []string
	runs        int
	checked     int
	passing     int
	days        []bool
	lastChecked int
	firstCheck  int // index of the first run that checked the rule, -1 before
	stamp       int // 1 + index of the run being merged once it checked the rule
	failedNow   bool
	// checkedRuns and failedRuns are bit sets of run indexes, for the
	// criteria's counts.
	checkedRuns, failedRuns []uint64
}

// merger folds runs, in time order, into a period report.
type merger struct {
	from, to  time.Time
	days      int
	covered   []bool
	nRuns     int
	withErr   int
	first     time.Time
	last      time.Time
	times     []time.Time
	runIDs    []string
	prev      *RunRecord
	ruleSet   string
	changes   []RuleSetChange
	keys      []keyState
	rules     []*ruleState
	findings  []*PeriodFinding
	waivers   []*PeriodWaiver
	in        *interner
	findingOf map[*PeriodFinding][2]int32 // rule, res
	waiverOf  map[*PeriodWaiver][2]int32
}

func newMerger(from, to time.Time) *merger {
	n := int(to.Sub(from)/day) + 1
	return &merger{from: from, to: to, days: n, covered: make([]bool, n),
		findingOf: map[*PeriodFinding][2]int32{}, waiverOf: map[*PeriodWaiver][2]int32{}}
}

func (m *merger) ruleState(id int32) *ruleState {
	for int(id) >= len(m.rules) {
		m.rules = append(m.rules, nil)
	}
	if m.rules[id] == nil {
		m.rules[id] = &ruleState{criteria: map[string]bool{}, days: make([]bool, m.days), firstCheck: -1}
	}
	return m.rules[id]
}

func (m *merger) add(r *runResult, in *interner) {
	m.in = in
	k := m.nRuns
	m.nRuns++
	t := r.entry.Time.UTC()
	if k == 0 {
		m.first = t
		m.ruleSet = r.rec.RuleSet.SHA256
	}
	m.last = t
	m.times = append(m.times, t)
	m.runIDs = append(m.runIDs, r.entry.RunID)
	d := int(t.Sub(m.from) / day)
	m.covered[d] = true
	if len(r.rec.Errors) > 0 {
		m.withErr++
	}
	if m.prev != nil && m.prev.RuleSet.SHA256 != r.rec.RuleSet.SHA256 {
		m.changes = append(m.changes, ruleSetChange(m.prev, r.rec, t))
	}
	m.prev = r.rec
	for _, ru := range r.rec.RuleSet.Rules {
		rs := m.ruleState(in.rule(ru.ID))
		rs.runs++
		for _, c := range ru.Criteria {
			rs.criteria[c] = true
		}
		if !slices.Contains(rs.digests, ru.Digest) {
			rs.digests = append(rs.digests, ru.Digest)
		}
	}
	var touched []*ruleState
	for _, e := range r.evals {
		rs := m.ruleState(e.rule)
		if rs.stamp != k+1 {
			rs.stamp, rs.failedNow = k+1, false
			touched = append(touched, rs)
		}
		for int(e.key) >= len(m.keys) {
			m.keys = append(m.keys, keyState{})
		}
		ks := &m.keys[e.key]
		ks.seen = true
		ks.last, ks.lastCode = k, e.status
		var det *evalDetail
		if e.detail >= 0 {
			det = &r.details[e.detail]
		}
		switch e.status {
		case stPass:
			if f := ks.finding; f != nil {
				f.Fixed = &t
				if f.Remediated == nil {
					f.Remediated = &t
				}
				ks.finding = nil
			}
			if w := ks.waiver; w != nil {
				w.State, w.Ended = WaiverFixed, &t
				ks.waiver = nil
			}
		case stFail:
			rs.failedNow = true
			if ks.finding == nil {
				ks.finding = m.newFinding(e, r, det, t, rs.firstCheck < 0)
			}
			if w := ks.waiver; w != nil {
				w.State, w.Ended = WaiverWithdrawn, &t
				if exp, err := time.Parse(time.DateOnly, w.Expires); err == nil && !t.Before(exp) {
					w.State = WaiverExpired
				}
				ks.waiver = nil
			}
		case stWaived:
			f := ks.finding
			if f == nil {
				f = m.newFinding(e, r, det, t, rs.firstCheck < 0)
				ks.finding = f
			}
			if f.Waived == nil {
				f.Waived = &t
			}
			if f.Remediated == nil {
				f.Remediated = &t
			}
			w := ks.waiver
			if w == nil || w.Reason != det.reason || w.Owner != det.owner || w.Expires != det.expires || w.Origin != det.origin {
				if w != nil {
					w.State, w.Ended = WaiverReplaced, &t
				}
				w = &PeriodWaiver{Reason: det.reason, Owner: det.owner, Expires: det.expires, Origin: det.origin, From: t, State: WaiverInForce}
				m.waivers = append(m.waivers, w)
				m.waiverOf[w] = [2]int32{e.rule, e.res}
				ks.waiver = w
			}
			w.To = t
		}
		if ks.finding != nil && (e.status == stFail || e.status == stWaived) {
			ks.finding.LastSeen = t
		}
	}
	for _, rs := range touched {
		rs.checked++
		if !rs.failedNow {
			rs.passing++
		}
		rs.days[d] = true
		rs.lastChecked = k
		setBit(&rs.checkedRuns, k)
		if rs.failedNow {
			setBit(&rs.failedRuns, k)
		}
		if rs.firstCheck < 0 {
			rs.firstCheck = k
		}
	}
}

func (m *merger) newFinding(e evalRef, r *runResult, det *evalDetail, t time.Time, atStart bool) *PeriodFinding {
	f := &PeriodFinding{Severity: det.severity, File: det.file, Line: det.line, Message: det.message,
		FirstSeen: t, FirstRun: r.entry.RunID, OpenAtStart: atStart}
	m.findings = append(m.findings, f)
	m.findingOf[f] = [2]int32{e.rule, e.res}
	return f
}

// ruleSetChange describes how cur's rule set differs from prev's.
func ruleSetChange(prev, cur *RunRecord, t time.Time) RuleSetChange {
	c := RuleSetChange{Time: t, RunID: cur.RunID, Old: prev.RuleSet.SHA256, New: cur.RuleSet.SHA256,
		OldVersion: prev.RuleSet.Version, NewVersion: cur.RuleSet.Version,
		Changed: []string{}, Added: []string{}, Removed: []string{}, Library: []string{}}
	old := map[string]string{}
	for _, r := range prev.RuleSet.Rules {
		old[r.ID] = r.Digest
	}
	for _, r := range cur.RuleSet.Rules {
		d, ok := old[r.ID]
		switch {
		case !ok:
			c.Added = append(c.Added, r.ID)
		case d != r.Digest:
			c.Changed = append(c.Changed, r.ID)
		}
		delete(old, r.ID)
	}
	for id := range old {
		c.Removed = append(c.Removed, id)
	}
	lib := map[string]string{}
	for _, l := range prev.RuleSet.Library {
		lib[l.Path] = l.SHA256
	}
	for _, l := range cur.RuleSet.Library {
		if d, ok := lib[l.Path]; !ok || d != l.SHA256 {
			c.Library = append(c.Library, l.Path)
		}
		delete(lib, l.Path)
	}
	for p := range lib {
		c.Library = append(c.Library, p)
	}
	for _, s := range [][]string{c.Changed, c.Added, c.Removed, c.Library} {
		slices.Sort(s)
	}
	return c
}

// report finishes the period report for the criteria in scope.
func (m *merger) report(scope soc2.Scope) *PeriodReport {
	p := &PeriodReport{Schema: PeriodSchema, From: m.from.Format(time.DateOnly), To: m.to.Format(time.DateOnly),
		Scope: scope.Categories(), Runs: m.nRuns, RunsWithErrors: m.withErr, Days: m.days,
		RuleSet: m.ruleSet, RuleSetChanges: m.changes,
		Criteria: []PeriodCriterion{}, Rules: []PeriodRule{}, Findings: []PeriodFinding{}, Waivers: []PeriodWaiver{},
		Summary: PeriodSummary{Criteria: map[report.CriterionStatus]int{report.CriterionFailed: 0, report.CriterionPassed: 0,
			report.CriterionNotChecked: 0, report.CriterionManual: 0}}}
	if p.RuleSetChanges == nil {
		p.RuleSetChanges = []RuleSetChange{}
	}
	if m.nRuns > 0 {
		p.FirstRun, p.LastRun = &m.first, &m.last
	}
	p.DaysCovered, p.Gaps = coverage(m.from, m.covered)
	var buckets []PeriodBucket
	var bucketOfDay []int
	p.Bucket, buckets, bucketOfDay = periodBuckets(m.from, m.days)
	runBucket := make([]int, m.nRuns)
	for k, t := range m.times {
		runBucket[k] = bucketOfDay[int(t.Sub(m.from)/day)]
	}
	var ruleNames []string
	var resNames [][2]string
	if m.in != nil {
		ruleNames, resNames = m.in.ruleNames, m.in.resNames
	}

	inScope := func(criteria map[string]bool) bool {
		for c := range criteria {
			if scope.Includes(c) {
				return true
			}
		}
		return false
	}
	// Findings and waivers end where the runs end.
	for i := range m.keys {
		ks := &m.keys[i]
		if f := ks.finding; f != nil {
			rule := m.findingOf[f][0]
			switch {
			case ks.last < m.rules[rule].lastChecked:
				f.State = FindingNotEvaluated
			case ks.lastCode == stWaived:
				f.State = FindingWaived
			default:
				f.State = FindingOpen
			}
		}
		if w := ks.waiver; w != nil && ks.last < m.rules[m.waiverOf[w][0]].lastChecked {
			w.State = WaiverNotEvaluated
		}
	}
	perRule := make([]PeriodRule, len(m.rules))
	ruleResources := make([]map[int32]bool, len(m.rules))
	var refs []evalRef
	if m.in != nil {
		refs = m.in.keysByID()
	}
	for k, ref := range refs {
		if ruleResources[ref.rule] == nil {
			ruleResources[ref.rule] = map[int32]bool{}
		}
		if k < len(m.keys) && m.keys[k].seen {
			ruleResources[ref.rule][ref.res] = true
		}
	}
	var ttrs []int64
	for _, f := range m.findings {
		ids := m.findingOf[f]
		rs := m.rules[ids[0]]
		if !inScope(rs.criteria) {
			continue
		}
		f.RuleID = ruleNames[ids[0]]
		f.Criteria = sortedKeys(rs.criteria)
		f.Source, f.Resource = resNames[ids[1]][0], resNames[ids[1]][1]
		if f.Remediated != nil {
			f.TimeToRemediate = int64(f.Remediated.Sub(f.FirstSeen) / time.Second)
			ttrs = append(ttrs, f.TimeToRemediate)
		}
		if f.State == "" {
			f.State = FindingFixed
		}
		pr := &perRule[ids[0]]
		pr.Findings++
		switch f.State {
		case FindingOpen:
			pr.Open++
			p.Summary.Open++
		case FindingFixed:
			p.Summary.Fixed++
		case FindingWaived:
			p.Summary.Waived++
		case FindingNotEvaluated:
			p.Summary.NotEvaluated++
		}
		p.Findings = append(p.Findings, *f)
	}
	p.Summary.Findings = len(p.Findings)
	if len(ttrs) > 0 {
		slices.Sort(ttrs)
		p.Summary.MedianTimeToRemediate = ttrs[len(ttrs)/2]
		if len(ttrs)%2 == 0 {
			p.Summary.MedianTimeToRemediate = (ttrs[len(ttrs)/2-1] + ttrs[len(ttrs)/2]) / 2
		}
	}
	sort.SliceStable(p.Findings, func(i, j int) bool {
		a, b := p.Findings[i], p.Findings[j]
		return cmp.Or(cmp.Compare(a.RuleID, b.RuleID), cmp.Compare(a.Source, b.Source), cmp.Compare(a.Resource, b.Resource),
			a.FirstSeen.Compare(b.FirstSeen)) < 0
	})
	for _, w := range m.waivers {
		ids := m.waiverOf[w]
		if !inScope(m.rules[ids[0]].criteria) {
			continue
		}
		w.RuleID = ruleNames[ids[0]]
		w.Source, w.Resource = resNames[ids[1]][0], resNames[ids[1]][1]
		if w.State == WaiverExpired {
			p.Summary.WaiversExpired++
		}
		p.Waivers = append(p.Waivers, *w)
	}
	sort.SliceStable(p.Waivers, func(i, j int) bool {
		a, b := p.Waivers[i], p.Waivers[j]
		return cmp.Or(cmp.Compare(a.RuleID, b.RuleID), cmp.Compare(a.Source, b.Source), cmp.Compare(a.Resource, b.Resource),
			a.From.Compare(b.From)) < 0
	})

	byCriterion := map[string][]int32{}
	for id, rs := range m.rules {
		if rs == nil || !inScope(rs.criteria) {
			continue
		}
		pr := &perRule[id]
		pr.ID, pr.Criteria, pr.Digests = ruleNames[id], sortedKeys(rs.criteria), rs.digests
		if pr.Digests == nil {
			pr.Digests = []string{}
		}
		pr.Runs, pr.RunsChecked, pr.RunsPassing = rs.runs, rs.checked, rs.passing
		pr.PassingShare = share(rs.passing, rs.checked)
		pr.DaysCovered, pr.Gaps = coverage(m.from, rs.days)
		pr.Resources = len(ruleResources[id])
		p.Rules = append(p.Rules, *pr)
		for c := range rs.criteria {
			byCriterion[c] = append(byCriterion[c], int32(id))
		}
	}
	slices.SortFunc(p.Rules, func(a, b PeriodRule) int { return cmp.Compare(a.ID, b.ID) })

	// A run checked a criterion when it checked one of its rules, and
	// passed it when none of them failed there.
	for _, c := range soc2.Criteria() {
		if !scope.Includes(c.ID) {
			continue
		}
		pc := PeriodCriterion{ID: c.ID, Category: c.Category, Title: c.Title, IaCEvidence: c.IaCEvidence, Rules: []string{}}
		resources := map[int32]bool{}
		pc.Timeline = slices.Clone(buckets)
		checked, passing := m.criterionRuns(byCriterion[c.ID], runBucket, pc.Timeline)
		for _, id := range byCriterion[c.ID] {
			pc.Rules = append(pc.Rules, ruleNames[id])
			for r := range ruleResources[id] {
				resources[r] = true
			}
			pc.Findings += perRule[id].Findings
			pc.Open += perRule[id].Open
		}
		slices.Sort(pc.Rules)
		pc.Resources = len(resources)
		pc.RunsChecked, pc.RunsPassing, pc.PassingShare = checked, passing, share(passing, checked)
		switch {
		case len(pc.Rules) == 0:
			pc.Status = report.CriterionManual
			pc.Note = "No automated check gives evidence for this criterion: it needs manual evidence (policies, procedures, records of their operation)."
		case checked == 0:
			pc.Status = report.CriterionNotChecked
			pc.Note = "Rules exist for this criterion, but no run in the period checked a resource of theirs: no automated evidence for the period."
		case passing < checked:
			pc.Status = report.CriterionFailed
			pc.Note = fmt.Sprintf("A rule for this criterion failed in %d of the %d runs that checked it.", checked-passing, checked)
		default:
			pc.Status = report.CriterionPassed
			pc.Note = fmt.Sprintf("Every one of the %d runs that checked this criterion passed it; configuration is evidence of design and operation, the rest of the criterion needs its own evidence.", checked)
		}
		p.Summary.Criteria[pc.Status]++
		p.Criteria = append(p.Criteria, pc)
	}
	return p
}

// criterionRuns counts the runs that checked one of the rules and those of
// them in which none failed, in all and in the timeline's buckets (run k
// is in runBucket[k]).
func (m *merger) criterionRuns(rules []int32, runBucket []int, timeline []PeriodBucket) (checked, passing int) {
	words := (m.nRuns + 63) / 64
	for w := range words {
		var c, f uint64
		for _, id := range rules {
			rs := m.rules[id]
			if w < len(rs.checkedRuns) {
				c |= rs.checkedRuns[w]
			}
			if w < len(rs.failedRuns) {
				f |= rs.failedRuns[w]
			}
		}
		checked += bits.OnesCount64(c)
		passing += bits.OnesCount64(c &^ f)
		for set := c; set != 0; set &= set - 1 {
			i := bits.TrailingZeros64(set)
			b := &timeline[runBucket[w*64+i]]
			b.RunsChecked++
			if f&(1<<i) == 0 {
				b.RunsPassing++
			}
		}
	}
	return checked, passing
}

// periodBuckets splits the days of a period into weeks (7 days from its
// first, for periods of up to 92 days) or calendar months, and maps each
// day to its bucket.
func periodBuckets(from time.Time, days int) (unit string, buckets []PeriodBucket, bucketOfDay []int) {
	unit = "month"
	if days <= 92 {
		unit = "week"
	}
	bucketOfDay = make([]int, days)
	start := 0
	for start < days {
		first := from.AddDate(0, 0, start)
		end := start + 7
		if unit == "month" {
			next := time.Date(first.Year(), first.Month()+1, 1, 0, 0, 0, 0, time.UTC)
			end = int(next.Sub(from) / day)
		}
		end = min(end, days)
		for d := start; d < end; d++ {
			bucketOfDay[d] = len(buckets)
		}
		buckets = append(buckets, PeriodBucket{From: date(first), To: date(from.AddDate(0, 0, end-1))})
		start = end
	}
	return unit, buckets, bucketOfDay
}

func setBit(set *[]uint64, i int) {
	for i/64 >= len(*set) {
		*set = append(*set, 0)
	}
	(*set)[i/64] |= 1 << (i % 64)
}

// keysByID returns the interned keys indexed by number.
func (in *interner) keysByID() []evalRef {
	out := make([]evalRef, len(in.keys))
	for _, ref := range in.keys {
		out[ref.key] = ref
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// share is n/of rounded to four decimals, 0 when of is 0.
func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n*10000/of) / 10000
}

// coverage counts covered days and lists the gaps.
func coverage(from time.Time, covered []bool) (int, []Gap) {
	n, gaps := 0, []Gap{}
	for i := 0; i < len(covered); i++ {
		if covered[i] {
			n++
			continue
		}
		j := i
		for j+1 < len(covered) && !covered[j+1] {
			j++
		}
		gaps = append(gaps, Gap{From: from.AddDate(0, 0, i).Format(time.DateOnly), To: from.AddDate(0, 0, j).Format(time.DateOnly), Days: j - i + 1})
		i = j
	}
	return n, gaps
}

// evalLine is one line of evaluations.jsonl, parsed without allocating:
// its fields point into the line and are valid until the next line.
type evalLine struct {
	rule, digest, resource, source, file, status, message, severity []byte
	reason, owner, expires, origin                                  []byte
	criteria                                                        []byte // the raw JSON array
	crit                                                            []string
	line                                                            int
	code                                                            uint8
}

var errNotObject = errors.New("not a JSON object")

// parse reads a line as Write writes it: one flat JSON object. A line with
// an escape in it goes through encoding/json; the rest, nearly all, is
// scanned directly, which is what makes the period report fast.
func (l *evalLine) parse(b []byte) error {
	*l = evalLine{}
	if bytes.IndexByte(b, '\\') >= 0 {
		if err := l.parseSlow(b); err != nil {
			return err
		}
	} else if err := l.parseFast(b); err != nil {
		return err
	}
	if l.rule == nil || l.status == nil || l.resource == nil {
		return errors.New("no rule_id, resource or status")
	}
	switch string(l.status) {
	case string(report.Pass):
		l.code = stPass
	case string(report.Fail):
		l.code = stFail
	case string(report.Unknown):
		l.code = stUnknown
	case Waived:
		l.code = stWaived
	default:
		return fmt.Errorf("status %q", l.status)
	}
	return nil
}

func (l *evalLine) parseSlow(b []byte) error {
	var e Evaluation
	if err := json.Unmarshal(b, &e); err != nil {
		return err
	}
	set := func(s string) []byte { return append([]byte{}, s...) }
	l.rule, l.digest, l.resource, l.source, l.file = set(e.RuleID), set(e.RuleDigest), set(e.Resource), set(e.Source), set(e.File)
	l.status, l.message, l.severity = set(e.Status), set(e.Message), set(e.Severity)
	l.reason, l.owner, l.expires, l.origin = set(e.WaiverReason), set(e.WaiverOwner), set(e.WaiverExpires), set(e.WaiverOrigin)
	l.line, l.crit = e.Line, e.Criteria
	if l.crit == nil {
		l.crit = []string{}
	}
	return nil
}

func (l *evalLine) parseFast(b []byte) error {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return errNotObject
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return nil
	}
	for {
		key, j, err := quoted(b, i)
		if err != nil {
			return err
		}
		i = skipSpace(b, j)
		if i >= len(b) || b[i] != ':' {
			return errNotObject
		}
		i = skipSpace(b, i+1)
		if i >= len(b) {
			return errNotObject
		}
		switch c := b[i]; {
		case c == '"':
			v, j, err := quoted(b, i)
			if err != nil {
				return err
			}
			i = j
			switch string(key) {
			case "rule_id":
				l.rule = v
			case "rule_sha256":
				l.digest = v
			case "resource":
				l.resource = v
			case "source":
				l.source = v
			case "file":
				l.file = v
			case "status":
				l.status = v
			case "message":
				l.message = v
			case "severity":
				l.severity = v
			case "waiver_reason":
				l.reason = v
			case "waiver_owner":
				l.owner = v
			case "waiver_expires":
				l.expires = v
			case "waiver_origin":
				l.origin = v
			case "criteria", "line", "baseline":
				return fmt.Errorf("%s is a string", key)
			}
		case c == '[':
			j := i + 1
			for j < len(b) && b[j] != ']' {
				switch b[j] {
				case '"':
					_, k, err := quoted(b, j)
					if err != nil {
						return err
					}
					j = k
				case '[', '{':
					return fmt.Errorf("%s: nested value", key)
				default:
					j++
				}
			}
			if j >= len(b) {
				return errNotObject
			}
			if string(key) == "criteria" {
				l.criteria = b[i : j+1]
			}
			i = j + 1
		case c == '-' || '0' <= c && c <= '9':
			j := i + 1
			for j < len(b) && ('0' <= b[j] && b[j] <= '9' || b[j] == '.' || b[j] == 'e' || b[j] == 'E' || b[j] == '+' || b[j] == '-') {
				j++
			}
			if string(key) == "line" {
				n, err := strconv.Atoi(string(b[i:j]))
				if err != nil {
					return fmt.Errorf("line: %w", err)
				}
				l.line = n
			}
			i = j
		case bytes.HasPrefix(b[i:], []byte("true")):
			i += 4
		case bytes.HasPrefix(b[i:], []byte("false")):
			i += 5
		case bytes.HasPrefix(b[i:], []byte("null")):
			i += 4
		default:
			return fmt.Errorf("%s: not a flat value", key)
		}
		i = skipSpace(b, i)
		if i >= len(b) {
			return errNotObject
		}
		if b[i] == '}' {
			if skipSpace(b, i+1) != len(b) {
				return errors.New("more than one JSON value")
			}
			return nil
		}
		if b[i] != ',' {
			return errNotObject
		}
		i = skipSpace(b, i+1)
	}
}

// criteriaList returns the line's criteria.
func (l *evalLine) criteriaList() []string {
	if l.crit != nil {
		return l.crit
	}
	var out []string
	inner := bytes.TrimSpace(l.criteria[min(1, len(l.criteria)):max(len(l.criteria)-1, 0)])
	for _, c := range bytes.Split(inner, []byte{','}) {
		if c = bytes.Trim(bytes.TrimSpace(c), `"`); len(c) > 0 {
			out = append(out, string(c))
		}
	}
	return out
}

// quoted returns the string that starts at b[i] (a quote, no escapes in
// it) and the index after its closing quote.
func quoted(b []byte, i int) ([]byte, int, error) {
	if i >= len(b) || b[i] != '"' {
		return nil, 0, errNotObject
	}
	// Keys and most values are short: a plain loop finds their end
	// sooner than IndexByte gets going.
	start := i + 1
	end := min(len(b), start+shortString)
	for j := start; j < end; j++ {
		if b[j] == '"' {
			return b[start:j], j + 1, nil
		}
	}
	j := bytes.IndexByte(b[end:], '"')
	if j < 0 {
		return nil, 0, errors.New("unterminated string")
	}
	return b[start : end+j], end + j + 1, nil
}

// shortString is how many bytes quoted looks at one by one.
const shortString = 16

func skipSpace(b []byte, i int) int {
	for i < len(b) && b[i] <= ' ' && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// PeriodJSON writes the period report as indented JSON.
func PeriodJSON(w io.Writer, p *PeriodReport) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(p)
}

var periodStatusWord = map[report.CriterionStatus]string{
	report.CriterionFailed:     "FAILED in some runs",
	report.CriterionPassed:     "passed in every run",
	report.CriterionNotChecked: "not checked",
	report.CriterionManual:     "manual evidence needed",
}

// PeriodText writes the period report for a terminal: the runs and their
// coverage, rule-set changes, each criterion with its rules, then the
// findings and waivers.
func PeriodText(w io.Writer, p *PeriodReport) error {
	var b strings.Builder
	periodHeader(&b, p, false)
	b.WriteString("\n")
	for _, c := range p.Criteria {
		fmt.Fprintf(&b, "%-6s %s [%s]: %s\n", c.ID, c.Title, c.Category, periodStatusWord[c.Status])
		if c.RunsChecked > 0 {
			fmt.Fprintf(&b, "       %d %s; %s; %s\n", c.Resources, plural(c.Resources, "resource", "resources"),
				passingText(c.RunsPassing, c.RunsChecked), findingsText(c.Findings, c.Open))
		}
		for _, id := range c.Rules {
			r := p.rule(id)
			fmt.Fprintf(&b, "       %-14s %d %s, %s, %d/%d days, %d %s, %s\n", r.ID, r.Runs, plural(r.Runs, "run", "runs"),
				passingText(r.RunsPassing, r.RunsChecked), r.DaysCovered, p.Days, r.Resources, plural(r.Resources, "resource", "resources"),
				findingsText(r.Findings, r.Open))
			if len(r.Gaps) > 0 && !slices.Equal(r.Gaps, p.Gaps) {
				fmt.Fprintf(&b, "       %-14s not checked on %s\n", "", gapsText(r.Gaps))
			}
		}
		fmt.Fprintf(&b, "       %s\n", c.Note)
	}
	if len(p.Findings) > 0 {
		b.WriteString("\nFindings:\n")
		for _, f := range p.Findings {
			fmt.Fprintf(&b, "  %s %s (%s): %s\n", f.RuleID, f.Resource, place(f.File, f.Line), findingLife(f))
		}
	}
	if len(p.Waivers) > 0 {
		b.WriteString("\nWaivers:\n")
		for _, wv := range p.Waivers {
			fmt.Fprintf(&b, "  %s %s: %q%s, applied %s to %s: %s\n", wv.RuleID, wv.Resource, wv.Reason, waiverWho(wv),
				date(wv.From), date(wv.To), waiverState(wv))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// PeriodMarkdown writes the period report as Markdown for an auditor: the
// summary, a table of criteria, a table of rules, findings and waivers.
func PeriodMarkdown(w io.Writer, p *PeriodReport) error {
	var b strings.Builder
	b.WriteString("# SOC 2 period report\n\n")
	periodHeader(&b, p, true)
	b.WriteString("\n## Criteria\n\n| Criterion | Category | Status | Rules | Resources | Runs passing | Findings | Open |\n|---|---|---|---:|---:|---:|---:|---:|\n")
	for _, c := range p.Criteria {
		fmt.Fprintf(&b, "| %s %s | %s | %s | %d | %d | %s | %d | %d |\n", c.ID, mdEscape(c.Title), c.Category, periodStatusWord[c.Status],
			len(c.Rules), c.Resources, shareCell(c.RunsPassing, c.RunsChecked), c.Findings, c.Open)
	}
	if len(p.Rules) > 0 {
		b.WriteString("\n## Rules\n\n| Rule | Criteria | Runs | Runs passing | Days covered | Resources | Findings | Open | Not checked on |\n|---|---|---:|---:|---:|---:|---:|---:|---|\n")
		for _, r := range p.Rules {
			fmt.Fprintf(&b, "| %s | %s | %d | %s | %d/%d | %d | %d | %d | %s |\n", r.ID, strings.Join(r.Criteria, ", "), r.Runs,
				shareCell(r.RunsPassing, r.RunsChecked), r.DaysCovered, p.Days, r.Resources, r.Findings, r.Open, gapsText(r.Gaps))
		}
	}
	if len(p.Findings) > 0 {
		b.WriteString("\n## Findings\n\n| Rule | Resource | File | First seen | Waived | Fixed | Time to remediate | State |\n|---|---|---|---|---|---|---|---|\n")
		for _, f := range p.Findings {
			first := date(f.FirstSeen)
			if f.OpenAtStart {
				first += " (at start)"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", f.RuleID, mdEscape(f.Resource), mdEscape(place(f.File, f.Line)),
				first, datePtr(f.Waived), datePtr(f.Fixed), ttrText(f), f.State)
		}
	}
	if len(p.Waivers) > 0 {
		b.WriteString("\n## Waivers\n\n| Rule | Resource | Reason | Owner | Expires | Applied | State |\n|---|---|---|---|---|---|---|\n")
		for _, wv := range p.Waivers {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s to %s | %s |\n", wv.RuleID, mdEscape(wv.Resource), mdEscape(wv.Reason),
				mdEscape(wv.Owner), wv.Expires, date(wv.From), date(wv.To), waiverState(wv))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// periodHeader writes the period, its runs, coverage, rule-set changes and
// the summary.
func periodHeader(b *strings.Builder, p *PeriodReport, md bool) {
	item := ""
	if md {
		item = "- "
	}
	if !md {
		b.WriteString("SOC 2 period report\n")
	}
	scope := make([]string, len(p.Scope))
	for i, c := range p.Scope {
		scope[i] = string(c)
	}
	fmt.Fprintf(b, "%sPeriod: %s to %s (%d %s); scope: %s\n", item, p.From, p.To, p.Days, plural(p.Days, "day", "days"), strings.Join(scope, ", "))
	runs := fmt.Sprintf("%sRuns: %d", item, p.Runs)
	if p.Runs > 0 {
		runs += fmt.Sprintf(", first %s, last %s", p.FirstRun.Format(time.RFC3339), p.LastRun.Format(time.RFC3339))
	}
	if p.RunsWithErrors > 0 {
		runs += fmt.Sprintf("; %d with scan errors (population incomplete)", p.RunsWithErrors)
	}
	b.WriteString(runs + "\n")
	fmt.Fprintf(b, "%sDays covered: %d of %d", item, p.DaysCovered, p.Days)
	if len(p.Gaps) > 0 {
		fmt.Fprintf(b, "; no run on %s", gapsText(p.Gaps))
	}
	b.WriteString("\n")
	if p.RuleSet != "" {
		fmt.Fprintf(b, "%sRule set at start: %s; %d %s in the period\n", item, p.RuleSet, len(p.RuleSetChanges),
			plural(len(p.RuleSetChanges), "change", "changes"))
	}
	for _, c := range p.RuleSetChanges {
		var what []string
		for _, part := range []struct {
			name string
			ids  []string
		}{{"changed", c.Changed}, {"added", c.Added}, {"removed", c.Removed}, {"library", c.Library}} {
			if len(part.ids) > 0 {
				what = append(what, part.name+" "+strings.Join(part.ids, ", "))
			}
		}
		if len(what) == 0 {
			what = []string{"no rule or library digest changed"}
		}
		indent := "  "
		if md {
			indent = "  - "
		}
		fmt.Fprintf(b, "%s%s run %s: %s → %s (%s → %s): %s\n", indent, c.Time.Format(time.RFC3339), c.RunID, short(c.Old), short(c.New),
			c.OldVersion, c.NewVersion, strings.Join(what, "; "))
	}
	s := p.Summary
	fmt.Fprintf(b, "%sFindings: %d (%d open at the end, %d fixed, %d waived, %d no longer evaluated)", item, s.Findings, s.Open, s.Fixed, s.Waived, s.NotEvaluated)
	if s.MedianTimeToRemediate > 0 {
		fmt.Fprintf(b, "; median time to remediate %s", durationText(time.Duration(s.MedianTimeToRemediate)*time.Second))
	}
	b.WriteString("\n")
	if s.WaiversExpired > 0 {
		fmt.Fprintf(b, "%sWaivers expired while still needed: %d\n", item, s.WaiversExpired)
	}
	fmt.Fprintf(b, "%sCriteria: %d in scope: %d failed in some runs, %d passed in every run, %d not checked, %d need manual evidence\n",
		item, len(p.Criteria), s.Criteria[report.CriterionFailed], s.Criteria[report.CriterionPassed], s.Criteria[report.CriterionNotChecked],
		s.Criteria[report.CriterionManual])
}

func (p *PeriodReport) rule(id string) PeriodRule {
	i, _ := slices.BinarySearchFunc(p.Rules, id, func(r PeriodRule, id string) int { return cmp.Compare(r.ID, id) })
	return p.Rules[i]
}

func passingText(passing, checked int) string {
	if checked == 0 {
		return "no run checked a resource"
	}
	return fmt.Sprintf("%d of %d runs passing (%s)", passing, checked, percent(passing, checked))
}

func shareCell(passing, checked int) string {
	if checked == 0 {
		return "–"
	}
	return fmt.Sprintf("%d/%d (%s)", passing, checked, percent(passing, checked))
}

func percent(n, of int) string {
	return strconv.FormatFloat(float64(n)*100/float64(of), 'f', 1, 64) + "%"
}

func findingsText(n, open int) string {
	return fmt.Sprintf("%d %s, %d open", n, plural(n, "finding", "findings"), open)
}

func findingLife(f PeriodFinding) string {
	s := "first seen " + date(f.FirstSeen)
	if f.OpenAtStart {
		s += " (at the start of the period)"
	}
	if f.Waived != nil {
		s += ", waived " + date(*f.Waived)
	}
	if f.Fixed != nil {
		s += ", fixed " + date(*f.Fixed)
	}
	if f.Remediated != nil {
		s += ", remediated in " + ttrText(f)
	}
	switch f.State {
	case FindingOpen:
		s += "; OPEN at the end"
	case FindingWaived:
		s += "; waived at the end"
	case FindingNotEvaluated:
		s += "; no longer evaluated after " + date(f.LastSeen)
	}
	return s
}

func ttrText(f PeriodFinding) string {
	if f.Remediated == nil {
		return ""
	}
	return durationText(time.Duration(f.TimeToRemediate) * time.Second)
}

// durationText formats a time to remediate in days and hours: 3d 4h, 5h, 0h.
func durationText(d time.Duration) string {
	days, hours := int(d/day), int(d%day/time.Hour)
	switch {
	case days == 0:
		return fmt.Sprintf("%dh", hours)
	case hours == 0:
		return fmt.Sprintf("%dd", days)
	}
	return fmt.Sprintf("%dd %dh", days, hours)
}

func waiverWho(wv PeriodWaiver) string {
	var parts []string
	if wv.Owner != "" {
		parts = append(parts, wv.Owner)
	}
	if wv.Expires != "" {
		parts = append(parts, "expires "+wv.Expires)
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

func waiverState(wv PeriodWaiver) string {
	switch wv.State {
	case WaiverInForce:
		return "in force at the end"
	case WaiverExpired:
		return "EXPIRED while still failing (" + datePtr(wv.Ended) + ")"
	case WaiverWithdrawn:
		return "withdrawn while still failing (" + datePtr(wv.Ended) + ")"
	case WaiverFixed:
		return "finding fixed " + datePtr(wv.Ended)
	case WaiverReplaced:
		return "replaced " + datePtr(wv.Ended)
	}
	return "resource no longer evaluated"
}

func gapsText(gaps []Gap) string {
	parts := make([]string, len(gaps))
	for i, g := range gaps {
		if g.From == g.To {
			parts[i] = g.From
		} else {
			parts[i] = fmt.Sprintf("%s to %s (%d days)", g.From, g.To, g.Days)
		}
	}
	return strings.Join(parts, ", ")
}

func place(file string, line int) string {
	if line > 0 {
		return fmt.Sprintf("%s:%d", file, line)
	}
	return file
}

func date(t time.Time) string { return t.UTC().Format(time.DateOnly) }

func datePtr(t *time.Time) string {
	if t == nil {
		return ""
	}
	return date(*t)
}

func short(digest string) string { return digest[:min(12, len(digest))] }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

// PeriodCSV writes one row per rule × resource × run of the period, for an
// auditor's sampling spreadsheet: the runs in time order, each run's
// evaluations in its file's order, of rules for criteria in scope. It reads
// the runs' evaluations again, a line at a time, so its size is not bound
// by memory.
func PeriodCSV(w io.Writer, p *PeriodReport) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"run_id", "run_time", "criteria", "rule_id", "rule_sha256", "resource", "file", "line", "status", "waiver_reason"}); err != nil {
		return err
	}
	buf := make([]byte, 1<<20)
	var l evalLine
	row := make([]string, 10)
	inScope := map[string]bool{}
	for _, r := range p.Rules {
		inScope[r.ID] = true
	}
	for _, e := range p.runs {
		path := filepath.Join(p.dir, RunsDir, e.RunID, EvaluationsFile)
		err := func() error {
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			sc.Buffer(buf, 64<<20)
			row[0], row[1] = e.RunID, e.Time.UTC().Format(time.RFC3339)
			for n := 1; sc.Scan(); n++ {
				if err := l.parse(sc.Bytes()); err != nil {
					return fmt.Errorf("%s:%d: not a soc2scan evaluation: %w", path, n, err)
				}
				if !inScope[string(l.rule)] {
					continue
				}
				row[2] = strings.Join(l.criteriaList(), ";")
				row[3], row[4], row[5], row[6] = string(l.rule), string(l.digest), string(l.resource), string(l.file)
				row[7] = ""
				if l.line > 0 {
					row[7] = strconv.Itoa(l.line)
				}
				row[8], row[9] = string(l.status), string(l.reason)
				if err := cw.Write(row); err != nil {
					return err
				}
			}
			if err := sc.Err(); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			return nil
		}()
		if err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
