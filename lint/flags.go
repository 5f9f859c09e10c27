package lint

import (
	"flag"
	"fmt"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// A Selection holds the -NAME flags: if any is true only those analyzers
// run, otherwise those set to false are left out, as in a multichecker.
type Selection map[*analysis.Analyzer]*choice

type choice struct{ set, on bool }

func (c *choice) IsBoolFlag() bool { return true }

func (c *choice) String() string {
	if c == nil || !c.set {
		return "unset"
	}
	return strconv.FormatBool(c.on)
}

func (c *choice) Set(s string) error {
	on, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	*c = choice{set: true, on: on}
	return nil
}

// RegisterFlags defines -NAME and -NAME.flag for every analyzer of suite
// on fs, as the multichecker does; -NAME.flag sets the analyzer's own flag.
func RegisterFlags(fs *flag.FlagSet, suite []*analysis.Analyzer) Selection {
	sel := make(Selection, len(suite))
	for _, a := range suite {
		sel[a] = new(choice)
		fs.Var(sel[a], a.Name, fmt.Sprintf("enable %q analysis", a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	return sel
}

// Analyzers returns the analyzers of suite that the flags select.
func (sel Selection) Analyzers(suite []*analysis.Analyzer) []*analysis.Analyzer {
	anyOn := false
	for _, c := range sel {
		anyOn = anyOn || c.on
	}
	var kept []*analysis.Analyzer
	for _, a := range suite {
		c := sel[a]
		keep := !c.set || c.on
		if anyOn {
			keep = c.on
		}
		if keep {
			kept = append(kept, a)
		}
	}
	return kept
}
