package report

import (
	"io"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	jsonv1 "github.com/go-json-experiment/json/v1"
)

// JSON writes the report as indented JSON, the documented contract: what
// encoding/json writes (its options, v1), streamed by encoding/json/v2's
// encoder. The report of a large scan is tens of megabytes, which
// encoding/json first marshals whole and then indents in a second pass:
// twice the time, and the memory of both copies.
func JSON(w io.Writer, r *Report) error {
	if err := jsonv2.MarshalWrite(w, r, jsonv1.DefaultOptionsV1(), jsontext.WithIndent("  "), jsontext.EscapeForHTML(false)); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
