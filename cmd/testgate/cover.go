package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/testgate/testgate/config"
	"github.com/testgate/testgate/coverage"
	"github.com/testgate/testgate/coverage/report"
)

const coverUsage = `Usage: testgate cover [flags] PROFILE [PROFILE...]

Gates statement coverage (every block counted as go test -cover counts it)
per file, per package and in total. Several profiles merge: a block is
covered if any profile ran it. Generated files are excluded unless
-include-generated. Thresholds come from .testgate.yml in the working
directory (or -config FILE); flags override it.

Exit status: 0 all thresholds met, 1 a threshold missed, 2 bad usage or input.

Flags:
`

// percentFlag is a threshold flag: a percentage, remembered as set or not
// so that only the flags given override the configuration file.
type percentFlag struct {
	value float64
	set   bool
}

func (p *percentFlag) String() string { return "" }

func (p *percentFlag) Set(s string) error {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return fmt.Errorf("want a percentage from 0 to 100, got %q", s)
	}
	v, err := config.CheckPercent(f)
	p.value, p.set = v, true
	return err
}

func runCover(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("testgate cover", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, coverUsage)
		fs.PrintDefaults()
	}
	var total, pkg, file percentFlag
	fs.Var(&total, "total", "total `threshold` in percent (default 80)")
	fs.Var(&pkg, "package", "`threshold` in percent for every package (default 0)")
	fs.Var(&file, "file", "`threshold` in percent for every file (default 0)")
	configFile := fs.String("config", "", "configuration `file` (default "+config.FileName+" in the working directory, if any)")
	includeGenerated := fs.Bool("include-generated", false, "keep generated files in the figures")
	format := fs.String("format", "table", "report `format`: "+strings.Join(report.Formats(), ", "))
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitBadUsage
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "testgate cover: %v\n", err)
		return exitBadUsage
	}
	if fs.NArg() == 0 {
		return fail(errors.New("no profile given; usage: testgate cover [flags] PROFILE [PROFILE...]"))
	}
	render, err := report.Lookup(*format)
	if err != nil {
		return fail(err)
	}

	var cfg *config.Config
	if *configFile != "" {
		cfg, err = config.Load(*configFile)
	} else {
		cfg, err = config.LoadDir(".")
	}
	if err != nil {
		return fail(err)
	}
	policy := cfg.Coverage.Policy()
	for _, f := range []struct {
		flag *percentFlag
		dst  *float64
	}{{&total, &policy.Total}, {&pkg, &policy.Package}, {&file, &policy.File}} {
		if f.flag.set {
			*f.dst = f.flag.value
		}
	}

	profiles := make([]*coverage.Profile, fs.NArg())
	for i, name := range fs.Args() {
		if profiles[i], err = coverage.ParseFile(name); err != nil {
			return fail(err)
		}
	}
	p, err := coverage.Merge(profiles...)
	if err != nil {
		return fail(err)
	}
	if len(p.Files) == 0 {
		return fail(fmt.Errorf("%s: no coverage blocks: did go test run with -coverprofile on packages with code?", strings.Join(fs.Args(), ", ")))
	}
	p = coverage.ExcludeMatching(p, cfg.Coverage.ExcludePatterns())
	src, err := coverage.FindSources(".")
	if err != nil {
		fmt.Fprintf(stderr, "testgate cover: warning: %v: reading no sources\n", err)
		src = coverage.NewSources(".")
	}
	if !*includeGenerated {
		p = coverage.ExcludeGenerated(p, src)
	}
	r := coverage.Judge(coverage.Summarize(p), policy)
	for i, f := range r.Files {
		if !f.Pass { // annotations point at failing files
			r.Files[i].Path, _ = src.Rel(f.Name)
		}
	}

	for _, w := range p.Warnings {
		fmt.Fprintf(stderr, "testgate cover: warning: %s\n", w)
	}
	if err := render(stdout, r); err != nil {
		return fail(err)
	}
	if !r.Pass {
		return exitFailed
	}
	return exitOK
}
