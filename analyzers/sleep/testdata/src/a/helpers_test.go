package a

import (
	"testing"
	"time"
)

func waitForStart(t *testing.T) {
	t.Helper()
	time.Sleep(100 * time.Millisecond) // want `^time\.Sleep in test`
}

func TestUsesWaitingHelper(t *testing.T) {
	waitForStart(t)
}

// eventSeparator gives the file system time to deliver events, as
// fsnotify's tests do.
func eventSeparator() {
	time.Sleep(50 * time.Millisecond) // want `^time\.Sleep in test`
}

func TestSeparatesEvents(t *testing.T) {
	eventSeparator()
	checkSettled(t)
}

func checkSettled(tb testing.TB) {
	eventSeparator()
}

func testReconnects(t *testing.T, mode string) {
	time.Sleep(time.Second) // want `^time\.Sleep in test`
}

func runModes(t *testing.T, f func(*testing.T, string)) {
	for _, mode := range []string{"h1", "h2"} {
		t.Run(mode, func(t *testing.T) { f(t, mode) })
	}
}

func TestReconnects(t *testing.T) { runModes(t, testReconnects) }

func (s *Server) settle() {
	time.Sleep(10 * time.Millisecond) // want `^time\.Sleep in test`
}

func TestServerSettles(t *testing.T) {
	s := &Server{}
	s.settle()
}

// delayClose closes ch late, on a goroutine or not, as io's pipe tests do.
func delayClose(t *testing.T, ch chan int, async bool) {
	time.Sleep(time.Millisecond)
	close(ch)
}

func TestDelayedClose(t *testing.T) {
	for _, async := range []bool{true, false} {
		ch := make(chan int)
		if async {
			go delayClose(t, ch, async)
		} else {
			delayClose(t, ch, async)
		}
		<-ch
	}
}

// slowProducer is a goroutine's body.
func slowProducer(ch chan<- int) {
	time.Sleep(10 * time.Millisecond)
	ch <- 1
}

func TestConsumes(t *testing.T) {
	ch := make(chan int)
	go slowProducer(ch)
	if <-ch != 1 {
		t.Fatal("wrong value")
	}
}

// slowHook is stored as a hook.
func slowHook() { time.Sleep(time.Millisecond) }

var beforeRead func()

func TestHookedRead(t *testing.T) {
	beforeRead = slowHook
	t.Cleanup(func() { beforeRead = nil })
}

// unusedWait is called by nobody.
func unusedWait() { time.Sleep(time.Millisecond) }

// plainWait is used by a helper that is itself no test helper.
func plainWait() { time.Sleep(time.Millisecond) }

func indirect() { plainWait() }

func TestIndirect(t *testing.T) { indirect() }
