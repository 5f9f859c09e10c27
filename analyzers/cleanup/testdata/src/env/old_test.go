//go:build go1.22

package env

import (
	"os"
	"testing"
)

// Go 1.22 has t.Setenv but not t.Chdir.

func TestChdirBeforeTChdir(t *testing.T) {
	os.Chdir(t.TempDir()) // want `working directory set by os.Chdir is never restored; save os.Getwd\(\) and restore it in a defer`
}
