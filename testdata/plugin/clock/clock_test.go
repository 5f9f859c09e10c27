package clock

// The end-of-line markers tell scripts/golangci-e2e.sh what to expect:
// e2e:reported lines must be reported, e2e:silent lines must not, and
// e2e:disabled lines only when no settings disable their analyzer.

import (
	"strings"
	"testing"
	"time"
)

func Test1(t *testing.T) { // e2e:reported (testname)
	start := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if got := Deadline(start, time.Hour); !got.Equal(start.Add(time.Hour)) {
		t.Errorf("Deadline(start, 1h) = %v, want %v", got, start.Add(time.Hour))
	}
}

func TestDeadlineAfterTheJobFinishes(t *testing.T) {
	done := make(chan struct{})
	go func() { close(done) }()
	time.Sleep(10 * time.Millisecond) // e2e:reported (sleep)
	select {
	case <-done:
	default:
		t.Error("job did not finish")
	}
}

func TestDeadlineAddsTheDuration(t *testing.T) {
	start := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	time.Sleep(time.Millisecond) //nolint:testgate // e2e:silent (nolint)
	if got := Deadline(start, time.Minute); got.Sub(start) != time.Minute {
		t.Errorf("Deadline(start, 1m) - start = %v, want 1m", got.Sub(start))
	}
}

func TestDeadlineOfTheDatabaseLease(t *testing.T) {
	password := "N7rQ2vXk9LpW4tZsB3mY" // e2e:disabled (secret)
	dsn := "postgres://orders:" + password + "@db.internal:5432/orders"
	if !strings.Contains(dsn, "@db.internal") {
		t.Fatalf("dsn %q lacks the host", dsn)
	}
	start := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if got := Deadline(start, 0); !got.Equal(start) {
		t.Errorf("Deadline(start, 0) = %v, want start", got)
	}
}
