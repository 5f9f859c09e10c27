package skip

import (
	"flag"
	"os"
	"os/exec"
	"runtime"
	"testing"
)

var integration = flag.Bool("integration", false, "run integration tests")

func TestSkipWithoutReason(t *testing.T) {
	t.Skip() // want `TestSkipWithoutReason is switched off by t.Skip with no reason; say why and link the issue`
	if err := Upload(); err != nil {
		t.Fatal(err)
	}
}

func TestSkipNow(t *testing.T) {
	t.SkipNow() // want `TestSkipNow is switched off by t.SkipNow with no reason`
}

func TestSkipFlaky(t *testing.T) {
	t.Skip("flaky") // want `TestSkipFlaky is switched off by t.Skip\("flaky"\) with no issue link; link the issue that tracks it`
}

func TestSkipTODO(t *testing.T) {
	t.Skip("TODO(alice): fix later") // want `switched off by t.Skip\("TODO\(alice\): fix later"\)`
}

func TestSkipfVague(t *testing.T) {
	t.Skipf("%s", "broken for now") // want `switched off by t.Skipf`
}

func TestSkipAfterSetUp(t *testing.T) {
	dir := t.TempDir()
	_ = dir
	t.Skip("temporarily disabled, fails on CI") // want `TestSkipAfterSetUp is switched off`
}

func TestSkipNotImplemented(t *testing.T) {
	t.Skip("Not implemented yet.") // want `switched off`
}

func TestSkipKnownIssue(t *testing.T) {
	t.Skip("FAIL: known issue, would hang if not skipped") // want `switched off`
}

func TestSubtestSkipped(t *testing.T) {
	t.Run("upload", func(t *testing.T) {
		t.Skip("flaky test") // want `subtest "upload" is switched off by t.Skip\("flaky test"\)`
	})
	t.Run("download", func(t *testing.T) {
		if err := Upload(); err != nil {
			t.Fatal(err)
		}
	})
}

func TestSkipWithIssueNumber(t *testing.T) {
	t.Skip("flaky, see #1234")
}

func TestSkipWithIssueURL(t *testing.T) {
	t.Skip("broken: https://github.com/example/upload/issues/12")
}

func TestSkipWithGoIssue(t *testing.T) {
	t.Skip("disabled; golang.org/issue/5678")
}

func TestSkipWithIssueWord(t *testing.T) {
	t.Skip("fails, issue 77")
}

func TestSkipWithTrackerKey(t *testing.T) {
	t.Skip("flaky: UPLOAD-42")
}

// Flaky since the storage migration, tracked in https://jira.example.com/browse/UP-9.
func TestSkipLinkedInDocComment(t *testing.T) {
	t.Skip("flaky")
}

func TestSkipLinkedInComment(t *testing.T) {
	// See https://github.com/example/upload/issues/13.
	t.Skip()
}

func TestSkipWithSpecificReason(t *testing.T) {
	t.Skip("needs a Kerberos realm, which the CI machines lack")
}

func TestSkipWithComputedReason(t *testing.T) {
	reason := os.Getenv("SKIP_REASON")
	t.Skip(reason)
}

func TestSkipInShortMode(t *testing.T) {
	if testing.Short() {
		t.Skip("flaky")
	}
}

func TestSkipOnEnvironment(t *testing.T) {
	if os.Getenv("UPLOAD_URL") == "" {
		t.Skip()
	}
}

func TestSkipOnFlag(t *testing.T) {
	if !*integration {
		t.SkipNow()
	}
}

func TestSkipOnGOOS(t *testing.T) {
	switch runtime.GOOS {
	case "windows", "plan9":
		t.Skip("broken")
	}
}

func TestSkipWithoutTool(t *testing.T) {
	if _, err := exec.LookPath("docker"); err != nil {
		t.Skip("TODO")
	}
}

func TestSkipThroughHelper(t *testing.T) {
	requireDocker(t)
}

func TestSkipAfterEarlyReturn(t *testing.T) {
	if runtime.GOOS != "windows" {
		return
	}
	t.Skip("broken")
}

func TestSkipAfterConditionalSkip(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	t.Skip("flaky") // want `TestSkipAfterConditionalSkip is switched off`
}

func TestSkipInTableCase(t *testing.T) {
	cases := []struct {
		name string
		skip bool
	}{{"small", false}, {"large", true}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.skip {
				t.Skip("flaky")
			}
		})
	}
}

func TestSkipIgnoredOnPurpose(t *testing.T) {
	//testgate:ignore disabled kept as the record of the v1 behaviour
	t.Skip("broken")
}

// requireDocker skips the calling test on machines without docker.
func requireDocker(t *testing.T) {
	t.Helper()
	t.Skip()
}

func BenchmarkSkipped(b *testing.B) {
	b.Skip("flaky")
}

func FuzzSkipped(f *testing.F) {
	f.Skip("broken")
}

func ExampleUpload() {
	_ = Upload()
	// Output:
}
