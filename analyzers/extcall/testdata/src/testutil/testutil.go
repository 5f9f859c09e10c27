// Package testutil holds helpers that build addresses for tests.
package testutil // want package:"hasDialers"

import (
	"net/http"
	"net/url"
	"testing"
)

// Client is the client the tests share.
var Client = http.DefaultClient

// MustParseURL parses raw or fails the test.
func MustParseURL(t testing.TB, raw string) *url.URL { // want MustParseURL:`builds \{1\}`
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// APIURL joins the production API's base and a path.
func APIURL(path string) string { // want APIURL:`builds https://api.acme.io/v2\{0\}`
	return "https://api.acme.io/v2" + path
}

// Name is no address.
func Name(id string) string { return "widget-" + id }
