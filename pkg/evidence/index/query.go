package index

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"

	sqlite "modernc.org/sqlite"
)

// Rows is the result of Query, read a row at a time.
type Rows struct {
	db     *sql.DB
	conn   *sql.Conn
	rows   *sql.Rows
	cols   []string
	vals   []any
	ptrs   []any
	closed bool
	err    error // of Scan
}

// Query runs one SQL query on the index at dbPath and returns its rows. The
// database is opened read-only and the query may only read: a statement
// that would write (INSERT, UPDATE, DELETE, CREATE, DROP ...), ATTACH a
// file, VACUUM INTO one, begin a transaction or set a PRAGMA is refused
// when it is prepared, before anything runs. The pragmas that describe
// tables and indexes (table_info, table_xinfo, table_list, index_list,
// index_info, index_xinfo) are allowed, as are reads of sqlite_schema.
// Query does not build or refresh the index (Build does).
func Query(ctx context.Context, dbPath, query string) (*Rows, error) {
	if _, err := os.Stat(dbPath); err != nil {
		return nil, err
	}
	db, err := open(dbPath, true)
	if err != nil {
		return nil, err
	}
	r := &Rows{db: db}
	if r.conn, err = db.Conn(ctx); err != nil {
		r.Close()
		return nil, err
	}
	err = r.conn.Raw(func(c any) error {
		a, ok := c.(sqlite.AuthorizerRegisterer)
		if !ok {
			return errors.New("the SQLite driver has no authorizer")
		}
		return a.RegisterAuthorizer(readOnly)
	})
	if err != nil {
		r.Close()
		return nil, err
	}
	if r.rows, err = r.conn.QueryContext(ctx, query); err != nil {
		r.Close()
		return nil, refused(err)
	}
	if r.cols, err = r.rows.Columns(); err != nil {
		r.Close()
		return nil, err
	}
	r.vals = make([]any, len(r.cols))
	r.ptrs = make([]any, len(r.cols))
	for i := range r.vals {
		r.ptrs[i] = &r.vals[i]
	}
	return r, nil
}

// Columns returns the names of the result's columns.
func (r *Rows) Columns() []string { return r.cols }

// Next reads the next row and reports whether there was one; after false,
// Err tells whether the rows ended or failed.
func (r *Rows) Next() bool {
	if r.closed || !r.rows.Next() {
		return false
	}
	if r.err = r.rows.Scan(r.ptrs...); r.err != nil {
		r.closed = true
		r.rows.Close()
		return false
	}
	return true
}

// Values returns the row Next read, one value per column: nil (NULL),
// int64, float64, string or []byte. The slice is reused by the next call
// of Next.
func (r *Rows) Values() []any { return r.vals }

// Err returns the error that ended the rows, if any.
func (r *Rows) Err() error {
	if r.err != nil || r.rows == nil {
		return r.err
	}
	return r.rows.Err()
}

// Close releases the rows and closes the database; closing again does
// nothing.
func (r *Rows) Close() error {
	r.closed = true
	var errs []error
	if r.rows != nil {
		errs = append(errs, r.rows.Close())
	}
	if r.conn != nil {
		errs = append(errs, r.conn.Close())
		r.conn = nil
	}
	if r.db != nil {
		errs = append(errs, r.db.Close())
		r.db = nil
	}
	return errors.Join(errs...)
}

// describing are the pragmas a query may run: they describe the schema.
var describing = map[string]bool{
	"table_info": true, "table_xinfo": true, "table_list": true,
	"index_list": true, "index_info": true, "index_xinfo": true,
}

// ErrReadOnly is the error of Query for a statement that would do more
// than read.
var ErrReadOnly = errors.New("the index is read-only: a query may only read")

// readOnly is the authorizer of a query's connection: SQLite asks it about
// every operation of a statement it prepares.
func readOnly(action sqlite.AuthorizerActionCode, arg1, arg2, _, _ string) sqlite.AuthorizerReturnCode {
	switch action {
	case sqlite.AuthSelect, sqlite.AuthRead, sqlite.AuthFunction, sqlite.AuthRecursive:
		return sqlite.AuthorizerOK
	case sqlite.AuthPragma:
		if describing[strings.ToLower(arg1)] {
			return sqlite.AuthorizerOK
		}
	}
	return sqlite.AuthorizerDeny
}

// sqliteAuth is SQLite's result code for a statement the authorizer denied.
const sqliteAuth = 23

// refused words the authorizer's denial for the user.
func refused(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqliteAuth || strings.Contains(err.Error(), "not authorized") {
		return fmt.Errorf("%w (%v)", ErrReadOnly, err)
	}
	return err
}
