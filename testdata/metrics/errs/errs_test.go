package errs

import "testing"

func TestCheckAcceptsAReadableFile(t *testing.T) {
	if err := Check("errs.go"); err != nil {
		t.Fatal(err)
	}
}
