package config

import (
	"errors"
	"fmt"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/testgate/testgate/coverage"
)

// Metrics holds the limits of each coverage metric, one shape for all
// four. The statement thresholds stay coverage.threshold.total, package
// and file (here statements take only max-uncovered), and the functions'
// total may be given here or as coverage.threshold.function, not both.
type Metrics struct {
	Statements MetricGates `yaml:"statements"`
	Branches   MetricGates `yaml:"branches"`
	Functions  MetricGates `yaml:"functions"`
	Lines      MetricGates `yaml:"lines"`
}

// MetricGates are one metric's thresholds in percent at total, package and
// file level, and its absolute limits on uncovered items.
type MetricGates struct {
	Total        *Percent     `yaml:"total"`
	Package      *Percent     `yaml:"package"`
	File         *Percent     `yaml:"file"`
	MaxUncovered MaxUncovered `yaml:"max-uncovered"`
}

// MaxUncovered are the largest numbers of uncovered items allowed.
type MaxUncovered struct {
	Total   *Count `yaml:"total"`
	Package *Count `yaml:"package"`
	File    *Count `yaml:"file"`
}

// A Count is a number of items, 0 or more.
type Count int

// UnmarshalYAML accepts an integer from 0 up.
func (c *Count) UnmarshalYAML(n *yaml.Node) error {
	v, err := strconv.Atoi(n.Value)
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" || err != nil || v < 0 {
		return fmt.Errorf("want a number of items, 0 or more, got %s", describe(n))
	}
	*c = Count(v)
	return nil
}

// Validate keeps statement thresholds where they have always been.
func (m *Metrics) Validate() error {
	if s := m.Statements; s.Total != nil || s.Package != nil || s.File != nil {
		return errors.New("statements: set statement thresholds as coverage.threshold.total, package and file; here only max-uncovered")
	}
	return nil
}

func (m *Metrics) byMetric() [4]*MetricGates {
	return [4]*MetricGates{
		coverage.StatementMetric: &m.Statements,
		coverage.BranchMetric:    &m.Branches,
		coverage.FunctionMetric:  &m.Functions,
		coverage.LineMetric:      &m.Lines,
	}
}

func (g *MetricGates) isSet() bool {
	u := g.MaxUncovered
	return g.Total != nil || g.Package != nil || g.File != nil || u.Total != nil || u.Package != nil || u.File != nil
}

// gate returns the limits at one level as a coverage.Gate.
func gate(threshold *Percent, maxUncovered *Count) coverage.Gate {
	return coverage.Gate{Threshold: (*float64)(threshold), MaxUncovered: (*int)(maxUncovered)}
}

// MetricPolicy returns the limits of every metric and their overrides;
// the functions' total from threshold.function stays in Policy().Function.
func (c *Coverage) MetricPolicy() coverage.MetricPolicy {
	var p coverage.MetricPolicy
	for m, g := range c.Metrics.byMetric() {
		p.Total[m] = gate(g.Total, g.MaxUncovered.Total)
		p.Package[m] = gate(g.Package, g.MaxUncovered.Package)
		p.File[m] = gate(g.File, g.MaxUncovered.File)
	}
	for _, o := range c.Overrides {
		mo := coverage.MetricOverride{Path: o.Path.Regexp}
		for m, g := range o.metrics() {
			if g != nil {
				mo.Package[m] = gate(g.Package, g.MaxUncovered.Package)
				mo.File[m] = gate(g.File, g.MaxUncovered.File)
			}
		}
		p.Overrides = append(p.Overrides, mo)
	}
	return p
}
