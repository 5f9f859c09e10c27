package keeps

import (
	"database/sql"
	"net"
	"os"
	"testing"

	"example.com/keeps/check"
	"example.com/keeps/store"
)

func TestAssertionLibrariesKeepNothing(t *testing.T) {
	db, err := sql.Open("fakedb", "rows") // want `database db is never closed`
	if err != nil {
		t.Fatal(err)
	}
	check.NotNil(t, db)
}

func TestCountRowsLeavesTheDatabaseOpen(t *testing.T) {
	db, err := sql.Open("fakedb", "rows") // want `database db is never closed; add defer db.Close\(\)`
	if err != nil {
		t.Fatal(err)
	}
	if n := store.CountRows(db); n != 0 {
		t.Errorf("CountRows = %d, want 0", n)
	}
}

func TestStatAndSizeLeaveTheFileOpen(t *testing.T) {
	f, err := os.Open("testdata/rows.csv") // want `file f is never closed`
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Stat(f); err != nil {
		t.Fatal(err)
	}
	if store.Size(f) == 0 {
		t.Error("empty")
	}
}

func TestLocalHelperThatOnlyReads(t *testing.T) {
	db, err := sql.Open("fakedb", "rows") // want `database db is never closed`
	if err != nil {
		t.Fatal(err)
	}
	ping(t, db)
}

func ping(t *testing.T, db *sql.DB) {
	if err := db.Ping(); err != nil {
		t.Fatal(err)
	}
}

func TestServedForeverStaysOpen(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0") // want `listener ln is never closed; add defer ln.Close\(\)`
	if err != nil {
		t.Fatal(err)
	}
	store.ServeForever(ln)
}

// Look-alikes: the resource is handed to code that closes or keeps it.

func TestStartedServerOwnsTheListener(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := store.Start(ln)
	defer srv.Close()
}

func TestShutdownClosesTheDatabase(t *testing.T) {
	db, err := sql.Open("fakedb", "rows")
	if err != nil {
		t.Fatal(err)
	}
	store.CountRows(db)
	if err := store.Shutdown(db); err != nil {
		t.Fatal(err)
	}
}

func TestRepoOwnsTheDatabase(t *testing.T) {
	db, err := sql.Open("fakedb", "rows")
	if err != nil {
		t.Fatal(err)
	}
	repo := store.NewRepo(db)
	t.Cleanup(func() { repo.Close() })
}

func TestCloseLaterThroughAnotherFunction(t *testing.T) {
	f, err := os.Open("testdata/rows.csv")
	if err != nil {
		t.Fatal(err)
	}
	store.CloseLater(f)
}

func TestLocalHelperThatCloses(t *testing.T) {
	db, err := sql.Open("fakedb", "rows")
	if err != nil {
		t.Fatal(err)
	}
	closeDB(t, db)
}

func closeDB(t *testing.T, db *sql.DB) { // want closeDB:"keepsArgs 1"
	t.Cleanup(func() { db.Close() })
}

func TestHandedToAFunctionValue(t *testing.T) {
	db, err := sql.Open("fakedb", "rows")
	if err != nil {
		t.Fatal(err)
	}
	use := func(db *sql.DB) {}
	use(db)
}

func TestRemovingByNameLeavesTheFileOpen(t *testing.T) {
	f, err := os.CreateTemp("", "blob") // want `file f is never closed`
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(f.Name())
	if _, err := store.Stat(f); err != nil {
		t.Fatal(err)
	}
}

func TestClosedAndRemoved(t *testing.T) {
	f, err := os.CreateTemp("", "blob")
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
}
