// Package extcall defines an Analyzer that reports tests that reach a real
// external host or a production database.
//
// # Analyzer extcall
//
// extcall: report tests that dial real external hosts or databases
//
// A test that talks to a real service passes or fails with the network,
// the service's uptime and its data, and may change that data. The
// analyzer reports a call in a _test.go file that dials an address written
// in the test, when the address names an external host:
//
//	resp, err := http.Get("https://api.github.com/repos/x/y")
//	conn, err := net.Dial("tcp", "smtp.gmail.com:587")
//	db, err := sql.Open("postgres", "host=db.prod.internal port=5432 user=app")
//	cc, err := grpc.NewClient("dns:///payments.internal.corp:443", opts)
//
// The calls that dial are net/http's Get, Head, Post and PostForm and the
// same methods of an *http.Client, (*http.Client).Do and RoundTrip of a
// request made by http.NewRequest, net.Dial and DialTimeout and the
// Dialer's methods, their crypto/tls counterparts, sql.Open with a network
// data source name (URL form, go-sql-driver/mysql's user@tcp(host:3306)/db
// and key=value form), google.golang.org/grpc's Dial, DialContext and
// NewClient, subprocesses that reach the network (exec.Command running
// git clone, fetch, pull, push, ls-remote or archive, hg and svn
// equivalents, curl, wget, ssh, scp, sftp or rsync with a remote, also
// inside sh -c, or built as a slice by a literal and appends and passed
// with args...; a remote may carry go-getter's and Terraform's forced
// getter, as in git::ssh://host/repo), and the clients of well-known cloud and network SDKs
// given an address (a table that is easy to extend): go-redis
// (Options.Addr, Addrs, SentinelAddrs), nats.go's Connect, segmentio's
// kafka-go (Dial*, TCP, ReaderConfig and WriterConfig Brokers), sarama's
// constructors, pgx's Connect and pgxpool, the MongoDB driver's ApplyURI,
// minio-go's New, Azure Blob Storage's clients (service URL or
// connection string), and AWS SDK v2 service clients (New with a real
// region and no BaseEndpoint, endpoint resolver or HTTP client of the
// test's own). Options that route the connection through a dialer
// of the test's own (go-redis's and kafka-go's Dialer) silence a call.
// Clients that connect on their first request (go-redis, kafka-go's
// readers and writers, sarama's consumer groups, minio, Azure, AWS) count
// only when the test uses them: calls a request method on the client (an
// exported one taking a context.Context) or hands it on, not when it only
// builds one to read its settings. An SDK's own tests that call its
// unexported methods drive its internals (validation that rejects a part
// before any request), which send, if at all, through the client's own
// transport: the analyzer cannot tell, and stays silent.
// The request methods of HTTP client libraries (Get, Head, Post, Put,
// Patch, Delete, Options, Execute, Download, Fetch, GetFile of a type
// whose package imports net/http, client.R().Get(url) in resty's style,
// getter.GetFile(dst, u) with u a *url.URL, git and ssh URLs included) are
// reported when given an external URL written in the test (its host, at
// least): what happens between them and
// the dial (middleware, function values) is out of the analyzer's reach.
// So is another method of such a type that takes a *url.URL and sends a
// request through a cloud or network SDK itself (an exported method of
// another module's client taking a context.Context, as a GCS or S3
// getter's ClientMode lists the bucket): it carries a fact and counts as
// a request method; one that only reads the URL does not.
//
// A function or method of any package that passes a string, *url.URL or
// *http.Request parameter, or a field of its receiver or of a struct
// parameter, on to one of those (directly or through another such
// function) carries a fact, so that Fetch(client,
// "https://api.github.com/x") and fetcher.Download(ctx, u), with u parsed
// from a URL literal, are reported wherever Fetch and Download are
// declared. A client or transport that the function takes from a
// parameter or a receiver's field is followed to where the test builds
// it; one the analyzer cannot see there silences the call.
//
// A source may also be normalized on its way (detected, parsed, stripped
// of a forced-getter prefix) by functions that return it unchanged on
// some path: such a function carries a fact that its result may be its
// parameter, and the address is then taken to keep the source's host. A
// method of an interface taking a string or *url.URL (a getter table's
// Get(dst, u)) dials as the methods of the concrete values that the test
// shows behind it: a client's field set to a map or slice literal, a
// variable or argument of a concrete type. So client := &Client{Src:
// "git@github.com:org/repo", Getters: map[string]Getter{"git":
// new(GitGetter)}}; client.Get() is reported when GitGetter.Get runs git
// clone on its URL; a table of fakes, or none (the client's defaults),
// stays silent.
//
// The address is followed as far as it is written in the code: literals
// and constants, local variables written once, concatenation,
// fmt.Sprintf with %s, %v and %d, net.JoinHostPort, http.NewRequest,
// url.Parse and url.URL literals, fields of struct literals, and
// functions of any package that build an address from their parameters
// (MustParseURL(t, raw), apiURL(path), a wrapper of url.Parse), which
// carry a fact of their own.
//
// A host is external unless it is empty (":8080"), loopback (localhost,
// 127.0.0.0/8, ::1), unspecified (0.0.0.0, ::), link-local (169.254.0.0/16,
// a cloud's metadata service, fe80::/10), a documentation address
// (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32), a name
// reserved by RFC 2606 and RFC 6761 (example.com, example.net, example.org
// and their subdomains, and the .example, .test, .invalid and .localhost
// domains), or a name of a single label (db, bufnet), which in tests is a
// container alias on the test network or a placeholder for a fake.
//
// Not reported, as they do not reach the host or the analyzer cannot
// tell:
//   - URLs that are only parsed, compared, printed, or set as a header or
//     redirect target, and requests served to a handler (ServeHTTP).
//   - Addresses not written in the test: an httptest server's URL, a
//     listener's address, values from os.Getenv or flags, parameters.
//   - Calls through a client whose transport the analyzer cannot see (one
//     passed in, returned by a helper, or given a Transport other than a
//     plain *http.Transport, which is how fakes are installed), and calls
//     through http.DefaultClient in a package whose tests replace
//     http.DefaultTransport or http.DefaultClient, directly or through a
//     library such as httpmock or gock.
//   - In-memory and file databases (":memory:", "file::memory:",
//     "file:test.db?mode=memory"), Unix sockets, and gRPC dials with a
//     custom dialer or resolver (bufconn).
//   - Tests that ask for the network on purpose: those that call a function
//     named MustHaveExternalNetwork (as the standard library's tests do),
//     or skip or return inside an if statement whose condition reads the
//     environment (os.Getenv, os.LookupEnv), a command-line flag or a
//     function named HasExternalNetwork, or call a function of their
//     package that does. Such a test is an integration test that runs
//     only when someone asks for it, which is what a user wants of it.
//     A testing.Short skip is no such guard: plain go test does not set
//     -short, so the test dials in every ordinary run; it is reported,
//     with a message that says so.
//   - Examples without an output comment, which go test only compiles.
//
// To fix a report, serve the test from httptest.NewServer, a listener on
// 127.0.0.1:0 or a fake, or use an in-memory or local test database. For an
// integration test that must reach the host, guard it as above or silence
// the line with a reason:
//
//	//testgate:ignore extcall smoke test against the staging API, run nightly
//
// A team whose tests reach its own test services on purpose lists them
// with the option allow-hosts: host names, or *.domain for every name
// below a domain (-extcall.allow-hosts=svc.internal,*.test.example).
package extcall
