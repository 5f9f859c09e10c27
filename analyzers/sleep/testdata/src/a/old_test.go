//go:build go1.24

package a

import (
	"testing"
	"time"
)

// Before Go 1.25 there is no testing/synctest to suggest.
func TestOldGoWaits(t *testing.T) {
	time.Sleep(time.Millisecond) // want `^time\.Sleep in test waits on wall-clock time; synchronize on a channel or WaitGroup, or poll with a deadline$`
}
