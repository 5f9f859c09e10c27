package config

import (
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// future is the shape of sections yet to come (a lint section with
// per-analyzer options), decoded by the same strict walk.
type future struct {
	Lint struct {
		Enable   []string                  `yaml:"enable"`
		Fast     bool                      `yaml:"fast"`
		Jobs     int                       `yaml:"jobs"`
		Settings map[string]map[string]any `yaml:"settings"`
		Limit    *int                      `yaml:"limit"`
		Internal string                    `yaml:"-"`
	} `yaml:"lint"`
}

func decodeFuture(t *testing.T, text string) (future, error) {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatal(err)
	}
	var f future
	return f, decode("f.yml", &doc, &f)
}

func TestDecodeHandlesScalarsListsMapsAndPointers(t *testing.T) {
	f, err := decodeFuture(t, `
lint:
  enable: [sleep, secret]
  fast: true
  jobs: 4
  limit: 7
  settings:
    sleep: {max: 3, names: [a, b]}
`)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]any{"sleep": {"max": 3, "names": []any{"a", "b"}}}
	if !reflect.DeepEqual(f.Lint.Settings, want) || !f.Lint.Fast || f.Lint.Jobs != 4 || *f.Lint.Limit != 7 || len(f.Lint.Enable) != 2 {
		t.Errorf("decoded %+v", f.Lint)
	}
}

func TestDecodeRejectsWrongShapesInEverySection(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"bool", "lint:\n  fast: sometimes\n", `f.yml:2: lint.fast: want true or false, got "sometimes"`},
		{"int", "lint:\n  jobs: 2.5\n", `lint.jobs: want an integer, got "2.5"`},
		{"string list", "lint:\n  enable: [[a]]\n", "lint.enable[0]: want a string, got a list"},
		{"map", "lint:\n  settings: [a]\n", "f.yml:2: lint.settings: want a mapping, got a list"},
		{"duplicate map key", "lint:\n  settings:\n    a: {}\n    a: {}\n", "f.yml:4: duplicate key lint.settings.a"},
		{"map value", "lint:\n  settings:\n    a: 3\n", "lint.settings.a: want a mapping, got \"3\""},
		{"untagged field", "lint:\n  Internal: x\n", `unknown key "Internal" in lint (known: enable, fast, jobs, settings, limit)`},
		{"free-form value", "lint:\n  settings:\n    a: {b: !!int x}\n", "f.yml:3: lint.settings.a.b:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeFuture(t, tt.text)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("decode error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}
