// +build ignore

package ignored_test

import "testing"

func TestUploadLegacy(t *testing.T) {}
