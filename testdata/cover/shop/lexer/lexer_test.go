package lexer

import "testing"

func TestDigitsAcceptsOnlyDigits(t *testing.T) {
	if !Digits("123") || Digits("12a") {
		t.Error("Digits misjudges 123 or 12a")
	}
}
