package a

import (
	"testing"
	"time"
)

// verifyCommitted is a case of TestCommits' table: the table's loop runs
// it on the test's goroutine, as kafka-go's consumer group tests do.
func verifyCommitted(t *testing.T, interval time.Duration) {
	time.Sleep(3 * interval) // want `^time\.Sleep in test`
}

func verifyHandshake(t *testing.T, interval time.Duration) {}

func TestCommits(t *testing.T) {
	tests := []struct {
		name     string
		interval time.Duration
		function func(*testing.T, time.Duration)
	}{
		{name: "handshake", function: verifyHandshake},
		{name: "periodic commits", interval: time.Millisecond, function: verifyCommitted},
		{"inline", 0, func(t *testing.T, d time.Duration) {
			time.Sleep(d + time.Millisecond) // want `^time\.Sleep in test`
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.function(t, tt.interval) })
	}
}

// slowRead has no testing parameter: listed in a table, it is a hook the
// code under test calls, not a test body.
func slowRead() {
	time.Sleep(time.Millisecond)
}

// A helper with a testing parameter stored outside any test is not one of
// a test's cases.
var setups = map[string]func(*testing.T){"slow": slowSetup}

func slowSetup(t *testing.T) {
	time.Sleep(time.Millisecond)
}

func TestReadsSlowly(t *testing.T) {
	hooks := []func(){slowRead}
	for _, h := range hooks {
		Each(1, func(int) { h() })
	}
	_ = setups
}
