package serve

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/rpc"
	"os"
	"path/filepath"
	"testing"
)

var hello = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})

// Flagged: a serve loop started in a goroutine holds the listener open
// until its server stops, and nothing stops it.

func unixEchoServer(t *testing.T) string {
	path := filepath.Join(os.TempDir(), "echo.sock")
	socket, err := net.Listen("unix", path) // want `listener socket is never closed; http.Server.Serve in a goroutine closes it only when its server stops; add t.Cleanup\(func\(\) { socket.Close\(\) }\)`
	if err != nil {
		t.Fatal(err)
	}
	go func(t *testing.T) {
		server := http.Server{Handler: hello}
		if err := server.Serve(socket); err != nil {
			t.Error(err)
		}
	}(t)
	return path
}

func TestServedByAServerNobodyStops(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0") // want `listener ln is never closed; http.Server.Serve in a goroutine closes it only when its server stops; add defer ln.Close\(\)`
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: hello}
	srv.ErrorLog = nil
	go srv.Serve(ln)
	if _, err := http.Get("http://" + ln.Addr().String()); err != nil {
		t.Fatal(err)
	}
}

func TestServedByAServerBuiltInTheCall(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0") // want `listener ln is never closed`
	if err != nil {
		t.Fatal(err)
	}
	go (&http.Server{Handler: hello}).Serve(ln)
}

func TestServedByThePackageFunction(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0") // want `listener ln is never closed; http.Serve in a goroutine`
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = http.Serve(ln, hello) }()
}

func TestServerClosedOnlyOnFailure(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0") // want `listener ln is never closed`
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: hello}
	go srv.Serve(ln)
	if _, err := http.Get("http://" + ln.Addr().String()); err != nil {
		srv.Close()
		t.Fatal(err)
	}
}

func TestRPCAcceptNeverReturns(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0") // want `listener ln is never closed; rpc.Server.Accept in a goroutine`
	if err != nil {
		t.Fatal(err)
	}
	server := rpc.NewServer()
	go server.Accept(ln)
}

func TestOwnServerNeverStopped(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0") // want `listener ln is never closed; serve.grpcLike.Serve in a goroutine`
	if err != nil {
		t.Fatal(err)
	}
	s := newGRPCLike()
	go s.Serve(ln)
}

// Not flagged: the listener is closed, or its server is stopped, or one
// of them is handed on.

func TestListenerClosedByDefer(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go http.Serve(ln, hello)
}

func TestListenerClosedInCleanup(t *testing.T) {
	ln, err := net.Listen("unix", filepath.Join(t.TempDir(), "s.sock"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() { (&http.Server{Handler: hello}).Serve(ln) }()
}

func TestServerShutDownInCleanup(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: hello}
	t.Cleanup(func() { srv.Shutdown(context.Background()) })
	go srv.Serve(ln)
}

func TestServerClosedByDefer(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var srv http.Server
	srv.Handler = hello
	defer srv.Close()
	go func() { _ = srv.Serve(ln) }()
}

func TestServerCloseRegistered(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: hello}
	t.Cleanup(func() { _ = srv.Close() })
	go srv.ServeTLS(ln, "cert.pem", "key.pem")
}

func TestServerClosedAtTheEnd(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: hello}
	go srv.Serve(ln)
	if _, err := http.Get("http://" + ln.Addr().String()); err != nil {
		t.Error(err)
	}
	srv.Close()
}

func TestOwnServerStopped(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := newGRPCLike()
	defer s.GracefulStop()
	go s.Serve(ln)
}

func TestServedSynchronouslyClosesTheListener(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: hello}
	go func() {
		<-t.Context().Done()
		srv.Close()
	}()
	if err := srv.Serve(ln); err != http.ErrServerClosed {
		t.Error(err)
	}
}

func startServer(t *testing.T) (*http.Server, net.Listener) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: hello}
	go srv.Serve(ln)
	return srv, nil
}

func listenerReturned(t *testing.T) net.Listener {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var srv http.Server
	go func() { _ = srv.Serve(ln) }()
	return ln
}

func TestHttptestServerOwnsItsListener(t *testing.T) {
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

func TestServerHandedToAHelperThatStopsIt(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: hello}
	go srv.Serve(ln)
	stopAtEnd(t, srv)
}

func stopAtEnd(t *testing.T, srv *http.Server) {
	t.Cleanup(func() { srv.Close() })
}

// grpcLike has the shape of grpc's Server: Serve runs until Stop.
type grpcLike struct{ done chan struct{} }

func newGRPCLike() *grpcLike { return &grpcLike{done: make(chan struct{})} }

func (s *grpcLike) Serve(l net.Listener) error {
	defer l.Close()
	<-s.done
	return nil
}

func (s *grpcLike) GracefulStop() { close(s.done) }
