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
