//go:build go1.22

package timers

import (
	"testing"
	"time"
)

// Before Go 1.23 an unstopped ticker is never reclaimed and an unstopped
// timer lives until it fires.

func TestPollNeverStopped(t *testing.T) {
	tk := time.NewTicker(10 * time.Millisecond) // want `ticker tk is never stopped; add defer tk.Stop\(\)`
	for i := 0; i < 3; i++ {
		<-tk.C
	}
}

func TestTimeoutNeverStopped(t *testing.T) {
	done := make(chan struct{})
	go close(done)
	timeout := time.NewTimer(5 * time.Second) // want `timer timeout is never stopped; add defer timeout.Stop\(\)`
	select {
	case <-done:
	case <-timeout.C:
		t.Fatal("timed out")
	}
}

func TestRangeOverTicker(t *testing.T) {
	n := 0
	for range time.NewTicker(time.Millisecond).C { // want `ticker from time.NewTicker is discarded and never stopped; keep it and defer its Stop`
		if n++; n == 3 {
			break
		}
	}
}

// Not flagged.

func TestDeferStop(t *testing.T) {
	tk := time.NewTicker(time.Millisecond)
	defer tk.Stop()
	<-tk.C
}

func TestStopAndDrain(t *testing.T) {
	tm := time.NewTimer(time.Hour)
	if !tm.Stop() {
		<-tm.C
	}
}

func TestWaitOnce(t *testing.T) {
	<-time.NewTimer(time.Millisecond).C
}

func waitFor(t *testing.T, tm *time.Timer, done <-chan struct{}) {
	defer tm.Stop()
	select {
	case <-done:
	case <-tm.C:
		t.Fatal("timed out")
	}
}

func TestHandedToHelper(t *testing.T) {
	done := make(chan struct{})
	close(done)
	waitFor(t, time.NewTimer(time.Second), done)
	tm := time.NewTimer(time.Second)
	waitFor(t, tm, done)
}
