package clock

import (
	"testing"
	"time"
)

func Test1(t *testing.T) {
	start := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if got := Deadline(start, time.Hour); !got.Equal(start.Add(time.Hour)) {
		t.Errorf("Deadline = %v", got)
	}
}

func TestDeadlineWaitsForTheJob(t *testing.T) {
	done := make(chan struct{})
	go func() { close(done) }()
	time.Sleep(10 * time.Millisecond)
	select {
	case <-done:
	default:
		t.Error("job did not finish")
	}
}

func TestDeadlineAddsTheDuration(t *testing.T) {
	start := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	//testgate:ignore sleep the directive in the vet e2e test silences this line
	time.Sleep(time.Millisecond)
	if got := Deadline(start, time.Minute); got.Sub(start) != time.Minute {
		t.Errorf("Deadline(start, 1m) - start = %v, want 1m", got.Sub(start))
	}
}
