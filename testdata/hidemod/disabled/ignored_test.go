//go:build ignore

package disabled

import "testing"

func TestDoubleOfLarge(t *testing.T) {
	if got := Double(1 << 20); got != 1<<21 {
		t.Errorf("Double(1<<20) = %d", got)
	}
}
