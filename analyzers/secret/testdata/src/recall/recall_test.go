// Package recall holds credentials as real suites write them: keys and
// tokens under names that sound like fixtures, credentials inside text,
// tokens in environment variables and tables.
package recall

import (
	"encoding/hex"
	"os"
	"testing"
)

// Signed tokens are reported whatever their name; unsigned ones, the
// documentation's samples and a verifier's table of inputs are not.
func TestTokens(t *testing.T) {
	testToken := "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtb3JkZXJzIiwiaWF0IjoxNzAwMDAwMDAwfQ.js0JmLcNWVvEcGqPaZmPmtg328wdMQXeGbxwxMkdqDQ"                    // want `hardcoded signed JSON Web Token "eyJh…" in test; sign a token in the test with a key it generates, or read it from the environment`
	header := "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtb3JkZXJzIiwiaWF0IjoxNzAwMDAwMDAwfQ.js0JmLcNWVvEcGqPaZmPmtg328wdMQXeGbxwxMkdqDQ" // want `hardcoded signed JSON Web Token "eyJh…"`
	unsigned := "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJzdmMtb3JkZXJzIiwiaWF0IjoxNzAwMDAwMDAwfQ."
	emptySignature := "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtb3JkZXJzIiwiaWF0IjoxNzAwMDAwMDAwfQ."
	docSample := "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
	sampleClaims := "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJmb28iOiJiYXIiLCJpc3MiOiJ0ZXN0In0.Uk01As_boFijt9z9TO3ZJyjRBo-B90vUElydmpdL2hY"
	oneClaim := "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOjF9.mPC75HNXD_EIifyMXforWd0ZZVwLwmwE-qs5piuUQX8"
	_, _, _, _, _, _, _ = testToken, header, unsigned, emptySignature, docSample, sampleClaims, oneClaim
}

var verifyTests = []struct {
	name, token string
}{
	{"signed with key a", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtb3JkZXJzIiwiaWF0IjoxNzAwMDAwMDAwfQ.heQQ7aiUNPSBS-Hcgwp9Y5EUW_bQgdY1gDBPkqIk_lc"},
	{"signed with key b", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtb3JkZXJzIiwiaWF0IjoxNzAwMDAwMDAwfQ.wIfpIX9UNHOH4KM8d-jdmadrZKMoq_g73BQ9dFTo958"},
	{"signed with key c", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtb3JkZXJzIiwiaWF0IjoxNzAwMDAwMDAwfQ.PNl5wa3MmPmPdIUmHTcptS6WNoxtVZKzUQ9YU6UHw0U"},
}

// Credentials inside text are reported on their own line.
func TestCredentialsInText(t *testing.T) {
	// want +3 `hardcoded secret "3Okn…"`
	oauthResponse := []byte(`{
  "client_id": "orders",
  "client_secret": "3OknAxWrrws6v36R9mtKwaQsZ71pLq",
  "scope": "read"
}`)
	form := "access_token=90d64460d14870c08c81352a05dedd3465940a7c&token_type=bearer&expires_in=3600" // want `hardcoded token "90d6…"`
	apiKey := "f53e19a8c1d24b7f9e60a3d5b28c4e17"                                                      // want `hardcoded API key "f53e…"`
	// Hex under a bare key, iv or nonce is a byte vector in a package that decodes hex.
	key := "000102030405060708090a0b0c0d0e0f"
	nonce := "cafebabefacedbaddecaf888a1b2c3d4e5f60718"
	dsn := "host=db user=app password=S3cr3tP4ss9x7Q dbname=app" // want `hardcoded password in test`
	localDSN := "host=localhost user=app password=S3cr3tP4ss9x7Q dbname=app"
	url := "postgres://app:S3cr3tP4ss9x7Q@db:5432/app" // want `hardcoded password in connection URL in test`
	wordsOnly := "postgres://app:S3cr3tP4ssw0rd@db:5432/app"
	_, _ = hex.DecodeString(key)
	_, _, _, _, _, _, _, _ = oauthResponse, form, apiKey, nonce, dsn, localDSN, url, wordsOnly
}

// Tokens set in the environment or held in tables: the provider's prefix
// says what they are.
func TestTokensInEnvironmentAndTables(t *testing.T) {
	t.Setenv("SLACK_BOT_TOKEN", "xoxb-7Rk2pQ9wLm4x") // want `hardcoded Slack token "xoxb…" in test`
	os.Setenv("SLACK_TOKEN", "xoxb-your-token-here")
	os.Setenv("SLACK_APP_TOKEN", "xoxa-123-123-123-213")
	accounts := []struct {
		name, apiKey string
	}{
		{"eu", "sk_live_9Qw2Lm4xT7"}, // want `hardcoded Stripe secret key "sk_l…" in test`
		{"us", "sk_live_3Hk8Pz1vN5"}, // want `hardcoded Stripe secret key "sk_l…" in test`
		{"ap", "sk_live_6Tn4Rb2wJ8"}, // want `hardcoded Stripe secret key "sk_l…" in test`
	}
	_ = accounts
}

// A directive above a multi-line literal covers the lines inside it.
func TestIgnoredText(t *testing.T) {
	//testgate:ignore secret the sandbox client of the vendor's public docs
	body := `{
  "client_secret": "3OknAxWrrws6v36R9mtKwaQsZ71pLq"
}`
	_ = body
}

type creds struct{ AccessKeyID, SecretAccessKey string }

// Keys compared to a credential's field, and NATS seeds, are keys too.
func TestKeysByComparisonAndSeeds(t *testing.T) {
	var c creds
	if c.SecretAccessKey != "zuf+tfteSlswRu7BJ86wekitnifILbZam1KYY3TG" { // want `hardcoded AWS secret access key "zuf\+…"`
		t.Error("wrong secret")
	}
	if c.AccessKeyID != "mock-access-key" {
		t.Error("wrong id")
	}
	seed := []byte("SUAKYRHVIOREXV7EUZTBHUHL7NUMHPMAS7QMDU3GTIUWEI5LDNOXD43IZY") // want `hardcoded NATS nkey seed "SUAK…"`
	short := "SUAKYRHVIOREXV7E"
	_, _ = seed, short
}

func setAuthToken(token string) {}

// Hex of an API key's length under a token's name is a key even among
// many inputs.
func TestTokensGivenToASetter(t *testing.T) {
	setAuthToken("AC75BD37F019E08FBC594900518B4F7E") // want `hardcoded token "AC75…"`
	setAuthToken("short-1")
	setAuthToken("short-2")
	setAuthToken("short-3")
}
