package specs

import (
	"os"
	"runtime"
	"testing"

	. "github.com/onsi/ginkgo/v2"
)

func TestSpecs(t *testing.T) {
	RunSpecs(t, "specs")
}

var _ = Describe("commands", func() {
	It("should BgRewriteAOF", func() {
		Skip("flaky test") // want `^spec "should BgRewriteAOF" is switched off by Skip\("flaky test"\) with no issue link; link the issue that tracks it \(.123 or a URL\), or fix the test and drop the skip$`

		_ = Save()
	})

	Specify("saves in the background", func() {
		Skip("") // want `^spec "saves in the background" is switched off by Skip with no reason; say why and link the issue`
	})

	It("takes the reason alone, not the frames to skip", func() {
		Skip("broken", 1) // want `spec "takes the reason alone, not the frames to skip" is switched off by Skip\("broken"\)`
	})

	Context("after a setup", func() {
		BeforeEach(func() {
			Skip("TODO: fix later") // want `^every spec of "after a setup" is switched off by Skip\("TODO: fix later"\)`
		})

		It("runs", func() {
			_ = Save()
		})
	})

	DescribeTable("saves each size",
		func(size int) {
			Skip("temporarily disabled") // want `^table "saves each size" is switched off by Skip`
		},
		Entry("small", 1),
	)

	It("skips behind a version check", func() {
		if !serverVersionAtLeast("8.4") {
			Skip("flaky")
		}
	})

	It("skips on an environment variable", func() {
		if os.Getenv("RUN_MONITOR_TEST") != "true" {
			Skip("broken")
		}
	})

	It("skips with a specific reason", func() {
		Skip("the server in CI has no AOF directory")
	})

	It("skips with an issue link", func() {
		Skip("flaky, see #3021")
	})

	// Flaky on the 7.2 server: https://github.com/example/store/issues/77.
	It("is linked in the comment above", func() {
		Skip("flaky")
	})

	It("is linked in a comment before the skip", func() {
		// Tracked in STORE-12.
		Skip("broken")
	})

	It("skips after an early return", func() {
		if runtime.GOOS != "windows" {
			return
		}
		Skip("broken")
	})

	It("skips through a helper", func() {
		skipOnOldServers()
	})

	AfterEach(func() {
		Skip("flaky") // an AfterEach runs after the spec: nothing is switched off
	})
})

// skipOnOldServers skips the calling spec on servers without the command.
func skipOnOldServers() {
	Skip("TODO")
}

// Pending nodes with a body: the body was written and is switched off.
var _ = Describe("pending", func() {
	PIt("should BLPop", func() { // want `^spec "should BLPop" is pending by PIt, so ginkgo never runs it; link the issue that tracks it \(.123 or a URL\) in a comment, or make it It again and fix it$`
		_ = Save()
	})

	XIt("should DebugObject", func() { // want `^spec "should DebugObject" is pending by XIt, so`
		_ = Save()
	})

	XSpecify("restores", func() { // want `^spec "restores" is pending by XSpecify`
		_ = Save()
	})

	It("should MemoryUsage", Pending, func() { // want `^spec "should MemoryUsage" is pending by the Pending decorator, so ginkgo never runs it; .* or drop Pending and fix it$`
		_ = Save()
	})

	XContext("with a cluster", func() { // want `^container "with a cluster" is pending by XContext`
		It("fails over", func() {
			Skip("flaky") // under a pending container: its report covers this
		})
		PIt("rebalances", func() {
			_ = Save()
		})
	})

	DescribeTable("sizes",
		func(size int) {
			_ = Save()
		},
		Entry("small", 1),
		PEntry("large", 1<<20), // want `^entry "large" is pending by PEntry`
		XEntry("huge", 1<<30),  // want `^entry "huge" is pending by XEntry`
	)

	DescribeTable("hooks",
		func(hook func()) {
			hook()
		},
		Entry("none", func() {}),
		PEntry("no-op", func() {}), // want `^entry "no-op" is pending by PEntry`
	)

	// Pending until the server supports it: https://github.com/example/store/issues/81.
	PIt("is linked in the comment above", func() {
		_ = Save()
	})

	PIt("is linked on its own line", func() { // #82
		_ = Save()
	})

	PIt("is linked in its body", func() {
		// Blocked on STORE-40.
		_ = Save()
	})

	// Covers the regression of issue 31810.
	PIt("names in its comment the bug it is about", func() { // want `spec "names in its comment the bug it is about" is pending`
		_ = Save()
	})

	PIt("is a placeholder for a spec not yet written")

	It("is a placeholder too", Pending)

	if runtime.GOOS == "windows" {
		PIt("is pending only on windows", func() {
			_ = Save()
		})
	}
})

var _ = PDescribe("whole suite", func() { // want `^container "whole suite" is pending by PDescribe`
	It("runs", func() {
		_ = Save()
	})
})

var _ = Describe("focused", func() {
	FIt("is not pending", func() {
		_ = Save()
	})
})
