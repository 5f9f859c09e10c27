package isolation

import "testing"

// Fuzzer is a helper, not a fuzz target: go test runs FuzzXxx(f *testing.F)
// only, and the letter after the prefix is lower-case. Its every caller
// restores what it sets, as setDebug's do.
func Fuzzer(t *testing.T) {
	debug = true
}

func TestCallerRestoresForTheFuzzerHelper(t *testing.T) {
	old := debug
	t.Cleanup(func() { debug = old })
	Fuzzer(t)
}

// Benchmarker is a helper too: it takes a *testing.T.
func Benchmarker(t *testing.T) {
	retries = 5
}

func TestCallerRestoresForTheBenchmarkerHelper(t *testing.T) {
	old := retries
	t.Cleanup(func() { retries = old })
	Benchmarker(t)
}

// FuzzRetries is a fuzz target: no caller restores for it.
func FuzzRetries(f *testing.F) {
	retries = 7 // want `FuzzRetries sets package variable retries without restoring it`
	f.Fuzz(func(t *testing.T, n int) {})
}
