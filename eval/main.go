// Command eval measures testgate's analyzers on the test suites of public
// modules: it fetches each module of modules.txt through the Go module proxy,
// runs testgate lint -json built from this checkout on it, and compares the
// reports with the hand-labelled rows of gold.tsv. It prints precision and
// recall per analyzer and overall, every miss and false alarm, and the
// reports on lines nobody labelled yet.
//
// Run it from the repository root:
//
//	go run ./eval
//
// See eval/README.md.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	work := fs.String("work", filepath.Join(cache, "testgate-eval"), "directory for the modules' writable copies and the raw reports")
	goldFile := fs.String("gold", filepath.Join("eval", "gold.tsv"), "hand-labelled rows")
	modulesFile := fs.String("modules", filepath.Join("eval", "modules.txt"), "pinned modules, one MODULE@VERSION a line")
	onlyRE := fs.String("only", "", "measure only the modules whose path matches this regular expression")
	binary := fs.String("testgate", "", "testgate binary to measure (default: built from this checkout)")
	rescoreOnly := fs.Bool("rescore", false, "score the raw reports the last run kept, without running testgate (to label new rows)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "eval: unexpected arguments %q\n", fs.Args())
		return 2
	}
	filter, err := regexp.Compile(*onlyRE)
	if err != nil {
		fmt.Fprintf(stderr, "eval: -only: %v\n", err)
		return 2
	}
	mods, err := readModules(*modulesFile)
	if err != nil {
		fmt.Fprintf(stderr, "eval: %v\n", err)
		return 2
	}
	gold, err := readGold(*goldFile, mods)
	if err != nil {
		fmt.Fprintf(stderr, "eval: %v\n", err)
		return 2
	}
	var selected []module
	for _, m := range mods {
		if filter.MatchString(m.Path) {
			selected = append(selected, m)
		}
	}
	if len(selected) == 0 {
		fmt.Fprintf(stderr, "eval: no module matches -only %q\n", *onlyRE)
		return 2
	}
	if *binary == "" && !*rescoreOnly {
		*binary = filepath.Join(*work, "testgate")
		if err := buildTestgate(*binary); err != nil {
			fmt.Fprintf(stderr, "eval: %v\n", err)
			return 1
		}
	}
	var reports []report
	for _, m := range selected {
		if *rescoreOnly {
			rs, err := rescore(*work, m)
			if err != nil {
				fmt.Fprintf(stderr, "eval: %v\n", err)
				return 1
			}
			reports = append(reports, rs...)
			continue
		}
		fmt.Fprintf(stderr, "eval: %s\n", m)
		dir, err := prepare(*work, m)
		if err != nil {
			fmt.Fprintf(stderr, "eval: %v\n", err)
			return 1
		}
		rs, warnings, err := lint(*binary, dir, m, filepath.Join(*work, "reports"), analyzers(gold))
		for _, w := range warnings {
			fmt.Fprintf(stderr, "eval: %s: %s\n", m.Path, w)
		}
		if err != nil {
			fmt.Fprintf(stderr, "eval: %v\n", err)
			return 1
		}
		reports = append(reports, rs...)
	}
	score(only(gold, selected), reports).print(stdout)
	return 0
}

// analyzers returns the analyzers the gold rows name.
func analyzers(gold []row) []string {
	var names []string
	for _, r := range gold {
		if !slices.Contains(names, r.Analyzer) {
			names = append(names, r.Analyzer)
		}
	}
	slices.Sort(names)
	return names
}
