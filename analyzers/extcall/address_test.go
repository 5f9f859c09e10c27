package extcall

import "testing"

func TestHostOfReadsEachAddressForm(t *testing.T) {
	tests := []struct {
		name     string
		kind     addrKind
		text     string
		complete bool
		wantHost string
		wantOK   bool
	}{
		{"url with path", kindURL, "https://api.github.com/repos", true, "api.github.com", true},
		{"url with user and port", kindURL, "http://u:p@host.io:8080/x", true, "host.io", true},
		{"url prefix settles the host at the slash", kindURL, "https://api.github.com/", false, "api.github.com", true},
		{"url prefix settles the host at the port", kindURL, "http://127.0.0.1:", false, "127.0.0.1", true},
		{"url prefix leaves the host open", kindURL, "https://api.github.", false, "", false},
		{"url without scheme", kindURL, "api.github.com/repos", true, "", false},
		{"url of another scheme", kindURL, "ftp://ftp.gnu.org/", true, "", false},
		{"url with ipv6 host", kindURL, "http://[::1]:80/", true, "::1", true},
		{"url with a port that is not a number", kindURL, "http://dummy.tld:123foo/bar", true, "", false},
		{"host and port", kindHostPort, "smtp.gmail.com:587", true, "smtp.gmail.com", true},
		{"host and named port", kindHostPort, "www.google.com:https", true, "www.google.com", true},
		{"host without port", kindHostPort, "google.com", true, "", false},
		{"empty host", kindHostPort, ":8080", true, "", true},
		{"dsn url", kindDSN, "postgres://app@db.prod:5432/x", true, "db.prod", true},
		{"dsn url of several hosts", kindDSN, "postgres://a.io:5432,b.io:5432/x", true, "a.io", true},
		{"dsn of a file", kindDSN, "file:test.db?mode=memory", true, "", false},
		{"dsn in memory", kindDSN, ":memory:", true, "", false},
		{"mysql dsn", kindDSN, "root:pw@tcp(db.io:3306)/x", true, "db.io", true},
		{"mysql dsn over a socket", kindDSN, "root@unix(/tmp/s)/x", true, "", false},
		{"key value dsn", kindDSN, "host=db.io port=5432", true, "db.io", true},
		{"key value dsn with the host still open", kindDSN, "user=x host=db.io", false, "", false},
		{"key value dsn over a socket", kindDSN, "host=/var/run/postgresql", true, "", false},
		{"sqlserver dsn", kindDSN, "server=tcp:sql.io,1433;user id=sa", true, "sql.io", true},
		{"source url", kindSourceURL, "https://github.com/hashicorp/go-getter", true, "github.com", true},
		{"source url with a forced getter", kindSourceURL, "git::ssh://git@github.com:22/org/repo?sshkey=x", true, "github.com", true},
		{"source url with a forced getter and no scheme", kindSourceURL, "git::./local/repo", true, "", false},
		{"source url of an ipv6 host", kindSourceURL, "http://[::1]:8080/x", true, "::1", true},
		{"source path", kindSourceURL, "./testdata/repo", true, "", false},
		{"rsync daemon module", kindRemote, "mirror.example.org::pub/x", true, "mirror.example.org", true},
		{"grpc host and port", kindTarget, "pay.io:443", true, "pay.io", true},
		{"grpc dns target", kindTarget, "dns:///pay.io:443", true, "pay.io", true},
		{"grpc dns target with authority", kindTarget, "dns://8.8.8.8/pay.io", true, "pay.io", true},
		{"grpc unix target", kindTarget, "unix:///tmp/s.sock", true, "", false},
		{"grpc custom resolver", kindTarget, "bufnet:///x", true, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			host, ok := hostOf(tt.kind, tt.text, tt.complete)
			if host != tt.wantHost || ok != tt.wantOK {
				t.Errorf("hostOf(%q, complete=%v) = %q, %v; want %q, %v", tt.text, tt.complete, host, ok, tt.wantHost, tt.wantOK)
			}
		})
	}
}

func TestIsExternalSparesLocalAndReservedHosts(t *testing.T) {
	tests := []struct {
		host string
		want bool
	}{
		{"api.github.com", true},
		{"db.prod.internal", true},
		{"8.8.8.8", true},
		{"10.0.0.5", true},
		{"2606:4700::1111", true},
		{"API.GitHub.com.", true},
		{"", false},
		{"localhost", false},
		{"app.localhost", false},
		{"127.0.0.1", false},
		{"127.9.9.9", false},
		{"::1", false},
		{"0.0.0.0", false},
		{"::", false},
		{"192.0.2.10", false},
		{"198.51.100.1", false},
		{"203.0.113.9", false},
		{"2001:db8::1", false},
		{"example.com", false},
		{"www.example.org", false},
		{"api.example.net", false},
		{"shop.example", false},
		{"svc.test", false},
		{"x.invalid", false},
		{"db", false},
		{"{{.Host}}.com", false},
		{"1.2.3", false},
		{"myexample.com", true},
	}
	for _, tt := range tests {
		if got := isExternal(tt.host); got != tt.want {
			t.Errorf("isExternal(%q) = %v, want %v", tt.host, got, tt.want)
		}
	}
}
