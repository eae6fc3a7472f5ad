// Package evidence keeps audit evidence of scans over time: one immutable
// bundle per run (run.json, evaluations.jsonl, sha256sums) under DIR/runs,
// and DIR/ledger.jsonl, a hash chain of the bundles' digests, which Verify
// re-checks to show that no bundle was altered, removed or reordered.
//
// Layout of an evidence directory:
//
//	DIR/ledger.jsonl                       one LedgerEntry per line, in append order
//	DIR/runs/<run id>/run.json             RunRecord: provenance, rule set, inputs, counts
//	DIR/runs/<run id>/evaluations.jsonl    one Evaluation per rule × resource
//	DIR/runs/<run id>/sha256sums           sums of the two files, as sha256sum writes them
package evidence

import (
	"time"

	"github.com/soc2scan/soc2scan/pkg/report"
	"github.com/soc2scan/soc2scan/pkg/soc2"
)

// Schema identifies the format of run.json.
const Schema = "soc2scan.evidence/v1"

// Names of the files of an evidence directory and of a bundle.
const (
	LedgerFile      = "ledger.jsonl"
	RunsDir         = "runs"
	RunFile         = "run.json"
	EvaluationsFile = "evaluations.jsonl"
	SumsFile        = "sha256sums"
)

// zeroDigest is the previous digest of the ledger's first line.
const zeroDigest = "0000000000000000000000000000000000000000000000000000000000000000"

// Run describes one scan for its bundle.
type Run struct {
	// ID is the run's UUID; Write makes a random (version 4) one when empty.
	ID         string
	Start, End time.Time
	Tool       string // "soc2scan"
	Version    string // the tool's version
	Commit     string // the tool's VCS revision, if known
	// Inputs are the paths as given to the scan, files or directories.
	Inputs []string
	Scope  []soc2.Category
	// Rules are the rules that ran, with their digests (scan.Scanner.RuleDigests).
	Rules []RuleRecord
	// Library holds the digests of the Rego library modules the rules
	// share, by path (scan.Scanner.LibraryDigests).
	Library map[string]string
	Report  *report.Report
	// Env looks up CI variables (os.Getenv); nil reads none.
	Env func(string) string
	// WorkDir is where git is asked for the repository, commit and ref;
	// empty skips git.
	WorkDir string
}

// RuleRecord identifies one rule that ran and the exact logic it ran.
type RuleRecord struct {
	ID       string   `json:"id"`
	Criteria []string `json:"criteria"`
	Digest   string   `json:"sha256"`
}

// RunRecord is the content of run.json.
type RunRecord struct {
	Schema  string    `json:"schema"`
	RunID   string    `json:"run_id"`
	Start   time.Time `json:"start"`
	End     time.Time `json:"end"`
	Tool    Tool      `json:"tool"`
	RuleSet RuleSet   `json:"rule_set"`
	Scope   []string  `json:"scope"`
	// Inputs are the paths given to the scan: a file with its sha256, a
	// directory without (its files are in Files).
	Inputs []FileDigest `json:"inputs"`
	// Files are the files the report names (sources of checks, findings,
	// errors and warnings; findings' locations and module calls; waivers'
	// origins) that are regular files on disk, each with its sha256.
	Files  []FileDigest `json:"files"`
	Source Source       `json:"source"`
	Counts Counts       `json:"counts"`
	// Errors and Warnings are the report's: inputs or rules not read, or
	// read only in part, so the population checked was incomplete.
	Errors   []report.Error `json:"errors"`
	Warnings []report.Error `json:"warnings"`
}

// Tool is the scanner that made the run.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Commit  string `json:"commit,omitempty"`
}

// RuleSet is the logic that ran. SHA256 is over the canonical JSON (compact,
// keys in the order shown, rules sorted by id, library by path) of
// {"rules":Rules,"library":Library}.
type RuleSet struct {
	Version string       `json:"version"`
	SHA256  string       `json:"sha256"`
	Rules   []RuleRecord `json:"rules"`
	Library []FileDigest `json:"library"`
}

// FileDigest is a path and the sha256 of its content; a directory has
// Kind "directory" and no digest.
type FileDigest struct {
	Path   string `json:"path"`
	Kind   string `json:"kind,omitempty"`
	SHA256 string `json:"sha256,omitempty"`
}

// Source is where the scanned configuration came from: the repository and
// commit, and the CI run that scanned it.
type Source struct {
	Repository string `json:"repository,omitempty"`
	Commit     string `json:"commit,omitempty"`
	Ref        string `json:"ref,omitempty"`
	// Dirty is true when git reported uncommitted changes in the work tree.
	Dirty    bool   `json:"dirty,omitempty"`
	CI       string `json:"ci,omitempty"` // github-actions, gitlab-ci
	RunURL   string `json:"ci_run_url,omitempty"`
	Actor    string `json:"actor,omitempty"`
	GitError string `json:"git_error,omitempty"` // why git gave nothing, when asked
}

// Counts counts evaluations by status, in all and per criterion.
type Counts struct {
	Total       StatusCounts            `json:"total"`
	ByCriterion map[string]StatusCounts `json:"by_criterion"`
}

// StatusCounts counts evaluations by status.
type StatusCounts struct {
	Pass    int `json:"pass"`
	Fail    int `json:"fail"`
	Unknown int `json:"unknown"`
	Waived  int `json:"waived"`
}

// Evaluation statuses beyond report's pass, fail and unknown.
const (
	// Waived is a failed check whose findings are all accepted, at least
	// one by a waiver.
	Waived = "waived"
)

// Evaluation is one line of evaluations.jsonl: one rule on one resource.
// It has no nested objects, so that it loads into a spreadsheet or a
// table as it is.
type Evaluation struct {
	RuleID     string   `json:"rule_id"`
	Criteria   []string `json:"criteria"`
	RuleDigest string   `json:"rule_sha256"`
	Severity   string   `json:"severity,omitempty"`
	Resource   string   `json:"resource"`
	Source     string   `json:"source"`
	File       string   `json:"file"`
	Line       int      `json:"line,omitempty"`
	Status     string   `json:"status"`
	Message    string   `json:"message,omitempty"`
	// Baseline marks a failure accepted because it is in the baseline.
	Baseline      bool   `json:"baseline,omitempty"`
	WaiverReason  string `json:"waiver_reason,omitempty"`
	WaiverOwner   string `json:"waiver_owner,omitempty"`
	WaiverExpires string `json:"waiver_expires,omitempty"`
	WaiverOrigin  string `json:"waiver_origin,omitempty"`
}

// LedgerEntry is one line of ledger.jsonl.
type LedgerEntry struct {
	RunID string    `json:"run_id"`
	Time  time.Time `json:"time"` // the run's start, UTC
	// Bundle is the sha256 of the bundle's sha256sums file.
	Bundle string `json:"bundle_sha256"`
	// Prev is the sha256 of the previous line (without its newline);
	// 64 zeros on the first line.
	Prev string `json:"prev_sha256"`
}
