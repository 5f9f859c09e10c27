// Package assert mimics testify's assert: helpers that take an interface
// satisfied by *testing.T and report through it.
package assert

import "fmt"

// TestingT is the part of *testing.T the helpers use.
type TestingT interface {
	Errorf(format string, args ...interface{})
}

type helperT interface {
	Helper()
}

// Equal reports a failure when expected and actual differ.
func Equal(t TestingT, expected, actual interface{}) bool {
	if h, ok := t.(helperT); ok {
		h.Helper()
	}
	if expected != actual {
		return Fail(t, fmt.Sprintf("expected %v, got %v", expected, actual))
	}
	return true
}

// NoError reports a failure when err is not nil.
func NoError(t TestingT, err error) bool {
	if err != nil {
		return Fail(t, err.Error())
	}
	return true
}

// Fail reports a failure.
func Fail(t TestingT, msg string) bool {
	t.Errorf("%s", msg)
	return false
}
