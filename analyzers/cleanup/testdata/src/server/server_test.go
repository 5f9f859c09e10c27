package server

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
)

var hello = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "hello") })

// Flagged: the server outlives the test.

func TestGetNeverClosed(t *testing.T) {
	srv := httptest.NewServer(hello) // want `httptest server srv is never closed; add t.Cleanup\(srv.Close\)`
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}

func newTLSBackend(tb testing.TB) string {
	ts := httptest.NewTLSServer(hello) // want `httptest server ts is never closed; add tb.Cleanup\(ts.Close\)`
	return ts.URL
}

func BenchmarkGet(b *testing.B) {
	var srv = httptest.NewServer(hello) // want `httptest server srv is never closed; add b.Cleanup\(srv.Close\)`
	for b.Loop() {
		http.Get(srv.URL)
	}
}

func TestUnstartedNeverClosed(t *testing.T) {
	srv := httptest.NewUnstartedServer(hello) // want `httptest server srv is never closed`
	srv.EnableHTTP2 = true
	srv.StartTLS()
	if srv.URL == "" {
		t.Fatal("no URL")
	}
}

func TestClosedOnlyOnFailure(t *testing.T) {
	srv := httptest.NewServer(hello) // want `httptest server srv is never closed`
	resp, err := http.Get(srv.URL)
	if err != nil {
		srv.Close()
		t.Fatal(err)
	}
	resp.Body.Close()
}

func TestSubtestServers(t *testing.T) {
	for _, path := range []string{"/a", "/b"} {
		t.Run(path, func(t *testing.T) {
			srv := httptest.NewServer(hello) // want `httptest server srv is never closed; add t.Cleanup\(srv.Close\)`
			if _, err := http.Get(srv.URL + path); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestDiscarded(t *testing.T) {
	httptest.NewServer(hello) // want `httptest server from httptest.NewServer is discarded and never closed; keep it and add t.Cleanup\(srv.Close\)`

	_ = httptest.NewTLSServer(hello) // want `httptest server from httptest.NewTLSServer is discarded`

	if _, err := http.Get(httptest.NewServer(hello).URL); err != nil { // want `httptest server from httptest.NewServer is discarded`
		t.Fatal(err)
	}
}

func TestShadowedTestingParam(t *testing.T) {
	tb := t
	for _, t := range []string{"en", "fr"} {
		srv := httptest.NewServer(hello) // want `httptest server srv is never closed`
		if _, err := http.Get(srv.URL + "/" + t); err != nil {
			tb.Fatal(err)
		}
	}
}

// Not flagged: closed somewhere, or handed on.

func TestDeferClose(t *testing.T) {
	ts := httptest.NewServer(hello)
	defer ts.Close()
	http.Get(ts.URL)
}

func TestCleanupMethodValue(t *testing.T) {
	ts := httptest.NewServer(hello)
	t.Cleanup(ts.Close)
	http.Get(ts.URL)
}

func TestCleanupClosure(t *testing.T) {
	ts := httptest.NewUnstartedServer(hello)
	ts.Start()
	t.Cleanup(func() {
		ts.Close()
	})
	http.Get(ts.URL)
}

func TestShutdownInCleanup(t *testing.T) {
	ts := httptest.NewServer(hello)
	t.Cleanup(func() {
		// t.Context() is already canceled when cleanups run.
		ts.Config.Shutdown(context.Background())
	})
	http.Get(ts.URL)
}

func TestDeferredClosure(t *testing.T) {
	backend := httptest.NewServer(hello)
	defer func() {
		backend.CloseClientConnections()
		backend.Close()
	}()
	http.Get(backend.URL)
}

func TestClosedAtEnd(t *testing.T) {
	srv := httptest.NewServer(hello)
	resp, err := http.Get(srv.URL)
	if err != nil {
		srv.Close()
		t.Fatal(err)
	}
	resp.Body.Close()
	srv.Close()
}

func TestClosedInGoroutine(t *testing.T) {
	srv := httptest.NewServer(hello)
	done := make(chan struct{})
	go func() {
		<-done
		srv.Close()
	}()
	http.Get(srv.URL)
	close(done)
}

func TestOwnListener(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(hello)
	ts.Listener.Close()
	ts.Listener = ln
	ts.Start()
	defer ts.Close()
}

func newServer(t *testing.T, h http.Handler) *httptest.Server {
	return httptest.NewServer(h)
}

func newClosedLater(t *testing.T) (*httptest.Server, func()) {
	srv := httptest.NewServer(hello)
	return srv, srv.Close
}

type fixture struct {
	srv *httptest.Server
}

func (f *fixture) setUp(t *testing.T) {
	f.srv = httptest.NewServer(hello)
}

func newFixture(t *testing.T) *fixture {
	srv := httptest.NewServer(hello)
	return &fixture{srv: srv}
}

var shared *httptest.Server

func TestStoredInGlobal(t *testing.T) {
	shared = httptest.NewServer(hello)
}

func closeAtEnd(t *testing.T, srv *httptest.Server) { t.Cleanup(srv.Close) }

func TestHandedToHelper(t *testing.T) {
	srv := httptest.NewServer(hello)
	closeAtEnd(t, srv)
	var all []*httptest.Server
	other := httptest.NewServer(hello)
	all = append(all, other)
	for _, s := range all {
		s.Close()
	}
}

func TestServersInTable(t *testing.T) {
	servers := map[string]*httptest.Server{
		"plain": httptest.NewServer(hello),
		"tls":   httptest.NewTLSServer(hello),
	}
	for _, s := range servers {
		defer s.Close()
	}
}

func TestClosureWithoutTestingParam(t *testing.T) {
	start := func() string {
		srv := httptest.NewServer(hello)
		return srv.URL
	}
	_ = start
}

// TestHelperProcess runs only in the child process that the other tests
// start, which exits when it is done.
func TestHelperProcess(t *testing.T) {
	if os.Getenv("GO_WANT_HELPER_PROCESS") != "1" {
		return
	}
	srv := httptest.NewServer(hello)
	http.Get(srv.URL)
	os.Exit(0)
}

func TestMain(m *testing.M) {
	shared = httptest.NewServer(hello)
	os.Exit(m.Run())
}
