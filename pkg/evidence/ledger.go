package evidence

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// appendLedger appends the run's line to the ledger at path, chained to
// the last line. Under an exclusive lock it reads the last line and writes
// the new one with a single write to a file opened for appending, so two
// scans appending at once each chain to the other's line. A ledger whose
// last line is not a complete entry is not appended to.
func appendLedger(path, runID string, start time.Time, bundle string) (err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	unlock, err := lockLedger(f)
	if err != nil {
		return err
	}
	defer unlock()
	last, err := lastLine(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	prev := zeroDigest
	if last != nil {
		if _, err := parseEntry(last); err != nil {
			return fmt.Errorf("%s: last line: %w; not appending (run soc2scan evidence verify)", path, err)
		}
		sum := sha256.Sum256(last)
		prev = hex.EncodeToString(sum[:])
	}
	line, err := json.Marshal(LedgerEntry{RunID: runID, Time: start.UTC(), Bundle: bundle, Prev: prev})
	if err != nil {
		return err
	}
	if _, err := f.Write(append(line, '\n')); err != nil {
		return err
	}
	return f.Sync()
}

// lastLine returns the last line of f without its newline, nil when f is
// empty. It reads from the end, so appending stays fast on a long ledger.
func lastLine(f *os.File) ([]byte, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := info.Size()
	if size == 0 {
		return nil, nil
	}
	for n := int64(4096); ; n *= 2 {
		n = min(n, size)
		buf := make([]byte, n)
		if _, err := f.ReadAt(buf, size-n); err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		if buf[len(buf)-1] != '\n' {
			return nil, errors.New("last line is incomplete (no newline); not appending (run soc2scan evidence verify)")
		}
		body := buf[:len(buf)-1]
		if i := bytes.LastIndexByte(body, '\n'); i >= 0 {
			return body[i+1:], nil
		}
		if n == size {
			return body, nil
		}
	}
}

// parseEntry reads one ledger line strictly: known fields only, each
// present and well formed.
func parseEntry(line []byte) (LedgerEntry, error) {
	var e LedgerEntry
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		return e, fmt.Errorf("not a ledger entry: %w", err)
	}
	if dec.More() {
		return e, errors.New("not a ledger entry: more than one JSON value")
	}
	switch {
	case !validRunID(e.RunID):
		return e, fmt.Errorf("not a ledger entry: run_id %q is not a UUID", e.RunID)
	case e.Time.IsZero():
		return e, errors.New("not a ledger entry: no time")
	case !validDigest(e.Bundle):
		return e, fmt.Errorf("not a ledger entry: bundle_sha256 %q is not a sha256", e.Bundle)
	case !validDigest(e.Prev):
		return e, fmt.Errorf("not a ledger entry: prev_sha256 %q is not a sha256", e.Prev)
	}
	return e, nil
}

func validDigest(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
