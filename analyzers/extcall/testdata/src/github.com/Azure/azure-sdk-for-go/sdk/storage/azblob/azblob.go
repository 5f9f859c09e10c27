// Package azblob stands in for the Azure SDK's blob storage client.
package azblob

type Client struct{}

type ClientOptions struct{}

func NewClientFromConnectionString(connectionString string, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

func (c *Client) URL() string { return "" }
