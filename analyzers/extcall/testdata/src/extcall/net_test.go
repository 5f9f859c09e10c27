package extcall

import (
	"crypto/tls"
	"net"
	"net/http"
	"testing"

	"apiclient"
	"time"
)

func TestDialHostPort(t *testing.T) {
	net.Dial("tcp", "smtp.gmail.com:587")                  // want `test dials external host smtp.gmail.com; listen on 127.0.0.1:0 or use net.Pipe`
	net.DialTimeout("udp", "8.8.8.8:53", time.Second)      // want `external host 8.8.8.8`
	tls.Dial("tcp", "www.google.com:https", &tls.Config{}) // want `external host www.google.com`
	net.Dial("tcp", net.JoinHostPort("mail.example.net", "25"))
	net.Dial("tcp", net.JoinHostPort("imap.fastmail.com", "993")) // want `external host imap.fastmail.com`
	net.Dial("tcp6", "[2607:f8b0:4004:c1b::65]:443")              // want `external host 2607:f8b0:4004:c1b::65`

	var d net.Dialer
	d.DialContext(t.Context(), "tcp", "db.prod.internal:5432") // want `external host db.prod.internal`
	td := &tls.Dialer{Config: &tls.Config{}}
	td.Dial("tcp", "api.github.com:443") // want `external host api.github.com`
}

func TestDialLocal(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	net.Dial("tcp", ln.Addr().String())
	net.Dial("tcp", "localhost:6379")
	net.Dial("tcp", ":8080")
	net.Dial("tcp", "[::1]:53")
	net.Dial("unix", "/var/run/docker.sock")
	net.Dial("tcp", "redis:6379")                            // a container on the test network
	net.DialTimeout("tcp", "192.0.2.1:80", time.Millisecond) // unroutable on purpose
	net.Dial("tcp", "google.com")                            // no port: the dial fails at once
	c1, c2 := net.Pipe()
	c1.Close()
	c2.Close()
}

func TestResolverWithADialHook(t *testing.T) {
	r := &apiclient.Resolver{Dial: func(network, addr string) (net.Conn, error) {
		c, _ := net.Pipe()
		return c, nil
	}}
	r.Exchange("8.8.8.8:53")
}

func TestCloudMetadataIsLinkLocal(t *testing.T) {
	http.Get("http://169.254.169.254/latest/meta-data/instance-id")
}
