// Package providers holds provider-format tokens in test files, and one
// in a non-test file that the analyzer leaves alone.
package providers

// Non-test files are not the analyzer's business.
const productionToken = "ghp_RWXhZ0i0tdMtsIxqtUW5RiAypuqUwUqURNJz"

// Client stands for an API client configured with a token.
type Client struct {
	Token string
}

// NewClient returns a client that authenticates with token.
func NewClient(token string) *Client { return &Client{Token: token} }
