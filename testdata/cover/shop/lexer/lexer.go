// Package lexer's code carries //line directives that point coverage
// blocks at lexer.rl, a file that is not Go.
package lexer

// Digits reports whether s is all ASCII digits.
//
//line lexer.rl:8
func Digits(s string) bool {
//line lexer.rl:9
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
//line lexer.rl:10
	return s != ""
}

//line lexer.go:20

// Empty reports whether s is empty.
func Empty(s string) bool { return s == "" }
