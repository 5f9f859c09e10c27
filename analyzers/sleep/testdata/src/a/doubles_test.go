package a

import (
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// slowConn injects latency into reads, simulating a slow peer.
type slowConn struct {
	net.Conn
	delay time.Duration
}

func (c *slowConn) Read(p []byte) (int, error) {
	time.Sleep(c.delay)
	return c.Conn.Read(p)
}

type slowHandler struct{}

func (slowHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	time.Sleep(50 * time.Millisecond)
	w.WriteHeader(http.StatusOK)
}

type collector struct {
	read func()
}

func TestSlowBackend(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(100 * time.Millisecond)
		w.WriteHeader(http.StatusOK)
	}))
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}

func TestHooksSimulateSlowReads(t *testing.T) {
	c := &collector{}
	c.read = func() { time.Sleep(20 * time.Millisecond) }
	slow := collector{read: func() { time.Sleep(20 * time.Millisecond) }}
	tests := []struct {
		name  string
		setup func()
	}{
		{"slow", func() { time.Sleep(time.Millisecond) }},
	}
	hooks := map[string]func(){"slow": func() { time.Sleep(time.Millisecond) }}
	_, _, _ = slow, tests, hooks
}

func TestCallbacksSimulateWork(t *testing.T) {
	Each(3, func(int) { time.Sleep(time.Millisecond) })
	work := func(int) { time.Sleep(time.Millisecond) }
	Each(3, work)
}

func TestGoroutinesStageDelayedEvents(t *testing.T) {
	ch := make(chan struct{})
	go func() {
		time.Sleep(10 * time.Millisecond)
		close(ch)
	}()
	var wg sync.WaitGroup
	wg.Go(func() {
		<-time.After(time.Millisecond)
	})
	stage := func() { time.Sleep(time.Millisecond) }
	go stage()
	<-ch
	wg.Wait()
}

func TestCleanupsWait(t *testing.T) {
	t.Cleanup(func() { time.Sleep(time.Millisecond) })
	defer func() { time.Sleep(time.Millisecond) }()
	drain := func() { time.Sleep(time.Millisecond) }
	defer drain()
}

// storeSuite is a suite whose Test methods a runner calls, as testify's are.
type storeSuite struct{ t *testing.T }

func (s *storeSuite) TestExpiry() {
	time.Sleep(10 * time.Millisecond) // want `^time\.Sleep in test`
}

func (s *storeSuite) SetupTest() {}

func TestStoreSuite(t *testing.T) {
	s := &storeSuite{t}
	s.SetupTest()
	s.TestExpiry()
}
