package files

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Flagged: files, databases and listeners left open.

func TestReadGoldenNeverClosed(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "golden.txt")) // want `file f is never closed; add defer f.Close\(\)`
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	_ = data
}

func TestWriteNeverClosed(t *testing.T) {
	out, err := os.Create(filepath.Join(t.TempDir(), "out.txt")) // want `file out is never closed`
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(out, "line %d\n", 1)
	if _, err := out.Write([]byte("data")); err != nil {
		out.Close()
		t.Fatal(err)
	}
}

func TestCreateTempNeverClosed(t *testing.T) {
	tmp, err := os.CreateTemp(t.TempDir(), "config-*.json") // want `file tmp is never closed`
	if err != nil {
		t.Fatal(err)
	}
	tmp.WriteString("{}")
}

func TestCreateFixtureDiscarded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty")
	if _, err := os.Create(path); err != nil { // want `file from os.Create is discarded and never closed; keep it and defer its Close`
		t.Fatal(err)
	}
}

func TestOpenDBNeverClosed(t *testing.T) {
	db, err := sql.Open("fakedb", "foo") // want `database db is never closed; add defer db.Close\(\)`
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Ping(); err != nil {
		t.Fatal(err)
	}
}

func TestListenerNeverClosed(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0") // want `listener ln is never closed; add defer ln.Close\(\)`
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		c.Close()
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
}

func TestPacketConnNeverClosed(t *testing.T) {
	pc, err := net.ListenPacket("udp", "127.0.0.1:0") // want `listener pc is never closed`
	if err != nil {
		t.Skipf("no UDP: %v", err)
	}
	t.Log(pc.LocalAddr())
}

func TestClosedOnlyAfterReportingError(t *testing.T) {
	f, err := os.Open("testdata/input.txt") // want `file f is never closed`
	if err != nil {
		t.Fatal(err)
	}
	var buf [4]byte
	if _, err := f.Read(buf[:]); err != nil {
		f.Close()
		t.Errorf("Read: %v", err)
		return
	}
}

// Not flagged.

func TestClosedOnTheWayOut(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		c, _ := net.Dial("tcp", ln.Addr().String())
		c.Close()
		close(done)
	}()
	for {
		select {
		case <-done:
			ln.Close()
			return
		default:
			c, err := ln.Accept()
			if err == nil {
				c.Close()
			}
		}
	}
}

func TestDeferClose(t *testing.T) {
	f, err := os.Open("testdata/input.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	io.ReadAll(f)
}

func TestDeferredCloseChecked(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "x"))
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := f.Close(); err != nil {
			t.Error(err)
		}
	}()
	f.WriteString("x")
}

func TestCloseChecked(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "x"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("x"); err != nil {
		f.Close()
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestCloseInLoop(t *testing.T) {
	for _, name := range []string{"a", "b"} {
		f, err := os.Open(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, f)
		f.Close()
	}
}

func TestOpenMissingForItsError(t *testing.T) {
	_, err := os.Open("non-existing")
	if err == nil {
		t.Fatal("Open succeeded")
	}
	for _, network := range []string{"tcp", "udp"} {
		_, err = net.ListenPacket(network, "no-such-host:0")
		if err == nil {
			t.Errorf("%s: should fail", network)
		}
	}
}

func TestExclusiveCreateMustFail(t *testing.T) {
	name := filepath.Join(t.TempDir(), "exists")
	os.WriteFile(name, nil, 0o600)
	f2, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err == nil {
		f2.Close()
		t.Fatal("OpenFile should have failed")
	}
}

func TestCloseDBInCleanup(t *testing.T) {
	db, err := sql.Open("fakedb", "foo")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
}

func TestListenerClosedByServer(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{}
	go srv.Serve(ln)
	defer srv.Close()
}

func TestListenerClosedInGoroutine(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		defer ln.Close()
		c, _ := ln.Accept()
		c.Close()
	}()
}

func createFile(t *testing.T, dir string) *os.File {
	f, err := os.Create(filepath.Join(dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func writeGolden(t *testing.T, f *os.File, v any) {
	json.NewEncoder(f).Encode(v)
}

func TestFileHandedOn(t *testing.T) {
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	writeGolden(t, f, map[string]int{"a": 1})

	log, err := os.Create(filepath.Join(dir, "log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("true")
	cmd.Stdout = log

	var opened []*os.File
	for _, name := range []string{"a", "b"} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		opened = append(opened, f)
	}
	for _, f := range opened {
		f.Close()
	}
}

// readFile has no testing parameter: a plain function that happens to live
// in a test file.
func readFile(path string) []byte {
	f, _ := os.Open(path)
	b, _ := io.ReadAll(f)
	return b
}
