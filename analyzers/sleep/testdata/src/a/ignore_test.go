package a

import (
	"testing"
	"time"
)

func TestIgnoredWaits(t *testing.T) {
	//testgate:ignore sleep the device under test needs real time to settle
	time.Sleep(time.Second)
	time.Sleep(time.Second) //testgate:ignore sleep the device settles in real time
	// want +1 `^//testgate:ignore sleep has no reason`
	//testgate:ignore sleep
	time.Sleep(time.Second) // want `^time\.Sleep in test`
}
