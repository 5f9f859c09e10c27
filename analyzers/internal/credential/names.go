package credential

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Role says what a name declares its value to be.
type Role int

const (
	NotSecret Role = iota
	// SecretRole: the value is a credential, such as dbPassword or "api_key".
	SecretRole
	// FakeRole: the name says the value is made up (fakeToken, dummyKey),
	// so even a realistic value stays silent.
	FakeRole
	// AboutRole: the name mentions a credential but holds something
	// derived from or describing it (passwordHash, wantToken, tokenURL,
	// secretARN), so only a provider format in it counts.
	AboutRole
)

// fakeWords mark a name whose value is deliberately not a real
// credential. They silence every rule.
var fakeWords = []string{"fake", "dummy", "mock", "bogus", "example", "sample", "placeholder", "stub"}

// notCredentialWords mark a name whose value is derived from a secret or
// describes one, not the secret itself: expected outputs, digests, public
// halves, values that are wrong on purpose.
var notCredentialWords = []string{
	"want", "wanted", "expect", "expected", "got", "golden",
	"hash", "hashed", "digest", "sum", "checksum", "fingerprint",
	"public", "pub", "signature", "sig", "encrypted", "cipher", "ciphertext",
	"nonce", "salt", "iv",
	"invalid", "wrong", "bad", "incorrect", "expired", "revoked", "malformed", "corrupt",
}

// headNouns, as the last word of a name, say the value is about a
// secret rather than the secret: tokenURL, passwordFile, authType.
var headNouns = []string{
	"url", "uri", "endpoint", "host", "addr", "path", "file", "filename", "dir",
	"type", "kind", "name", "id", "ids", "arn", "method", "mode", "scheme", "provider", "source",
	"env", "var", "prefix", "suffix", "format", "pattern", "regex", "re", "field",
	"param", "label", "len", "length", "size", "count", "ttl", "expiry", "expiration",
	"expires", "lifetime", "timeout", "policy", "rule", "rules", "error", "err", "msg",
	"message", "text", "desc", "description", "title", "flag", "option", "opt", "cmd",
	"arg", "template", "tmpl", "help", "usage", "hint", "scope", "scopes", "claim",
	"claims", "issuer", "audience", "subject", "user", "username", "email", "realm",
	"domain", "region", "store", "cache", "manager", "handler", "func", "fn",
	"location", "index", "idx", "offset", "line", "column",
}

// keyQualifiers turn a trailing "key" into a credential: apiKey,
// privateKey, secret_key. Other keys (mapKey, tokenKey) are lookup keys.
var keyQualifiers = []string{"api", "private", "secret", "access", "auth", "signing", "encryption", "master", "client"}

// Classify returns what name declares its value to be and, for a
// credential, the kind of credential it names.
func Classify(name string) (Role, string) {
	words := splitWords(name)
	if len(words) == 0 {
		return NotSecret, ""
	}
	for _, w := range words {
		if slices.Contains(fakeWords, w) {
			return FakeRole, ""
		}
	}
	kind := credentialKind(words)
	if kind == "" {
		return NotSecret, ""
	}
	for _, w := range words {
		if slices.Contains(notCredentialWords, w) {
			return AboutRole, ""
		}
	}
	if slices.Contains(headNouns, words[len(words)-1]) {
		return AboutRole, ""
	}
	return SecretRole, kind
}

// credentialKind returns the kind of credential words name, or "".
func credentialKind(words []string) string {
	last := len(words) - 1
	has := func(w string) bool { return slices.Contains(words, w) }
	switch {
	case has("aws") && has("secret"), has("secret") && has("access") && words[last] == "key":
		return "AWS secret access key"
	case words[last] == "key" && last > 0 && slices.Contains(keyQualifiers, words[last-1]):
		switch words[last-1] {
		case "api":
			return "API key"
		case "private":
			return "private key"
		}
		return "secret key"
	case words[last] == "key":
		return "" // a lookup key: tokenKey, passwordKey
	case has("apikey"):
		return "API key"
	case has("privatekey"):
		return "private key"
	case has("password"), has("passwords"), has("passwd"), has("pwd"), has("passphrase"), words[last] == "pass":
		return "password"
	case has("secret"), has("secrets"):
		return "secret"
	case has("token"), has("tokens"), has("bearer"), has("auth"), has("authorization"):
		return "token"
	case has("credential"), has("credentials"), has("creds"), has("cred"):
		return "credential"
	}
	return ""
}

// splitWords splits an identifier, environment variable, header or map
// key into lower-case words: "dbPassword" → db password, "X-API-Key" → x
// api key, "OAuth2Token" → o auth 2 token.
func splitWords(name string) []string {
	var words []string
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			words = append(words, strings.ToLower(name[start:end]))
		}
		start = -1
	}
	prev := rune(0)
	for i, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			prev = r
			continue
		}
		if start >= 0 && boundary(prev, r, name[i+utf8.RuneLen(r):]) {
			flush(i)
		}
		if start < 0 {
			start = i
		}
		prev = r
	}
	flush(len(name))
	return words
}

// boundary reports whether a new word starts at r, which follows prev and
// precedes rest: at a lower-to-upper change, between letters and digits,
// and before the last capital of an acronym followed by a lower-case
// letter (the K in APIKey).
func boundary(prev, r rune, rest string) bool {
	switch {
	case unicode.IsDigit(prev) != unicode.IsDigit(r):
		return true
	case unicode.IsLower(prev) && unicode.IsUpper(r):
		return true
	case unicode.IsUpper(prev) && unicode.IsUpper(r):
		next, _ := utf8.DecodeRuneInString(rest)
		return unicode.IsLower(next)
	}
	return false
}
