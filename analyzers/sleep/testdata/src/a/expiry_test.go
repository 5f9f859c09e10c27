package a

import (
	"testing"
	"time"
)

// A pause that lets a timeout pass before the code under test checks the
// clock itself, as go-redis' circuit breaker tests do, waits for nothing
// asynchronous: elapsed time is the input.
func TestBreakerAllowsAfterReset(t *testing.T) {
	b := &Breaker{openedAt: time.Now(), reset: 50 * time.Millisecond}
	time.Sleep(60 * time.Millisecond)
	allowed := false
	if b.Allow() {
		allowed = true
	}
	if !allowed {
		t.Fatal("still open after the reset timeout")
	}
}

// A pause before reading state a goroutine sets is a bet on its speed.
func TestQueueProcessesInBackground(t *testing.T) {
	q := &Queue{done: make(chan struct{})}
	go close(q.done)
	time.Sleep(50 * time.Millisecond) // want `time.Sleep in test waits on wall-clock time`
	if !q.Processed() {
		t.Fatal("not processed")
	}
}

// A test helper that reads the clock times its own wait; it is no check of
// the code under test.
func waitUntil(deadline time.Time, cond func() bool) bool {
	for time.Now().Before(deadline) {
		if cond() {
			return true
		}
	}
	return cond()
}

func TestHelperReadsClock(t *testing.T) {
	q := &Queue{done: make(chan struct{})}
	go close(q.done)
	time.Sleep(50 * time.Millisecond) // want `time.Sleep in test waits on wall-clock time`
	if !waitUntil(time.Now().Add(time.Second), q.Processed) {
		t.Fatal("not processed")
	}
}
