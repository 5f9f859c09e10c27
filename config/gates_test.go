package config

import (
	"strings"
	"testing"

	"github.com/testgate/testgate/coverage"
)

func TestParseReadsTheGateSections(t *testing.T) {
	c, err := Parse(".testgate.yml", []byte(`
coverage:
  threshold:
    function: 70.5
  diff:
    threshold: 90
    min-statements: 20
  baseline:
    tolerance: 1.5
  ignore:
    require-reason: false
`))
	if err != nil {
		t.Fatal(err)
	}
	cov := c.Coverage
	if cov.Threshold.Function != 70.5 {
		t.Errorf("function threshold = %v, want 70.5", cov.Threshold.Function)
	}
	if got, want := cov.Policy().Diff, (coverage.DiffPolicy{Threshold: 90, MinStatements: 20}); got != want {
		t.Errorf("DiffPolicy = %+v, want %+v", got, want)
	}
	if cov.Baseline.Tolerance != 1.5 || cov.Ignore.RequireReason {
		t.Errorf("baseline tolerance %v, require-reason %v; want 1.5 and false", cov.Baseline.Tolerance, cov.Ignore.RequireReason)
	}
}

func TestDefaultGateSettingsNeedNoFile(t *testing.T) {
	cov := Default().Coverage
	if got, want := cov.Policy().Diff, (coverage.DiffPolicy{Threshold: 80}); got != want {
		t.Errorf("default DiffPolicy = %+v, want %+v", got, want)
	}
	if cov.Threshold.Function != 0 || cov.Baseline.Tolerance != 0.5 || !cov.Ignore.RequireReason {
		t.Errorf("defaults: function %v, tolerance %v, require-reason %v; want 0, 0.5, true",
			cov.Threshold.Function, cov.Baseline.Tolerance, cov.Ignore.RequireReason)
	}
}

func TestParseRejectsBadGateSettings(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"negative min-statements", "coverage:\n  diff:\n    min-statements: -3\n", "x.yml:3: coverage.diff: min-statements is -3: want 0 or more"},
		{"fractional min-statements", "coverage:\n  diff:\n    min-statements: 2.5\n", `coverage.diff.min-statements: want an integer, got "2.5"`},
		{"diff threshold above 100", "coverage:\n  diff:\n    threshold: 120\n", "coverage.diff.threshold: want a percentage from 0 to 100, got 120"},
		{"tolerance not a number", "coverage:\n  baseline:\n    tolerance: half\n", `coverage.baseline.tolerance: want a percentage from 0 to 100, got "half"`},
		{"require-reason not a bool", "coverage:\n  ignore:\n    require-reason: sometimes\n", `coverage.ignore.require-reason: want true or false, got "sometimes"`},
		{"unknown diff key", "coverage:\n  diff:\n    base: main\n", `unknown key "base" in coverage.diff (known: threshold, min-statements)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("x.yml", []byte(tt.text))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}
