package a

import "testing"

// Helpers in another file of the package: the package-wide fixpoint sees
// them as the tests do.

func checkSum(t *testing.T, got, want int) {
	t.Helper()
	if got != want {
		t.Errorf("sum = %d, want %d", got, want)
	}
}

func logState(t *testing.T, what string) { // want logState:"neverFails"
	t.Helper()
	t.Logf("state: %s", what)
}

func logSubtest(t *testing.T) { // want logSubtest:"neverFails"
	t.Log("running")
}

// mustParse asserts without t: a panic fails the test all the same.
func mustParse(s string) Num {
	n, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return n
}

func checkTB(tb testing.TB, n Num) {
	if n < 0 {
		tb.Fatalf("negative: %d", n)
	}
}

// harness wraps t, as DBTest-style fixtures do.
type harness struct {
	testing.TB
	sum int
}

func (h *harness) add(n int) { h.sum += n }

func (h *harness) expect(n int) {
	if h.sum != n {
		h.Errorf("sum = %d, want %d", h.sum, n)
	}
}

// LogState and CheckState are used by the external test package.
func LogState(t *testing.T) { // want LogState:"neverFails"
	logState(t, "external")
}

func CheckState(t *testing.T) {
	checkSum(t, Add(1, 1), 2)
}
