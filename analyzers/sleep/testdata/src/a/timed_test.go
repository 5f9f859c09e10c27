package a

import (
	"testing"
	"time"
)

type conn struct{ usedAt time.Time }

func (c *conn) UsedAt() time.Time { return c.usedAt }

func (c *conn) Read() { c.usedAt = time.Now() }

// Pauses between two timestamps are part of what the test measures, as in
// pgx's tracer tests: the recorded read time must exclude the pause.
func TestReadTimeExcludesPause(t *testing.T) {
	c := &conn{}
	start := time.Now()
	time.Sleep(5 * time.Millisecond)
	before := time.Now()
	c.Read()
	<-time.After(5 * time.Millisecond)
	var after = time.Now()
	if c.UsedAt().Before(before) || c.UsedAt().After(after) || before.Sub(start) <= 0 {
		t.Fatal("read time outside the read")
	}
}

// A clock of the code under test counts too, as in go-redis' usedAt test.
func TestUsedAtMoves(t *testing.T) {
	c := &conn{}
	first := c.UsedAt()
	time.Sleep(10 * time.Millisecond)
	c.Read()
	if second := c.UsedAt(); !second.After(first) {
		t.Fatal("usedAt did not move")
	}
	third := c.UsedAt()
	_ = third
}

// Sub-microsecond sleeps only yield, to mix interleavings.
func TestInterleavings(t *testing.T) {
	for i := range 1000 {
		if i%333 == 0 {
			time.Sleep(time.Nanosecond)
		}
		time.Sleep(time.Microsecond)
	}
}

// Look-alikes: a timestamp on one side only, a deadline (computed, not
// read), readings in another block, and a sleep a little over a microsecond.
func TestWaitsThenMeasures(t *testing.T) {
	c := &conn{}
	start := time.Now()
	time.Sleep(50 * time.Millisecond) // want `^time\.Sleep in test`
	c.Read()
	if time.Since(start) > time.Second {
		t.Fatal("slow")
	}
}

func TestWaitsBeforeDeadline(t *testing.T) {
	deadline := time.Now().Add(time.Second)
	time.Sleep(10 * time.Millisecond) // want `^time\.Sleep in test`
	if end := time.Now(); end.After(deadline) {
		t.Fatal("late")
	}
}

func TestWaitsInBranch(t *testing.T) {
	if begin := time.Now(); !begin.IsZero() {
		time.Sleep(10 * time.Millisecond) // want `^time\.Sleep in test`
	}
	finish := time.Now()
	_ = finish
}

func TestWaitsMicroseconds(t *testing.T) {
	c := &conn{}
	time.Sleep(2 * time.Microsecond) // want `^time\.Sleep in test`
	c.Read()
}

// Two measurements one after the other: the first ends (time.Since) before
// the pause, and the second starts after it, so neither contains it, as in
// go-redis' pool tests.
func TestMeasuresTwice(t *testing.T) {
	c := &conn{}
	start := time.Now()
	c.Read()
	first := time.Since(start)
	time.Sleep(100 * time.Millisecond) // want `^time\.Sleep in test`
	start = time.Now()
	c.Read()
	if second := time.Since(start); second > first+time.Second {
		t.Fatal("slower from the pool")
	}
}
