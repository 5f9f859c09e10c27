package analyzers

import (
	"flag"
	"fmt"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Settings choose analyzers and set their options. They are the shape of
// both the golangci-lint plugin's settings and the lint section of
// .testgate.yml:
//
//	enable: [testname, sleep]   # only these (all when empty)
//	disable: [extcall]          # all but these
//	extcall:                    # an analyzer's options, as -extcall.NAME=VALUE
//	  allow-hosts: [svc.internal]
type Settings struct {
	Enable  []string
	Disable []string
	// Options maps an analyzer's name to its options and their values in
	// flag syntax (a list is comma-separated).
	Options map[string]map[string]string
}

// Select sets the analyzers' options from s and returns those s selects,
// in suite order. Errors name the setting below path (such as
// "settings.enable: unknown analyzer ..."): any analyzer or option the suite
// lacks, a value an option rejects, and a selection that leaves nothing.
func Select(suite []*analysis.Analyzer, s Settings, path string) ([]*analysis.Analyzer, error) {
	if err := Check(suite, s, path); err != nil {
		return nil, err
	}
	for _, name := range slices.Sorted(maps.Keys(s.Options)) {
		a := byName(suite, name)
		opts := s.Options[name]
		for _, key := range slices.Sorted(maps.Keys(opts)) {
			if err := lookupFlag(a, key).Value.Set(opts[key]); err != nil {
				return nil, fmt.Errorf("%s.%s: %s: %w", path, name, key, err)
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
		return nil, fmt.Errorf("%s: every analyzer is disabled; disable the linter instead", path)
	}
	return selected, nil
}

// Check reports the first name in s that the suite lacks: an analyzer in
// enable, disable or the options, or an option an analyzer does not have.
// It changes nothing, so configuration loaders can call it while they still
// know each name's line.
func Check(suite []*analysis.Analyzer, s Settings, path string) error {
	known := strings.Join(names(suite), ", ")
	for _, name := range slices.Sorted(maps.Keys(s.Options)) {
		a := byName(suite, name)
		if a == nil {
			return fmt.Errorf("%s: unknown key %q; want enable, disable or an analyzer name (%s)", path, name, known)
		}
		for _, key := range slices.Sorted(maps.Keys(s.Options[name])) {
			if lookupFlag(a, key) == nil {
				return fmt.Errorf("%s.%s: unknown option %q; %s", path, name, key, describeFlags(a))
			}
		}
	}
	for _, list := range []struct {
		key   string
		names []string
	}{{"enable", s.Enable}, {"disable", s.Disable}} {
		for _, name := range list.names {
			if byName(suite, name) == nil {
				return fmt.Errorf("%s.%s: unknown analyzer %q; testgate has %s", path, list.key, name, known)
			}
			if list.key == "disable" && slices.Contains(s.Enable, name) {
				return fmt.Errorf("%s: analyzer %q is both enabled and disabled", path, name)
			}
		}
	}
	return nil
}

func byName(suite []*analysis.Analyzer, name string) *analysis.Analyzer {
	for _, a := range suite {
		if a.Name == name {
			return a
		}
	}
	return nil
}

func names(suite []*analysis.Analyzer) []string {
	var list []string
	for _, a := range suite {
		list = append(list, a.Name)
	}
	return list
}

// lookupFlag finds an analyzer's option regardless of case, because
// golangci-lint's configuration loader lower-cases map keys.
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
