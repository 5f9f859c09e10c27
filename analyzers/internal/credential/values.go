package credential

import (
	"encoding/base64"
	"math"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"
)

// placeholderWords, found anywhere in a value (lower-cased, letters and
// digits only, with and without leetspeak undone), mark it as made up.
// A random token contains one of these four-letter-or-longer words with
// a probability well below one in a thousand.
var placeholderWords = []string{
	"example", "sample", "dummy", "fake", "mock", "test", "placeholder", "redacted",
	"changeme", "changeit", "invalid", "notreal", "secret", "password", "passwd",
	"token", "apikey", "your", "insert", "replace", "todo", "xxxx", "1234", "abcd",
	"qwer", "asdf", "foobar", "lorem", "hunter", "letmein", "admin", "default",
}

// templateMarks make a value a template or a mask, not a credential.
var templateMarks = []string{"${", "{{", "<", ">", "%s", "%v", "%d", "$(", "***", "...", "…"}

// isPlaceholder reports whether s is an obvious stand-in for a secret:
// a template, a mask, a value built of placeholder words (also in
// leetspeak: "P@ssw0rd"), or a run of repeated or consecutive characters.
func isPlaceholder(s string) bool {
	if strings.HasPrefix(s, "$") {
		return true
	}
	for _, m := range templateMarks {
		if strings.Contains(s, m) {
			return true
		}
	}
	plain, leet := normalize(s)
	for _, w := range placeholderWords {
		if strings.Contains(plain, w) {
			return true
		}
	}
	return madeOfWords(leet) || longestRun(s) >= 5
}

// madeOfWords reports whether placeholder words cover most of the
// leetspeak-decoded s: P@ssw0rd and S3cr3tP4ssw0rd are placeholders,
// where S3cr3tP4ss9x7Q, a password someone chose, is not.
func madeOfWords(s string) bool {
	if s == "" {
		return false
	}
	covered := make([]bool, len(s))
	for _, w := range placeholderWords {
		for i := 0; ; {
			j := strings.Index(s[i:], w)
			if j < 0 {
				break
			}
			for k := i + j; k < i+j+len(w); k++ {
				covered[k] = true
			}
			i += j + 1
		}
	}
	n := 0
	for _, c := range covered {
		if c {
			n++
		}
	}
	return n*5 >= len(s)*4
}

// normalize returns s lower-cased with everything but letters and digits
// dropped, once as written and once with leetspeak undone.
func normalize(s string) (plain, leet string) {
	var p, l strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') {
			p.WriteByte(c)
		}
		if u := unleet(c); u != 0 {
			l.WriteByte(u)
		}
	}
	return p.String(), l.String()
}

func unleet(c byte) byte {
	switch c {
	case '0':
		return 'o'
	case '1', '!':
		return 'i'
	case '3':
		return 'e'
	case '4', '@':
		return 'a'
	case '5', '$':
		return 's'
	case '7':
		return 't'
	}
	if 'a' <= c && c <= 'z' {
		return c
	}
	return 0
}

// longestRun returns the length of the longest run of letters or digits
// that repeat ("aaaa") or count up or down ("6789", "fedc").
func longestRun(s string) int {
	longest, run, step := 1, 1, 0
	for i := 1; i < len(s); i++ {
		d := int(s[i]) - int(s[i-1])
		if isAlnum(s[i]) && isAlnum(s[i-1]) && (d == 0 || d == 1 || d == -1) && (run == 1 || d == step) {
			run++
			step = d
		} else {
			run, step = 1, 0
			if isAlnum(s[i]) && isAlnum(s[i-1]) && (d == 0 || d == 1 || d == -1) {
				run, step = 2, d
			}
		}
		longest = max(longest, run)
	}
	return longest
}

func isAlnum(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

// entropy returns the Shannon entropy of s in bits per byte.
func entropy(s string) float64 {
	if s == "" {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	n := float64(len(s))
	h := 0.0
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}

// Floors for a value that only its name says is a credential. They
// follow gitleaks' generic rule: at least 12 characters and 3.5 bits of
// entropy per character, which a human-chosen password or an identifier
// rarely reaches and a random token of that length nearly always does.
const (
	MinRandomLen     = 12
	minRandomEntropy = 3.5
	// minSwitchRate is the share of neighbouring characters of different
	// classes (lower, upper, digit, symbol) below which a value reads as
	// words, like "sha256WithRSAEncryption". Random base62 switches at
	// about 0.6.
	minSwitchRate = 0.3
)

// looksRandom reports whether s looks machine-generated: long enough,
// letters and digits mixed, high entropy, and switching character class
// often, as tokens do and identifiers, paths and passphrases do not.
func looksRandom(s string) bool {
	if len(s) < MinRandomLen || entropy(s) < minRandomEntropy {
		return false
	}
	var letter, digit bool
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			digit = true
		case ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z'):
			letter = true
		case c <= ' ' || c >= utf8.RuneSelf:
			return false
		}
	}
	if !letter || !digit {
		return false
	}
	return isHex(s) || switchRate(s) >= minSwitchRate
}

// switchRate returns the share of neighbouring characters of different
// classes, ignoring the separators that join words (live_key_xyz987 reads
// as words, not as noise).
func switchRate(s string) float64 {
	switches, pairs := 0, 0
	prev := -1
	for i := 0; i < len(s); i++ {
		if strings.IndexByte("-_./", s[i]) >= 0 {
			continue
		}
		c := class(s[i])
		if prev >= 0 {
			pairs++
			if c != prev {
				switches++
			}
		}
		prev = c
	}
	if pairs == 0 {
		return 0
	}
	return float64(switches) / float64(pairs)
}

func class(c byte) int {
	switch {
	case 'a' <= c && c <= 'z':
		return 0
	case 'A' <= c && c <= 'Z':
		return 1
	case '0' <= c && c <= '9':
		return 2
	}
	return 3
}

func isHex(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9') && !('a' <= c && c <= 'f') && !('A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

var (
	uuidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	jwtRE  = regexp.MustCompile(`^eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$`)
)

// hashPrefixes start password hashes and labelled digests, which are safe
// to publish.
var hashPrefixes = []string{"$2a$", "$2b$", "$2y$", "$argon2", "$scrypt", "$pbkdf2", "{SHA}", "{SSHA}", "sha1:", "sha256:", "sha512:", "md5:"}

// Judge tells whether value, held by a name that says it is a
// credential, looks like a real one. hexVectors says the package decodes
// hex strings, so a hex value is a byte test vector, not an API key. It
// returns the part that makes value a secret.
func Judge(value string, hexVectors bool) (string, bool) {
	v := strings.TrimSpace(value)
	if scheme, rest, ok := strings.Cut(v, " "); ok {
		switch strings.ToLower(scheme) {
		case "basic":
			return judgeBasic(strings.TrimSpace(rest))
		case "bearer", "token", "bot", "apikey":
			v = strings.TrimSpace(rest)
		default:
			return "", false // a sentence, not a credential
		}
	}
	switch {
	case v == "", jwtRE.MatchString(v), uuidRE.MatchString(v), strings.HasPrefix(v, "urn:"), strings.HasPrefix(v, "arn:"), strings.Contains(v, "://"),
		strings.HasPrefix(v, "/"), strings.HasPrefix(v, "./"), strings.HasPrefix(v, "ssh-"):
		return "", false
	}
	for _, p := range hashPrefixes {
		if strings.HasPrefix(v, p) {
			return "", false
		}
	}
	if isPlaceholder(v) {
		return "", false
	}
	if text, ok := printableBase64(v); ok {
		// A base64 wrapper around words is as weak as the words.
		_, pass, found := strings.Cut(text, ":")
		if !found {
			pass = text
		}
		return v, !isPlaceholder(pass) && looksRandom(pass)
	}
	if hexVectors && isHex(strings.TrimPrefix(v, "0x")) {
		return "", false
	}
	return v, looksRandom(v)
}

// judgeBasic judges the credentials of an HTTP Basic Authorization value.
func judgeBasic(encoded string) (string, bool) {
	text, ok := printableBase64(encoded)
	if !ok {
		return "", false
	}
	_, pass, _ := strings.Cut(text, ":")
	return encoded, !isPlaceholder(pass) && looksRandom(pass)
}

// printableBase64 decodes s if it is base64 of printable ASCII text.
func printableBase64(s string) (string, bool) {
	if len(s) < 8 {
		return "", false
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		b, err := enc.DecodeString(s)
		if err != nil {
			continue
		}
		for _, c := range b {
			if c < ' ' || c > '~' {
				return "", false
			}
		}
		return string(b), true
	}
	return "", false
}

// judgeURLPassword tells whether the password of a connection URL to
// host is a real one. Hosts that exist only on the test machine
// (loopback, the reserved example, test, invalid and localhost domains)
// hold no real data, and placeholders or a password equal to the user
// name are made up. A single-label host (db, postgres) is a container or
// a host on a private network, whose password is as real as any. People
// choose these passwords, so entropy does not decide: eight characters
// mixing letters and digits do.
func judgeURLPassword(user, password, host string) bool {
	if testHost(host) {
		return false
	}
	if p, err := url.PathUnescape(password); err == nil {
		password = p
	}
	if u, err := url.PathUnescape(user); err == nil {
		user = u
	}
	if len(password) < 8 || strings.EqualFold(user, password) || isPlaceholder(password) {
		return false
	}
	var letter, digit bool
	for i := 0; i < len(password); i++ {
		c := password[i]
		letter = letter || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
		digit = digit || ('0' <= c && c <= '9')
	}
	return letter && digit
}

func testHost(host string) bool {
	host = strings.ToLower(strings.Trim(host, "[]"))
	if host == "" || host == "::1" || strings.HasPrefix(host, "127.") || host == "0.0.0.0" {
		return true
	}
	for _, d := range []string{"localhost", "test", "example", "invalid", "local", "example.com", "example.net", "example.org"} {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}
