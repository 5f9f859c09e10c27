package extcall

import (
	"net/netip"
	"strings"
)

// addrKind says how a dialing function reads its address string.
type addrKind int

const (
	kindURL       addrKind = iota // an http or https URL
	kindHostPort                  // host:port, as net.Dial takes it
	kindDSN                       // a database/sql data source name
	kindTarget                    // a gRPC target such as dns:///host:443
	kindRemote                    // a subprocess's remote: a URL, user@host or scp's host:path
	kindHost                      // host or host:port, as SDK clients take it
	kindServerURL                 // a client URL of any scheme (nats://, mongodb://), or host:port
	kindAzureConn                 // an Azure Storage connection string
	kindAWSRegion                 // an AWS service's regional endpoint, made from a region
	kindSourceURL                 // a URL a download library fetches: http(s), or git, ssh, ftp...
)

// hostOf returns the host that an address of kind names, given the address's
// leading text as far as it is known; complete says the text is the whole
// address. It reports false when the text does not settle the host, or names
// no network host at all (a file, a socket path, a custom resolver).
func hostOf(kind addrKind, text string, complete bool) (string, bool) {
	switch kind {
	case kindURL:
		scheme, rest, ok := strings.Cut(text, "://")
		if !ok || (!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https")) {
			return "", false
		}
		return authorityHost(rest, complete)
	case kindHostPort:
		return splitHost(text, complete, true)
	case kindDSN:
		return dsnHost(text, complete)
	case kindTarget:
		return targetHost(text, complete)
	case kindRemote:
		return remoteHost(text, complete)
	case kindSourceURL:
		if !strings.Contains(text, "://") {
			return "", false
		}
		return remoteHost(text, complete)
	case kindHost, kindAWSRegion:
		return splitHost(text, complete, false)
	case kindServerURL:
		return serverURLHost(text, complete)
	case kindAzureConn:
		return azureConnHost(text, complete)
	}
	return "", false
}

// withoutForcedGetter drops the "getter::" prefix with which go-getter and
// Terraform sources force the protocol (git::ssh://host/repo,
// s3::https://host/bucket): the URL after it is still the one fetched.
// rsync's host::module has no URL after it and is left alone.
func withoutForcedGetter(text string) string {
	getter, url, ok := strings.Cut(text, "::")
	if !ok || getter == "" || strings.ContainsAny(getter, ":/@") || !strings.Contains(url, "://") {
		return text
	}
	return url
}

// remoteHost returns the host of a command-line remote: a URL of a scheme
// git, curl, ssh or rsync speak, scp's [user@]host:path, or ssh's
// user@host.
func remoteHost(text string, complete bool) (string, bool) {
	text = withoutForcedGetter(text)
	if scheme, rest, ok := strings.Cut(text, "://"); ok {
		switch strings.ToLower(scheme) {
		case "http", "https", "git", "ssh", "git+ssh", "ssh+git", "ftp", "ftps", "sftp", "rsync":
			return authorityHost(rest, complete)
		}
		return "", false
	}
	if text == "" || strings.ContainsAny(text[:1], "/.-~$") {
		return "", false // a path or a flag
	}
	if i := strings.IndexByte(text, ':'); i > 0 && !strings.ContainsAny(text[:i], "/ =") {
		host := text[:i]
		if at := strings.LastIndexByte(host, '@'); at >= 0 {
			host = host[at+1:]
		}
		return host, true
	}
	if at := strings.IndexByte(text, '@'); at > 0 && complete && !strings.ContainsAny(text, "/ =:") {
		return text[at+1:], true
	}
	return "", false
}

// authorityHost returns the host of the authority that starts rest (the
// part of a URL after "scheme://"). A port that is not a number makes the
// URL invalid, so nothing dials it.
func authorityHost(rest string, complete bool) (string, bool) {
	auth, _, terminated := cutAny(rest, "/?#")
	complete = complete || terminated
	if at := strings.LastIndexByte(auth, '@'); at >= 0 {
		auth = auth[at+1:]
	}
	auth, _, _ = strings.Cut(auth, ",") // the first of several database hosts
	host, ok := splitHost(auth, complete, false)
	if !ok {
		return "", false
	}
	var port string
	var hasPort bool
	if after, ok := strings.CutPrefix(auth, "["); ok {
		_, after, _ = strings.Cut(after, "]")
		port, hasPort = strings.CutPrefix(after, ":")
	} else {
		_, port, hasPort = strings.Cut(auth, ":")
	}
	if hasPort && !isDigits(port) {
		return "", false
	}
	return host, true
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// splitHost returns the host of host[:port]. A host is settled when a port
// separator follows it or the text is complete.
func splitHost(text string, complete, needPort bool) (string, bool) {
	if strings.HasPrefix(text, "[") {
		host, _, ok := strings.Cut(text[1:], "]")
		return host, ok
	}
	host, _, hasPort := strings.Cut(text, ":")
	if hasPort || (complete && !needPort) {
		return host, true
	}
	return "", false
}

// dsnHost returns the network host of a data source name in URL form
// (postgres://user@host/db), in go-sql-driver/mysql form
// (user:pw@tcp(host:3306)/db) or in key=value form (host=db port=5432).
// File names and in-memory databases (":memory:", "file::memory:") name no
// host.
func dsnHost(text string, complete bool) (string, bool) {
	if scheme, rest, ok := strings.Cut(text, "://"); ok {
		switch strings.ToLower(scheme) {
		case "file", "sqlite", "sqlite3", "unix":
			return "", false
		}
		return authorityHost(rest, complete)
	}
	if i := strings.Index(text, "@tcp"); i >= 0 {
		rest := strings.TrimLeft(text[i+len("@tcp"):], "46")
		if addr, ok := strings.CutPrefix(rest, "("); ok {
			addr, _, closed := strings.Cut(addr, ")")
			return splitHost(addr, complete || closed, false)
		}
		return "", false
	}
	fields := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '\t' || r == ';' })
	for i, field := range fields {
		key, value, ok := strings.Cut(field, "=")
		if !ok {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "host", "hostaddr", "server", "address", "addr":
		default:
			continue
		}
		if i == len(fields)-1 && !complete && !strings.HasSuffix(text, " ") && !strings.HasSuffix(text, ";") {
			return "", false // the value may go on
		}
		value = strings.Trim(value, `'"`)
		value = strings.TrimPrefix(value, "tcp:")
		if strings.HasPrefix(value, "/") || strings.HasPrefix(value, "@") {
			return "", false // a Unix socket directory
		}
		host, _, _ := cutAny(value, `,\`)
		return splitHost(host, true, false)
	}
	return "", false
}

// targetHost returns the host of a gRPC target: host[:port],
// dns:[//authority/]host[:port] or passthrough:///host[:port]. Targets of
// other schemes (unix, custom resolvers such as bufconn's) name no host.
func targetHost(text string, complete bool) (string, bool) {
	if scheme, rest, ok := strings.Cut(text, "://"); ok {
		switch strings.ToLower(scheme) {
		case "dns", "passthrough":
		default:
			return "", false
		}
		_, endpoint, ok := strings.Cut(rest, "/")
		if !ok {
			return "", false
		}
		return splitHost(endpoint, complete, false)
	}
	lower := strings.ToLower(text)
	if rest, ok := strings.CutPrefix(lower, "dns:"); ok {
		return splitHost(text[len(text)-len(rest):], complete, false)
	}
	for _, local := range []string{"unix:", "unix-abstract:", "vsock:"} {
		if strings.HasPrefix(lower, local) {
			return "", false
		}
	}
	return splitHost(text, complete, false)
}

// cutAny cuts s around the first of the bytes in chars.
func cutAny(s, chars string) (before, after string, found bool) {
	if i := strings.IndexAny(s, chars); i >= 0 {
		return s[:i], s[i+1:], true
	}
	return s, "", false
}

// isExternal reports whether host names a machine other than this one that
// a test could really reach: not empty (the local host), not loopback or the
// unspecified address, not a documentation address (RFC 5737, RFC 3849),
// not a name reserved for tests and examples (RFC 2606, RFC 6761), and not a
// single-label name, which in tests is a container alias on the test
// network or a placeholder for a fake (bufnet, db, server).
func isExternal(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if addr, err := netip.ParseAddr(host); err == nil {
		addr = addr.WithZone("")
		// Link-local addresses (169.254.169.254, a cloud's metadata
		// service) exist only on the machine's own network segment.
		return !addr.IsLoopback() && !addr.IsUnspecified() && !addr.IsMulticast() && !addr.IsLinkLocalUnicast() && !isDocumentation(addr)
	}
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return false
	}
	for _, label := range labels {
		if label == "" || strings.Trim(label, "abcdefghijklmnopqrstuvwxyz0123456789-_") != "" {
			return false // a template such as {{.Host}} or %s, not a name
		}
	}
	tld := labels[len(labels)-1]
	switch tld {
	case "test", "example", "invalid", "localhost":
		return false
	case "com", "net", "org":
		if labels[len(labels)-2] == "example" {
			return false
		}
	}
	return strings.Trim(tld, "abcdefghijklmnopqrstuvwxyz") == ""
}

var documentationPrefixes = []netip.Prefix{
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("2001:db8::/32"),
}

func isDocumentation(addr netip.Addr) bool {
	for _, p := range documentationPrefixes {
		if p.Contains(addr.Unmap()) {
			return true
		}
	}
	return false
}
