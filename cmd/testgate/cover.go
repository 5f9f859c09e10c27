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
	opts := &coverOptions{format: "table"}
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
		_, err := report.Lookup(s)
		opts.format = s
		return err
	})
	return opts
}

// loadConfig reads -config, or else the working directory's file if any.
func (o *coverOptions) loadConfig() (*config.Config, error) {
	if o.configFile != "" {
		return config.Load(o.configFile)
	}
	return config.LoadDir(".")
}

// gate returns the coverage gate's options: cfg's, with the flags given
// overriding it.
func (o *coverOptions) gate(cfg *config.Config) (coverage.Options, error) {
	if o.funcs < 0 {
		return coverage.Options{}, fmt.Errorf("-func %d: want a number of functions, 0 or more", o.funcs)
	}
	policy := cfg.Coverage.Policy()
	for _, f := range []struct {
		flag *percentFlag
		dst  *float64
	}{{&o.total, &policy.Total}, {&o.pkg, &policy.Package}, {&o.file, &policy.File}, {&o.function, &policy.Function}} {
		if f.flag.set {
			*f.dst = f.flag.value
		}
	}
	return coverage.Options{
		CoverDirs:        o.coverDirs,
		Policy:           policy,
		Exclude:          cfg.Coverage.ExcludePatterns(),
		IncludeGenerated: o.includeGenerated,
		RequireReason:    cfg.Coverage.Ignore.RequireReason,
		LeastFunctions:   o.funcs,
		DiffBase:         o.diffBase,
		Baseline:         o.baseline,
	}, nil
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
	cfg, err := opts.loadConfig()
	if err != nil {
		return fail(err)
	}
	gate, err := opts.gate(cfg)
	if err != nil {
		return fail(err)
	}
	gate.Profiles = fs.Args()
	r, warnings, err := coverage.Check(gate)
	if err != nil {
		return fail(err)
	}
	printWarnings(stderr, warnings)
	render, _ := report.Lookup(opts.format)
	if err := render(stdout, r); err != nil {
		return fail(err)
	}
	if err := opts.writeFiles(r); err != nil {
		return fail(err)
	}
	if !r.Pass {
		return exitFailed
	}
	return exitOK
}

func printWarnings(stderr io.Writer, warnings []coverage.Warning) {
	for _, w := range warnings {
		fmt.Fprintf(stderr, "testgate cover: warning: %s\n", w)
	}
}

// writeFiles writes the side outputs asked for: the badge and the baseline.
func (o *coverOptions) writeFiles(r *coverage.Report) error {
	if o.badge != "" {
		var svg bytes.Buffer
		if err := report.Badge(&svg, r); err != nil {
			return err
		}
		if err := os.WriteFile(o.badge, svg.Bytes(), 0o666); err != nil {
			return fmt.Errorf("writing the badge: %w", err)
		}
	}
	if o.writeBaseline != "" {
		if err := coverage.NewBaseline(r).WriteFile(o.writeBaseline); err != nil {
			return fmt.Errorf("writing the baseline: %w", err)
		}
	}
	return nil
}
