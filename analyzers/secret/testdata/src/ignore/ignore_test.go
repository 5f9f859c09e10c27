package ignore

import "testing"

func TestIgnored(t *testing.T) {
	//testgate:ignore secret revoked in 2023, kept to reproduce issue 1412
	revoked := "ghp_RWXhZ0i0tdMtsIxqtUW5RiAypuqUwUqURNJz"
	// want +1 `//testgate:ignore secret has no reason`
	//testgate:ignore secret
	noReason := "ghp_RWXhZ0i0tdMtsIxqtUW5RiAypuqUwUqURNJz"      // want `hardcoded GitHub token "ghp_…"`
	otherAnalyzer := "ghp_RWXhZ0i0tdMtsIxqtUW5RiAypuqUwUqURNJz" //testgate:ignore sleep not this analyzer // want `hardcoded GitHub token "ghp_…"`
	_, _, _ = revoked, noReason, otherAnalyzer
}

// A directive above a multi-line key silences it: the report sits on the
// literal's first line.
//
//testgate:ignore secret generated for this test, guards nothing
var serverKey = `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIH+7JvISNOCOLFP7ycEqgpfrprTv1tkWfvaOEPFcqpjhoAoGCCqGSM49
AwEHoUQDQgAEVUv0XkCzlke74q55wj02XiGArw0xswYdpq30sIuI9pQZkhjGg449
eLBCJcrRHXfZ+B4CXxsIkxRW2U+tYqY5yA==
-----END EC PRIVATE KEY-----`
