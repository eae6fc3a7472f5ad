// Package htmlcheck helps tests of the HTML reports: every count a page
// shows carries the JSON pointer of the value it shows (data-json="/summary/
// findings"), and Counts compares each with the JSON report.
package htmlcheck

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Counts compares the text of every element of page marked with attr (a
// JSON pointer) with the value at that pointer in the JSON document doc. It
// returns how many marked counts there are and one message per mismatch.
func Counts(page, attr string, doc []byte) (int, []string, error) {
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		return 0, nil, err
	}
	ms := regexp.MustCompile(`<[^>]*\s`+regexp.QuoteMeta(attr)+`="([^"]+)"[^>]*>([^<]*)<`).FindAllStringSubmatch(page, -1)
	var problems []string
	for _, m := range ms {
		want, err := Pointer(v, m[1])
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s=%q: %v", attr, m[1], err))
		} else if got := strings.TrimSpace(m[2]); got != want {
			problems = append(problems, fmt.Sprintf("%s=%q shows %q, JSON has %s", attr, m[1], got, want))
		}
	}
	return len(ms), problems, nil
}

// Pointer returns the value at an RFC 6901 pointer (without escapes) in a
// decoded JSON document, formatted as JSON.
func Pointer(v any, ptr string) (string, error) {
	for _, part := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[part]; !ok {
				return "", fmt.Errorf("no %q", part)
			}
		case []any:
			i, err := strconv.Atoi(part)
			if err != nil || i < 0 || i >= len(x) {
				return "", fmt.Errorf("no index %q", part)
			}
			v = x[i]
		default:
			return "", fmt.Errorf("%q in a scalar", part)
		}
	}
	b, err := json.Marshal(v)
	return string(b), err
}
