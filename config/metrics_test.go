package config

import (
	"strings"
	"testing"

	"github.com/testgate/testgate/coverage"
)

func TestParseReadsMetricLimitsAndTheirOverrides(t *testing.T) {
	c, err := Parse(".testgate.yml", []byte(`
coverage:
  threshold:
    function: 70
  metrics:
    branches:
      total: 60.5
      package: 50
      max-uncovered: {total: 100, file: 5}
    lines: {file: 40}
    statements:
      max-uncovered: {package: 30}
  overrides:
    - path: /legacy/
      branches: {package: 10, max-uncovered: {file: 30}}
    - path: /legacy/keep/
      package: 90
`))
	if err != nil {
		t.Fatal(err)
	}
	p := c.Coverage.MetricPolicy()
	b := p.Total[coverage.BranchMetric]
	if *b.Threshold != 60.5 || *b.MaxUncovered != 100 || *p.Package[coverage.BranchMetric].Threshold != 50 || *p.File[coverage.BranchMetric].MaxUncovered != 5 {
		t.Errorf("branch gates = %+v / %+v / %+v", b, p.Package[coverage.BranchMetric], p.File[coverage.BranchMetric])
	}
	if *p.File[coverage.LineMetric].Threshold != 40 || *p.Package[coverage.StatementMetric].MaxUncovered != 30 || c.Coverage.Policy().Function != 70 {
		t.Errorf("lines %+v, statements %+v, functions %v", p.File[coverage.LineMetric], p.Package[coverage.StatementMetric], c.Coverage.Policy().Function)
	}
	if len(p.Overrides) != 2 || *p.Overrides[0].Package[coverage.BranchMetric].Threshold != 10 || *p.Overrides[0].File[coverage.BranchMetric].MaxUncovered != 30 {
		t.Errorf("overrides = %+v", p.Overrides)
	}
	want := coverage.SetOf(coverage.StatementMetric, coverage.BranchMetric, coverage.LineMetric)
	if got := p.Gated(); got != want {
		t.Errorf("gated = %v, want statements, branches and lines", got.Metrics())
	}
}

func TestDefaultsGateNoMetricBesidesStatements(t *testing.T) {
	if got := Default().Coverage.MetricPolicy().Gated(); got != 0 {
		t.Errorf("gated by default: %v, want none", got.Metrics())
	}
}

func TestParseRejectsMetricLimitsInTheWrongPlace(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"statement threshold under metrics", "coverage:\n  metrics:\n    statements: {total: 80}\n", "coverage.metrics: statements: set statement thresholds as coverage.threshold.total"},
		{"functions' total twice", "coverage:\n  threshold: {function: 50}\n  metrics:\n    functions: {total: 60}\n", "set twice, as threshold.function and metrics.functions.total"},
		{"negative max-uncovered", "coverage:\n  metrics:\n    branches:\n      max-uncovered: {file: -1}\n", "x.yml:4: coverage.metrics.branches.max-uncovered.file: want a number of items, 0 or more, got \"-1\""},
		{"fractional max-uncovered", "coverage:\n  metrics:\n    branches:\n      max-uncovered: {file: 1.5}\n", "want a number of items, 0 or more"},
		{"unknown metric", "coverage:\n  metrics:\n    conditions: {total: 50}\n", `unknown key "conditions" in coverage.metrics (known: statements, branches, functions, lines)`},
		{"override with a total", "coverage:\n  overrides:\n    - path: x\n      branches: {total: 5}\n", "coverage.overrides[0]: branches: an override has no total"},
		{"override with statement thresholds", "coverage:\n  overrides:\n    - path: x\n      statements: {file: 5}\n", "statements: set the override's statement thresholds as its package and file keys"},
		{"override with an empty metric", "coverage:\n  overrides:\n    - path: x\n      lines: {}\n", "sets no threshold"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Parse("x.yml", []byte(tt.text)); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}
