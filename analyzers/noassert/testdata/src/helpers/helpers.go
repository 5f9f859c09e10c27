// Package helpers holds test helpers shared across packages: some can fail
// the test they are given, some cannot.
package helpers

import (
	"os"
	"testing"
)

// MustRead fails the test when the file cannot be read.
func MustRead(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// Equal fails the test through report, in this package.
func Equal(tb testing.TB, got, want int) {
	tb.Helper()
	if got != want {
		report(tb, got, want)
	}
}

func report(tb testing.TB, got, want int) {
	tb.Errorf("got %d, want %d", got, want)
}

// Logf only logs.
func Logf(tb testing.TB, format string, args ...any) { // want Logf:"neverFails"
	tb.Helper()
	tb.Logf(format, args...)
}

// RequiresNetwork skips the test when the network is off: skipping is
// not failing.
func RequiresNetwork(tb testing.TB) { // want RequiresNetwork:"neverFails"
	if os.Getenv("NETWORK") == "" {
		tb.Skip("set NETWORK to run")
	}
}

// Node is a tree that Walk logs.
type Node struct {
	Name     string
	Children []*Node
}

// Walk and walkChildren call each other and never fail: the fixpoint over
// the package's calls must not take the cycle for a failure.
func Walk(tb testing.TB, n *Node) { // want Walk:"neverFails"
	tb.Logf("node %s", n.Name)
	walkChildren(tb, n.Children)
}

func walkChildren(tb testing.TB, nodes []*Node) { // want walkChildren:"neverFails"
	for _, n := range nodes {
		Walk(tb, n)
	}
}

// LogSubtest is a subtest body that only logs.
func LogSubtest(t *testing.T) { // want LogSubtest:"neverFails"
	t.Log(t.Name())
}

// FailingSubtest is a subtest body that can fail.
func FailingSubtest(t *testing.T) {
	if t.Name() == "" {
		t.Fail()
	}
}

// RunWith hands t to a function value, which may fail it.
func RunWith(t *testing.T, f func(*testing.T)) {
	f(t)
}

// Env keeps the test to fail it later.
type Env struct {
	tb  testing.TB
	dir string
}

// NewEnv stores tb in the Env it returns: the Env's methods may fail it.
func NewEnv(tb testing.TB) *Env {
	return &Env{tb: tb, dir: tb.TempDir()}
}

// Check fails the test when the environment's directory is gone.
func (e *Env) Check() {
	if _, err := os.Stat(e.dir); err != nil {
		e.tb.Fatal(err)
	}
}

// Checker is implemented elsewhere: its Check may fail t.
type Checker interface {
	Check(t *testing.T)
}

// Exit ends the process instead of failing the test: the test still
// fails, so it counts.
func Exit(tb testing.TB, code int) {
	tb.Log("exiting")
	os.Exit(code)
}

// Logger is the part of *testing.T that Trace needs.
type Logger interface {
	Logf(format string, args ...any)
}

// Trace only logs, through an interface that *testing.T satisfies.
func Trace(l Logger, msg string) { // want Trace:"neverFails"
	l.Logf("trace: %s", msg)
}

// IsNil takes an error, whose Error method is not testing's: no fact.
func IsNil(err error) bool {
	return err == nil
}
