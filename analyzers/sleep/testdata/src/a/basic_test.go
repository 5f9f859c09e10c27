package a

import (
	"os"
	"testing"
	"time"
)

func TestWaitsForWorker(t *testing.T) {
	done := make(chan bool, 1)
	go func() { done <- true }()
	time.Sleep(100 * time.Millisecond) // want `^time\.Sleep in test waits on wall-clock time; synchronize on a channel or WaitGroup, poll with a deadline, or use testing/synctest$`
	if len(done) != 1 {
		t.Fatal("worker did not finish")
	}
}

func TestDisguisedWaits(t *testing.T) {
	<-time.After(50 * time.Millisecond)   // want `^<-time\.After in test waits on wall-clock time; `
	<-time.Tick(time.Millisecond)         // want `^<-time\.Tick in test waits on wall-clock time; `
	<-time.NewTimer(time.Second).C        // want `^<-time\.NewTimer\(d\)\.C in test waits on wall-clock time; `
	(<-time.After(20 * time.Millisecond)) // want `^<-time\.After in test`
	const settle = 5 * time.Millisecond
	time.Sleep(settle) // want `^time\.Sleep in test`
}

func TestSubtestWaits(t *testing.T) {
	t.Run("after start", func(t *testing.T) {
		time.Sleep(time.Second) // want `^time\.Sleep in test`
	})
}

func TestCalledLiteralsWait(t *testing.T) {
	settle := func() {
		time.Sleep(20 * time.Millisecond) // want `^time\.Sleep in test`
	}
	settle()
	func() {
		<-time.After(time.Millisecond) // want `^<-time\.After in test`
	}()
}

func FuzzParseWaits(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		time.Sleep(time.Millisecond) // want `^time\.Sleep in test`
	})
}

func TestDurationsThatDoNotWait(t *testing.T) {
	time.Sleep(0)
	const none = 0
	time.Sleep(none * time.Second)
	time.Sleep(-1)
	<-time.After(0)
}

func TestTimersThatAreNotStatements(t *testing.T) {
	done := make(chan struct{})
	close(done)
	select {
	case <-time.After(time.Second):
		t.Fatal("timed out")
	case <-done:
	}
	timeout := time.After(time.Second)
	_ = timeout
	defer time.Sleep(time.Millisecond)
}

func TestSleepAsValue(t *testing.T) {
	sleepFn := time.Sleep
	sleepFn(time.Millisecond)
	pause(time.Sleep)
}

func pause(sleep func(time.Duration)) { sleep(time.Millisecond) }

func TestHelperProcessIdles(t *testing.T) {
	if os.Getenv("GO_WANT_HELPER_PROCESS") == "1" {
		time.Sleep(time.Minute)
		return
	}
	if os.Getenv("SLOW_DISK") != "" {
		time.Sleep(time.Second) // want `^time\.Sleep in test`
	}
	t.Log("parent")
}

// The goroutine's t.Error counts only if it runs before the test ends.
func TestLetsGoroutineReportLast(t *testing.T) {
	go func() {
		if !ready() {
			t.Error("not ready")
		}
	}()
	time.Sleep(10 * time.Millisecond) // want `^time\.Sleep in test`
}

// A closure inside a package-level function literal has no declaration
// around it to search for its calls.
var waitInPackageLiteral = func(t *testing.T) {
	pause := func() { time.Sleep(10 * time.Millisecond) }
	pause()
}
