package greet

import (
	"testing"
	"time"
)

func Test1(t *testing.T) {
	if got := Greet("ada"); got != "hello, ada" {
		t.Errorf("Greet(ada) = %q", got)
	}
}

func TestGreetAfterTheLogFlushes(t *testing.T) {
	flushed := make(chan struct{})
	go func() { close(flushed) }()
	time.Sleep(10 * time.Millisecond)
	select {
	case <-flushed:
	default:
		t.Error("log did not flush")
	}
	if got := Greet("bob"); got != "hello, bob" {
		t.Errorf("Greet(bob) = %q", got)
	}
}

func TestGreetUsesTheName(t *testing.T) {
	if got := Greet("eve"); got != "hello, eve" {
		t.Errorf("Greet(eve) = %q, want %q", got, "hello, eve")
	}
}
