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
	"errors"
	"flag"
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

// configure sets the analyzers' options from s and returns those s
// selects, in suite order: the ones in Enable (all when it is empty) minus
// the ones in Disable. Any name or option the suite lacks is an error that
// names it.
func configure(suite []*analysis.Analyzer, s Settings) ([]*analysis.Analyzer, error) {
	byName := make(map[string]*analysis.Analyzer, len(suite))
	var names []string
	for _, a := range suite {
		byName[a.Name] = a
		names = append(names, a.Name)
	}
	known := strings.Join(names, ", ")

	for _, key := range slices.Sorted(maps.Keys(s.Analyzers)) {
		a := byName[key]
		if a == nil {
			return nil, fmt.Errorf("settings: unknown key %q; want enable, disable or an analyzer name (%s)", key, known)
		}
		if err := setOptions(a, s.Analyzers[key]); err != nil {
			return nil, fmt.Errorf("settings.%s: %w", key, err)
		}
	}
	for _, list := range []struct {
		key   string
		names []string
	}{{"enable", s.Enable}, {"disable", s.Disable}} {
		for _, name := range list.names {
			if byName[name] == nil {
				return nil, fmt.Errorf("settings.%s: unknown analyzer %q; testgate has %s", list.key, name, known)
			}
			if list.key == "disable" && slices.Contains(s.Enable, name) {
				return nil, fmt.Errorf("settings: analyzer %q is both enabled and disabled", name)
			}
		}
	}

	var selected []*analysis.Analyzer
	for _, a := range suite {
		if (len(s.Enable) == 0 || slices.Contains(s.Enable, a.Name)) && !slices.Contains(s.Disable, a.Name) {
			selected = append(selected, a)
		}
	}
	if len(selected) == 0 {
		return nil, errors.New("settings: every analyzer is disabled; disable the linter instead")
	}
	return selected, nil
}

// setOptions sets a's flags from a map of option names to values. Names
// match flags regardless of case because golangci-lint's config loader
// lower-cases map keys.
func setOptions(a *analysis.Analyzer, data json.RawMessage) error {
	var opts map[string]json.RawMessage
	if err := json.Unmarshal(data, &opts); err != nil {
		return fmt.Errorf("want a map of %s's options: %w", a.Name, err)
	}
	for _, key := range slices.Sorted(maps.Keys(opts)) {
		f := lookupFlag(a, key)
		if f == nil {
			return fmt.Errorf("unknown option %q; %s", key, describeFlags(a))
		}
		value, err := flagValue(opts[key])
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		if err := f.Value.Set(value); err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
	}
	return nil
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

func lookupFlag(a *analysis.Analyzer, name string) *flag.Flag {
	var found *flag.Flag
	a.Flags.VisitAll(func(f *flag.Flag) {
		if strings.EqualFold(f.Name, name) {
			found = f
		}
	})
	return found
}

func describeFlags(a *analysis.Analyzer) string {
	var flags []string
	a.Flags.VisitAll(func(f *flag.Flag) { flags = append(flags, f.Name) })
	if len(flags) == 0 {
		return a.Name + " has no options"
	}
	return a.Name + " has " + strings.Join(flags, ", ")
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
