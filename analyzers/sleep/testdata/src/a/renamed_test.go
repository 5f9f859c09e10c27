package a

import (
	"testing"
	tt "time"
)

// Sleep is the package's own, not package time's.
func Sleep(d tt.Duration) {}

func TestRenamedImportStillWaits(t *testing.T) {
	tt.Sleep(tt.Millisecond) // want `^time\.Sleep in test`
	Sleep(tt.Second)
}
