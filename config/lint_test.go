package config

import (
	"slices"
	"strings"
	"testing"

	"github.com/testgate/testgate/analyzers"
)

func TestLintSectionSelectsAnalyzersAndOptions(t *testing.T) {
	cfg, err := Parse(".testgate.yml", []byte("lint:\n  enable: [sleep, testname]\n  disable: []\n  secret:\n"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if !slices.Equal(cfg.Lint.Enable, []string{"sleep", "testname"}) {
		t.Errorf("lint.enable = %v, want [sleep testname]", cfg.Lint.Enable)
	}
	if _, ok := cfg.Lint.Options["secret"]; !ok {
		t.Errorf("lint.secret with no options was dropped: %v", cfg.Lint.Options)
	}
}

func TestLintSectionErrorsNameTheKeyAndItsLine(t *testing.T) {
	cases := []struct {
		name, yaml, want string
	}{
		{"unknown analyzer key", "lint:\n  disable: [extcall]\n  sleeep: {}\n", `.testgate.yml:3: lint: unknown key "sleeep"`},
		{"unknown analyzer in a list", "lint:\n  enable:\n    - nosuch\n", `.testgate.yml:2: lint.enable: unknown analyzer "nosuch"`},
		{"unknown option", "lint:\n  sleep:\n    nope: 1\n", `.testgate.yml:2: lint.sleep: unknown option "nope"; sleep has no options`},
		{"list that is a string", "lint:\n  enable: sleep\n", ".testgate.yml:2: lint.enable: want a list"},
		{"options that are a list", "lint:\n  sleep: [a]\n", ".testgate.yml:2: lint.sleep: want a mapping of options"},
		{"option list holding a mapping", "lint:\n  sleep:\n    hosts: [{a: b}]\n", "lint.sleep.hosts[0]: want a name or value"},
		{"section that is a list", "lint: [sleep]\n", ".testgate.yml:1: lint: want a mapping of enable, disable and analyzer names"},
		{"repeated analyzer", "lint:\n  sleep: {}\n  sleep: {}\n", "duplicate key lint.sleep"},
		{"repeated enable", "lint:\n  enable: [sleep]\n  enable: [testname]\n", ".testgate.yml:3: duplicate key lint.enable (first on line 2)"},
		{"repeated disable", "lint:\n  disable: [sleep]\n  secret: {}\n  disable: []\n", ".testgate.yml:4: duplicate key lint.disable (first on line 2)"},
		{"repeated option", "lint:\n  extcall:\n    hosts: a\n    hosts: b\n", ".testgate.yml:4: duplicate key lint.extcall.hosts"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(".testgate.yml", []byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Parse error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

// The lint section's options reach the real analyzers' flags when the
// settings select them, as testgate check does.
func TestLintSectionSetsTheSuitesOptions(t *testing.T) {
	cfg, err := Parse(".testgate.yml", []byte("lint:\n  extcall:\n    allow-hosts: [svc.internal, \"*.test.example\"]\n  secret:\n    fake: ^fk_\n"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	suite := analyzers.All()
	flagOf := func(analyzer, name string) string {
		for _, a := range suite {
			if a.Name == analyzer {
				return a.Flags.Lookup(name).Value.String()
			}
		}
		return ""
	}
	t.Cleanup(func() {
		for _, a := range suite {
			for _, name := range []string{"allow-hosts", "fake"} {
				if f := a.Flags.Lookup(name); f != nil {
					if err := f.Value.Set(""); err != nil {
						t.Error(err)
					}
				}
			}
		}
	})
	if _, err := analyzers.Select(suite, cfg.Lint.Settings, "lint"); err != nil {
		t.Fatalf("Select: %v", err)
	}
	if got := flagOf("extcall", "allow-hosts"); got != "svc.internal,*.test.example" {
		t.Errorf("extcall.allow-hosts = %q, want the list joined by commas", got)
	}
	if got := flagOf("secret", "fake"); got != "^fk_" {
		t.Errorf("secret.fake = %q, want ^fk_", got)
	}
}
