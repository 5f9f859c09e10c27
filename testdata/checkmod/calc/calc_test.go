package calc

import "testing"

func TestAddSumsTwoNumbers(t *testing.T) {
	if got := Add(2, 3); got != 5 {
		t.Errorf("Add(2, 3) = %d, want 5", got)
	}
}

func TestDivideRejectsZero(t *testing.T) {
	if _, err := Divide(1, 0); err == nil {
		t.Error("Divide(1, 0) returned no error")
	}
}
