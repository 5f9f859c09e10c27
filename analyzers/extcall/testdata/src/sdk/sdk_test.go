package sdk // want package:"hasDialers"

import (
	"context"
	"net"
	"net/http"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/jackc/pgx/v5"
	"github.com/minio/minio-go/v7"
	"github.com/nats-io/nats.go"
	"github.com/redis/go-redis/v9"
	"github.com/segmentio/kafka-go"
)

func TestClientsOfRealServices(t *testing.T) {
	ctx := context.Background()
	redis.NewClient(&redis.Options{Addr: "cache.prod.acme.io:6379"}).Ping(ctx) // want `test connects to external Redis host cache.prod.acme.io; run the service on localhost \(a container\) or use a fake`
	nats.Connect("nats://demo.nats.io:4222")                                   // want `test connects to external NATS host demo.nats.io`
	kafka.DialLeader(ctx, "tcp", "kafka.acme.io:9092", "orders", 0)            // want `test connects to external Kafka host kafka.acme.io`
	cfg := kafka.ReaderConfig{Brokers: []string{"b-1.msk.us-east-1.amazonaws.com:9092"}, Topic: "orders"}
	r := kafka.NewReader(cfg)                                                                                                                                 // want `test connects to external Kafka host b-1.msk.us-east-1.amazonaws.com`
	pgx.Connect(ctx, "postgres://app@db.prod.acme.io:5432/app")                                                                                               // want `test connects to external PostgreSQL host db.prod.acme.io; use a local test database`
	mc, _ := minio.New("play.min.io", &minio.Options{Secure: true})                                                                                           // want `test connects to external S3 host play.min.io`
	az, _ := azblob.NewClientFromConnectionString("DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=a2V5;EndpointSuffix=core.windows.net", nil) // want `test connects to external Azure Storage host acmeprod.blob.core.windows.net`
	s3.New(s3.Options{Region: "us-east-1"}).ListBuckets(ctx)                                                                                                  // want `test connects to external AWS host s3.us-east-1.amazonaws.com`
	r.ReadMessage(ctx)
	mc.BucketExists(ctx, "photos")
	useClient(ctx, az)
	newCache("cache.prod.acme.io:6379") // want `test connects to external Redis host cache.prod.acme.io via newCache`
}

func useClient(context.Context, *azblob.Client) {}

func describe(*minio.Client) string { return "" }

func newCache(addr string) *redis.Client { // want newCache:`dials \{0\}`
	return redis.NewClient(&redis.Options{Addr: addr})
}

func TestClientsOfLocalServices(t *testing.T) {
	ctx := context.Background()
	redis.NewClient(&redis.Options{Addr: "localhost:6379"})
	redis.NewClient(&redis.Options{Addr: "cache.prod.acme.io:6379", Dialer: func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, _ := net.Pipe()
		return c, nil
	}})
	nats.Connect(nats.DefaultURL)
	kafka.DialLeader(ctx, "tcp", "127.0.0.1:9092", "orders", 0)
	kafka.NewReader(kafka.ReaderConfig{Brokers: []string{"kafka.acme.io:9092"}, Dialer: &kafka.Dialer{}})
	pgx.Connect(ctx, "postgres://app@localhost:5432/app")
	minio.New("localhost:9000", nil)
	minio.New("s3.amazonaws.com", &minio.Options{Transport: http.DefaultTransport})
	azblob.NewClientFromConnectionString("UseDevelopmentStorage=true", nil)
	newCache("redis:6379")
	s3.New(s3.Options{Region: "us-east-1", HTTPClient: &http.Client{}})
	s3.New(s3.Options{Region: "mock-region"})
	// Clients only built, or read for their settings, connect nowhere.
	redis.NewClient(&redis.Options{Addr: "cache.prod.acme.io:6379"})
	built, _ := minio.New("play.min.io", nil)
	_ = built.Region
	_ = built.UploadLimits()
	_ = describe(built)
}
