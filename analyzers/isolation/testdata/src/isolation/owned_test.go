package isolation

import (
	"testing"
)

// calls belongs to TestRecorder alone.
var calls []string

func record(name string) { calls = append(calls, name) }

func TestRecorder(t *testing.T) {
	calls = nil
	record("a")
	calls = append(calls, "b")
	if len(calls) != 2 {
		t.Fatalf("calls = %v", calls)
	}
}

// shared is read by two tests: the first leaks into the second.
var shared = 1

func TestSharedWriter(t *testing.T) {
	shared = 2 // want `TestSharedWriter sets package variable shared without restoring it`
}

func TestSharedReader(t *testing.T) {
	if shared != 1 {
		t.Fatal("shared changed")
	}
}

// seen is shared too, but a test that clears it undoes state.
var seen map[string]bool

func TestSeenReset(t *testing.T) {
	seen = nil
}

func TestSeenReader(t *testing.T) {
	if seen["x"] {
		t.Fatal("x seen")
	}
}

var result int

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func BenchmarkFib(b *testing.B) {
	for b.Loop() {
		result = fib(10)
	}
}

func BenchmarkFibAgain(b *testing.B) {
	var r int
	for b.Loop() {
		r = fib(12)
	}
	result = r
	retries = 1
}

// sink is only ever assigned, by several tests.
var sink any

func TestSinkOne(t *testing.T) { sink = fib(3) }

func TestSinkTwo(t *testing.T) { sink = fib(4) }
