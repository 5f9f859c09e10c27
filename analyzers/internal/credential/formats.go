package credential

import (
	"bytes"
	"encoding/asn1"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"iter"
	"regexp"
	"slices"
	"strings"
)

// A format is a provider's token format: the token names its issuer, so
// its shape alone makes it a credential, whatever holds it.
type format struct {
	kind string
	// hints are substrings one of which every match contains; checking
	// them first keeps the regexp off nearly every literal.
	hints []string
	re    *regexp.Regexp
	// prefix is the length of the fixed start of a match, which is left
	// out when judging whether the rest is made up.
	prefix int
}

var formats = []format{
	{"AWS access key ID", []string{"AKIA", "ASIA", "ABIA", "ACCA"}, regexp.MustCompile(`\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b`), 4},
	{"GitHub token", []string{"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}, regexp.MustCompile(`\bgh[pousr]_[A-Za-z0-9]{36}\b`), 4},
	{"GitHub token", []string{"github_pat_"}, regexp.MustCompile(`\bgithub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}\b`), 11},
	{"GitLab token", []string{"glpat-"}, regexp.MustCompile(`\bglpat-[A-Za-z0-9_-]{20,}`), 6},
	{"Slack token", []string{"xoxa-", "xoxb-", "xoxe-", "xoxo-", "xoxp-", "xoxr-", "xoxs-"}, regexp.MustCompile(`\bxox[abeoprs]-[0-9]{6,}-[0-9A-Za-z-]{10,}`), 5},
	{"Slack webhook URL", []string{"hooks.slack.com/"}, regexp.MustCompile(`https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/+-]{30,}`), 24},
	{"Stripe secret key", []string{"sk_live_", "rk_live_"}, regexp.MustCompile(`\b[rs]k_live_[0-9A-Za-z]{16,}`), 8},
	// A test-mode key is a real credential of a real Stripe account: it
	// reads and writes that account's test data.
	{"Stripe test-mode secret key", []string{"sk_test_", "rk_test_"}, regexp.MustCompile(`\b[rs]k_test_[0-9A-Za-z]{16,}`), 8},
	{"Google API key", []string{"AIza"}, regexp.MustCompile(`\bAIza[0-9A-Za-z_-]{35}`), 4},
	{"Google OAuth client secret", []string{"GOCSPX-"}, regexp.MustCompile(`\bGOCSPX-[0-9A-Za-z_-]{28}`), 7},
	{"SendGrid API key", []string{"SG."}, regexp.MustCompile(`\bSG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43}`), 3},
	{"npm token", []string{"npm_"}, regexp.MustCompile(`\bnpm_[A-Za-z0-9]{36}\b`), 4},
	{"PyPI token", []string{"pypi-AgEIcHlwaS5vcmc"}, regexp.MustCompile(`pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}`), 20},
	{"OpenAI API key", []string{"T3BlbkFJ"}, regexp.MustCompile(`\bsk-[A-Za-z0-9_-]{16,}T3BlbkFJ[A-Za-z0-9_-]{16,}`), 3},
	{"OpenAI API key", []string{"sk-proj-"}, regexp.MustCompile(`\bsk-proj-[A-Za-z0-9_-]{40,}`), 8},
	{"Anthropic API key", []string{"sk-ant-"}, regexp.MustCompile(`\bsk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,}`), 7},
	{"Shopify token", []string{"shpat_", "shpss_", "shpca_", "shppa_"}, regexp.MustCompile(`\bshp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}\b`), 6},
	{"DigitalOcean token", []string{"dop_v1_", "doo_v1_", "dor_v1_"}, regexp.MustCompile(`\bdo[opr]_v1_[a-f0-9]{64}\b`), 7},
	{"Hugging Face token", []string{"hf_"}, regexp.MustCompile(`\bhf_[A-Za-z]{34}\b`), 3},
	// An nkey seed is the private key of a NATS operator, account or user.
	{"NATS nkey seed", []string{"SO", "SA", "SU", "SN", "SC", "SX"}, regexp.MustCompile(`\bS[OAUNCX][A-Z2-7]{56}\b`), 2},
}

// documentedKeys are published in their providers' documentation for
// everyone to use in examples, so they protect nothing.
var documentedKeys = map[string]bool{
	"sk_test_4eC39HqLyjWDarjtT1zdp7dc": true, // Stripe's API reference
	"sk_test_BQokikJOvBiI2HlWgH4olfQ2": true, // Stripe's older docs
}

// A Finding is a credential found in a string.
type Finding struct {
	Kind   string // "GitHub token", "RSA private key", "password", ...
	Secret string // what Redact may show a prefix of; "" to show none
	Advice string // what to do instead
	// Offset is where the credential starts in the string, so that a
	// report can point at its line inside a multi-line literal; 0 for
	// one reported at the string's start (a key block).
	Offset int
}

// JWTKind is the kind of a signed JSON Web Token's finding.
const JWTKind = "signed JSON Web Token"

const (
	AdviceDefault = "read it from the environment (t.Setenv/os.Getenv) or generate a fake value in the test; if it is fake already, mark it //testgate:ignore secret <why>"
	advicePEM     = `generate the key in the test (rsa.GenerateKey, ecdsa.GenerateKey) or move it to testdata/; a fixture key may keep Go's "TESTING KEY" header, replaced when loading`
	adviceJWT     = "sign a token in the test with a key it generates, or read it from the environment; if it is fake already, mark it //testgate:ignore secret <why>"
)

// minFormatLen is the length of the shortest string any format, private
// key or connection URL with a password can match.
const minFormatLen = 16

// ScanKeys looks for key material in s that no name excuses: a complete
// private key, or a signed JSON Web Token. A variable named testKey or
// dummyToken may hold the deploy key of a private repository; only an
// explicit mark (Go's "TESTING KEY" header, an ignore directive) or
// incomplete material (an elided placeholder) tells a fixture apart.
func ScanKeys(s string) (Finding, bool) {
	if len(s) < minFormatLen {
		return Finding{}, false
	}
	present := hintsIn(s)
	if present&pemHint != 0 {
		for h := range privateKeys(s, false) {
			h.Offset = 0
			return h.Finding, true
		}
	}
	if present&jwtHint != 0 {
		for h := range jwtHits(s) {
			return h.Finding, true
		}
	}
	return Finding{}, false
}

// ScanFormats looks for a provider token or a password in a connection
// URL in s.
func ScanFormats(s string) (Finding, bool) {
	if len(s) < minFormatLen {
		return Finding{}, false
	}
	present := hintsIn(s)
	for h := range providerHits(s, present) {
		return h.Finding, true
	}
	if present&urlHint != 0 {
		for h := range urlPasswords(s) {
			return h.Finding, true
		}
	}
	return Finding{}, false
}

// A hit is a credential found in a string and where it is: s[start:end]
// is what a redacted copy of the string hides.
type hit struct {
	Finding
	start, end int
}

// formatHits yields the provider tokens, private keys, signed JSON Web
// Tokens and passwords in connection URLs in s, in that order, for
// redaction: key bodies whether complete or not.
func formatHits(s string) iter.Seq[hit] {
	return func(yield func(hit) bool) {
		if len(s) < minFormatLen {
			return
		}
		present := hintsIn(s)
		if present == 0 {
			return
		}
		for h := range providerHits(s, present) {
			if !yield(h) {
				return
			}
		}
		if present&pemHint != 0 {
			for h := range privateKeys(s, true) {
				if !yield(h) {
					return
				}
			}
		}
		if present&jwtHint != 0 {
			for h := range jwtHits(s) {
				if !yield(h) {
					return
				}
			}
		}
		if present&urlHint != 0 {
			for h := range urlPasswords(s) {
				if !yield(h) {
					return
				}
			}
		}
	}
}

// providerHits yields the provider tokens in s, whose hints are present.
func providerHits(s string, present uint64) iter.Seq[hit] {
	return func(yield func(hit) bool) {
		for i, f := range formats {
			if present&(1<<i) == 0 {
				continue
			}
			for _, loc := range f.re.FindAllStringIndex(s, -1) {
				m := s[loc[0]:loc[1]]
				body := m[f.prefix:]
				if documentedKeys[m] || isPlaceholder(body) || (len(body) >= 16 && entropy(body) < 3) {
					continue
				}
				if !yield(hit{Finding{f.kind, m, AdviceDefault, loc[0]}, loc[0], loc[1]}) {
					return
				}
			}
		}
	}
}

// ProviderPrefix returns the kind of provider token value starts with,
// written short of the full format ("xoxb-7Rk2pQ9wLm4x"): under a
// credential's name, the prefix says what it is. The rest must vary as a
// token does: "xoxa-123-123-123-213" is a stand-in.
func ProviderPrefix(value string) (string, bool) {
	for _, f := range formats {
		for _, h := range f.hints {
			rest, ok := strings.CutPrefix(value, h)
			if ok && len(h) >= 3 && (strings.HasSuffix(h, "_") || strings.HasSuffix(h, "-")) && len(rest) >= 8 && entropy(rest) >= 3 && !isPlaceholder(rest) && !strings.ContainsAny(rest, " \t\n") {
				return f.kind, true
			}
		}
	}
	return "", false
}

// Bits of hintsIn's result beyond those of formats.
const (
	jwtHint = 1 << 61
	pemHint = 1 << 62
	urlHint = 1 << 63
)

// hintTable lists, by first byte, the hints that may start there and the
// bit each sets: bit i for formats[i], pemHint and urlHint. hintPairs
// holds the hints' first two bytes, so that most bytes cost one lookup.
var hintTable, hintPairs = func() (t [256][]hint, pairs [1 << 16 / 64]uint64) {
	if len(formats) >= 61 {
		panic("credential: too many formats for a 64-bit hint set")
	}
	add := func(s string, bit uint64) {
		t[s[0]] = append(t[s[0]], hint{s, bit})
		pair := pairIndex(s[0], s[1])
		pairs[pair/64] |= 1 << (pair % 64)
	}
	for i, f := range formats {
		for _, s := range f.hints {
			add(s, 1<<i)
		}
	}
	add("PRIVATE KEY", pemHint)
	add("eyJ", jwtHint)
	add("://", urlHint)
	return t, pairs
}()

func pairIndex(a, b byte) int { return int(a)<<8 | int(b) }

type hint struct {
	s   string
	bit uint64
}

// hintsIn returns the set of hints that occur in s, in one pass: this
// runs on every long string literal of every test file.
func hintsIn(s string) uint64 {
	var set uint64
	for i := 0; i+1 < len(s); i++ {
		if pair := pairIndex(s[i], s[i+1]); hintPairs[pair/64]&(1<<(pair%64)) == 0 {
			continue
		}
		for _, h := range hintTable[s[i]] {
			if strings.HasPrefix(s[i:], h.s) {
				set |= h.bit
			}
		}
	}
	return set
}

var pemHeaderRE = regexp.MustCompile(`-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----`)

// minPEMBody is the fewest base64 characters a real private key has (a
// 256-bit EC key takes about 160); bodies shorter than this are elided
// stand-ins like "MIIE...".
const minPEMBody = 64

// privateKeys yields the private key PEM blocks with a body in s, the
// body as the span to hide; only complete keys (a whole PEM block that
// decodes to one key) unless anyKey, as redaction wants. Public keys and
// certificates are meant to be published, and Go's own tests spell
// fixture keys "TESTING KEY", so neither matches.
func privateKeys(s string, anyKey bool) iter.Seq[hit] {
	return func(yield func(hit) bool) {
		if !strings.Contains(s, "PRIVATE KEY") {
			return
		}
		headers := pemHeaderRE.FindAllStringSubmatchIndex(s, -1)
		end := -1 // of the first END line after the current header, if known
		for i, loc := range headers {
			// A body ends at the END line or at the next header, so that
			// every byte is read once however many headers lack an END.
			stop := len(s)
			if i+1 < len(headers) {
				stop = headers[i+1][0]
			}
			if end < loc[1] {
				end = strings.Index(s[loc[1]:], "-----END")
				if end >= 0 {
					end += loc[1]
				} else {
					end = len(s)
				}
			}
			bodyEnd := min(stop, end)
			if !pemBodyLooksReal(s[loc[1]:bodyEnd]) {
				continue
			}
			label := s[loc[2]:loc[3]]
			if !anyKey && (end >= stop || !completeKey(s[loc[0]:], end-loc[0], label)) {
				continue
			}
			if !yield(hit{Finding{pemKind(label), "", advicePEM, loc[0]}, loc[1], bodyEnd}) {
				return
			}
		}
	}
}

// completeKey reports whether block, which starts with a private key's
// PEM header and has its first END line at end, holds the whole key: it
// decodes as PEM (indentation of the literal aside), and DER keys hold
// one complete ASN.1 value.
func completeKey(block string, end int, label string) bool {
	footer := "-----END " + label + "-----"
	if !strings.HasPrefix(block[end:], footer) {
		return false
	}
	lines := strings.Split(block[:end+len(footer)], "\n")
	for i, line := range lines {
		lines[i] = strings.TrimSpace(line)
	}
	p, _ := pem.Decode([]byte(strings.Join(lines, "\n")))
	if p == nil || len(p.Bytes) < minKeyBytes {
		return false
	}
	switch label {
	case "OPENSSH PRIVATE KEY":
		return bytes.HasPrefix(p.Bytes, []byte("openssh-key-v1\x00"))
	case "PGP PRIVATE KEY BLOCK":
		return true
	}
	var v asn1.RawValue
	rest, err := asn1.Unmarshal(p.Bytes, &v)
	return err == nil && len(rest) == 0
}

// minKeyBytes is the size of the smallest real private key (a 256-bit EC
// key in SEC 1 form takes about 120 bytes).
const minKeyBytes = 48

var jwtInTextRE = regexp.MustCompile(`\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*`)

// wellKnownJWTSignatures end the sample tokens published by jwt.io and in
// RFC 7515 and RFC 7519, which everyone copies into examples.
var wellKnownJWTSignatures = map[string]bool{
	"SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c": true, // jwt.io, HS256 "your-256-bit-secret"
	"TJVA95OrM7E2cBab30RMHrHDcEfxjoYZgeFONFh7HgQ": true, // jwt.io, older HS256 sample
	"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk": true, // RFC 7515 A.1 and RFC 7519 3.1
	"KMUFsIDTnFmyG3nMiGM6H9FNFUROf3wh7SmqJp-QV30": true, // jwt.io, HS256 with admin and iat claims
}

// jwtHits yields the JSON Web Tokens with a signature in s: three
// base64url parts whose header names an algorithm other than none.
// Unsigned tokens prove nothing, and the documentation's samples and
// test vectors' claims are public.
func jwtHits(s string) iter.Seq[hit] {
	return func(yield func(hit) bool) {
		for _, loc := range jwtInTextRE.FindAllStringIndex(s, -1) {
			token := s[loc[0]:loc[1]]
			parts := strings.Split(token, ".")
			if len(parts) != 3 || len(parts[2]) < 16 || wellKnownJWTSignatures[parts[2]] {
				continue
			}
			header, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[0], "="))
			if err != nil {
				continue
			}
			var h struct {
				Alg string `json:"alg"`
			}
			if json.Unmarshal(header, &h) != nil || h.Alg == "" || strings.EqualFold(h.Alg, "none") {
				continue
			}
			if isPlaceholder(parts[2]) || entropy(parts[2]) < 3.5 || sampleClaims(parts[1]) {
				continue
			}
			if !yield(hit{Finding{JWTKind, token, adviceJWT, loc[0]}, loc[0], loc[1]}) {
				return
			}
		}
	}
}

// jwtSampleWords, as a word of a token's claims, make it a made-up
// sample: {"foo":"bar"}, {"sub":"1234567890","name":"John Doe"},
// {"iss":"test"}.
var jwtSampleWords = []string{"foo", "bar", "baz", "test", "testing", "example", "sample", "dummy", "fake", "mock", "john", "jane", "doe", "lorem", "ipsum", "1234567890"}

// sampleClaims reports whether the base64url payload of a token holds the
// claims of a sample or a test vector: fewer than two claims, or a
// placeholder word among them. A token issued by a real service carries
// an issuer, a subject and times of its own.
func sampleClaims(payload string) bool {
	data, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(payload, "="))
	if err != nil {
		return true
	}
	var claims map[string]any
	if json.Unmarshal(data, &claims) != nil || len(claims) < 2 {
		return true
	}
	words := strings.FieldsFunc(strings.ToLower(string(data)), func(r rune) bool {
		return !('a' <= r && r <= 'z') && !('0' <= r && r <= '9')
	})
	for _, w := range words {
		if slices.Contains(jwtSampleWords, w) {
			return true
		}
	}
	return false
}

// pemKind names the key of a PEM label such as "RSA PRIVATE KEY".
func pemKind(label string) string {
	kind := strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(label, " BLOCK"), "PRIVATE KEY"))
	switch kind {
	case "":
		return "private key"
	case "OPENSSH":
		return "OpenSSH private key"
	case "ENCRYPTED":
		return "encrypted private key"
	}
	return kind + " private key"
}

// pemBodyLooksReal reports whether body holds enough varied base64 to be
// a key rather than a stand-in. Header lines (Proc-Type: ...) and
// escaped newlines count as noise, which is harmless.
func pemBodyLooksReal(body string) bool {
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if isAlnum(c) || c == '+' || c == '/' {
			b.WriteByte(c)
		}
	}
	data := b.String()
	return len(data) >= minPEMBody && entropy(data) >= 4.5 && !strings.Contains(body, "...")
}

// urlPasswords yields the passwords of scheme://user:password@host URLs
// in s that judgeURLPassword takes for real ones. A finding shows no
// prefix: people choose these passwords, and four characters give away
// too much.
func urlPasswords(s string) iter.Seq[hit] {
	return func(yield func(hit) bool) {
		from := 0
		for {
			i := strings.Index(s[from:], "://")
			if i < 0 {
				return
			}
			i += from
			schemeEnds := i > 0 && isAlnum(s[i-1])
			start := i + 3
			from = start
			authority := s[start:]
			if end := strings.IndexAny(authority, "/?# \t\n\"'`"); end >= 0 {
				authority = authority[:end]
			}
			at := strings.LastIndexByte(authority, '@')
			if !schemeEnds || at < 0 {
				continue
			}
			user, password, ok := strings.Cut(authority[:at], ":")
			host, _, _ := cutPort(authority[at+1:])
			if !ok || !judgeURLPassword(user, password, host) {
				continue
			}
			pstart := start + len(user) + 1
			if !yield(hit{Finding{"password in connection URL", "", AdviceDefault, i}, pstart, pstart + len(password)}) {
				return
			}
		}
	}
}

// cutPort splits "host:port" and "[v6]:port".
func cutPort(hostport string) (host, port string, found bool) {
	i := strings.LastIndexByte(hostport, ':')
	if i < 0 || strings.LastIndexByte(hostport, ']') > i {
		return hostport, "", false
	}
	return hostport[:i], hostport[i+1:], true
}

// ScanAssignments finds a credential written as key=value, key: value or
// "key": "value" inside s: a config file, an env file, a DSN or JSON held
// in a test's string.
func ScanAssignments(s string, hexVectors bool) (Finding, bool) {
	for h := range assignmentHits(s, hexVectors) {
		return h.Finding, true
	}
	return Finding{}, false
}

// assignmentHits yields the credentials assigned to keys that name one in
// s, the secret part of each value as the span to hide.
func assignmentHits(s string, hexVectors bool) iter.Seq[hit] {
	return func(yield func(hit) bool) {
		v := values{s: s}
		for i := 0; i < len(s); i++ {
			if s[i] != '=' && s[i] != ':' {
				continue
			}
			key := keyBefore(s, i)
			if len(key) < 3 || !mentionsCredential(key) {
				continue
			}
			r, kind := Classify(key)
			if r != SecretRole {
				continue
			}
			start, end, ok := v.after(i + 1)
			if !ok {
				continue
			}
			value := s[start:end]
			if kind == "password" && strings.Contains(s, "host=") {
				// A key=value DSN: people choose these passwords,
				// and the host says whether the database is local.
				if dsnPassword(s, value) && !yield(hit{Finding{kind, value, AdviceDefault, start}, start, end}) {
					return
				}
				continue
			}
			secret, ok := JudgeNamed(kind, value, hexVectors)
			if !ok {
				continue
			}
			// Judge returns a part of value: the token after a scheme.
			at := start + max(0, strings.Index(value, secret))
			if !yield(hit{Finding{RefineKind(kind, secret), secret, AdviceDefault, at}, at, at + len(secret)}) {
				return
			}
		}
	}
}

// dsnPassword judges password, the value of password= in the key=value
// data source name s, by the DSN's user= and host=.
func dsnPassword(s, password string) bool {
	field := func(key string) string {
		i := strings.Index(s, key+"=")
		if i < 0 {
			return ""
		}
		v := s[i+len(key)+1:]
		if end := strings.IndexAny(v, " \t\n;"); end >= 0 {
			v = v[:end]
		}
		return strings.Trim(v, `'"`)
	}
	return judgeURLPassword(field("user"), password, field("host"))
}

// JudgeNamed is Judge for a value held under a credential's name of the
// given kind: hex of an API key's length is a key there, even with the
// lower entropy hex has (16 symbols), even in a package of hex vectors,
// where a bare key, iv or nonce stays a vector.
func JudgeNamed(kind, value string, hexVectors bool) (string, bool) {
	if APIKeyHex(kind, value) {
		return value, !isPlaceholder(value) && entropy(value) >= 3
	}
	return Judge(value, hexVectors)
}

// APIKeyHex reports whether value is hex of an API key's length (32 or 40
// digits) under an API-key, token, secret or credential name: the classic
// shape of an issued key, which a test feeding a validator many inputs
// does not write.
func APIKeyHex(kind, value string) bool {
	switch kind {
	case "API key", "token", "secret", "credential":
		return (len(value) == 32 || len(value) == 40) && isHex(value)
	}
	return false
}

// maxValueLen bounds a value ScanAssignments judges: credentials are far
// shorter, and judging longer ones after every key would take time
// quadratic in the string.
const maxValueLen = 256

// values finds the values after the separators of s, each in time
// independent of the string's length: the end of a value is looked up
// once and reused by every separator before it.
type values struct {
	s                     string
	delim, dquote, squote lookahead
}

const valueDelimiters = " \t\r\n&,;}])\"'`"

// after returns the span of the value that starts after a separator at
// s[i-1]: a quoted string, or a run up to a space or delimiter, extended
// by one word after an HTTP auth scheme ("Bearer abc"). ok is false for a
// value longer than maxValueLen or a quote never closed.
func (v *values) after(i int) (start, end int, ok bool) {
	s := v.s
	for i < len(s) && (s[i] == ' ' || s[i] == '=') {
		i++
	}
	if i < len(s) && (s[i] == '"' || s[i] == '\'') {
		q, quote := s[i], &v.dquote
		if q == '\'' {
			quote = &v.squote
		}
		end := quote.next(s, i+1, func(rest string) int { return strings.IndexByte(rest, q) })
		if end == len(s) || end-(i+1) > maxValueLen {
			return 0, 0, false
		}
		return i + 1, end, true
	}
	end = v.delim.next(s, i, func(rest string) int { return strings.IndexAny(rest, valueDelimiters) })
	if end-i > maxValueLen {
		return 0, 0, false
	}
	switch strings.ToLower(s[i:end]) {
	case "bearer", "basic", "token":
		if end < len(s) && s[end] == ' ' {
			restStart, restEnd, ok := v.after(end + 1)
			if ok && (s[restStart-1] == '"' || s[restStart-1] == '\'') {
				return restStart, restEnd, true // Bearer "abc": the token alone
			}
			return i, restEnd, ok
		}
	}
	return i, end, true
}

// A lookahead remembers where a search from some index found its target,
// which is also the answer for every later index up to there.
type lookahead struct {
	from, at int
	valid    bool
}

// next returns i plus what find returns for s[i:], or len(s) when that is
// -1, searching again only when i lies outside the last search's range.
func (l *lookahead) next(s string, i int, find func(rest string) int) int {
	if !l.valid || i < l.from || l.at < i {
		l.valid, l.from, l.at = true, i, len(s)
		if j := find(s[i:]); j >= 0 {
			l.at = i + j
		}
	}
	return l.at
}

// MayHoldAssignments reports whether s has a separator ScanAssignments
// looks for, sparing the walk up to an enclosing HTTP handler.
func MayHoldAssignments(s string) bool {
	return strings.ContainsAny(s, ":=")
}

// keyBefore returns the key that ends before the separator at s[i],
// skipping a closing quote and spaces.
func keyBefore(s string, i int) string {
	end := i
	for end > 0 && (s[end-1] == ' ' || s[end-1] == '"' || s[end-1] == '\'') && i-end < 3 {
		end--
	}
	start := end
	for start > 0 && end-start < 64 && (isAlnum(s[start-1]) || s[start-1] == '_' || s[start-1] == '-' || s[start-1] == '.') {
		start--
	}
	return s[start:end]
}

// credentialStems start or end the words of every name Classify takes
// for a credential; checking them first spares splitting most keys.
var credentialStems = []string{"pass", "pwd", "token", "secret", "key", "auth", "cred", "bearer"}

func mentionsCredential(key string) bool {
	for _, stem := range credentialStems {
		if containsFold(key, stem) {
			return true
		}
	}
	return false
}

// containsFold reports whether s contains the lower-case ASCII word sub,
// ignoring case.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && s[i+j]|0x20 == sub[j] {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

var awsSecretRE = regexp.MustCompile(`^[A-Za-z0-9/+]{40}$`)

// RefineKind keeps "AWS secret access key" only for values of its shape.
func RefineKind(kind, secret string) string {
	if kind == "AWS secret access key" && !awsSecretRE.MatchString(secret) {
		return "secret"
	}
	return kind
}
