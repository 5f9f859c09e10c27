//go:build go1.25

package probe

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"testing/synctest"
)

func TestDirect(t *testing.T) { // want "test param=t"
	probe() // want "probe testfile in=TestDirect"
}

func Test_underscore(t *testing.T) { // want "test param=t"
}

func Testlower(t *testing.T) { // want "param=t"
}

func TestMain(m *testing.M) { // want "testmain"
	m.Run()
}

func helper(tb testing.TB, n int) { // want "param=tb"
	probe() // want "probe testfile in=helper"
}

func TestEnclosures(t *testing.T) { // want "test param=t"
	synctest.Test(t, func(t *testing.T) {
		probe() // want "probe bubble testfile in=literal"
	})
	go func() {
		probe() // want "probe goroutine testfile in=literal"
	}()
	var wg sync.WaitGroup
	wg.Go(func() {
		probe() // want "probe goroutine testfile in=literal"
	})
	func() {
		probe() // want "probe testfile in=literal"
	}()
	defer probe() // want "probe cleanup testfile in=TestEnclosures"
	t.Cleanup(func() {
		probe() // want "probe cleanup testfile in=literal"
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		probe() // want "probe handler testfile in=literal"
	}))
	defer srv.Close()
	//testgate:ignore probe the directive silences the line below
	probe()
	probe() //testgate:ignore probe a trailing directive silences its own line
	//testgate:ignore other,probe a list of analyzers names this one too
	probe()
	//testgate:ignore other this names another analyzer
	probe() // want "probe testfile in=TestEnclosures"
	/* want "//testgate:ignore probe has no reason" */ //testgate:ignore probe
	probe()                                            // want "probe testfile in=TestEnclosures"
	//testgate:ignoreprobe is not the directive
	probe() // want "probe testfile in=TestEnclosures"
}

type server struct{}

func (server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	probe() // want "probe handler testfile in=ServeHTTP"
}

func (server) TestMethod(t *testing.T) { // want "param=t"
}
