package config

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/testgate/testgate/testrun"
)

// Check configures how testgate check runs the tests:
//
//	check:
//	  shuffle: on     # on (a new seed each run, printed), off, or a seed; default on
//	  flaky: fail     # fail or warn: whether flaky tests fail the check; default fail
type Check struct {
	Shuffle Shuffle `yaml:"shuffle"`
	Flaky   Flaky   `yaml:"flaky"`
}

// Shuffle is the order of the tests: "on", "off" or a seed, as go test's
// -shuffle takes it.
type Shuffle string

// UnmarshalYAML accepts on, off or an integer.
func (s *Shuffle) UnmarshalYAML(n *yaml.Node) error {
	if _, err := testrun.ParseShuffle(n.Value); n.Kind != yaml.ScalarNode || err != nil {
		return fmt.Errorf("want on, off or a seed (an integer), got %s", describe(n))
	}
	*s = Shuffle(n.Value)
	return nil
}

// Flaky says what a flaky test does to the check's verdict.
type Flaky string

// The values of Flaky.
const (
	FlakyFail Flaky = "fail" // flaky tests fail the check
	FlakyWarn Flaky = "warn" // flaky tests are listed and the check may pass
)

// UnmarshalYAML accepts fail or warn.
func (f *Flaky) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode || (n.Value != string(FlakyFail) && n.Value != string(FlakyWarn)) {
		return fmt.Errorf("want fail or warn, got %s", describe(n))
	}
	*f = Flaky(n.Value)
	return nil
}
