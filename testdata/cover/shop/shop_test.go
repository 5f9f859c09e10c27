package shop

import "testing"

func TestCartSumRoundsToFiveCents(t *testing.T) {
	var c Cart
	c.Add(101)
	c.Add(200)
	if got := c.Sum(); got != 300 {
		t.Errorf("Sum() = %d, want 300", got)
	}
}
