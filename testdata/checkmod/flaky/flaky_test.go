package flaky

import "testing"

func TestDoubleOfTwoIsFive(t *testing.T) {
	if got := Double(2); got != 5 {
		t.Errorf("Double(2) = %d, want 5 (this test fails on purpose)", got)
	}
}

func TestDoubleOfZeroIsZero(t *testing.T) {
	if got := Double(0); got != 0 {
		t.Errorf("Double(0) = %d, want 0", got)
	}
}
