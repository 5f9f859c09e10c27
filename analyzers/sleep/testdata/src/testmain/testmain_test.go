package testmain

import (
	"os"
	"testing"
	"time"
)

func TestMain(m *testing.M) {
	// TestMain has no *testing.T to run a bubble with.
	time.Sleep(100 * time.Millisecond) // want `^time\.Sleep in test waits on wall-clock time; synchronize on a channel or WaitGroup, or poll with a deadline$`
	os.Exit(m.Run())
}

func TestNothing(t *testing.T) {}
