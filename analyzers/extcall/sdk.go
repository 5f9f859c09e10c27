package extcall

import (
	"go/ast"
	"go/types"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

// An sdkClient is a constructor or method of a well-known cloud or network
// SDK that connects to the address it is given. The table is meant to
// grow: a row names the packages (every major version), the functions
// (or methods of recv), which argument holds the address, and, for an
// options struct, the field that does.
type sdkClient struct {
	label string   // what the message calls it: "Redis"
	pkgs  []string // import paths; one ending in "/" matches the packages under it
	recv  string   // the receiver's type name for a method, "" for a function
	names []string
	arg   int      // the argument holding the address or the options
	field string   // the options' field holding the address; "" when the argument is the address
	kind  addrKind // how the address reads
	// reroute are fields of the options that send the connection through
	// a dialer, transport or client of the test's choosing.
	reroute []string
	// opts is the argument holding those options when the address is an
	// argument of its own (minio.New(endpoint, &Options{...})), else 0.
	opts int
	// lazy says the constructor connects on the client's first request,
	// not by itself: only a client the test then uses reaches the host.
	lazy bool
}

var redisPkgs = []string{"github.com/redis/go-redis/v9", "github.com/go-redis/redis/v8", "github.com/go-redis/redis/v7", "github.com/go-redis/redis"}
var kafkaGo = []string{"github.com/segmentio/kafka-go"}
var sarama = []string{"github.com/IBM/sarama", "github.com/Shopify/sarama"}
var azblob = []string{
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob",
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/container",
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/blob",
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/service",
}

var sdkClients = []sdkClient{
	{label: "Redis", pkgs: redisPkgs, names: []string{"NewClient"}, field: "Addr", kind: kindHost, reroute: []string{"Dialer"}, lazy: true},
	{label: "Redis", pkgs: redisPkgs, names: []string{"NewClusterClient", "NewUniversalClient"}, field: "Addrs", kind: kindHost, reroute: []string{"Dialer"}, lazy: true},
	{label: "Redis", pkgs: redisPkgs, names: []string{"NewFailoverClient"}, field: "SentinelAddrs", kind: kindHost, reroute: []string{"Dialer"}, lazy: true},
	{label: "NATS", pkgs: []string{"github.com/nats-io/nats.go"}, names: []string{"Connect"}, kind: kindServerURL},
	{label: "Kafka", pkgs: kafkaGo, names: []string{"Dial"}, arg: 1, kind: kindHost},
	{label: "Kafka", pkgs: kafkaGo, names: []string{"DialContext", "DialLeader", "DialPartition"}, arg: 2, kind: kindHost},
	{label: "Kafka", pkgs: kafkaGo, names: []string{"TCP"}, kind: kindHost},
	{label: "Kafka", pkgs: kafkaGo, names: []string{"NewReader", "NewWriter"}, field: "Brokers", kind: kindHost, reroute: []string{"Dialer"}, lazy: true},
	{label: "Kafka", pkgs: sarama, names: []string{"NewClient", "NewSyncProducer", "NewAsyncProducer", "NewConsumer", "NewClusterAdmin", "NewConsumerGroup"}, kind: kindHost, lazy: true},
	{label: "PostgreSQL", pkgs: []string{"github.com/jackc/pgx/v5", "github.com/jackc/pgx/v4"}, names: []string{"Connect"}, arg: 1, kind: kindDSN},
	{label: "PostgreSQL", pkgs: []string{"github.com/jackc/pgx/v5/pgxpool", "github.com/jackc/pgx/v4/pgxpool"}, names: []string{"New", "Connect"}, arg: 1, kind: kindDSN},
	{label: "MongoDB", pkgs: []string{"go.mongodb.org/mongo-driver/mongo/options", "go.mongodb.org/mongo-driver/v2/mongo/options"}, recv: "ClientOptions", names: []string{"ApplyURI"}, kind: kindServerURL},
	{label: "S3", pkgs: []string{"github.com/minio/minio-go/v7", "github.com/minio/minio-go/v6"}, names: []string{"New"}, kind: kindHost, opts: 1, reroute: []string{"Transport"}, lazy: true},
	{label: "Azure Storage", pkgs: azblob, names: []string{"NewClient", "NewClientWithSharedKeyCredential", "NewClientWithNoCredential"}, kind: kindURL, lazy: true},
	{label: "Azure Storage", pkgs: azblob, names: []string{"NewClientFromConnectionString"}, kind: kindAzureConn, lazy: true},
	// An AWS service client given a real region and no endpoint or HTTP
	// client of the test's own calls the service's regional endpoint.
	{label: "AWS", pkgs: []string{awsServices}, names: []string{"New"}, field: "Region", kind: kindAWSRegion,
		reroute: []string{"BaseEndpoint", "EndpointResolver", "EndpointResolverV2", "HTTPClient"}, lazy: true},
}

const awsServices = "github.com/aws/aws-sdk-go-v2/service/"

// sdkPackages holds the packages of sdkClients, so that a package that
// imports none of them (nor net, net/http, ...) skips the analysis.
var sdkPackages = func() map[string]bool {
	m := make(map[string]bool)
	for _, c := range sdkClients {
		for _, p := range c.pkgs {
			if !strings.HasSuffix(p, "/") {
				m[p] = true
			}
		}
	}
	return m
}()

// sdkPackage reports whether path is a package of sdkClients.
func sdkPackage(path string) bool {
	return sdkPackages[path] || strings.HasPrefix(path, awsServices)
}

// sdkClientOf returns the row of sdkClients for fn.
func sdkClientOf(fn *types.Func) *sdkClient {
	if fn.Pkg() == nil || !sdkPackage(fn.Pkg().Path()) {
		return nil
	}
	path := fn.Pkg().Path()
	for i := range sdkClients {
		c := &sdkClients[i]
		inPkgs := slices.ContainsFunc(c.pkgs, func(p string) bool {
			return p == path || strings.HasSuffix(p, "/") && strings.HasPrefix(path, p) && !strings.Contains(path[len(p):], "/")
		})
		if !inPkgs || !slices.Contains(c.names, fn.Name()) {
			continue
		}
		if c.recv == "" && fn.Signature().Recv() == nil {
			return c
		}
		if c.recv != "" && testcode.IsMethod(fn, fn.Pkg().Path(), c.recv, fn.Name()) {
			return c
		}
	}
	return nil
}

// sdkDial returns the address an SDK client call connects to, as far as f
// knows it; false when the options send it through the test's own dialer.
func (f *flow) sdkDial(c *sdkClient, fn *types.Func, args []ast.Expr) (str, bool) {
	if c.arg >= len(args) {
		return unknown, false
	}
	e := args[c.arg]
	if c.opts > 0 && c.opts < len(args) {
		if id, ok := ast.Unparen(args[c.opts]).(*ast.Ident); !ok || id.Name != "nil" {
			lit := f.literal(args[c.opts])
			if lit == nil {
				return unknown, false
			}
			for _, name := range c.reroute {
				if v, ok := field(lit, name); !ok || v != nil {
					return unknown, false
				}
			}
		}
	}
	if c.field != "" {
		lit := f.literal(e)
		if lit == nil {
			return unknown, false
		}
		for _, name := range c.reroute {
			if v, ok := field(lit, name); !ok || v != nil {
				return unknown, false
			}
		}
		v, ok := field(lit, c.field)
		if !ok || v == nil {
			return unknown, false
		}
		e = v
	}
	if lit := f.literal(e); lit != nil { // []string{"kafka-1:9092", ...}
		if _, isSlice := f.info.TypeOf(lit).Underlying().(*types.Slice); isSlice && len(lit.Elts) > 0 {
			e = lit.Elts[0]
		}
	}
	if c.kind == kindAWSRegion {
		// The service's endpoint: s3.us-east-1.amazonaws.com.
		region, complete := f.str(e).prefix()
		if !complete || !awsRegionRE.MatchString(region) {
			return unknown, false
		}
		return text(fn.Pkg().Name() + "." + region + ".amazonaws.com"), true
	}
	return f.str(e), true
}

var awsRegionRE = regexp.MustCompile(`^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$`)

// literal returns the composite literal e is, points to, or is held by a
// variable written once; nil otherwise.
func (f *flow) literal(e ast.Expr) *ast.CompositeLit {
	for range maxDepth {
		switch x := ast.Unparen(e).(type) {
		case *ast.CompositeLit:
			return x
		case *ast.UnaryExpr:
			e = x.X
		case *ast.Ident:
			v, ok := f.info.Uses[x].(*types.Var)
			if !ok {
				return nil
			}
			d, ok := f.value(v)
			if !ok || d.Index >= 0 {
				return nil
			}
			e = d.Value
		default:
			return nil
		}
	}
	return nil
}

// serverURLHost returns the host of a client URL of any scheme
// (nats://host:4222, mongodb+srv://user@cluster0.host/db), the first of a
// comma-separated list, or of a bare host:port.
func serverURLHost(text string, complete bool) (string, bool) {
	if _, rest, ok := strings.Cut(text, "://"); ok {
		return authorityHost(rest, complete)
	}
	first, _, listed := strings.Cut(text, ",")
	return splitHost(first, complete || listed, false)
}

// azureConnHost returns the blob host an Azure Storage connection string
// names: its BlobEndpoint, or AccountName and EndpointSuffix. The storage
// emulator (UseDevelopmentStorage=true) is local.
func azureConnHost(text string, complete bool) (string, bool) {
	if !complete {
		return "", false
	}
	fields := make(map[string]string)
	for _, kv := range strings.Split(text, ";") {
		k, v, _ := strings.Cut(kv, "=")
		fields[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
	}
	if strings.EqualFold(fields["usedevelopmentstorage"], "true") {
		return "", false
	}
	if ep := fields["blobendpoint"]; ep != "" {
		return hostOf(kindURL, ep, true)
	}
	if acct := fields["accountname"]; acct != "" {
		suffix := fields["endpointsuffix"]
		if suffix == "" {
			suffix = "core.windows.net"
		}
		return acct + ".blob." + suffix, true
	}
	return "", false
}

// clientUsed reports whether the client that the constructor call at cur
// returns is used, in the function that makes it: a request method (see
// isRequest) called on it, or handed to a function that takes a context,
// or to one the analyzer cannot see. A client only built, or only asked
// for its settings, connects nowhere.
func (c *checker) clientUsed(cur inspector.Cursor) bool {
	info := c.pass.TypesInfo
	if cur.ParentEdgeKind() == edge.SelectorExpr_X { // redis.NewClient(opts).Ping(ctx)
		s, ok := info.Selections[cur.Parent().Node().(*ast.SelectorExpr)]
		return ok && s.Kind() == types.MethodVal && isRequest(s.Obj().(*types.Func))
	}
	var v *types.Var
	switch p := cur.Parent().Node().(type) {
	case *ast.ExprStmt:
		return false
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && len(p.Lhs) > 0 {
			if id := testcode.Ident(p.Lhs[0]); id != nil {
				v, _ = info.ObjectOf(id).(*types.Var)
			}
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && len(p.Names) > 0 {
			v, _ = info.ObjectOf(p.Names[0]).(*types.Var)
		}
	}
	if v == nil {
		return true // returned or stored: someone else may use it
	}
	fn, ok := testcode.EnclosingFunc(cur)
	if !ok {
		return true
	}
	for use := range fn.Preorder((*ast.Ident)(nil)) {
		if info.Uses[use.Node().(*ast.Ident)] != v {
			continue
		}
		switch use.ParentEdgeKind() {
		case edge.CallExpr_Args:
			if fn := testcode.Callee(info, use.Parent().Node().(*ast.CallExpr)); fn == nil || takesContext(fn) {
				return true
			}
		case edge.SelectorExpr_X:
			if s, ok := info.Selections[use.Parent().Node().(*ast.SelectorExpr)]; ok && s.Kind() == types.MethodVal && isRequest(s.Obj().(*types.Func)) {
				return true
			}
		}
	}
	return false
}

// isRequest reports whether the client method fn is a request: an
// exported method taking a context.Context, as every SDK's calls that
// reach the service are. Unexported methods are the SDK's internals, which
// only its own tests call, to drive validation and request building that
// stop before the network (minio-go's uploadPart rejecting a part too
// large); which of them send, the analyzer cannot tell, as they send
// through the client's own transport.
func isRequest(fn *types.Func) bool {
	return fn.Exported() && takesContext(fn)
}

// takesContext reports whether fn has a context.Context parameter.
func takesContext(fn *types.Func) bool {
	params := fn.Signature().Params()
	for i := range params.Len() {
		if testcode.IsNamedType(params.At(i).Type(), "context", "Context") {
			return true
		}
	}
	return false
}

// requests is the fact of a method of a download client that sends a
// request through a cloud or network SDK (a GCS or S3 getter's
// ClientMode listing the bucket its *url.URL names): it stands with the
// type's request methods (see requestMethod), and a test that gives it an
// external URL reaches that host's service.
type requests struct{}

func (*requests) AFact()         {}
func (*requests) String() string { return "requests" }

// findRequesters marks the package's methods that take a *url.URL,
// belong to a type with a request method, and call an SDK's request
// method themselves. Methods of such a type that only look at the URL
// (a git getter's ClientMode returning a constant) stay apart.
func (c *checker) findRequesters() {
	for _, fi := range c.funcs {
		if !fi.sdkCall {
			continue
		}
		if _, ok := requestMethod(fi.obj); ok {
			continue // a request method already
		}
		t := fi.obj.Signature().Recv().Type()
		if _, ok := t.(*types.Pointer); !ok {
			t = types.NewPointer(t)
		}
		ms := types.NewMethodSet(t)
		for i := range ms.Len() {
			if m, ok := ms.At(i).Obj().(*types.Func); ok && m != fi.obj {
				if _, ok := requestMethod(m); ok {
					c.requests[fi.obj] = true
					break
				}
			}
		}
	}
}

// requesterSink is the sink of a method with a requests fact: its
// *url.URL argument, written whole in the test (see requestMethod).
func requesterSink(fn *types.Func) sink {
	return sink{kind: kindSourceURL, addr: urlParam(fn), client: noClient, network: -1, whole: true}
}

// urlParam returns the index of fn's first *url.URL parameter, or -1.
func urlParam(fn *types.Func) int {
	params := fn.Signature().Params()
	for i := range params.Len() {
		if testcode.IsNamedType(params.At(i).Type(), "net/url", "URL") {
			return i
		}
	}
	return -1
}

// isSDKRequest reports whether fn, called from package pkg, is a request
// method of another package's client outside the standard library: an
// exported method taking a context.Context (see isRequest), such as a GCS
// bucket's Objects(ctx, q) or an S3 paginator's NextPage(ctx).
func isSDKRequest(fn *types.Func, pkg *types.Package) bool {
	return fn.Signature().Recv() != nil && fn.Pkg() != nil && fn.Pkg() != pkg && isRequest(fn) && !testcode.IsStd(fn.Pkg().Path())
}
