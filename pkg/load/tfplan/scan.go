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

// span is the text of one top-level value.
type span struct {
	position
	end int    // offset just past the value
	key string // its key
}

// errStructure is a fault in the top-level structure, at an offset.
type errStructure struct {
	offset int
	msg    string
}

func (e *errStructure) Error() string { return e.msg }

// topLevel splits a JSON object into the spans of its values, by key. It
// checks the object's own structure (keys, colons, commas, the closing brace
// and nothing after it) but not the values inside, which their decoders
// check. It returns nil and no error when the text is not an object.
func topLevel(data []byte) (map[string]span, error) {
	t := &tokenizer{data: data, line: 1}
	if kind, _ := t.next(); kind != '{' {
		return nil, nil
	}
	spans := map[string]span{}
	fail := func(msg string) (map[string]span, error) {
		return nil, &errStructure{offset: t.pos, msg: msg}
	}
	for {
		kind, raw := t.next()
		if kind == '}' && len(spans) == 0 {
			break
		}
		if kind != tokString {
			return fail("want a key in the top-level object")
		}
		key := unescape(raw)
		if kind, _ := t.next(); kind != ':' {
			return fail("want ':' after key " + key)
		}
		start := skipSpace(data, t.pos, t.line)
		depth := 0
		for {
			kind, _ := t.next()
			switch kind {
			case tokEOF:
				return fail("the file ends inside " + key)
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			case ':', ',':
				if depth == 0 {
					return fail("want a value for " + key)
				}
			}
			if depth <= 0 {
				break
			}
		}
		if depth < 0 {
			return fail("unbalanced brackets in " + key)
		}
		spans[key] = span{position: start, end: t.pos, key: key}
		kind, _ = t.next()
		if kind == '}' {
			break
		}
		if kind != ',' {
			return fail("want ',' or '}' after " + key)
		}
	}
	if kind, _ := t.next(); kind != tokEOF {
		return fail("text after the top-level object")
	}
	return spans, nil
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
	if p.offset >= len(data) || data[p.offset] != '{' {
		return lines
	}
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
			if len(objLines) <= 1 {
				return lines
			}
			objLines = objLines[:len(objLines)-1]
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
