// Package shapes holds one function per shape of branch. The comments give
// each function's branches, as covered by shapes_test.go.
package shapes

// Sign is an if / else if / else chain: 4 branches, 3 covered (x < 0 never).
func Sign(x int) string {
	if x > 0 {
		return "+"
	} else if x < 0 {
		return "-"
	} else {
		return "0"
	}
}

// Clamp has two ifs without else: 4 branches, the two implicit elses
// covered.
func Clamp(x, lo, hi int) int {
	if x < lo {
		x = lo
	}
	if x > hi {
		return hi
	}
	return x
}

// Kind is a switch with an empty clause and a default: 3 branches, 2 covered.
func Kind(r rune) string {
	switch {
	case r >= '0' && r <= '9':
		return "digit"
	case r == ' ':
	default:
		return "other"
	}
	return "space"
}

// Weekend is a switch without default: 2 branches, 1 covered.
func Weekend(d int) bool {
	switch d {
	case 0, 6:
		return true
	case 1:
		return false
	}
	return false
}

// Describe is a type switch: 3 branches, 2 covered.
func Describe(v any) string {
	switch v.(type) {
	case int:
		return "int"
	case string:
		return "string"
	default:
		return "other"
	}
}

// Recv is a select: 2 branches, 1 covered.
func Recv(c chan int, done chan struct{}) int {
	select {
	case v := <-c:
		return v
	case <-done:
		return -1
	}
}

// Sum loops over a closure holding an if: 2 branches, 1 covered.
func Sum(xs []int) int {
	total := 0
	add := func(x int) {
		if x < 0 {
			return
		}
		total += x
	}
	for _, x := range xs {
		add(x)
	}
	return total
}

// Unused never runs: 2 branches, none covered.
func Unused(x int) int {
	if x > 0 {
		return 1
	}
	return 0
}

// Later returns a function it does not call: two statements start on the
// line of its return, the outer one covered and the closure's not, so the
// line counts once, covered, and lines differ from statements.
func Later(x int) func() int {
	return func() int { return x }
}
