//go:build ignore

package ignored

import "testing"

func TestUploadResumes(t *testing.T) {
	if !Upload(true) {
		t.Error("upload did not resume")
	}
}

func TestUploadStarts(t *testing.T) {
	Upload(false)
}
