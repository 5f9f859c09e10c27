package extcall

import (
	"context"
	"net"
	"testing"

	"google.golang.org/grpc"
)

func TestGRPCDials(t *testing.T) {
	grpc.Dial("payments.prod.acme.io:443", grpc.WithInsecure())               // want `test dials external gRPC host payments.prod.acme.io; serve it in-process with bufconn or on 127.0.0.1:0`
	grpc.NewClient("dns:///pubsub.googleapis.com:443")                        // want `external gRPC host pubsub.googleapis.com`
	grpc.DialContext(t.Context(), "spanner.googleapis.com", grpc.WithBlock()) // want `external gRPC host spanner.googleapis.com`
}

func TestGRPCLocal(t *testing.T) {
	dialer := func(context.Context, string) (net.Conn, error) {
		c, _ := net.Pipe()
		return c, nil
	}
	grpc.NewClient("passthrough:///bufnet", grpc.WithContextDialer(dialer))
	grpc.NewClient("payments.prod.acme.io:443", grpc.WithContextDialer(dialer))
	grpc.Dial("localhost:50051", grpc.WithInsecure())
	grpc.NewClient("unix:///tmp/grpc.sock")
	grpc.NewClient("bufnet")
	opts := []grpc.DialOption{grpc.WithInsecure()}
	grpc.Dial("payments.prod.acme.io:443", opts...) // options the analyzer cannot see
}
