package allowhosts

import (
	"net"
	"net/http"
	"testing"
)

// Run with -extcall.allow-hosts=svc.internal,*.test-env.corp: the team's
// own test services.
func TestReachesTheTeamsTestServices(t *testing.T) {
	http.Get("http://svc.internal:8080/health")
	http.Get("https://db.test-env.corp/ready")
	net.Dial("tcp", "cache.eu.test-env.corp:6379")
}

func TestReachesOtherHosts(t *testing.T) {
	http.Get("https://api.github.com/")      // want `external host api.github.com`
	http.Get("https://test-env.corp/")       // want `external host test-env.corp`
	http.Get("http://svc.internal.evil.io/") // want `external host svc.internal.evil.io`
}
