package use

import (
	"lookalike/spec"
)

// A package that is not ginkgo but has functions of its names.
func init() {
	spec.Describe("store", func() {
		spec.It("saves", func() {
			spec.Skip("flaky")
		})
		spec.PIt("loads", func() {})
	})
}
