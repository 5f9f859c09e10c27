package mockhttp // want package:"hasDialers"

// Activate and Deactivate swap http.DefaultTransport the way httpmock and
// gock do.

import "net/http"

type transport struct{}

func (transport) RoundTrip(*http.Request) (*http.Response, error) { return nil, nil }

var saved http.RoundTripper

func Activate() { // want Activate:"swapsTransport"
	intercept()
}

func intercept() { // want intercept:"swapsTransport"
	saved = http.DefaultTransport
	http.DefaultTransport = transport{}
}

func Deactivate() { // want Deactivate:"swapsTransport"
	http.DefaultTransport = saved
}
