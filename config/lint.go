package config

import (
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/testgate/testgate/analyzers"
)

// Lint configures the analyzers testgate check runs. It has the shape of
// the golangci-lint plugin's settings (see analyzers.Settings):
//
//	lint:
//	  disable: [extcall]
//	  extcall: {allow-hosts: [svc.internal]}
type Lint struct {
	analyzers.Settings
}

// UnmarshalYAML decodes the section key by key, checking every analyzer and
// option name against the suite so that an error names the key's line.
func (l *Lint) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("want a mapping of enable, disable and analyzer names, got %s", describe(n))
	}
	s := analyzers.Settings{Options: make(map[string]map[string]string)}
	seen := make(map[string]int) // key → line
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if line, dup := seen[k.Value]; dup {
			return &lineError{k.Line, fmt.Errorf("duplicate key lint.%s (first on line %d)", k.Value, line)}
		}
		seen[k.Value] = k.Line
		var err error
		switch k.Value {
		case "enable":
			s.Enable, err = scalars(v, "lint.enable")
		case "disable":
			s.Disable, err = scalars(v, "lint.disable")
		default:
			s.Options[k.Value], err = options(v, "lint."+k.Value)
		}
		if err == nil {
			err = analyzers.Check(analyzers.All(), s, "lint")
		}
		var le *lineError
		switch {
		case errors.As(err, &le):
			return le
		case err != nil:
			return &lineError{k.Line, err}
		}
	}
	l.Settings = s
	return nil
}

// options decodes an analyzer's options into flag syntax: a list becomes a
// comma-separated value, as list-valued analyzer flags parse it.
func options(n *yaml.Node, path string) (map[string]string, error) {
	if isNull(n) {
		return map[string]string{}, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: want a mapping of options, got %s", path, describe(n))
	}
	opts := make(map[string]string, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if _, dup := opts[k.Value]; dup {
			return nil, &lineError{k.Line, fmt.Errorf("duplicate key %s.%s", path, k.Value)}
		}
		if v.Kind == yaml.ScalarNode {
			opts[k.Value] = v.Value
			continue
		}
		list, err := scalars(v, path+"."+k.Value)
		if err != nil {
			return nil, err
		}
		opts[k.Value] = strings.Join(list, ",")
	}
	return opts, nil
}

func scalars(n *yaml.Node, path string) ([]string, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s: want a list, got %s", path, describe(n))
	}
	list := make([]string, len(n.Content))
	for i, item := range n.Content {
		if item.Kind != yaml.ScalarNode || isNull(item) {
			return nil, fmt.Errorf("%s[%d]: want a name or value, got %s", path, i, describe(item))
		}
		list[i] = item.Value
	}
	return list, nil
}

// lineError is an error that knows its line better than the node whose
// decoding failed.
type lineError struct {
	line int
	err  error
}

func (e *lineError) Error() string { return e.err.Error() }
