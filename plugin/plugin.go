// Package plugin makes testgate's analyzers a golangci-lint v2 module
// plugin named "testgate".
//
// golangci-lint reports every analyzer a plugin returns under the one
// linter name, so choosing single analyzers and setting their options goes
// through the plugin's settings:
//
//	linters:
//	  settings:
//	    custom:
//	      testgate:
//	        type: module
//	        settings:
//	          disable: [extcall]
//
// "enable" runs only the analyzers it lists, "disable" drops analyzers,
// and a key named after an analyzer maps that analyzer's flag names to
// values, as -NAME.flag=value does on the command line (a list becomes a
// comma-separated value).
package plugin

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/testgate/testgate/analyzers"
)

// Name is the linter name golangci-lint knows the plugin by; .golangci.yml
// must use it under linters.settings.custom.
const Name = "testgate"

func init() {
	register.Plugin(Name, New)
}

// Settings is the decoded "settings" value of the plugin's configuration.
type Settings struct {
	Enable  []string
	Disable []string
	// Analyzers holds every other key: an analyzer's name and its options,
	// checked against the suite by [New].
	Analyzers map[string]json.RawMessage
}

// UnmarshalJSON separates enable and disable from the per-analyzer keys.
func (s *Settings) UnmarshalJSON(data []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return fmt.Errorf("settings: %w", err)
	}
	for key, value := range raw {
		switch key {
		case "enable":
			if err := json.Unmarshal(value, &s.Enable); err != nil {
				return fmt.Errorf("settings.enable: want a list of analyzer names: %w", err)
			}
		case "disable":
			if err := json.Unmarshal(value, &s.Disable); err != nil {
				return fmt.Errorf("settings.disable: want a list of analyzer names: %w", err)
			}
		default:
			if s.Analyzers == nil {
				s.Analyzers = make(map[string]json.RawMessage)
			}
			s.Analyzers[key] = value
		}
	}
	return nil
}

// New is the plugin's constructor, called by golangci-lint with the raw
// settings (nil when there are none).
func New(conf any) (register.LinterPlugin, error) {
	// golangci-lint puts the plugin's name in front of these errors.
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		return nil, err
	}
	selected, err := configure(analyzers.All(), s)
	if err != nil {
		return nil, err
	}
	return &linter{analyzers: selected}, nil
}

// configure turns the decoded settings into the suite's Settings, with
// option values in flag syntax, and selects the analyzers.
func configure(suite []*analysis.Analyzer, s Settings) ([]*analysis.Analyzer, error) {
	sel := analyzers.Settings{Enable: s.Enable, Disable: s.Disable, Options: make(map[string]map[string]string)}
	for name := range s.Analyzers {
		sel.Options[name] = nil
	}
	// Unknown analyzer names first: they explain an undecodable value.
	if err := analyzers.Check(suite, sel, "settings"); err != nil {
		return nil, err
	}
	for _, name := range slices.Sorted(maps.Keys(s.Analyzers)) {
		opts, err := options(s.Analyzers[name])
		if err != nil {
			return nil, fmt.Errorf("settings.%s: %w", name, err)
		}
		sel.Options[name] = opts
	}
	return analyzers.Select(suite, sel, "settings")
}

// options decodes an analyzer's map of option names to values.
func options(data json.RawMessage) (map[string]string, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("want a map of options: %w", err)
	}
	opts := make(map[string]string, len(raw))
	for key, value := range raw {
		v, err := flagValue(value)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", key, err)
		}
		opts[key] = v
	}
	return opts, nil
}

// flagValue renders a scalar as flag syntax; a list becomes a
// comma-separated value, the form list-valued analyzer flags parse.
func flagValue(data json.RawMessage) (string, error) {
	var list []json.RawMessage
	if json.Unmarshal(data, &list) == nil {
		items := make([]string, len(list))
		for i, item := range list {
			s, err := scalar(item)
			if err != nil {
				return "", err
			}
			items[i] = s
		}
		return strings.Join(items, ","), nil
	}
	return scalar(data)
}

func scalar(data json.RawMessage) (string, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // keep 1000000 from turning into 1e+06
	var v any
	if err := dec.Decode(&v); err != nil {
		return "", err
	}
	switch v := v.(type) {
	case string:
		return v, nil
	case json.Number:
		return v.String(), nil
	case bool:
		return strconv.FormatBool(v), nil
	}
	return "", fmt.Errorf("want a string, number, boolean or a list of them, got %s", data)
}

type linter struct {
	analyzers []*analysis.Analyzer
}

func (l *linter) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return l.analyzers, nil
}

// GetLoadMode asks for type information: the analyzers match callees by
// their types, never by spelling.
func (l *linter) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
