package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
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

Beside statements it computes branches, functions and lines (-metrics;
the table and Markdown show all four by default, JSON and GitHub
annotations those asked for or gated): -branch, -line and -function gate
their totals, .testgate.yml every level and absolute limits
(coverage.metrics). -skip-error-returns leaves out the blocks that only
return an error.

-diff-base gates the lines changed since the merge base with a revision
(and lists the changed branches), -baseline the drop since a stored
baseline.

Exit status: 0 all thresholds met, 1 a threshold missed, 2 bad usage or input.

Flags:
`

// coverOptions are the flags of the coverage gate, shared by testgate cover
// and testgate check.
type coverOptions struct {
	configFile                 string
	total, pkg, file, function config.PercentFlag
	branch, line               config.PercentFlag
	metrics                    coverage.MetricSet // -metrics; 0 when not given
	format                     string
	writeBaseline, badge       string // files
	gate                       coverage.Options
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
	fs.Var(&opts.branch, "branch", "total branch coverage `threshold` in percent (default none)")
	fs.Var(&opts.line, "line", "total line coverage `threshold` in percent (default none)")
	fs.Func("metrics", "the metrics to compute and show: all, or a `list` of statements, branches, functions, lines (default all in the table and Markdown, else those gated)", func(s string) error {
		m, err := coverage.ParseMetrics(s)
		opts.metrics = m
		return err
	})
	fs.BoolVar(&opts.gate.ListFiles, "files", false, "list every file in the table, not only those below their thresholds")
	fs.BoolVar(&opts.gate.SkipErrorReturns, "skip-error-returns", false, "leave out the blocks that only return an error (if err != nil { return ..., err })")
	fs.BoolVar(&opts.gate.IncludeGenerated, "include-generated", false, "keep generated files in the figures")
	fs.Func("coverdir", "read Go's binary coverage data (go build -cover, GOCOVERDIR) in `dir` too; repeatable", func(dir string) error {
		opts.gate.CoverDirs = append(opts.gate.CoverDirs, dir)
		return nil
	})
	fs.Func("diff-base", "gate the lines changed since the merge base of `rev` and HEAD (git)", func(rev string) error {
		if rev == "" {
			// An empty value must not leave the gate silently off.
			return errors.New("no revision: name the base branch or commit, e.g. origin/main")
		}
		opts.gate.DiffBase = rev
		return nil
	})
	fs.StringVar(&opts.gate.Baseline, "baseline", "", "fail when coverage fell below the baseline in `file`")
	fs.StringVar(&opts.writeBaseline, "write-baseline", "", "write the figures as a baseline to `file`")
	fs.IntVar(&opts.gate.LeastFunctions, "func", 0, "list the `N` least-covered functions")
	fs.StringVar(&opts.badge, "badge", "", "write an SVG badge of the total to `file`")
	fs.Func("format", "report `format`: "+strings.Join(report.Formats(), ", ")+" (default table)", func(s string) error {
		_, err := report.Lookup(s)
		opts.format = s
		return err
	})
	return opts
}

// configure reads -config, or else the working directory's file if any,
// and returns it with the gate's options: the file's, with the flags given
// overriding it.
func (o *coverOptions) configure() (*config.Config, coverage.Options, error) {
	g := o.gate
	if g.LeastFunctions < 0 {
		return nil, g, fmt.Errorf("-func %d: want a number of functions, 0 or more", g.LeastFunctions)
	}
	cfg, err := config.LoadDir(".")
	if o.configFile != "" {
		cfg, err = config.Load(o.configFile)
	}
	if err != nil {
		return nil, g, err
	}
	g.Policy, g.Exclude, g.RequireReason = cfg.Coverage.Policy(), cfg.Coverage.ExcludePatterns(), cfg.Coverage.Ignore.RequireReason
	o.total.Override(&g.Policy.Total)
	o.pkg.Override(&g.Policy.Package)
	o.file.Override(&g.Policy.File)
	o.function.Override(&g.Policy.Function)
	totals := &g.Policy.Metrics.Total
	o.branch.OverrideOptional(&totals[coverage.BranchMetric].Threshold)
	o.line.OverrideOptional(&totals[coverage.LineMetric].Threshold)
	g.ListFiles = g.ListFiles || o.file.IsSet()
	g.Metrics = o.metrics
	if g.Metrics == 0 && (o.format == "table" || o.format == "markdown") {
		g.Metrics = coverage.SetOf(coverage.AllMetrics()...) // what a reader of a table expects
	}
	return cfg, g, nil
}

func runCover(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("testgate cover", coverUsage, stderr)
	opts := registerCoverFlags(fs)
	profiles, code, ok := parseInterleaved(fs, args)
	if !ok {
		return code
	}
	fail := failure(stderr, "testgate cover", exitBadUsage)
	if len(profiles) == 0 && len(opts.gate.CoverDirs) == 0 {
		return fail(errors.New("no profile given; usage: testgate cover [flags] PROFILE [PROFILE...]"))
	}
	_, gate, err := opts.configure()
	if err != nil {
		return fail(err)
	}
	gate.Profiles = profiles
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
		if err := report.BadgeFile(o.badge, r); err != nil {
			return err
		}
	}
	if o.writeBaseline != "" {
		if err := coverage.NewBaseline(r).WriteFile(o.writeBaseline); err != nil {
			return fmt.Errorf("writing the baseline: %w", err)
		}
	}
	return nil
}
