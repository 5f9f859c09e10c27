package credential

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Redact shows at most the first four characters of a secret, and none
// of a short one, where four would give away too much: ` "ghp_…"` or "".
func Redact(secret string) string {
	if p := prefix(secret); p != "" {
		return ` "` + p + `…"`
	}
	return ""
}

// prefix returns the first four characters of a secret of at least 16,
// or "".
func prefix(secret string) string {
	if utf8.RuneCountInString(secret) < 16 {
		return ""
	}
	i := 0
	for range 4 {
		_, size := utf8.DecodeRuneInString(secret[i:])
		i += size
	}
	return secret[:i]
}

// RedactText returns text with every credential the secret analyzer would
// find in a string replaced by "…", after the prefix Redact shows: provider
// tokens, private key bodies, passwords in connection URLs, values of keys
// that name a credential (password=..., "token": "...", apiKey := "...")
// and long random-looking runs such as the lines of a key's body. Text
// without any comes back unchanged.
func RedactText(text string) string {
	var spans []hit
	for h := range formatHits(text) {
		spans = append(spans, h)
	}
	for h := range assignmentHits(text, false) {
		spans = append(spans, h)
	}
	for h := range randomRuns(text) {
		spans = append(spans, h)
	}
	if len(spans) == 0 {
		return text
	}
	slices.SortFunc(spans, func(a, b hit) int { return cmp.Compare(a.start, b.start) })
	var b strings.Builder
	done := 0
	for _, h := range spans {
		if h.end <= done {
			continue // within a span already hidden
		}
		start := max(h.start, done)
		b.WriteString(text[done:start])
		if start == h.start {
			b.WriteString(prefix(h.Secret))
		}
		b.WriteString("…")
		done = h.end
	}
	b.WriteString(text[done:])
	return b.String()
}

// minRandomRun is the shortest run of token characters that RedactText
// hides for looking random alone, without a name or format: long enough
// that identifiers and words never reach it with the entropy and mixing
// LooksRandom asks for.
const minRandomRun = 32

// minRunSwitchRate is the share of neighbouring characters of different
// classes above which a run reads as noise: base64 and random tokens switch
// at about 0.6, camel-case identifiers at 0.35 or less.
const minRunSwitchRate = 0.45

// randomRuns yields the runs of letters, digits and base64 or token
// punctuation of at least minRandomRun bytes that look random. Hex runs
// are digests, commit IDs and UUIDs far more often than keys: they stay.
func randomRuns(s string) func(yield func(hit) bool) {
	return func(yield func(hit) bool) {
		for i := 0; i < len(s); {
			if !isTokenByte(s[i]) {
				i++
				continue
			}
			j := i
			for j < len(s) && isTokenByte(s[j]) {
				j++
			}
			if run := s[i:j]; len(run) >= minRandomRun && !isHexOrUUID(run) && looksRandom(run) && switchRate(run) >= minRunSwitchRate && !isPlaceholder(run) {
				if !yield(hit{Finding{Kind: "random-looking value"}, i, j}) {
					return
				}
			}
			i = j
		}
	}
}

func isTokenByte(c byte) bool {
	return isAlnum(c) || c == '+' || c == '/' || c == '=' || c == '_' || c == '-'
}

func isHexOrUUID(s string) bool {
	return strings.Trim(s, "0123456789abcdefABCDEF-") == ""
}
