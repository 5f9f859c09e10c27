package testcode

import (
	"maps"
	"slices"
	"testing"
)

func TestPropagateSpreadsToCallersUntilNothingChanges(t *testing.T) {
	// callers of each function: top calls mid, mid calls leaf, guard calls
	// leaf but handles what leaf does, and a and b call each other.
	callers := map[string][]string{
		"leaf":  {"mid", "guard"},
		"mid":   {"top"},
		"guard": {"above guard"},
		"a":     {"b"},
		"b":     {"a"},
	}
	has := map[string]bool{"leaf": true, "a": true}
	asked := map[[2]string]int{}
	spread := func(caller, callee string) bool {
		asked[[2]string{caller, callee}]++
		if caller == "guard" || has[caller] {
			return false
		}
		has[caller] = true
		return true
	}
	Propagate([]string{"leaf", "a"}, func(fn string) []string { return callers[fn] }, spread)

	if got, want := slices.Sorted(maps.Keys(has)), []string{"a", "b", "leaf", "mid", "top"}; !slices.Equal(got, want) {
		t.Errorf("functions with the property = %q, want %q", got, want)
	}
	if asked[[2]string{"guard", "leaf"}] != 1 {
		t.Errorf("spread was asked %d times whether guard gains it from leaf, want once", asked[[2]string{"guard", "leaf"}])
	}
	if n := asked[[2]string{"above guard", "guard"}]; n != 0 {
		t.Errorf("spread was asked %d times about a caller of guard, which never gained the property", n)
	}
	for edge, n := range asked {
		if n > 1 {
			t.Errorf("spread was asked %d times about %s calling %s, want at most once", n, edge[0], edge[1])
		}
	}
}
