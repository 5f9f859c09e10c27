package testname

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// placeholderTestWords are words that, as the whole distinguishing part of a
// top-level test name (optionally followed by a number), say nothing about
// what the test verifies. New, Basic, Simple and All are absent on purpose:
// TestNew usually tests a constructor New, and the others are weak but
// common names that a reviewer would let pass.
var placeholderTestWords = map[string]bool{
	"asdf": true, "bar": true, "baz": true, "blah": true, "case": true,
	"cases": true, "dummy": true, "example": true, "foo": true, "foobar": true,
	"func": true, "function": true, "it": true, "misc": true, "qux": true,
	"something": true, "stuff": true, "temp": true, "test": true, "tests": true,
	"thing": true, "things": true, "tmp": true, "todo": true, "xxx": true,
}

// counterName matches subtest names that only count: a placeholder word or
// '#' followed by a number ("test3", "case 4", "Test case #5", "tc_06",
// "#7"), or a number of one or two digits other than zero ("1"). Longer
// numbers are values more often than counts ("404", "2006", "1024"), and a
// hand-written "0" names the zero value, since counts start at 1. Sample
// and example are not placeholders: "sample-1" is a sampling rate in a
// profiler's tests, "example 2" the second example of a spec.
var counterName = regexp.MustCompile(`^(?:(?:test|tests|testcase|case|cases|tc|tt|subtest|sub|scenario|run|t|it|foo|bar|baz|thing)[\s_.:#-]*)+#?\d+$|^#\s*\d+$|^0?[1-9]$|^[1-9]\d$`)

// isCounterName reports whether a subtest name only counts cases.
func isCounterName(name string) bool {
	return counterName.MatchString(strings.ToLower(strings.TrimSpace(name)))
}

// caseWords are the words that, right before a number, say "the Nth case".
var caseWords = map[string]bool{
	"case": true, "cases": true, "testcase": true, "test": true, "tests": true,
	"tc": true, "subtest": true, "scenario": true,
}

// isQualifiedCount reports whether name counts cases after words that
// qualify the whole group: "windows case 1", "unixCase_1", "edge case #1".
// The qualifier is the same for every case of the group, so the number is
// still all that tells them apart.
func isQualifiedCount(name string) bool {
	var ws []string
	for _, f := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		ws = append(ws, words(f)...)
	}
	n := len(ws) - 1
	if n < 1 {
		return false
	}
	stem, digits := splitNumber(ws[n])
	if digits == "" {
		return false
	}
	if stem == "" {
		n--
		stem = ws[n]
	}
	return n >= 1 && caseWords[stem]
}

// numberedWords are words that a number completes into a name of its own:
// HTTP2, SHA256, UTF8, Base64, Int8, Go121, RFC3339, Issue1567, Status404.
// A test whose name ends in one of them plus digits is not an ordinal copy
// of its sibling.
var numberedWords = map[string]bool{
	"adler": true, "aes": true, "amd": true, "arm": true, "ascii": true,
	"base": true, "bit": true, "bits": true, "bug": true, "byte": true,
	"bytes": true, "cl": true, "code": true, "complex": true, "crc": true,
	"cve": true, "des": true, "ec": true, "ed": true, "float": true,
	"fnv": true, "go": true, "h": true, "http": true, "int": true,
	"ip": true, "ipv": true, "iso": true, "issue": true, "latin": true,
	"level": true, "md": true, "p": true, "pkcs": true, "rfc": true,
	"rsa": true, "s": true, "sha": true, "ssl": true, "status": true,
	"tcp": true, "tls": true, "ucs": true, "udp": true, "uint": true,
	"utf": true, "version": true, "win": true, "x": true,
}

// splitNumber splits a trailing decimal number off s, along with one '_'
// before it: "Login2" → ("Login", "2"), "Case_3" → ("Case", "3").
func splitNumber(s string) (stem, digits string) {
	i := len(s)
	for i > 0 && '0' <= s[i-1] && s[i-1] <= '9' {
		i--
	}
	stem, digits = s[:i], s[i:]
	if digits != "" {
		stem = strings.TrimSuffix(stem, "_")
	}
	return stem, digits
}

// words splits an identifier into lower-case words at case changes and
// underscores, keeping digits with the word before them: "HTTP2Server" →
// [http2 server], "GetInt8" → [get int8], "sha256Block" → [sha256 block].
func words(ident string) []string {
	var out []string
	runes := []rune(ident)
	start := 0
	flush := func(end int) {
		if end > start {
			out = append(out, strings.ToLower(string(runes[start:end])))
		}
		start = end
	}
	for i, r := range runes {
		switch {
		case r == '_':
			flush(i)
			start = i + 1
		case i > start && unicode.IsUpper(r):
			prev := runes[i-1]
			nextLower := i+1 < len(runes) && unicode.IsLower(runes[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				flush(i)
			}
		case i > start && unicode.IsLower(r) && unicode.IsDigit(runes[i-1]):
			flush(i)
		}
	}
	flush(len(runes))
	return out
}

// rewriteSubtestName mirrors how package testing turns a subtest name into
// the one it prints: spaces become underscores and unprintable runes are
// escaped (unicode.IsSpace is the set testing uses). Two names collide
// when their rewritten forms are equal.
func rewriteSubtestName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			b.WriteByte('_')
		case !strconv.IsPrint(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
