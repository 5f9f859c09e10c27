// Package mock mimics gomock: a controller keeps t and fails it when
// expected calls are missing.
package mock

// TestReporter is the part of *testing.T the controller uses.
type TestReporter interface {
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// Controller checks expectations at Finish.
type Controller struct {
	t       TestReporter
	missing int
}

// NewController returns a controller that reports through t.
func NewController(t TestReporter) *Controller {
	return &Controller{t: t}
}

// Finish fails the test when expected calls are missing.
func (c *Controller) Finish() {
	if c.missing > 0 {
		c.t.Fatalf("%d expected calls missing", c.missing)
	}
}
