//go:build integration

package ignored

import "testing"

func TestUploadToStaging(t *testing.T) {
	Upload(true)
}
