package kindsmain

import "testing"

// A TestMain taking a *testing.T is a test, by go test's rules.
func TestMain(t *testing.T) {} // want "test param=t"
