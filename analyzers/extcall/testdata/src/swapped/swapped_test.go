package swapped // want package:"hasDialers"

import (
	"net/http"
	"testing"

	"mockhttp"
)

func TestMain(m *testing.M) { // want TestMain:"swapsTransport"
	mockhttp.Activate()
	m.Run()
}

func TestDefaultClientIsMocked(t *testing.T) {
	http.Get("https://api.github.com/users")
	http.DefaultClient.Get("https://api.github.com/users")
	(&http.Client{}).Get("https://api.github.com/users") // a nil Transport means http.DefaultTransport
}

func TestOwnTransportIsNotMocked(t *testing.T) {
	c := &http.Client{Transport: &http.Transport{}}
	c.Get("https://api.github.com/users") // want `external host api.github.com`
}
