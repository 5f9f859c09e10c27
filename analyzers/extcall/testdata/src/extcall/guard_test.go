package extcall

import (
	"flag"
	"net"
	"net/http"
	"os"
	"testing"
)

var online = flag.Bool("online", false, "run tests against live services")

// mustHaveExternalNetwork mirrors internal/testenv in the standard library.
func mustHaveExternalNetwork(t testing.TB) {
	if testing.Short() {
		t.Skip("skipping test that uses external network in short mode")
	}
}

func MustHaveExternalNetwork(t testing.TB) {}

func HasExternalNetwork() bool { return !testing.Short() }

var testbase = flag.Bool("testbase", false, "download the full test data")

func TestGuardedByTestenv(t *testing.T) {
	MustHaveExternalNetwork(t)
	net.Dial("tcp", "golang.org:80")
}

func TestGuardedByHelper(t *testing.T) {
	mustHaveExternalNetwork(t)
	http.Get("https://golang.org/")
}

func TestGuardedByEnv(t *testing.T) {
	if os.Getenv("INTEGRATION") == "" {
		t.Skip("set INTEGRATION=1 to run against the staging API")
	}
	http.Get("https://staging.api.acme.io/health")
}

func TestGuardedByLookupEnv(t *testing.T) {
	if _, ok := os.LookupEnv("LIVE_DB"); !ok {
		t.Skip("LIVE_DB not set")
	}
	http.Get("https://staging.api.acme.io/health")
}

func TestGuardedByFlag(t *testing.T) {
	if !*online {
		t.Skip("-online not set")
	}
	t.Run("health", func(t *testing.T) {
		http.Get("https://staging.api.acme.io/health")
	})
}

func TestSkippedInShortModeOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("needs the network")
	}
	http.Get("https://staging.api.acme.io/health") // want `test dials external host staging.api.acme.io; serve it from httptest.NewServer or a fake transport; it runs unless -short \(testing.Short is no opt-in\): guard it with an environment variable or flag`
}

func skipInShortMode(t *testing.T) {
	if testing.Short() {
		t.Skip("needs the network")
	}
}

func TestSkippedInShortModeByAHelper(t *testing.T) {
	skipInShortMode(t)
	net.Dial("tcp", "golang.org:80") // want `test dials external host golang.org; listen on 127.0.0.1:0 or use net.Pipe; it runs unless -short`
}

func TestGuardedByShortOrEnv(t *testing.T) {
	if testing.Short() || os.Getenv("INTEGRATION") == "" {
		t.Skip("set INTEGRATION=1 to run against the staging API")
	}
	http.Get("https://staging.api.acme.io/health")
}

func TestSkipOnOtherConditionsIsNoGuard(t *testing.T) {
	if len(os.Args) > 99 {
		t.Skip("not a network guard")
	}
	http.Get("https://staging.api.acme.io/health") // want `external host staging.api.acme.io`
}

func TestSkipAfterTheDialIsNoGuard(t *testing.T) {
	conn, err := net.Dial("tcp", "golang.org:80") // want `external host golang.org`
	if err != nil {
		t.Skip("no network")
	}
	conn.Close()
}

func TestGuardedByHasExternalNetwork(t *testing.T) {
	if !HasExternalNetwork() {
		t.Skip()
	}
	net.Dial("tcp", "google.com:443")
}

// openTestbase downloads the full data set only when asked to.
func openTestbase(t *testing.T, name string) string {
	if !*testbase {
		return "testdata/" + name + "1k.txt"
	}
	http.Get("https://gist.githubusercontent.com/rsc/" + name + ".txt")
	return "testdata/" + name + ".txt"
}

func TestReturnOnOtherConditionsIsNoGuard(t *testing.T) {
	if len(os.Args) > 99 {
		return
	}
	http.Get("https://gist.githubusercontent.com/rsc/x.txt") // want `external host gist.githubusercontent.com`
}
