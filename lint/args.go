package lint

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/testgate/testgate/internal/argv"
)

// multicheckerOnly are the multichecker's flags beyond selection, options,
// -test and -json: applying fixes, showing diffs or context lines, and
// profiling the driver.
var multicheckerOnly = []string{"fix", "diff", "c", "debug", "cpuprofile", "memprofile", "trace", "V", "flags"}

// NeedsMultichecker reports whether a testgate lint command line holds a
// flag that only x/tools' multichecker implements.
func NeedsMultichecker(args []string) bool {
	parsed, _ := argv.Split(args, nil, "--")
	return slices.ContainsFunc(parsed, func(a argv.Arg) bool { return slices.Contains(multicheckerOnly, a.Name) })
}

// CutFormat removes -format (or --format) from the flags of a testgate
// lint command line and returns its value, one of Formats. The
// multichecker does not know the flag, so it has to go before the rest
// reaches it.
func CutFormat(args []string) (format string, rest []string, err error) {
	format = "text"
	parsed, tail := argv.Split(args, func(name string) bool { return name == "format" }, "--")
	for _, a := range parsed {
		switch {
		case a.Name != "format":
			rest = append(rest, a.Raw...)
		case !a.HasValue:
			return "", nil, errors.New("flag needs an argument: -format")
		default:
			format = a.Value
		}
	}
	if !slices.Contains(Formats, format) {
		return "", nil, fmt.Errorf("unknown -format %q; want one of %s", format, strings.Join(Formats, ", "))
	}
	return format, append(rest, tail...), nil
}

// CutFix removes -fix from the flags of a testgate lint command line and
// reports whether it asks for fixes to be written: not with -diff, which
// only shows them (and stays with the multichecker).
func CutFix(args []string) (fix bool, rest []string) {
	parsed, tail := argv.Split(args, nil, "--")
	for _, a := range parsed {
		switch a.Name {
		case "diff":
			return false, args
		case "fix":
			on, err := strconv.ParseBool(a.Value)
			fix = !a.HasValue || err != nil || on
		default:
			rest = append(rest, a.Raw...)
		}
	}
	return fix, append(rest, tail...)
}
