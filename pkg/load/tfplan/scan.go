package tfplan

import (
	"bytes"
	"encoding/json"
)

// tokenizer walks JSON text token by token, counting lines, without building
// values. It finds positions that encoding/json does not report: where each
// top-level key starts and which line each resource object begins on. It
// trusts that the text is valid JSON (callers validate first) and stops
// quietly at the end of input.
type tokenizer struct {
	data []byte
	pos  int
	line int
}

// Token kinds returned by next besides the structural characters {}[]:,.
const (
	tokString  = '"'
	tokLiteral = 'v'
	tokEOF     = 0
)

// next returns the next token; for strings, raw holds the text between the
// quotes, still escaped.
func (t *tokenizer) next() (kind byte, raw []byte) {
	for t.pos < len(t.data) {
		c := t.data[t.pos]
		switch c {
		case '\n':
			t.line++
			t.pos++
		case ' ', '\t', '\r':
			t.pos++
		case '{', '}', '[', ']', ':', ',':
			t.pos++
			return c, nil
		case '"':
			start := t.pos + 1
			i := start
			for {
				j := bytes.IndexByte(t.data[i:], '"')
				if j < 0 {
					t.pos = len(t.data)
					return tokEOF, nil
				}
				i += j
				// The quote is escaped when an odd number of backslashes precede it.
				n := 0
				for k := i - 1; k >= start && t.data[k] == '\\'; k-- {
					n++
				}
				if n%2 == 0 {
					break
				}
				i++
			}
			t.pos = i + 1
			return tokString, t.data[start:i]
		default:
			for t.pos < len(t.data) && !isDelimiter(t.data[t.pos]) {
				t.pos++
			}
			return tokLiteral, nil
		}
	}
	return tokEOF, nil
}

func isDelimiter(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', ',', ':', ']', '}':
		return true
	}
	return false
}

// unescape decodes the raw text of a JSON string.
func unescape(raw []byte) string {
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw)
	}
	var s string
	if err := json.Unmarshal(append(append([]byte{'"'}, raw...), '"'), &s); err != nil {
		return string(raw)
	}
	return s
}

// position is where a value starts in the text.
type position struct {
	offset int // byte offset of the value's first character
	line   int // 1-based
}

// topLevelKeys returns where the value of each key of the top-level object
// starts. It returns nil when the text is not an object.
func topLevelKeys(data []byte) map[string]position {
	t := &tokenizer{data: data, line: 1}
	if kind, _ := t.next(); kind != '{' {
		return nil
	}
	keys := map[string]position{}
	depth := 1
	var key string
	expectValue := false
	for depth > 0 {
		before, beforeLine := t.pos, t.line
		kind, raw := t.next()
		switch kind {
		case tokEOF:
			return keys
		case '{', '[':
			if expectValue {
				keys[key] = skipSpace(data, before, beforeLine)
			}
			depth++
			expectValue = false
		case '}', ']':
			depth--
		case ':':
			expectValue = depth == 1
		case tokString:
			if expectValue {
				keys[key] = skipSpace(data, before, beforeLine)
				expectValue = false
			} else if depth == 1 {
				key = unescape(raw)
			}
		case tokLiteral:
			if expectValue {
				keys[key] = skipSpace(data, before, beforeLine)
				expectValue = false
			}
		}
	}
	return keys
}

func skipSpace(data []byte, pos, line int) position {
	for pos < len(data) {
		switch data[pos] {
		case '\n':
			line++
		case ' ', '\t', '\r':
		default:
			return position{offset: pos, line: line}
		}
		pos++
	}
	return position{offset: pos, line: line}
}

// addressLines scans the value that starts at p and returns, for each
// "address" key, the line of the object that holds it. Terraform writes each
// resource and module of planned_values and values as an object with an
// "address" key; the first object to name an address wins, so an attribute
// that happens to be called "address" never overrides its resource.
func addressLines(data []byte, p position) map[string]int {
	t := &tokenizer{data: data, pos: p.offset, line: p.line}
	lines := map[string]int{}
	var objLines []int // line of each open object; 0 for arrays
	lastKeyIsAddress, expectAddress := false, false
	for {
		kind, raw := t.next()
		switch kind {
		case tokEOF:
			return lines
		case '{':
			objLines = append(objLines, t.line)
		case '[':
			objLines = append(objLines, 0)
		case '}', ']':
			objLines = objLines[:len(objLines)-1]
			if len(objLines) == 0 {
				return lines
			}
		case ':':
			expectAddress = lastKeyIsAddress
			continue
		case tokString:
			if expectAddress {
				addr := unescape(raw)
				if _, seen := lines[addr]; !seen && len(objLines) > 0 && objLines[len(objLines)-1] > 0 {
					lines[addr] = objLines[len(objLines)-1]
				}
				expectAddress, lastKeyIsAddress = false, false
				continue
			}
			lastKeyIsAddress = string(raw) == "address"
			continue
		}
		lastKeyIsAddress, expectAddress = false, false
	}
}
