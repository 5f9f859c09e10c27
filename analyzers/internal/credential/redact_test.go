package credential

import (
	"strings"
	"testing"
)

// Made-up credentials, in variables so that the concatenations below are
// not constants the secret analyzer judges again.
var (
	//testgate:ignore secret a made-up token: what RedactText must hide
	ghToken = "ghp_RWXhZ0i0tdMtsIxqtUW5RiAypuqUwUqURNJz"
	// A made-up key body: what RedactText must hide; without its header it is no finding.
	pemBody   = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n"
	pemHeader = "-----BEGIN RSA PRIVATE KEY-----\n"
	pemEnd    = "-----END RSA PRIVATE KEY-----"
)

func TestRedactTextHidesEveryCredentialAfterAtMostFourCharacters(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"provider token", `t.Run("` + ghToken + `", f)`, `t.Run("ghp_…", f)`},
		{"two tokens", ghToken + " and " + ghToken + "#01", "ghp_… and ghp_…#01"},
		{"private key body", pemHeader + pemBody + pemEnd, strings.TrimSuffix(pemHeader, "\n") + "…" + pemEnd},
		{"a line of a key's body alone", "\t\"" + strings.Split(pemBody, "\n")[0] + "\\n\" +", "\t\"…\\n\" +"},
		{"password in a connection URL", `dsn := "postgres://app:Xk29fhqLmz@db.internal.acme.io:5432/app"`, `dsn := "postgres://app:…@db.internal.acme.io:5432/app"`}, //testgate:ignore secret made up: what RedactText must hide
		{"Go assignment to a credential's name", `apiToken := "Zx8Kq2LmN4pR7sT1vW3y"`, `apiToken := "Zx8K…"`},                                                         //testgate:ignore secret made up: what RedactText must hide
		{"short password in a key=value string", `"user=app password=Xk29fhqLmzQ7 host=db"`, `"user=app password=… host=db"`},                                         //testgate:ignore secret made up: what RedactText must hide
		{"bearer token", `Authorization: Bearer Zx8Kq2LmN4pR7sT1vW3y`, `Authorization: Bearer Zx8K…`},                                                                 //testgate:ignore secret made up: what RedactText must hide
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RedactText(tt.text); got != tt.want {
				t.Errorf("RedactText(%q) =\n%q, want\n%q", tt.text, got, tt.want)
			}
		})
	}
}

func TestRedactTextLeavesLookAlikesAlone(t *testing.T) {
	for _, text := range []string{
		`duplicate subtest name "valid" (also at line 69)`,
		`want := "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"`,
		`id := "123e4567-e89b-12d3-a456-426614174000"`,
		`password := "hunter2"`,
		`token := os.Getenv("GITHUB_TOKEN")`,
		`sha256WithRSAEncryptionAndSomeOtherLongIdentifierName`,
		`TestParseRejectsEmptyInputWithTabs_and_more_words2`,
		`postgres://postgres:postgres@localhost:5432/app`,
		`-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----`,
		"",
	} {
		if got := RedactText(text); got != text {
			t.Errorf("RedactText(%q) = %q, want it unchanged", text, got)
		}
	}
}

func BenchmarkRedactTextHostile(b *testing.B) {
	for name, lit := range hostileLiterals(1 << 20) {
		b.Run(name+"/1MB", func(b *testing.B) {
			b.SetBytes(int64(len(lit)))
			for b.Loop() {
				RedactText(lit)
			}
		})
	}
}
