// Package nats stands in for github.com/nats-io/nats.go.
package nats

type Conn struct{}

type Option func() error

func Connect(url string, options ...Option) (*Conn, error) { return &Conn{}, nil }

const DefaultURL = "nats://127.0.0.1:4222"
