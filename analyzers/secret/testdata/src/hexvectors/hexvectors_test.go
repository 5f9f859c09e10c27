// Package hexvectors decodes hex, so its hex strings are byte test
// vectors such as RFC 5869's.
package hexvectors

import (
	"encoding/hex"
	"testing"
)

var hkdfTests = []struct {
	secret, salt, info, want string
}{
	{
		secret: "0ddc1114b21b1fb988ef479bd816555f8ec6330ae6526be5",
		salt:   "000102030405060708090a0b0c",
		info:   "f0f1f2f3f4f5f6f7f8f9",
		want:   "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf",
	},
}

func TestHKDF(t *testing.T) {
	for _, tt := range hkdfTests {
		if _, err := hex.DecodeString(tt.secret); err != nil {
			t.Fatal(err)
		}
	}
	// Not hex: still judged.
	apiToken := "KTFaAxWrrws6v36R9mtKwaQs" // want `hardcoded token "KTFa…"`
	_ = apiToken
}
