package clock

import "testing"

func TestElapsedIsNeverNegative(t *testing.T) {
	if d := Elapsed(Now() + 1e12); d != 0 {
		t.Errorf("Elapsed(a future reading) = %d, want 0", d)
	}
}
