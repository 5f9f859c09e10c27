package restusers

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"example.com/restclient"
)

func TestClientLibraryRequests(t *testing.T) {
	c := restclient.New()
	c.R().Get("https://httpbin.org/get")                     // want `test dials external host httpbin.org; serve it from httptest.NewServer or a fake transport`
	c.R().Execute(http.MethodPost, "https://api.acme.io/v1") // want `test dials external host api.acme.io`

	ts := httptest.NewServer(http.NotFoundHandler())
	defer ts.Close()
	c.R().Get(ts.URL + "/get")
	c.R().Get("http://localhost:8080/get")
	c.SetBaseURL("https://api.acme.io")
}
