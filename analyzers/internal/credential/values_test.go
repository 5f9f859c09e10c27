package credential

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestSplitWordsHandlesCamelSnakeKebabAndAcronyms(t *testing.T) {
	tests := []struct {
		name string
		want []string
	}{
		{"dbPassword", []string{"db", "password"}},
		{"APIKey", []string{"api", "key"}},
		{"X-Api-Key", []string{"x", "api", "key"}},
		{"AWS_SECRET_ACCESS_KEY", []string{"aws", "secret", "access", "key"}},
		{"OAuth2Token", []string{"o", "auth", "2", "token"}},
		{"tokenURL", []string{"token", "url"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := splitWords(tt.name); !slices.Equal(got, tt.want) {
			t.Errorf("splitWords(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestClassifyTellsCredentialNamesFromLookAlikes(t *testing.T) {
	tests := []struct {
		name     string
		wantRole Role
		wantKind string
	}{
		{"password", SecretRole, "password"},
		{"dbPass", SecretRole, "password"},
		{"apiKey", SecretRole, "API key"},
		{"api_key", SecretRole, "API key"},
		{"privateKey", SecretRole, "private key"},
		{"clientSecret", SecretRole, "secret"},
		{"SecretAccessKey", SecretRole, "AWS secret access key"},
		{"Authorization", SecretRole, "token"},
		{"GITHUB_TOKEN", SecretRole, "token"},
		{"credentials", SecretRole, "credential"},
		{"fakeToken", FakeRole, ""},
		{"dummyPassword", FakeRole, ""},
		{"tokenType", AboutRole, ""},
		{"TokenKind", AboutRole, ""},
		{"passwordHash", AboutRole, ""},
		{"secretARN", AboutRole, ""},
		{"wantToken", AboutRole, ""},
		{"publicKey", NotSecret, ""},
		{"tokenKey", NotSecret, ""},
		{"passThrough", NotSecret, ""},
		{"key", NotSecret, ""},
		{"username", NotSecret, ""},
	}
	for _, tt := range tests {
		gotRole, gotKind := Classify(tt.name)
		if gotRole != tt.wantRole || gotKind != tt.wantKind {
			t.Errorf("Classify(%q) = %v, %q; want %v, %q", tt.name, gotRole, gotKind, tt.wantRole, tt.wantKind)
		}
	}
}

func TestJudgeFlagsRandomValuesOnly(t *testing.T) {
	tests := []struct {
		desc       string
		value      string
		hexVectors bool
		want       bool
	}{
		{"base62 token", "KTFaAxWrrws6v36R9mtKwaQs", false, true},
		{"hex API key", "0ddc1114b21b1fb988ef479bd816555f", false, true},
		{"hex test vector in a package decoding hex", "0ddc1114b21b1fb988ef479bd816555f", true, false},
		{"generated password", "naAb+6qf5!=kVAL1", false, true},
		{"bearer token", "Bearer KTFaAxWrrws6v36R9mtKwaQs", false, true},
		{"basic auth with a random password", "Basic ZGVwbG95Ok1JM1R2MktxSFVQelIxTW5OWjB5", false, true},
		{"basic auth of admin:password", "Basic YWRtaW46cGFzc3dvcmQ=", false, false},
		{"base64 of admin:password", "YWRtaW46cGFzc3dvcmQ=", false, false},
		{"password rule test data", "Password123!", false, false},
		{"leetspeak password", "P@ssw0rd", false, false},
		{"short password", "abc123", false, false},
		{"human password", "Tr0ub4dor&3", false, false},
		{"placeholder word", "my-test-token-value-42", false, false},
		{"template", "${API_TOKEN}", false, false},
		{"mask", "****************", false, false},
		{"consecutive characters", "0123456789abcdef0123", false, false},
		{"identifier", "sha256WithRSAEncryption", false, false},
		{"words joined by separators", "live_key_xyz987", false, false},
		{"uuid", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", false, false},
		{"WebDAV lock token", "urn:uuid:150852e2-3847-42d5-8cbe-0f4f296f26cf", false, false},
		{"bcrypt hash", "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy", false, false},
		{"url", "https://oauth2.googleapis.com/token", false, false},
		{"path", "/run/secrets/db-password", false, false},
		{"sentence", "token is expired by 2h0m0s", false, false},
		{"AWS documented example", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", false, false},
	}
	for _, tt := range tests {
		if _, got := Judge(tt.value, tt.hexVectors); got != tt.want {
			t.Errorf("%s: Judge(%q) = %v, want %v", tt.desc, tt.value, got, tt.want)
		}
	}
}

func TestRedactShowsAtMostFourCharacters(t *testing.T) {
	tests := []struct {
		secret string
		want   string
	}{
		//testgate:ignore secret a made-up token: what Redact must shorten
		{"ghp_RWXhZ0i0tdMtsIxqtUW5RiAypuqUwUqURNJz", ` "ghp_…"`},
		{"ĀāĂăĄąĆćĈĉĊċČčĎď", ` "ĀāĂă…"`},
		{"naAb+6qf5!=kVAL", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Redact(tt.secret); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.secret, got, tt.want)
		}
	}
}

// benchLiterals are shaped like the string literals of real test files:
// mostly short names and messages, some JSON and hex, a few long blobs.
var benchLiterals = []string{
	"unexpected error: %v", "TestHandler", "application/json", "got %q, want %q",
	`{"name": "widget", "count": 3, "tags": ["a", "b"]}`,
	"3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf",
	"https://example.com/api/v1/items?page=2&limit=50",
	"host=localhost user=postgres dbname=app sslmode=disable",
	strings.Repeat("The quick brown fox jumps over the lazy dog. ", 40),
	//testgate:ignore secret a made-up token the benchmark must recognise
	"ghp_RWXhZ0i0tdMtsIxqtUW5RiAypuqUwUqURNJz",
}

func BenchmarkScan(b *testing.B) {
	for b.Loop() {
		for _, lit := range benchLiterals {
			if _, ok := ScanKeys(lit); !ok && !scanned(ScanFormats(lit)) {
				ScanAssignments(lit, false)
			}
		}
	}
}

// hostileLiterals repeat what makes a scan look ahead from every match:
// private key headers without an END line, credential keys whose values
// run to the end of the string or open a quote never closed, and URL
// schemes. Each must cost time linear in the literal's length.
func hostileLiterals(size int) map[string]string {
	fill := func(unit string) string { return strings.Repeat(unit, size/len(unit)) }
	return map[string]string{
		"pem-headers-without-end":  fill("-----BEGIN RSA PRIVATE KEY-----\n"),
		"keys-without-delimiter":   fill("token="),
		"keys-with-unclosed-quote": fill(`password:"`),
		"url-schemes":              fill("a://u:p@"),
	}
}

func BenchmarkScanHostile(b *testing.B) {
	for _, size := range []int{1 << 20, 2 << 20} {
		for name, lit := range hostileLiterals(size) {
			b.Run(fmt.Sprintf("%s/%dMB", name, size>>20), func(b *testing.B) {
				b.SetBytes(int64(len(lit)))
				for b.Loop() {
					if _, ok := ScanKeys(lit); !ok && !scanned(ScanFormats(lit)) {
						ScanAssignments(lit, false)
					}
				}
			})
		}
	}
}

func scanned(_ Finding, ok bool) bool { return ok }

func TestURLPasswordsTellChosenPasswordsFromPlaceholders(t *testing.T) {
	tests := []struct {
		desc, user, password, host string
		want                       bool
	}{
		{"a chosen password to a container", "app", "S3cr3tP4ss9x7Q", "db", true},
		{"a chosen password to a remote host", "app", "wT5Tb0qHOmmDCt", "db.internal.corp", true},
		{"leetspeak of placeholder words only", "app", "S3cr3tP4ssw0rd", "db", false},
		{"a classic placeholder", "app", "P@ssw0rd", "db", false},
		{"a local database", "app", "S3cr3tP4ss9x7Q", "localhost", false},
		{"a reserved domain", "app", "S3cr3tP4ss9x7Q", "db.example.com", false},
		{"the user name again", "postgres", "postgres", "db", false},
	}
	for _, tt := range tests {
		if got := judgeURLPassword(tt.user, tt.password, tt.host); got != tt.want {
			t.Errorf("%s: judgeURLPassword(%q, %q, %q) = %v, want %v", tt.desc, tt.user, tt.password, tt.host, got, tt.want)
		}
	}
}

func TestScanKeysFindsSignedJWTsButNotSamplesOrUnsignedTokens(t *testing.T) {
	tests := []struct {
		desc, text string
		want       bool
	}{
		{"a service's token", "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtb3JkZXJzIiwiaWF0IjoxNzAwMDAwMDAwfQ.js0JmLcNWVvEcGqPaZmPmtg328wdMQXeGbxwxMkdqDQ", true},
		{"jwt.io's sample", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", false},
		{"alg none", "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJzdmMtb3JkZXJzIiwiaWF0IjoxNzAwMDAwMDAwfQ.", false},
		{"a test vector's claims", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJmb28iOiJiYXIiLCJpc3MiOiJ0ZXN0In0.AE5QBn6P5jXq1cVzMm8W0k4jQv6T0dWl8uZ3nRr2s9c", false},
	}
	for _, tt := range tests {
		if _, got := ScanKeys(tt.text); got != tt.want {
			t.Errorf("%s: ScanKeys = %v, want %v", tt.desc, got, tt.want)
		}
	}
}
