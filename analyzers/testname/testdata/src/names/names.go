// Package names is a small client library whose tests exercise the
// testname analyzer's checks of top-level test names.
package names

import "errors"

// Client talks to a login service.
type Client struct{ user string }

// New returns a Client for user.
func New(user string) *Client { return &Client{user: user} }

// Login logs the client in.
func (c *Client) Login(password string) error {
	if password == "" {
		return errors.New("empty password")
	}
	return nil
}

// Logout logs the client out.
func (c *Client) Logout() {}

// GetInt reads a setting as an int.
func (c *Client) GetInt(key string) int { return len(key) }

// GetInt8 reads a setting as an int8.
func (c *Client) GetInt8(key string) int8 { return int8(len(key)) }

// Func is a callback run after login.
type Func func(*Client)

// TODO returns a client whose user is not yet known.
func TODO() *Client { return New("") }

// Parse parses a user name.
func Parse(s string) (string, error) { return s, nil }
