// Package store is the code under test: functions that take a resource
// and either keep it (close, return or store it) or only use it.
package store

import (
	"database/sql"
	"io"
	"net"
	"net/http"
	"os"
)

// CountRows only queries db: the caller still owns it.
func CountRows(db *sql.DB) int {
	var n int
	db.QueryRow("SELECT count(*) FROM t").Scan(&n)
	return n
}

// Shutdown closes what it is given.
func Shutdown(db *sql.DB) error { // want Shutdown:"keepsArgs 0"
	return db.Close()
}

// A Repo owns the database it is built with.
type Repo struct{ db *sql.DB }

func NewRepo(db *sql.DB) *Repo { // want NewRepo:"keepsArgs 0"
	return &Repo{db: db}
}

// Close releases the repository's database.
func (r *Repo) Close() error { return r.db.Close() }

// closeVia hands its file on to Shutdown-like code that closes it.
func CloseLater(f *os.File) { // want CloseLater:"keepsArgs 0"
	closeNow(f)
}

func closeNow(c io.Closer) { c.Close() } // want closeNow:"keepsArgs 0"

// Size reads through an io.Reader, which cannot release the file.
func Size(r io.Reader) int64 {
	n, _ := io.Copy(io.Discard, r)
	return n
}

// Stat only asks the file about itself.
func Stat(f *os.File) (os.FileInfo, error) { return f.Stat() }

// ServeForever serves l in a goroutine with a server nobody can stop, so
// l stays open: the caller still has to close it.
func ServeForever(l net.Listener) {
	go http.Serve(l, nil)
}

// Start serves l until the server it returns is closed, which closes l.
func Start(l net.Listener) *http.Server { // want Start:"keepsArgs 0"
	srv := &http.Server{}
	go srv.Serve(l)
	return srv
}
