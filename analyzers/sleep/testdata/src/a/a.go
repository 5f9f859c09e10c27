// Package a is the code under test; its own sleeps are not the linter's
// business.
package a

import "time"

// Server stands for the production type whose tests add methods in
// export_test.go.
type Server struct{ started chan struct{} }

// Backoff pauses between retries in production code.
func Backoff() { time.Sleep(10 * time.Millisecond) }

// Each calls f n times; tests hand it callbacks that simulate work.
func Each(n int, f func(int)) {
	for i := range n {
		f(i)
	}
}

// Breaker opens after a failure and lets a call through again once its
// reset timeout has passed, which it checks against the clock itself.
type Breaker struct {
	openedAt time.Time
	reset    time.Duration
}

// Allow reports whether a call may go through.
func (b *Breaker) Allow() bool { return b.elapsed() >= b.reset }

func (b *Breaker) elapsed() time.Duration { return time.Since(b.openedAt) }

// Queue hands work to a background goroutine: its state changes later,
// without reading the clock.
type Queue struct{ done chan struct{} }

// Processed reports whether the background goroutine finished.
func (q *Queue) Processed() bool {
	select {
	case <-q.done:
		return true
	default:
		return false
	}
}
