// Package minio stands in for github.com/minio/minio-go/v7.
package minio

import (
	"context"
	"net/http"
)

type Options struct {
	Secure    bool
	Transport http.RoundTripper
}

type Client struct{ Region string }

func New(endpoint string, opts *Options) (*Client, error) { return &Client{}, nil }

func (c *Client) BucketExists(ctx context.Context, bucket string) (bool, error) { return false, nil }

func (c *Client) UploadLimits() int { return 0 }

type uploadPartParams struct {
	bucket string
	size   int64
}

func (c *Client) uploadPart(ctx context.Context, p uploadPartParams) error { return nil }
