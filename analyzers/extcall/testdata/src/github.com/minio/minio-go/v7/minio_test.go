package minio

import (
	"context"
	"testing"
)

// The SDK's own tests drive its internals on a client for a placeholder
// endpoint: an unexported method is no request the analyzer can judge.
func TestPartTooLargeIsRejected(t *testing.T) {
	c, err := New("play.min.io", &Options{Secure: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.uploadPart(context.Background(), uploadPartParams{bucket: "bucket", size: 1 << 40}); err == nil {
		t.Fatal("want an error")
	}
}

// Its exported request methods reach the endpoint.
func TestBucketExistsOnPlay(t *testing.T) {
	c, err := New("play.min.io", &Options{Secure: true}) // want `test connects to external S3 host play.min.io`
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.BucketExists(context.Background(), "bucket"); err != nil {
		t.Fatal(err)
	}
}
