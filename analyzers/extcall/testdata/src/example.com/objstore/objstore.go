// Package objstore stands in for a cloud storage SDK, whose requests take
// a context.
package objstore

import "context"

type Client struct{}

func NewClient(ctx context.Context) (*Client, error) { return &Client{}, nil }

// List lists the objects below prefix in bucket: a request.
func (c *Client) List(ctx context.Context, bucket, prefix string) ([]string, error) { return nil, nil }

// Bucket names a bucket without asking the service anything.
func (c *Client) Bucket(name string) *Bucket { return &Bucket{name} }

type Bucket struct{ Name string }
