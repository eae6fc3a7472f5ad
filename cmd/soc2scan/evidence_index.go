package main

import (
	"bufio"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/soc2scan/soc2scan/pkg/evidence/index"
)

func newEvidenceIndexCommand(stdout io.Writer) *cobra.Command {
	var db string
	cmd := &cobra.Command{
		Use:   "index [flags] DIR",
		Short: "Build or refresh the SQLite index of an evidence directory",
		Long: "Build DIR/index.sqlite (or --db FILE), a SQLite index of the ledger's runs, their rule sets\n" +
			"and every evaluation, for evidence query. When the ledger only grew since the last build, the\n" +
			"new runs are appended; otherwise the index is built from scratch. The index is written beside\n" +
			"itself and renamed into place, so a failed build leaves the old one; nothing else in DIR is\n" +
			"written. It is a cache: delete it at will, and keep it out of version control.\n\n" +
			"Exit codes: 0 index up to date, 2 DIR unreadable, a file in it corrupt, or a usage error.",
		Example: "  soc2scan evidence index evidence/\n" +
			"  soc2scan evidence index evidence/ --db evidence.sqlite",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{fmt.Errorf("evidence index needs one DIR")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			path := indexPath(args[0], db)
			st, err := index.Build(cmd.Context(), args[0], path)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(stdout, indexSummary(path, st))
			return err
		},
	}
	cmd.Flags().StringVar(&db, "db", "", "the index file (default DIR/"+index.File+")")
	return cmd
}

// indexPath is where the index of dir is: db, or its default place.
func indexPath(dir, db string) string {
	if db != "" {
		return db
	}
	return filepath.Join(dir, index.File)
}

func indexSummary(path string, st index.Stats) string {
	if st.Incremental && st.Runs == 0 {
		return fmt.Sprintf("%s: up to date, %d ledger line(s)", path, st.LedgerLines)
	}
	how := "built from scratch"
	if st.Incremental {
		how = "appended"
	}
	return fmt.Sprintf("%s: %d run(s), %d evaluation(s) %s, %d ledger line(s)", path, st.Runs, st.Evaluations, how, st.LedgerLines)
}

// queryFormats write a query's rows.
var queryFormats = map[string]func(io.Writer, *index.Rows) error{
	"text": queryText,
	"json": queryJSON,
	"csv":  queryCSV,
}

func newEvidenceQueryCommand(stdout, stderr io.Writer) *cobra.Command {
	var db, format string
	cmd := &cobra.Command{
		Use:   "query [flags] DIR SQL",
		Short: "Run a read-only SQL query on the index of an evidence directory",
		Long: "Run one SQL query (SQLite) on the index of DIR, after building or refreshing the index when\n" +
			"it does not cover the whole ledger (see evidence index). The index is opened read-only and a\n" +
			"statement that would write, attach a file, or set a pragma is refused. Tables: runs, rules,\n" +
			"rule_criteria, evaluations, meta; docs/evidence.md describes their columns.\n\n" +
			"Exit codes: 0 query run, 2 DIR unreadable, a file in it corrupt, an SQL error, or a usage error.",
		Example: "  soc2scan evidence query evidence/ \"SELECT date(time) AS day, count(*) AS runs FROM runs GROUP BY day\"\n" +
			"  soc2scan evidence query evidence/ --format csv \"SELECT * FROM evaluations WHERE status = 'fail'\"",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usageError{fmt.Errorf("evidence query needs DIR and SQL")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			write, ok := queryFormats[format]
			if !ok {
				return usageError{fmt.Errorf("unknown --format %q (want text, json or csv)", format)}
			}
			dir, path := args[0], indexPath(args[0], db)
			fresh, err := index.Fresh(dir, path)
			if err != nil {
				return err
			}
			if !fresh {
				st, err := index.Build(cmd.Context(), dir, path)
				if err != nil {
					return err
				}
				fmt.Fprintln(stderr, indexSummary(path, st))
			}
			rows, err := index.Query(cmd.Context(), path, args[1])
			if err != nil {
				return err
			}
			defer rows.Close()
			if err := write(stdout, rows); err != nil {
				return err
			}
			return rows.Close()
		},
	}
	cmd.Flags().StringVar(&db, "db", "", "the index file (default DIR/"+index.File+")")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text (aligned columns), json or csv")
	return cmd
}

// queryText writes the rows as aligned columns under a header. NULL is
// empty; tabs and line breaks in a value are escaped to keep one row a line.
func queryText(w io.Writer, rows *index.Rows) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	esc := strings.NewReplacer("\\", `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)
	cells := make([]string, len(rows.Columns()))
	line := func(cells []string) {
		for i, c := range cells {
			cells[i] = esc.Replace(c)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	line(append([]string(nil), rows.Columns()...))
	for rows.Next() {
		for i, v := range rows.Values() {
			cells[i] = cell(v)
		}
		line(cells)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return tw.Flush()
}

// queryCSV writes the rows as CSV under a header; NULL is empty.
func queryCSV(w io.Writer, rows *index.Rows) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(rows.Columns()); err != nil {
		return err
	}
	cells := make([]string, len(rows.Columns()))
	for rows.Next() {
		for i, v := range rows.Values() {
			cells[i] = cell(v)
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// queryJSON writes the rows as a JSON array of objects, one a line, each
// with the columns in the query's order.
func queryJSON(w io.Writer, rows *index.Rows) error {
	bw := bufio.NewWriter(w)
	keys := make([][]byte, len(rows.Columns()))
	for i, c := range rows.Columns() {
		k, err := json.Marshal(c)
		if err != nil {
			return err
		}
		keys[i] = k
	}
	bw.WriteString("[")
	for n := 0; rows.Next(); n++ {
		if n > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n{")
		for i, v := range rows.Values() {
			switch x := v.(type) {
			case []byte:
				v = cell(x)
			case float64:
				if math.IsInf(x, 0) || math.IsNaN(x) {
					v = cell(x) // JSON has no number for them
				}
			}
			val, err := json.Marshal(v)
			if err != nil {
				return err
			}
			if i > 0 {
				bw.WriteString(",")
			}
			bw.Write(keys[i])
			bw.WriteString(":")
			bw.Write(val)
		}
		bw.WriteString("}")
	}
	if err := rows.Err(); err != nil {
		return err
	}
	bw.WriteString("\n]\n")
	return bw.Flush()
}

// cell is a value as text: NULL is empty, a blob is its text when it is
// UTF-8, else x'<hex>' as SQL writes it.
func cell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case []byte:
		if utf8.Valid(v) {
			return string(v)
		}
		return "x'" + hex.EncodeToString(v) + "'"
	}
	return fmt.Sprint(v)
}
