//go:build windows || (darwin && ignore)

package ignored

import "testing"

func TestUploadOverSMB(t *testing.T) {
	Upload(true)
}
