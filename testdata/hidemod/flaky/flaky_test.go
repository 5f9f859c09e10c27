package flaky

import (
	"errors"
	"io/fs"
	"os"
	"testing"
)

// TestBackoffDoubles fails on its first run when HIDEMOD_FLAKY_MARKER names
// a file that does not exist yet, and creates it: a flaky test that only
// the run finds out about. Backoff is covered by the later runs alone.
func TestBackoffDoubles(t *testing.T) {
	if marker := os.Getenv("HIDEMOD_FLAKY_MARKER"); marker != "" {
		if _, err := os.Stat(marker); errors.Is(err, fs.ErrNotExist) {
			if err := os.WriteFile(marker, nil, 0o600); err != nil {
				t.Fatal(err)
			}
			t.Fatal("first run: the backend was not ready")
		}
	}
	if got := Backoff(3); got != 8 {
		t.Errorf("Backoff(3) = %d, want 8", got)
	}
}
