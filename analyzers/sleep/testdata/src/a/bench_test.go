package a

import (
	"fmt"
	"testing"
	"time"
)

func BenchmarkSlowPath(b *testing.B) {
	for b.Loop() {
		time.Sleep(time.Millisecond)
	}
	for i := 0; i < b.N; i++ {
		time.Sleep(time.Millisecond)
	}
}

func simulateLatency(b *testing.B) { time.Sleep(time.Millisecond) }

func TestMeasuresLatency(t *testing.T) {
	res := testing.Benchmark(func(b *testing.B) {
		for range b.N {
			time.Sleep(time.Millisecond)
		}
	})
	work := func(b *testing.B) { time.Sleep(time.Millisecond) }
	t.Run("bench", func(t *testing.T) {
		testing.Benchmark(work)
	})
	_ = res
}

func ExampleBackoff() {
	Backoff()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("done")
	// Output: done
}
