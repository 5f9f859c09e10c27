// Package kafka stands in for github.com/segmentio/kafka-go.
package kafka

import "context"

type Conn struct{}

func DialLeader(ctx context.Context, network, address, topic string, partition int) (*Conn, error) {
	return &Conn{}, nil
}

type Dialer struct{}

type ReaderConfig struct {
	Brokers []string
	Topic   string
	Dialer  *Dialer
}

type Reader struct{}

func NewReader(config ReaderConfig) *Reader { return &Reader{} }

func (r *Reader) ReadMessage(ctx context.Context) error { return nil }
