package index

import "strings"

// Schema identifies the index's tables and columns; it is the meta table's
// "schema" value. An index of another schema is rebuilt, never appended to.
const Schema = "soc2scan.index/v1"

// timeLayout is how times are stored: UTC, fixed width, so that text order
// is time order and SQLite's date and time functions read them.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

// tables creates the tables; indexes are created after the rows of a full
// build are in, which is faster than keeping them up to date row by row.
var tables = []string{
	`CREATE TABLE meta (
		key   TEXT PRIMARY KEY,
		value TEXT NOT NULL
	) STRICT, WITHOUT ROWID`,
	`CREATE TABLE runs (
		seq             INTEGER NOT NULL UNIQUE,
		run_id          TEXT PRIMARY KEY,
		time            TEXT NOT NULL,
		end             TEXT NOT NULL,
		tool            TEXT NOT NULL,
		version         TEXT NOT NULL,
		tool_commit     TEXT,
		rule_set_sha256 TEXT NOT NULL,
		scope           TEXT NOT NULL,
		repository      TEXT,
		commit_sha      TEXT,
		ref             TEXT,
		dirty           INTEGER NOT NULL,
		ci              TEXT,
		ci_run_url      TEXT,
		actor           TEXT,
		bundle_sha256   TEXT NOT NULL,
		errors          INTEGER NOT NULL,
		warnings        INTEGER NOT NULL,
		pass            INTEGER NOT NULL,
		fail            INTEGER NOT NULL,
		unknown         INTEGER NOT NULL,
		waived          INTEGER NOT NULL
	) STRICT`,
	`CREATE TABLE rules (
		run_id      TEXT NOT NULL,
		rule_id     TEXT NOT NULL,
		rule_sha256 TEXT NOT NULL,
		PRIMARY KEY (run_id, rule_id, rule_sha256)
	) STRICT, WITHOUT ROWID`,
	`CREATE TABLE rule_criteria (
		rule_id     TEXT NOT NULL,
		rule_sha256 TEXT NOT NULL,
		criterion   TEXT NOT NULL,
		PRIMARY KEY (rule_id, rule_sha256, criterion)
	) STRICT, WITHOUT ROWID`,
	`CREATE TABLE evaluations (
		run_id         TEXT NOT NULL,
		jsonl_line     INTEGER NOT NULL,
		rule_id        TEXT NOT NULL,
		rule_sha256    TEXT NOT NULL,
		resource       TEXT NOT NULL,
		source         TEXT NOT NULL,
		file           TEXT NOT NULL,
		line           INTEGER,
		status         TEXT NOT NULL,
		severity       TEXT,
		message        TEXT,
		baseline       INTEGER NOT NULL,
		waiver_reason  TEXT,
		waiver_owner   TEXT,
		waiver_expires TEXT,
		waiver_origin  TEXT
	) STRICT`,
}

// indexes serve the usual questions: a run's evaluations (by status), a
// rule's, a criterion's rules, everything of one status, a resource's
// history.
var indexes = []string{
	`CREATE INDEX runs_time ON runs (time)`,
	`CREATE INDEX rules_rule ON rules (rule_id, rule_sha256)`,
	`CREATE INDEX rule_criteria_criterion ON rule_criteria (criterion)`,
	`CREATE INDEX evaluations_run ON evaluations (run_id, status)`,
	`CREATE INDEX evaluations_rule ON evaluations (rule_id, status)`,
	`CREATE INDEX evaluations_status ON evaluations (status)`,
	`CREATE INDEX evaluations_resource ON evaluations (resource, rule_id)`,
}

// Insert statements, one per table, and insertEvals for evalBatch
// evaluations at once.
const (
	insertMeta     = `INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`
	insertRun      = `INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertRule     = `INSERT OR IGNORE INTO rules VALUES (?, ?, ?)`
	insertCriteria = `INSERT OR IGNORE INTO rule_criteria VALUES (?, ?, ?)`
	insertEval     = `INSERT INTO evaluations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
)

const (
	evalColumns = 16
	evalBatch   = 64
)

var insertEvals = `INSERT INTO evaluations VALUES ` +
	strings.Repeat(insertEval[len(`INSERT INTO evaluations VALUES `):]+", ", evalBatch-1) + insertEval[len(`INSERT INTO evaluations VALUES `):]
