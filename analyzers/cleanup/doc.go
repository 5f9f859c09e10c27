// Package cleanup defines an Analyzer that reports resources a test opens
// and visibly never releases.
//
// # Analyzer cleanup
//
// cleanup: report resources and process state a test acquires and never releases
//
// A test that leaves a server running, a file open, a temporary directory
// on disk or the environment changed makes the tests after it depend on
// it: ports and file descriptors run out, Windows cannot remove a
// t.TempDir that still holds an open file, and a changed variable or
// working directory silently alters every later test in the process.
//
// In _test.go files, inside functions that take a *testing.T, *testing.B,
// *testing.F or testing.TB (tests, subtests, benchmarks, fuzz targets and
// helpers), the analyzer reports:
//
//   - httptest.NewServer, NewTLSServer and NewUnstartedServer without Close;
//   - os.Create, os.Open, os.OpenFile, os.CreateTemp and ioutil.TempFile
//     without Close;
//   - os.MkdirTemp and ioutil.TempDir in "" or os.TempDir() without
//     os.RemoveAll (use t.TempDir);
//   - sql.Open and sql.OpenDB without Close;
//   - net.Listen, net.ListenPacket and the typed net.ListenTCP, ListenUDP,
//     ListenUnix, ListenUnixgram, ListenIP and ListenMulticastUDP without Close;
//   - time.NewTicker and time.NewTimer without Stop, only in files whose Go
//     version is older than 1.23: since Go 1.23 the garbage collector
//     reclaims unreferenced timers and tickers whether or not they were
//     stopped, so Stop is no longer needed to release them;
//   - os.Setenv without a restore (use t.Setenv);
//   - os.Chdir without a restore (use t.Chdir, Go 1.24 and later).
//
// A resource that is dropped on the spot (httptest.NewServer(h) as a
// statement, an assignment to _, httptest.NewServer(h).URL) is reported
// too, except where the call also returns an error that is kept:
// _, err := os.Open(missing) is how tests provoke an error. os.Create,
// os.CreateTemp, os.MkdirTemp and their ioutil forerunners are called for
// what they create, so dropping their result is reported regardless.
//
// A release counts wherever it is (but removing a file by its name, defer
// os.Remove(f.Name()), leaves the file open): defer x.Close(), a deferred closure,
// t.Cleanup(x.Close), anything a t.Cleanup closure does with the resource
// (x.Config.Shutdown(context.Background()) included), any function literal
// that releases it (its run time cannot be seen), or a later call in the
// function itself. A later call counts unless it sits only in a branch
// that fails or skips the test (t.Fatal, t.Skip, panic, or t.Error and
// return), as in if err != nil { f.Close(); t.Fatal(err) }, which leaves
// the success path without it. A temporary
// directory also counts as removed when os.RemoveAll or os.Remove is given
// a path built from it.
//
// Ownership that leaves the function silences the report: the resource is
// returned, stored in a field, variable, map, slice or channel, its Close
// method is taken as a value, or it is passed to a function that closes,
// returns or stores it. Functions of the module are judged from their
// bodies, across packages through facts: db, _ := sql.Open(...);
// CountRows(db) with db never closed is reported when CountRows only
// queries db, and a helper that closes its argument, hands it to one that
// does, or keeps it in a struct it returns keeps its caller silent. A
// parameter of a type that cannot release the resource (io.Reader) keeps
// nothing. Handing a resource to a standard-library function, a function
// value or an interface method counts as passing it on (io.ReadAll,
// io.Copy, fmt.Fprint and their kin only read or write it), and so does
// anything the standard library's own tests hand on. A temporary
// directory's path may be passed to standard-library functions freely;
// passing it to the module's own functions, or storing it, counts as
// handing it on. A temporary directory created inside a caller-chosen
// parent is not reported: the parent's removal takes it along.
//
// A listener handed to a serve loop started in a goroutine (go
// srv.Serve(ln), or a call in a function literal started with go or
// handed to a Go method) is not passed on by that alone. net/http's
// Server.Serve closes its listener when it returns, and it returns only
// once the server is closed or shut down (or Accept fails for good), so
// the listener counts as released only when the server is: its Close,
// Shutdown, Stop or GracefulStop is called (where a release would count),
// a defer or t.Cleanup uses it, or it is returned, stored or handed on. A
// server built in the call ((&http.Server{}).Serve(ln)) is never stopped,
// nor are the servers behind http.Serve, http.ServeTLS, fcgi.Serve and
// net/rpc's Accept: there only closing the listener counts. Serve loops
// are those, net/rpc's Server.Accept (which never closes its listener),
// and any method named Serve or ServeTLS whose first parameter is a
// net.Listener (grpc's Server, the module's own servers). Called
// directly, a serve loop returns only with its listener closed, and
// counts as passing it on as before. Closing a unix listener also removes
// its socket file, so a socket left in os.TempDir is reported the same way.
// The report names the serve loop; in a helper it says to close the
// listener in t.Cleanup, since a defer there would close it as the helper
// returns, while the server is still wanted.
//
// The environment counts as restored when the function or the test around
// it sets or unsets the same variable in a defer, a t.Cleanup or another
// function literal, unsets it later, calls t.Setenv for it (t.Chdir for
// PWD), or saves its old value with os.Getenv or os.LookupEnv. The working
// directory counts as restored when another os.Chdir, a (*os.File).Chdir
// or t.Chdir appears in a defer, a t.Cleanup or a function literal, a
// later os.Chdir follows, or the old directory is saved with os.Getwd.
// Either also counts as restored when the test defers, or registers with
// t.Cleanup, a function of its own package whose body sets the
// environment or changes the directory (defer ResetProxyEnv()).
//
// Also not reported: a call the test expects to fail (the next statement
// checks err == nil), code that runs only in a child process (after
// if os.Getenv("GO_WANT_HELPER_PROCESS") != "1" { return }, since the
// child exits when it is done), code outside _test.go files, functions
// without a testing parameter (TestMain, init, examples, closures that a
// test calls), and contexts, whose cancel functions vet's lostcancel
// checks. context.Background inside t.Cleanup is correct (t.Context is
// already canceled when cleanups run) and is never reported.
//
// Suggested fixes, offered only when the file's Go version provides the
// replacement:
//
//   - srv := httptest.NewServer(h) gains t.Cleanup(srv.Close) on the next
//     line (Go 1.14), naming the function's own testing parameter;
//   - tk := time.NewTicker(d) and tm := time.NewTimer(d) gain
//     defer tk.Stop();
//   - dir, _ := os.MkdirTemp("", "x") becomes dir := t.TempDir() (Go
//     1.15). When the error is kept, the error handling that follows must
//     go as well, so no fix is offered;
//   - os.Setenv(k, v) becomes t.Setenv(k, v) (Go 1.17) and os.Chdir(d)
//     becomes t.Chdir(d) (Go 1.24), when the call is a statement of its
//     own and the test is not parallel: t.Setenv and t.Chdir panic in a
//     test that calls t.Parallel (before or after them) and in a subtest
//     started after an ancestor called it, so there the message says to
//     drop t.Parallel instead. A subtest that runs before its parent
//     calls t.Parallel is not parallel. (A helper's callers are not seen;
//     if one is parallel, the panic points at a real race.)
package cleanup
