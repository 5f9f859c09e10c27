package testname

import (
	"slices"
	"testing"
)

func TestWordsSplitsAtCaseChangesKeepingDigits(t *testing.T) {
	tests := []struct {
		ident string
		want  []string
	}{
		{"HTTP2Server", []string{"http2", "server"}},
		{"GetInt8", []string{"get", "int8"}},
		{"sha256Block", []string{"sha256", "block"}},
		{"parse_v2_input", []string{"parse", "v2", "input"}},
		{"Login2", []string{"login2"}},
		{"X509KeyPair", []string{"x509", "key", "pair"}},
		{"", nil},
	}
	for _, tc := range tests {
		if got := words(tc.ident); !slices.Equal(got, tc.want) {
			t.Errorf("words(%q) = %q, want %q", tc.ident, got, tc.want)
		}
	}
}

func TestSplitNumberDropsOneUnderscore(t *testing.T) {
	tests := []struct{ in, stem, digits string }{
		{"Login2", "Login", "2"},
		{"Case_3", "Case", "3"},
		{"Test_12", "Test", "12"},
		{"Login", "Login", ""},
		{"Parse_", "Parse_", ""},
		{"42", "", "42"},
	}
	for _, tc := range tests {
		stem, digits := splitNumber(tc.in)
		if stem != tc.stem || digits != tc.digits {
			t.Errorf("splitNumber(%q) = %q, %q; want %q, %q", tc.in, stem, digits, tc.stem, tc.digits)
		}
	}
}

func TestIsCounterNameTellsCountsFromValues(t *testing.T) {
	counts := []string{"1", "07", "#3", "# 404", "test2", "Test case #5", "case-6", "tc_07", "subtest 8"}
	values := []string{"0", "00", "sample-1", "example 2", "404", "2006-01-02", "n=10", "v1", "http2", "debug=1", "testdata", "case", "1KB", "-1"}
	for _, name := range counts {
		if !isCounterName(name) {
			t.Errorf("isCounterName(%q) = false, want true", name)
		}
	}
	for _, name := range values {
		if isCounterName(name) {
			t.Errorf("isCounterName(%q) = true, want false", name)
		}
	}
}

func TestRewriteSubtestNameMatchesGoTest(t *testing.T) {
	tests := []struct{ in, want string }{
		{"empty input", "empty_input"},
		{"tab\there", "tab_here"},
		{"bell\a", `bell\a`},
		{"ünïcode", "ünïcode"},
	}
	for _, tc := range tests {
		if got := rewriteSubtestName(tc.in); got != tc.want {
			t.Errorf("rewriteSubtestName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIsQualifiedCountNeedsACaseWordBeforeTheNumber(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"windows case 1", true},
		{"unix case 1", true},
		{"unixCase_1", true},
		{"edge case #1", true},
		{"invalid input test1", true},
		{"case 1", false}, // no qualifier: the plain counter rule's
		{"badStrings#1", false},
		{"leading zeros 1", false},
		{"vector 1", false},
		{"windows case", false},
		{"showcase 1", false},
		{"case 1 of windows", false},
	}
	for _, tc := range tests {
		if got := isQualifiedCount(tc.name); got != tc.want {
			t.Errorf("isQualifiedCount(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
