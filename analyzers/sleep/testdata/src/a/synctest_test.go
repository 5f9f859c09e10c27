package a

import (
	"testing"
	"testing/synctest"
	"time"
)

func TestInBubble(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		time.Sleep(time.Hour)
		<-time.After(time.Minute)
		advance(t)
		synctest.Wait()
	})
	time.Sleep(time.Millisecond) // want `^time\.Sleep in test`
}

// advance is only ever called inside a bubble.
func advance(t *testing.T) { time.Sleep(time.Second) }

// runSynctest runs f in a bubble per mode, as net/http's tests do.
func runSynctest(t *testing.T, f func(t *testing.T, mode string)) {
	for _, mode := range []string{"h1", "h2"} {
		t.Run(mode, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) { f(t, mode) })
		})
	}
}

func TestWrappedBubble(t *testing.T) {
	runSynctest(t, func(t *testing.T, mode string) {
		time.Sleep(time.Hour)
	})
}

func TestNamedBubble(t *testing.T) { runSynctest(t, testIdleTimeout) }

func testIdleTimeout(t *testing.T, mode string) { time.Sleep(time.Hour) }

func TestNamedBodyInBubble(t *testing.T) { synctest.Test(t, testRetries) }

func testRetries(t *testing.T) { <-time.After(time.Minute) }
