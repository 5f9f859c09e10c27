package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/testgate/testgate/config"
	"github.com/testgate/testgate/coverage"
	"github.com/testgate/testgate/coverage/report"
)

const coverUsage = `Usage: testgate cover [flags] PROFILE [PROFILE...]

Gates statement coverage (every block counted as go test -cover counts it)
per file, per package and in total. Several profiles merge: a block is
covered if any profile ran it; -coverdir adds go build -cover data and
LCOV files (.info, .lcov) count lines. Generated files are excluded unless
-include-generated, and functions or blocks opened on a line with
"//coverage:ignore reason". Thresholds come from .testgate.yml in the
working directory (or -config FILE); flags override it.

-diff-base gates the lines changed since the merge base with a revision,
-baseline the drop since a stored baseline, -function the share of
functions entered.

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
	configFile                 string
	total, pkg, file, function percentFlag
	includeGenerated           bool
	render                     report.Func
	format                     string
	coverDirs                  []string // binary coverage data, read besides the profiles
	diffBase                   string   // gate the lines changed since this revision
	baseline, writeBaseline    string   // files
	funcs                      int      // how many least-covered functions to list
	badge                      string   // file
}

// registerCoverFlags defines the coverage gate's flags on fs. The report
// format is checked while parsing, so a bad one fails before any work.
func registerCoverFlags(fs *flag.FlagSet) *coverOptions {
	opts := &coverOptions{render: report.Table}
	fs.StringVar(&opts.configFile, "config", "", "configuration `file` (default "+config.FileName+" in the working directory, if any)")
	fs.Var(&opts.total, "total", "total `threshold` in percent (default 80)")
	fs.Var(&opts.pkg, "package", "`threshold` in percent for every package (default 0)")
	fs.Var(&opts.file, "file", "`threshold` in percent for every file (default 0)")
	fs.Var(&opts.function, "function", "`threshold` in percent for the share of functions entered (default 0)")
	fs.BoolVar(&opts.includeGenerated, "include-generated", false, "keep generated files in the figures")
	fs.Func("coverdir", "read Go's binary coverage data (go build -cover, GOCOVERDIR) in `dir` too; repeatable", func(dir string) error {
		opts.coverDirs = append(opts.coverDirs, dir)
		return nil
	})
	fs.StringVar(&opts.diffBase, "diff-base", "", "gate the lines changed since the merge base of `rev` and HEAD (git)")
	fs.StringVar(&opts.baseline, "baseline", "", "fail when coverage fell below the baseline in `file`")
	fs.StringVar(&opts.writeBaseline, "write-baseline", "", "write the figures as a baseline to `file`")
	fs.IntVar(&opts.funcs, "func", 0, "list the `N` least-covered functions")
	fs.StringVar(&opts.badge, "badge", "", "write an SVG badge of the total to `file`")
	fs.Func("format", "report `format`: "+strings.Join(report.Formats(), ", ")+" (default table)", func(s string) error {
		render, err := report.Lookup(s)
		opts.render, opts.format = render, s
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
	if fs.NArg() == 0 && len(opts.coverDirs) == 0 {
		return fail(errors.New("no profile given; usage: testgate cover [flags] PROFILE [PROFILE...]"))
	}
	cfg, err := loadConfig(opts.configFile)
	if err != nil {
		return fail(err)
	}
	r, err := coverGate(opts, cfg, fs.Args(), stderr)
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

// coverGate runs the coverage pipeline on the profiles named (text or
// LCOV) and opts.coverDirs under cfg and the flags, and returns the judged
// report. Warnings go to stderr, one line each; an error means bad input
// (exit status 2).
func coverGate(opts *coverOptions, cfg *config.Config, profiles []string, stderr io.Writer) (*coverage.Report, error) {
	if opts.funcs < 0 {
		return nil, fmt.Errorf("-func %d: want a number of functions, 0 or more", opts.funcs)
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

	var parsed []*coverage.Profile
	for _, name := range profiles {
		p, err := coverage.ParseFile(name)
		if err != nil {
			return nil, err
		}
		parsed = append(parsed, p)
	}
	for _, dir := range opts.coverDirs {
		p, err := coverage.ReadCoverDir(dir)
		if err != nil {
			return nil, err
		}
		parsed = append(parsed, p)
	}
	p, err := coverage.Merge(parsed...)
	if err != nil {
		return nil, err
	}
	if len(p.Files) == 0 {
		return nil, fmt.Errorf("%s: no coverage blocks: did go test run with -coverprofile on packages with code?", strings.Join(append(profiles, opts.coverDirs...), ", "))
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
	if p, err = coverage.ExcludeIgnored(p, src, cfg.Coverage.Ignore.RequireReason); err != nil {
		return nil, err
	}
	r := coverage.Judge(coverage.Summarize(p), policy)
	for i, f := range r.Files {
		if !f.Pass { // annotations point at failing files
			r.Files[i].Path, _ = src.Rel(f.Name)
		}
	}
	warnings := p.Warnings

	funcThreshold := float64(cfg.Coverage.Threshold.Function)
	if opts.function.set {
		funcThreshold = opts.function.value
	}
	if funcThreshold > 0 || opts.funcs > 0 {
		fs, w := coverage.Functions(p, src)
		warnings = append(warnings, w...)
		coverage.JudgeFunctions(r, fs, funcThreshold, opts.funcs)
	}
	if opts.diffBase != "" {
		changes, err := coverage.GitChanges(".", opts.diffBase)
		if err != nil {
			return nil, fmt.Errorf("-diff-base %s: %w", opts.diffBase, err)
		}
		coverage.JudgeDiff(r, p, src, changes, cfg.Coverage.DiffPolicy())
	}
	if opts.baseline != "" {
		b, err := coverage.ReadBaseline(opts.baseline)
		if err != nil {
			return nil, err
		}
		coverage.JudgeBaseline(r, b, float64(cfg.Coverage.Baseline.Tolerance))
	}

	for _, w := range warnings {
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

// writeCoverReport renders r to stdout in the chosen format and writes the
// side outputs asked for: the badge and the baseline.
func writeCoverReport(opts *coverOptions, r *coverage.Report, stdout io.Writer) error {
	if err := opts.render(stdout, r); err != nil {
		return err
	}
	if opts.badge != "" {
		var svg bytes.Buffer
		if err := report.Badge(&svg, r); err != nil {
			return err
		}
		if err := os.WriteFile(opts.badge, svg.Bytes(), 0o666); err != nil {
			return fmt.Errorf("writing the badge: %w", err)
		}
	}
	if opts.writeBaseline != "" {
		if err := coverage.NewBaseline(r).WriteFile(opts.writeBaseline); err != nil {
			return fmt.Errorf("writing the baseline: %w", err)
		}
	}
	return nil
}
