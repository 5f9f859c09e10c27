package apiclient // want package:"hasDialers"

// The functions below wrap dialing calls the way application code does.

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"net/http"
	"net/url"
)

// Fetch sends the request through the caller's client.
func Fetch(client *http.Client, url string) (*http.Response, error) { // want Fetch:`dials \{1\}`
	return client.Get(url)
}

// Get goes through http.DefaultClient.
func Get(ctx context.Context, url string) (*http.Response, error) { // want Get:`dials \{1\}`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

// GetJSON goes through Get, another function with a fact.
func GetJSON(url string) error { // want GetJSON:`dials \{0\}`
	resp, err := Get(context.Background(), url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Open opens a database by its data source name.
func Open(dsn string) (*sql.DB, error) { // want Open:`dials \{0\}`
	return sql.Open("postgres", dsn)
}

// Ping dials host on port 443 over the network given.
func Ping(network, host string) error { // want Ping:`dials \{1\}:443`
	conn, err := net.Dial(network, net.JoinHostPort(host, "443"))
	if err != nil {
		return err
	}
	return conn.Close()
}

// Status builds the URL from a host name.
func Status(host string) (*http.Response, error) { // want Status:`dials https://\{0\}/status`
	return http.Get(fmt.Sprintf("https://%s/status", host))
}

// User is the real API: the function fixes the host, not its caller, so
// it carries no fact.
func User(name string) (*http.Response, error) {
	return http.Get("https://api.github.com/users/" + name)
}

// Local dials a Unix socket.
func Local(path string) (net.Conn, error) {
	return net.Dial("unix", path)
}

// Client holds its transport and base URL: whoever builds it decides
// both.
type Client struct {
	HTTP *http.Client
	Base string
}

// Path joins the base URL, a field of the receiver, and the path.
func (c *Client) Path(p string) (*http.Response, error) { // want Path:`dials \{recv.Base\}\{0\}`
	return c.HTTP.Get(c.Base + p)
}

// URL takes the whole URL and sends it through the receiver's client.
func (c *Client) URL(u string) (*http.Response, error) { // want URL:`dials \{0\}`
	return c.HTTP.Get(u)
}

// Dial picks the port, its caller the host; the receiver has no say.
func (c *Client) Dial(host string) (net.Conn, error) { // want Dial:`dials \{0\}:443`
	return net.Dial("tcp", host+":443")
}

// A Fetcher downloads from the URL it is given.
type Fetcher struct{ HTTP *http.Client }

// Download sends a request for u through the fetcher's client.
func (f *Fetcher) Download(ctx context.Context, u *url.URL) error { // want Download:`dials \{1\}`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return err
	}
	resp, err := f.HTTP.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Send passes its request on to the default client.
func Send(req *http.Request) (*http.Response, error) { // want Send:`dials \{url of 0\}`
	return http.DefaultClient.Do(req)
}

const upstream = "https://api.github.com"

// Meta is production code: non-test files are not checked.
func Meta() (*http.Response, error) {
	return http.Get(upstream + "/meta")
}

// A Resolver dials through its Dial hook when one is set: where it dials
// is the hook's to say, so it carries no fact.
type Resolver struct {
	Dial func(network, addr string) (net.Conn, error)
}

func (r *Resolver) Exchange(server string) error {
	if r.Dial != nil {
		c, err := r.Dial("udp", server)
		if err != nil {
			return err
		}
		return c.Close()
	}
	c, err := net.Dial("udp", server)
	if err != nil {
		return err
	}
	return c.Close()
}
