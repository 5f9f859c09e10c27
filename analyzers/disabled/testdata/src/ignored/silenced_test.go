//testgate:ignore disabled documents the v1 protocol; run by hand with go test silenced_test.go
//go:build ignore

package ignored

import "testing"

func TestUploadV1(t *testing.T) {}
