package config

import (
	"strings"
	"testing"
)

func TestParseReadsTheCheckSection(t *testing.T) {
	cases := []struct {
		name, text string
		want       Check
	}{
		{"defaults", "", Check{Shuffle: "on", Flaky: FlakyFail}},
		{"shuffle off, flaky tests warn", "check:\n  shuffle: off\n  flaky: warn\n", Check{Shuffle: "off", Flaky: FlakyWarn}},
		{"a fixed seed", "check:\n  shuffle: 1733051234\n", Check{Shuffle: "1733051234", Flaky: FlakyFail}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse(".testgate.yml", []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			if c.Check != tc.want {
				t.Errorf("check = %+v, want %+v", c.Check, tc.want)
			}
		})
	}
}

func TestParseRejectsBadCheckValuesNamingTheLine(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"shuffle word", "check:\n  shuffle: sometimes\n", `.testgate.yml:2: check.shuffle: want on, off or a seed (an integer), got "sometimes"`},
		{"shuffle list", "check:\n  shuffle: [1]\n", `.testgate.yml:2: check.shuffle: want on, off or a seed (an integer), got a list`},
		{"flaky policy", "check:\n  flaky: ignore\n", `.testgate.yml:2: check.flaky: want fail or warn, got "ignore"`},
		{"unknown key", "check:\n  rerun: 3\n", `.testgate.yml:2: unknown key "rerun" in check (known: shuffle, flaky)`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(".testgate.yml", []byte(tc.text))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Parse: err = %v, want %q", err, tc.want)
			}
		})
	}
}
