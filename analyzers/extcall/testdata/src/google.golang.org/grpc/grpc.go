// Package grpc is a stand-in for google.golang.org/grpc with the dialing
// API the analyzer knows.
package grpc

import (
	"context"
	"net"
)

type ClientConn struct{}

type DialOption interface{ apply() }

type option struct{}

func (option) apply() {}

func Dial(target string, opts ...DialOption) (*ClientConn, error) { return &ClientConn{}, nil }

func DialContext(ctx context.Context, target string, opts ...DialOption) (*ClientConn, error) {
	return &ClientConn{}, nil
}

func NewClient(target string, opts ...DialOption) (*ClientConn, error) { return &ClientConn{}, nil }

func WithInsecure() DialOption { return option{} }

func WithBlock() DialOption { return option{} }

func WithContextDialer(func(context.Context, string) (net.Conn, error)) DialOption {
	return option{}
}
