// Package restclient is an HTTP client library whose requests pass
// through middleware before they are sent.
package restclient

import "net/http"

type Client struct {
	base       string
	middleware []func(*Request) error
	hc         *http.Client
}

func New() *Client { return &Client{hc: &http.Client{}} }

func (c *Client) SetBaseURL(url string) *Client { c.base = url; return c }

func (c *Client) R() *Request { return &Request{client: c} }

type Request struct {
	client *Client
	URL    string
}

func (r *Request) Get(url string) (*http.Response, error) { return r.Execute(http.MethodGet, url) }

func (r *Request) Execute(method, url string) (*http.Response, error) {
	r.URL = url
	for _, m := range r.client.middleware {
		if err := m(r); err != nil {
			return nil, err
		}
	}
	req, err := http.NewRequest(method, r.URL, nil)
	if err != nil {
		return nil, err
	}
	return r.client.hc.Do(req)
}
