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

// coverOptions are the flags of the coverage gate, shared by testgate cover
// and testgate check.
type coverOptions struct {
	configFile       string
	total, pkg, file percentFlag
	includeGenerated bool
	render           report.Func
}

// registerCoverFlags defines the coverage gate's flags on fs. The report
// format is checked while parsing, so a bad one fails before any work.
func registerCoverFlags(fs *flag.FlagSet) *coverOptions {
	opts := &coverOptions{render: report.Table}
	fs.StringVar(&opts.configFile, "config", "", "configuration `file` (default "+config.FileName+" in the working directory, if any)")
	fs.Var(&opts.total, "total", "total `threshold` in percent (default 80)")
	fs.Var(&opts.pkg, "package", "`threshold` in percent for every package (default 0)")
	fs.Var(&opts.file, "file", "`threshold` in percent for every file (default 0)")
	fs.BoolVar(&opts.includeGenerated, "include-generated", false, "keep generated files in the figures")
	fs.Func("format", "report `format`: "+strings.Join(report.Formats(), ", ")+" (default table)", func(s string) error {
		render, err := report.Lookup(s)
		opts.render = render
		return err
	})
	return opts
}

func runCover(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("testgate cover", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, coverUsage)
		fs.PrintDefaults()
	}
	opts := registerCoverFlags(fs)
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
	r, err := coverGate(opts, fs.Args(), stderr)
	if err != nil {
		return fail(err)
	}
	if err := writeCoverReport(opts, r, stdout); err != nil {
		return fail(err)
	}
	if !r.Pass {
		return exitFailed
	}
	return exitOK
}

// coverGate runs the coverage pipeline on the text profiles named and
// returns the judged report. Warnings go to stderr, one line each; an
// error means bad input (exit status 2).
func coverGate(opts *coverOptions, profiles []string, stderr io.Writer) (*coverage.Report, error) {
	cfg, err := loadConfig(opts.configFile)
	if err != nil {
		return nil, err
	}
	policy := cfg.Coverage.Policy()
	for _, f := range []struct {
		flag *percentFlag
		dst  *float64
	}{{&opts.total, &policy.Total}, {&opts.pkg, &policy.Package}, {&opts.file, &policy.File}} {
		if f.flag.set {
			*f.dst = f.flag.value
		}
	}

	parsed := make([]*coverage.Profile, len(profiles))
	for i, name := range profiles {
		if parsed[i], err = coverage.ParseFile(name); err != nil {
			return nil, err
		}
	}
	p, err := coverage.Merge(parsed...)
	if err != nil {
		return nil, err
	}
	if len(p.Files) == 0 {
		return nil, fmt.Errorf("%s: no coverage blocks: did go test run with -coverprofile on packages with code?", strings.Join(profiles, ", "))
	}
	p = coverage.ExcludeMatching(p, cfg.Coverage.ExcludePatterns())
	src, err := coverage.FindSources(".")
	if err != nil {
		fmt.Fprintf(stderr, "testgate cover: warning: %v: reading no sources\n", err)
		src = coverage.NewSources(".")
	}
	if !opts.includeGenerated {
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
	return r, nil
}

func loadConfig(file string) (*config.Config, error) {
	if file != "" {
		return config.Load(file)
	}
	return config.LoadDir(".")
}

// writeCoverReport renders r to stdout in the chosen format.
func writeCoverReport(opts *coverOptions, r *coverage.Report, stdout io.Writer) error {
	return opts.render(stdout, r)
}
