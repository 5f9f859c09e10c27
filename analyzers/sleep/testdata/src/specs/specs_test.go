package specs

import (
	"testing"
	"time"

	. "github.com/onsi/ginkgo/v2"
)

func TestSpecs(t *testing.T) {
	RunSpecs(t, "specs")
}

// Spec bodies run on the spec's goroutine, so their waits are the test's.
var _ = Describe("pubsub", func() {
	BeforeEach(func() {
		time.Sleep(10 * time.Millisecond) // want `^time\.Sleep in test waits on wall-clock time; synchronize on a channel or WaitGroup, or poll with a deadline$`
	})

	It("lists the channels", func() {
		time.Sleep(10 * time.Millisecond) // want `^time\.Sleep in test`
	})

	Context("with a local wait", func() {
		It("calls it", func() {
			settle := func() {
				time.Sleep(10 * time.Millisecond) // want `^time\.Sleep in test`
			}
			settle()
		})
	})

	// Specify is a variable holding It in ginkgo, as Context holds Describe.
	Specify("waits too", func() {
		time.Sleep(10 * time.Millisecond) // want `^time\.Sleep in test`
	})

	It("steps", func() {
		By("waiting", func() {
			<-time.After(time.Millisecond) // want `^<-time\.After in test`
		})
	})
})

// Look-alikes: what runs after the spec or on another goroutine, and
// literals handed to code other than ginkgo.
var _ = Describe("look-alikes", func() {
	It("cleans up", func() {
		DeferCleanup(func() {
			time.Sleep(10 * time.Millisecond)
		})
		done := make(chan struct{})
		go func() {
			time.Sleep(10 * time.Millisecond)
			close(done)
		}()
		<-done
	})
})

// A local function literal inside a package-level initializer that is not
// a spec: its variable's uses are searched in the initializer's literal,
// and the literal handed to Register runs whenever Register's owner says.
var _ = Register("slow", func() {
	wait := func() {
		time.Sleep(10 * time.Millisecond)
	}
	wait()
})
