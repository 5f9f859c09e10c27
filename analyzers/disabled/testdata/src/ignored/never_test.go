//go:build linux && never

package ignored

import tt "testing"

func TestUploadRetries(t *tt.T) {
	Upload(true)
}

func BenchmarkUpload(b *tt.B) {}
