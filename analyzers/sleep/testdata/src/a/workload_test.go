package a

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// A pause while goroutines run until told to stop sets how long the load
// lasts, as in go-redis' race and chaos tests: nothing is awaited.
func TestLoggerUnderConcurrentLoad(t *testing.T) {
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
					Backoff()
				}
			}
		}()
	}
	time.Sleep(200 * time.Millisecond)
	close(stop)
	wg.Wait()
}

func TestWritersSurviveKills(t *testing.T) {
	var stop atomic.Bool
	errs := make(chan error, 1)
	go func() {
		for n := 0; !stop.Load(); n++ {
			Backoff()
		}
		errs <- nil
	}()
	for range 3 {
		Backoff()
		time.Sleep(90 * time.Millisecond)
	}
	time.Sleep(120 * time.Millisecond)
	stop.Store(true)
	if err := <-errs; err != nil {
		t.Fatal(err)
	}
}

func TestTrafficUntilCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for ctx.Err() == nil {
			Backoff()
		}
	}()
	time.Sleep(time.Second)
	cancel()
}

type runner struct{ stopCh chan struct{} }

func (r *runner) FireUntilStop() {
	for {
		select {
		case <-r.stopCh:
			return
		default:
			Backoff()
		}
	}
}

func (r *runner) Stop() { close(r.stopCh) }

func TestRunnerTraffic(t *testing.T) {
	r := &runner{stopCh: make(chan struct{})}
	go r.FireUntilStop()
	time.Sleep(5 * time.Second)
	r.Stop()

	other := &runner{stopCh: make(chan struct{})}
	go func() {
		other.FireUntilStop()
	}()
	time.Sleep(5 * time.Second)
	other.Stop()
}

// A goroutine that does one thing and reports back has a point to reach:
// the pause before stopping it is a bet that it got there.
func TestCloseKicksOutRequest(t *testing.T) {
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		<-stop
		close(done)
	}()
	time.Sleep(100 * time.Millisecond) // want `time.Sleep in test waits on wall-clock time`
	close(stop)
	<-done
}

// So does a collector whose loop the test stops only after checking.
func TestCollectorGotMessage(t *testing.T) {
	stop := make(chan struct{})
	got := make(chan int, 1)
	go func() {
		for {
			select {
			case <-stop:
				return
			case got <- 1:
			}
		}
	}()
	time.Sleep(100 * time.Millisecond) // want `time.Sleep in test waits on wall-clock time`
	if len(got) == 0 {
		t.Fatal("nothing collected")
	}
	close(stop)
}

// Stopping something the goroutine does not consult is no workload's end.
func TestStopsSomethingElse(t *testing.T) {
	stop := make(chan struct{})
	other := make(chan struct{})
	go func() {
		for {
			select {
			case <-stop:
				return
			default:
				Backoff()
			}
		}
	}()
	time.Sleep(100 * time.Millisecond) // want `time.Sleep in test waits on wall-clock time`
	close(other)
	close(stop)
}

// A pause after each goroutine a loop starts staggers their starts, as in
// go-redis' pool tests; what they do is awaited after the loop.
func TestStaggeredRequests(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			Backoff()
		}()
		if i%10 == 0 {
			time.Sleep(5 * time.Millisecond)
		}
	}
	wg.Wait()
}

// A pause before the loop's goroutine starts waits for the previous round.
func TestRoundsWaitForEachOther(t *testing.T) {
	done := make(chan struct{}, 3)
	for range 3 {
		time.Sleep(5 * time.Millisecond) // want `time.Sleep in test waits on wall-clock time`
		go func() { done <- struct{}{} }()
	}
	for range 3 {
		<-done
	}
}

// A pause in the middle of a round waits for that round's goroutines, as
// in the runtime's channel tests ("get into their groove").
func TestEachRoundWaitsForItsGoroutines(t *testing.T) {
	for range 3 {
		done := make(chan struct{})
		go func() { close(done) }()
		time.Sleep(50 * time.Millisecond) // want `time.Sleep in test waits on wall-clock time`
		Backoff()
		<-done
	}
}
