package hang

import "testing"

func TestTripleOfOneIsThree(t *testing.T) {
	if Triple(1) != 3 {
		t.Error("Triple(1) != 3")
	}
}

// TestWorkerAnswers waits for an answer that never comes: it ends only
// under go test -timeout.
func TestWorkerAnswers(t *testing.T) {
	t.Log("waiting for the worker")
	if answer := <-make(chan int); answer != 42 {
		t.Errorf("answer = %d, want 42", answer)
	}
}
