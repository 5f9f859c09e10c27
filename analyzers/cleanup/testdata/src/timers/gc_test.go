package timers

import (
	"testing"
	"time"
)

// Since Go 1.23 the garbage collector reclaims unreferenced timers and
// tickers, stopped or not.

func TestTickerCollected(t *testing.T) {
	tk := time.NewTicker(10 * time.Millisecond)
	for i := 0; i < 3; i++ {
		<-tk.C
	}
	for range time.NewTicker(time.Millisecond).C {
		break
	}
}

func TestTimerCollected(t *testing.T) {
	timeout := time.NewTimer(5 * time.Second)
	select {
	case <-timeout.C:
	default:
	}
}
