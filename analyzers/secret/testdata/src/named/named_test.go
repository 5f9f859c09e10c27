package named

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"testing"
)

func TestAssignments(t *testing.T) {
	apiKey := "KTFaAxWrrws6v36R9mtKwaQs"                       // want `hardcoded API key "KTFa…" in test; read it from the environment`
	var dbPassword = "naAb+6qf5!=kVAL1"                        // want `hardcoded password "naAb…" in test`
	clientSecret := []byte("4JJRPRaBt9alS6p8YJWduDw70g0b5v9P") // want `hardcoded secret "4JJR…"`
	authToken := "0ddc1114b21b1fb988ef479bd816555f"            // want `hardcoded token "0ddc…"`
	var cfg Config
	cfg.Password = "wT5Tb0qHOmmDCt2x" // want `hardcoded password "wT5T…"`

	// Placeholders and test data for password rules.
	password := "Password123!"
	weak := map[string]string{"password": "abc123", "passwd": "P@ssw0rd", "pwd": "hunter2"}
	secret := "s3cr3t-v4lu3-f0r-t3sts"
	token := "test-token"
	fakeKey := "fake-api-key-1234"
	apiKeyTemplate := "${API_KEY}"
	tokenPlaceholder := "<token>"
	masked := map[string]string{"secret": "****************", "api_key": "xxxxxxxxxxxxxxxxxxxx"}
	changeme := "changeme"
	redacted := "[REDACTED]"
	repeated := "aaaaaaaaaaaaaaaaaaaaaaaa"
	example := "example-secret-value"
	dummy := "dummy"
	// Names that merely contain Token, Auth or Secret.
	tokenType := "Bearer"
	tokenURL := "https://oauth2.googleapis.com/token"
	secretName := "db-credentials-v2"
	authMethod := "client_secret_post"
	passwordFile := "/run/secrets/db-password"
	tokenEnvVar := "GITHUB_TOKEN"
	// A value that reads as words, not random.
	authAlgorithm := "sha256WithRSAEncryption"
	// Random values under names that are not secret-like.
	requestID := "KTFaAxWrrws6v36R9mtKwaQs"
	nonce := "4JJRPRaBt9alS6p8YJWduDw70g0b5v9P"
	_, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _ = apiKey, dbPassword, clientSecret, authToken, password, weak, secret, token, fakeKey, apiKeyTemplate, tokenPlaceholder, masked, changeme, redacted, repeated, example, dummy, tokenType
	_, _, _, _, _, _, _, _, _ = tokenURL, secretName, authMethod, passwordFile, tokenEnvVar, authAlgorithm, requestID, nonce, cfg
}

const TokenKind = "IDENT"

const serviceToken = "Xr7Jc2mQpX9vLk4TzW8nB3yH" // want `hardcoded token "Xr7J…"`

func TestFieldsAndKeys(t *testing.T) {
	cfg := Config{
		Host:     "db.internal.corp",
		User:     "app",
		Password: "wT5Tb0qHOmmDCt2x",         // want `hardcoded password "wT5T…"`
		APIKey:   "KTFaAxWrrws6v36R9mtKwaQs", // want `hardcoded API key "KTFa…"`
	}
	plain := Config{Password: "secret", APIKey: "test-api-key", TokenType: "Bearer", TokenURL: "https://example.com/token"}
	positional := Config{"db.internal.corp", "app", "wT5Tb0qHOmmDCt2x", "", "", ""} // want `hardcoded password "wT5T…"`
	headers := map[string]string{
		"api_key":      "KTFaAxWrrws6v36R9mtKwaQs", // want `hardcoded API key "KTFa…"`
		"X-Request-Id": "KTFaAxWrrws6v36R9mtKwaQs",
	}
	query := url.Values{"access_token": {"4JJRPRaBt9alS6p8YJWduDw70g0b5v9P"}} // want `hardcoded token "4JJR…"`
	aws := AWSCredentials{
		AccessKeyID:     "AKIAIOSFODNN7EXAMPLE",
		SecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
		SessionToken:    String("685INdkEUN5S2CKV61Pp0NmhcflGyaQblD1cw1ZT"), // want `hardcoded token "685I…"`
	}
	realAWS := AWSCredentials{SecretAccessKey: "f0Hmve3MLExqtW73PHt0ICkaZUGmQVK8xymQzaAj"} // want `hardcoded AWS secret access key "f0Hm…"`
	_, _, _, _, _, _, _ = cfg, plain, positional, headers, query, aws, realAWS
}

// Test data for password rules: a random value among many inputs given
// to the same name is an input like the others, not a credential.
func TestPasswordRules(t *testing.T) {
	cases := []struct {
		name     string
		password string
		valid    bool
	}{
		{"too short", "abc123", false},
		{"no digit", "Password!", false},
		{"strong", "Tr0ub4dor&3", true},
		{"generated", "naAb+6qf5!=kVAL1", true},
	}
	strength := func(t *testing.T, password string, want float64) {}
	strength(t, "correcthorsebatterystaple", 45.2)
	strength(t, "coRrecth0rseba++ery9.23.2007staple$", 66.0)
	strength(t, "Ba9ZyWABu99[BK#6MBgbH88Tofv)vs$", 161.3)
	byUser := map[string]Config{
		"alice": {Password: "wT5Tb0qHOmmDCt2x"},
		"bob":   {Password: "hunter2"},
		"carol": {Password: "naAb+6qf5!=kVAL1"},
	}
	// Two values are not yet a set of inputs.
	pair := []Config{
		{Password: "wT5Tb0qHOmmDCt2x"}, // want `hardcoded password "wT5T…"`
		{Password: "changeme"},
	}
	_, _, _ = cases, byUser, pair
}

func TestEnvironmentAndHeaders(t *testing.T) {
	t.Setenv("API_TOKEN", "KTFaAxWrrws6v36R9mtKwaQs") // want `hardcoded token "KTFa…"`
	os.Setenv("DB_PASSWORD", "naAb+6qf5!=kVAL1")      // want `hardcoded password "naAb…"`
	t.Setenv("API_TOKEN", "test")
	t.Setenv("LOG_LEVEL", "KTFaAxWrrws6v36R9mtKwaQs")
	t.Setenv("API_TOKEN", os.Getenv("CI_API_TOKEN"))

	req, _ := http.NewRequest("GET", "https://api.internal.corp/v1", nil)
	req.Header.Set("Authorization", "Bearer 0ddc1114b21b1fb988ef479bd816555f")    // want `hardcoded token "0ddc…"`
	req.Header.Set("X-Api-Key", "KTFaAxWrrws6v36R9mtKwaQs")                       // want `hardcoded API key "KTFa…"`
	req.Header.Add("Authorization", "Basic ZGVwbG95Ok1JM1R2MktxSFVQelIxTW5OWjB5") // want `hardcoded token "ZGVw…"`
	req.Header.Add("Authorization", "Basic YWRtaW46cGFzc3dvcmQ=")                 // admin:password
	req.Header.Set("Authorization", "Bearer test-token")
	req.Header.Set("X-Request-Id", "0ddc1114b21b1fb988ef479bd816555f")
	req.Header["Authorization"] = []string{"Bearer 0ddc1114b21b1fb988ef479bd816555f"} // want `hardcoded token "0ddc…"`
	req.SetBasicAuth("deploy", "naAb+6qf5!=kVAL1")                                    // want `hardcoded password "naAb…"`
	req.SetBasicAuth("user", "pass")
	_ = url.UserPassword("deploy", "naAb+6qf5!=kVAL1") // want `hardcoded password "naAb…"`
	_ = Login("admin", "naAb+6qf5!=kVAL1")             // want `hardcoded password "naAb…"`
	_ = Login("admin", "admin")
}

// An auth middleware's test feeds it many tokens; they are inputs.
func TestMiddlewareInputs(t *testing.T) {
	for _, tt := range []struct {
		authorization string
		status        int
	}{
		{"", http.StatusUnauthorized},
		{"Bearer", http.StatusUnauthorized},
		{"Bearer KTFaAxWrrws6v36R9mtKwaQs", http.StatusOK},
		{"Basic ZGVwbG95Ok1JM1R2MktxSFVQelIxTW5OWjB5", http.StatusUnauthorized},
	} {
		_ = tt
	}
}

func TestLookAlikes(t *testing.T) {
	// Digests and expected values under secret-like names.
	passwordHash := "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"
	tokenDigest := "8ec6330ae6526be549259fd02887b0f765197b07"
	wantToken := "0ddc1114b21b1fb988ef479bd816555f"
	expectedSecret := "4JJRPRaBt9alS6p8YJWduDw70g0b5v9P"
	tokenSum := Hash("KTFaAxWrrws6v36R9mtKwaQs")
	// Identifiers, UUIDs, JWTs and public keys.
	sessionToken := "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
	idToken := "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
	publicKey := "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl user@host"
	authKey := "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"
	// A sentence is not a credential.
	tokenError := "token is expired by 2h0m0s"
	secretMsg := "secret not found in namespace kube-system"
	_, _, _, _, _, _, _, _, _, _, _ = passwordHash, tokenDigest, wantToken, expectedSecret, tokenSum, sessionToken, idToken, publicKey, authKey, tokenError, secretMsg
}

// A fake server's response body is text like any other: a credential
// keyed by its name in it is reported, as the test committed it.
func TestFakeServer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"access_token": "KTFaAxWrrws6v36R9mtKwaQs", "token_type": "bearer", "expires_in": 3600}`) // want `hardcoded token "KTFa…"`
	}))
	defer srv.Close()
	// The client's own credential is still reported.
	body := `{"client_id": "orders", "client_secret": "4JJRPRaBt9alS6p8YJWduDw70g0b5v9P"}` // want `hardcoded secret "4JJR…"`
	secretARN := "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-Xk9s2m"
	_, _ = body, secretARN
}
