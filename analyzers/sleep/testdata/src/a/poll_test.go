package a

import (
	"errors"
	"testing"
	"time"
)

var ready = func() bool { return true }

func try() error { return errors.New("not yet") }

func TestPollsUntilDeadline(t *testing.T) {
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if ready() {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestPollsBoundedAttempts(t *testing.T) {
	for i := 0; i < 50; i++ {
		if ready() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("never ready")
}

func TestPollsCondition(t *testing.T) {
	for !ready() {
		time.Sleep(time.Millisecond)
	}
}

func TestPollsUntilChannelCloses(t *testing.T) {
	done := make(chan struct{})
	close(done)
poll:
	for {
		select {
		case <-done:
			break poll
		default:
		}
		<-time.After(time.Millisecond)
	}
}

func TestPollsWithSwitch(t *testing.T) {
	for attempt := 0; ; attempt++ {
		switch err := try(); {
		case err == nil:
			return
		case attempt == 10:
			t.Fatal(err)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestRetriesAfterBackoff(t *testing.T) {
	backoff := []time.Duration{time.Millisecond, 10 * time.Millisecond}
	for i, attempts := 0, 0; i < 3; i++ {
		if err := try(); err != nil && attempts < len(backoff) {
			time.Sleep(backoff[attempts])
			attempts++
			continue
		}
	}
}

func TestIdlesForever(t *testing.T) {
	if ready() {
		return
	}
	// A helper process that must hang until the parent's timeout kills it.
	for {
		time.Sleep(time.Millisecond)
	}
}

func TestPacesRequests(t *testing.T) {
	for i := 0; i < 3; i++ {
		_ = try()
		time.Sleep(10 * time.Millisecond) // want `^time\.Sleep in test`
	}
}

func TestBreakLeavesOnlyTheSwitch(t *testing.T) {
	for i := 0; i < 3; i++ {
		switch i {
		case 1:
			break
		}
		time.Sleep(time.Millisecond) // want `^time\.Sleep in test`
	}
}

func TestBreakLeavesOnlyTheInnerLoop(t *testing.T) {
	for range 3 {
		for _, ok := range []bool{true, false} {
			if ok {
				break
			}
		}
		time.Sleep(time.Millisecond) // want `^time\.Sleep in test`
	}
}

func TestReturnLeavesOnlyTheSubtest(t *testing.T) {
	for _, skip := range []bool{true, false} {
		t.Run("case", func(t *testing.T) {
			if skip {
				return
			}
			time.Sleep(time.Millisecond) // want `^time\.Sleep in test`
		})
	}
}

func TestRetryIsNotThePause(t *testing.T) {
	for i := 0; i < 3; i++ {
		if err := try(); err != nil {
			continue
		}
		time.Sleep(time.Millisecond) // want `^time\.Sleep in test`
	}
}

func TestLoopEndsAfterWaiting(t *testing.T) {
	for {
		time.Sleep(time.Millisecond) // want `^time\.Sleep in test`
		break
	}
}

// A loop that ends by returning repeats only through its continue: its
// pause is the wait before another attempt, as in kafka-go's
// findCoordinator test.
func TestRetriesUntilAvailable(t *testing.T) {
	for attempt := 0; attempt < 10; attempt++ {
		if attempt != 0 {
			time.Sleep(50 * time.Millisecond)
		}
		if err := try(); err != nil {
			continue
		}
		return
	}
}

func TestRetriesThenBreaks(t *testing.T) {
	for _, d := range []time.Duration{time.Millisecond, 10 * time.Millisecond} {
		time.Sleep(d)
		if try() != nil {
			continue
		}
		break
	}
}

// Look-alikes: a loop that ends by breaking with no continue runs once,
// and a continue of an inner loop does not repeat the outer one.
func TestRunsOnce(t *testing.T) {
	for i := 0; i < 3; i++ {
		time.Sleep(10 * time.Millisecond) // want `^time\.Sleep in test`
		break
	}
}

func TestInnerContinue(t *testing.T) {
	for i := 0; i < 3; i++ {
		time.Sleep(10 * time.Millisecond) // want `^time\.Sleep in test`
		for j := 0; j < 3; j++ {
			if j == 1 {
				continue
			}
		}
		return
	}
}
