package ignored

import "testing"

func TestUploadReturnsResume(t *testing.T) {
	if !Upload(true) {
		t.Error("Upload(true) = false")
	}
}
