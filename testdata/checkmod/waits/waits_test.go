package waits

import (
	"testing"
	"time"
)

func TestReadyClosesTheChannel(t *testing.T) {
	done := make(chan struct{})
	go Ready(done)
	time.Sleep(5 * time.Millisecond)
	select {
	case <-done:
	default:
		t.Error("done is still open")
	}
}
