// Package config loads testgate's configuration file, .testgate.yml.
//
//	coverage:
//	  threshold:              # percent, fractional allowed
//	    total: 80             # default 80
//	    package: 60           # default 0
//	    file: 50              # default 0
//	    function: 70          # share of functions entered; default 0
//	  metrics:                # every metric, one shape; default: none gated
//	    branches:             # also functions, lines
//	      total: 70           # percent at total, package and file level
//	      package: 50
//	      file: 0
//	      max-uncovered:      # the most uncovered items allowed
//	        package: 20
//	    statements:           # thresholds above; here only max-uncovered
//	      max-uncovered: {file: 10}
//	  overrides:              # the last matching override wins
//	    - path: /internal/legacy/
//	      package: 20         # statements
//	      file: 0
//	      branches: {package: 10, max-uncovered: {file: 30}}
//	  exclude:                # file names (import path + file) to leave out
//	    - _string\.go$
//	    - /mocks/
//	  diff:                   # changed lines, with -diff-base REV
//	    threshold: 80         # default 80
//	    min-statements: 20    # fewer changed statements pass; default 0
//	  baseline:               # with -baseline FILE
//	    tolerance: 0.5        # percentage points a figure may drop; default 0.5
//	  ignore:                 # //coverage:ignore directives
//	    require-reason: true  # a directive without a reason is an error; default true
//	lint:                     # the analyzers testgate check runs (see Lint)
//	  disable: [extcall]
//	check:                    # how testgate check runs the tests (see Check)
//	  shuffle: on             # on, off or a seed; default on
//	  flaky: fail             # fail or warn; default fail
//
// Paths are regular expressions (RE2) matched anywhere in a package's import
// path or a file's name in the profile ("example.com/m/pkg/x.go"). For each
// package or file, the last override whose path matches and which sets that
// kind of threshold wins, as later lines of .gitattributes refine earlier
// ones: list general rules first and exceptions after them.
//
// Decoding is strict: an unknown key, a duplicate key or a bad value is an
// error naming the file, line and key. Every section is decoded by the same
// reflective walk over yaml.Node (see decode.go): a new section or key is a
// new field with a yaml tag, and its values may validate themselves by
// implementing UnmarshalYAML(*yaml.Node) error or Validate() error.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/testgate/testgate/coverage"
)

// FileName is the name of the configuration file testgate reads from the
// working directory.
const FileName = ".testgate.yml"

// Config is the whole configuration file.
type Config struct {
	Coverage Coverage `yaml:"coverage"`
	Lint     Lint     `yaml:"lint"`
	Check    Check    `yaml:"check"`
}

// Coverage configures testgate cover.
type Coverage struct {
	Threshold Threshold  `yaml:"threshold"`
	Metrics   Metrics    `yaml:"metrics"`
	Overrides []Override `yaml:"overrides"`
	Exclude   []Regexp   `yaml:"exclude"`
	Diff      Diff       `yaml:"diff"`
	Baseline  Baseline   `yaml:"baseline"`
	Ignore    Ignore     `yaml:"ignore"`
}

// Threshold holds the global thresholds in percent.
type Threshold struct {
	Total   Percent `yaml:"total"`
	Package Percent `yaml:"package"`
	File    Percent `yaml:"file"`
	// Function is the share of functions entered at least once.
	Function Percent `yaml:"function"`
}

// Diff configures the gate on changed lines.
type Diff struct {
	Threshold     Percent `yaml:"threshold"`
	MinStatements int     `yaml:"min-statements"`
}

// Validate rejects a negative minimum.
func (d *Diff) Validate() error {
	if d.MinStatements < 0 {
		return fmt.Errorf("min-statements is %d: want 0 or more", d.MinStatements)
	}
	return nil
}

// Baseline configures the comparison with a stored baseline.
type Baseline struct {
	// Tolerance is how many percentage points the total or a package may
	// drop below the baseline.
	Tolerance Percent `yaml:"tolerance"`
}

// Ignore configures //coverage:ignore directives.
type Ignore struct {
	RequireReason bool `yaml:"require-reason"`
}

// An Override sets the package and file thresholds of the packages and
// files whose names match Path: Package and File those of statements, the
// metric keys those of each metric (package, file and max-uncovered).
type Override struct {
	Path       Regexp       `yaml:"path"`
	Package    *Percent     `yaml:"package"`
	File       *Percent     `yaml:"file"`
	Statements *MetricGates `yaml:"statements"`
	Branches   *MetricGates `yaml:"branches"`
	Functions  *MetricGates `yaml:"functions"`
	Lines      *MetricGates `yaml:"lines"`
}

func (o *Override) metrics() [4]*MetricGates {
	return [4]*MetricGates{
		coverage.StatementMetric: o.Statements,
		coverage.BranchMetric:    o.Branches,
		coverage.FunctionMetric:  o.Functions,
		coverage.LineMetric:      o.Lines,
	}
}

// Validate requires a path and at least one threshold; an override has no
// total, and its statement thresholds are its package and file keys.
func (o *Override) Validate() error {
	set := o.Package != nil || o.File != nil
	for m, g := range o.metrics() {
		if g == nil {
			continue
		}
		name := coverage.Metric(m).String()
		switch {
		case g.Total != nil || g.MaxUncovered.Total != nil:
			return fmt.Errorf("%s: an override has no total: set package or file", name)
		case m == int(coverage.StatementMetric) && (g.Package != nil || g.File != nil):
			return errors.New("statements: set the override's statement thresholds as its package and file keys; here only max-uncovered")
		}
		set = set || g.isSet()
	}
	switch {
	case o.Path.Regexp == nil:
		return errors.New("missing key \"path\"")
	case !set:
		return errors.New("sets no threshold: add \"package\", \"file\" or a metric (statements, branches, functions, lines)")
	}
	return nil
}

// Default returns the configuration used without a file.
func Default() *Config {
	p := coverage.DefaultPolicy()
	return &Config{Coverage: Coverage{
		Threshold: Threshold{
			Total:    Percent(p.Total),
			Package:  Percent(p.Package),
			File:     Percent(p.File),
			Function: Percent(p.Function),
		},
		Diff:     Diff{Threshold: Percent(p.Diff.Threshold), MinStatements: p.Diff.MinStatements},
		Baseline: Baseline{Tolerance: Percent(p.BaselineTolerance)},
		Ignore:   Ignore{RequireReason: true},
	}, Check: Check{Shuffle: "on", Flaky: FlakyFail}}
}

// MaxSize bounds a configuration file: a real one takes a few kilobytes,
// and decoding YAML costs far more memory and time than its size.
const MaxSize = 1 << 20

// Load reads the configuration file at path; keys it does not set keep
// their defaults.
func Load(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return Parse(path, data)
}

// LoadDir reads FileName in dir, or returns the defaults when dir has none.
// A FileName that is a symbolic link to nothing is an error: the user
// meant to configure testgate.
func LoadDir(dir string) (*Config, error) {
	path := filepath.Join(dir, FileName)
	c, err := Load(path)
	if errors.Is(err, fs.ErrNotExist) {
		if target, lerr := os.Readlink(path); lerr == nil {
			return nil, fmt.Errorf("%s: a symbolic link to %s, which does not exist", path, target)
		}
		return Default(), nil
	}
	return c, err
}

// Parse decodes configuration data strictly onto the defaults; name is the
// file name for error messages, which read "name:line: reason". The data
// holds one YAML document of at most MaxSize bytes.
func Parse(name string, data []byte) (*Config, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s: larger than %d bytes: not a testgate configuration", name, MaxSize)
	}
	c := Default()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, syntaxError(name, err)
	}
	for {
		var next yaml.Node
		err := dec.Decode(&next)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, syntaxError(name, err)
		}
		if len(next.Content) > 0 && !isNull(next.Content[0]) {
			return nil, fmt.Errorf("%s:%d: a second YAML document: testgate reads only one, so merge them", name, next.Content[0].Line)
		}
	}
	if err := decode(name, &doc, c); err != nil {
		return nil, err
	}
	return c, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError rewrites "yaml: line N: msg" as "name:N: msg".
func syntaxError(name string, err error) error {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		return fmt.Errorf("%s:%s: %s", name, m[1], m[2])
	}
	return fmt.Errorf("%s: %w", name, err)
}

// Validate lets the functions' total threshold be set in one place only.
func (c *Coverage) Validate() error {
	if c.Threshold.Function != 0 && c.Metrics.Functions.Total != nil {
		return errors.New("the functions' total threshold is set twice, as threshold.function and metrics.functions.total: keep one")
	}
	return nil
}

// Policy returns every threshold of c as a coverage policy.
func (c *Coverage) Policy() coverage.Policy {
	p := coverage.Policy{
		Total:             float64(c.Threshold.Total),
		Package:           float64(c.Threshold.Package),
		File:              float64(c.Threshold.File),
		Function:          float64(c.Threshold.Function),
		Diff:              coverage.DiffPolicy{Threshold: float64(c.Diff.Threshold), MinStatements: c.Diff.MinStatements},
		BaselineTolerance: float64(c.Baseline.Tolerance),
		Metrics:           c.MetricPolicy(),
	}
	for _, o := range c.Overrides {
		p.Overrides = append(p.Overrides, coverage.Override{
			Path:    o.Path.Regexp,
			Package: (*float64)(o.Package),
			File:    (*float64)(o.File),
		})
	}
	return p
}

// ExcludePatterns returns the exclude patterns of c.
func (c *Coverage) ExcludePatterns() []*regexp.Regexp {
	res := make([]*regexp.Regexp, len(c.Exclude))
	for i, re := range c.Exclude {
		res[i] = re.Regexp
	}
	return res
}

// A Percent is a threshold in percent, from 0 to 100.
type Percent float64

// UnmarshalYAML accepts a number from 0 to 100.
func (p *Percent) UnmarshalYAML(n *yaml.Node) error {
	var f float64
	if n.Kind != yaml.ScalarNode || n.Decode(&f) != nil {
		return fmt.Errorf("want a percentage from 0 to 100, got %s", describe(n))
	}
	v, err := CheckPercent(f)
	*p = Percent(v)
	return err
}

// CheckPercent returns f if it is a percentage from 0 to 100, else an error
// saying so; flags share it with the file.
func CheckPercent(f float64) (float64, error) {
	if !(f >= 0 && f <= 100) { // also rejects NaN
		return 0, fmt.Errorf("want a percentage from 0 to 100, got %v", f)
	}
	return f, nil
}

// A PercentFlag is a threshold flag: a percentage, remembered as given or
// not, so that only the flags given override the configuration file.
type PercentFlag struct {
	value float64
	set   bool
}

func (p *PercentFlag) String() string { return "" }

// Set accepts a number from 0 to 100.
func (p *PercentFlag) Set(s string) error {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return fmt.Errorf("want a percentage from 0 to 100, got %q", s)
	}
	v, err := CheckPercent(f)
	p.value, p.set = v, true
	return err
}

// Override sets *threshold to the flag's value when the flag was given.
func (p *PercentFlag) Override(threshold *float64) {
	if p.set {
		*threshold = p.value
	}
}

// IsSet reports whether the flag was given.
func (p *PercentFlag) IsSet() bool { return p.set }

// OverrideOptional points *threshold at the flag's value when the flag was
// given, for thresholds that may be unset (nil).
func (p *PercentFlag) OverrideOptional(threshold **float64) {
	if p.set {
		v := p.value
		*threshold = &v
	}
}

// A Regexp is a regular expression in RE2 syntax.
type Regexp struct{ *regexp.Regexp }

// UnmarshalYAML compiles a string.
func (r *Regexp) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
		return fmt.Errorf("want a regular expression (a string), got %s", describe(n))
	}
	re, err := regexp.Compile(n.Value)
	if err != nil {
		return fmt.Errorf("bad regular expression: %w", err)
	}
	r.Regexp = re
	return nil
}
