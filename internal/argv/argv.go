// Package argv reads command lines the way package flag does, for commands
// that keep some arguments and pass the others on to another program (go
// test, the multichecker): one reading, so that every command splits
// arguments by the same rules.
package argv

import "strings"

// An Arg is one flag with its value, or one other argument.
type Arg struct {
	Name     string   // the flag's name without dashes; "" for other arguments
	Value    string   // the flag's value, when HasValue
	HasValue bool     // "-name=value", or "-name value" for a flag that takes a value
	Raw      []string // the argument as given: one, or the flag and its value
}

// Split reads args as flags (-name, --name, -name=value, or -name value
// when takesValue(name)) and other arguments, in order; flags may follow
// other arguments. The first argument in stop ends the reading: it and all
// after it are returned as rest, unread.
func Split(args []string, takesValue func(name string) bool, stop ...string) (parsed []Arg, rest []string) {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		for _, s := range stop {
			if arg == s {
				return parsed, args[i:]
			}
		}
		name, ok := flagName(arg)
		if !ok {
			parsed = append(parsed, Arg{Raw: []string{arg}})
			continue
		}
		a := Arg{Name: name, Raw: []string{arg}}
		if n, v, found := strings.Cut(name, "="); found {
			a.Name, a.Value, a.HasValue = n, v, true
		} else if takesValue != nil && takesValue(name) && i+1 < len(args) {
			i++
			a.Value, a.HasValue = args[i], true
			a.Raw = append(a.Raw, args[i])
		}
		parsed = append(parsed, a)
	}
	return parsed, nil
}

// flagName returns what follows the one or two dashes of a flag, and false
// for an argument that is no flag ("x", "-", "--", "---x").
func flagName(arg string) (string, bool) {
	name, ok := strings.CutPrefix(arg, "-")
	if !ok {
		return "", false
	}
	name = strings.TrimPrefix(name, "-")
	if name == "" || name[0] == '-' || name[0] == '=' {
		return "", false
	}
	return name, true
}
