package a_test

import (
	"testing"
	"time"

	"a"
)

func TestExternalWaits(t *testing.T) {
	a.Backoff()
	time.Sleep(time.Millisecond) // want `^time\.Sleep in test`
}
