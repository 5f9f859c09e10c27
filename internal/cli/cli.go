// Package cli holds what testgate's commands share beyond the libraries
// they call: flag parsing with the exit codes of bad usage, and the
// coverage gate's flags, which testgate cover and testgate check both take.
package cli

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

// Exit codes shared by the commands.
const (
	ExitOK       = 0
	ExitFailed   = 1 // a gate failed: a threshold missed, a test failed
	ExitBadUsage = 2 // bad flags, bad config, unreadable input
)

// NewFlagSet returns a flag set that reports errors to stderr and shows
// usage and then the flags on -h.
func NewFlagSet(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	return fs
}

// Parse parses args with fs; when it returns false the command ends with
// code: 0 after -h, 2 for a bad flag (which fs reported).
func Parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	switch err := fs.Parse(args); {
	case errors.Is(err, flag.ErrHelp):
		return ExitOK, false
	case err != nil:
		return ExitBadUsage, false
	}
	return ExitOK, true
}

// ParseInterleaved is Parse for a command whose flags may stand among its
// other arguments (cover c.out -total 0), as in go's commands; after "--"
// every argument is one of the others, which it returns.
func ParseInterleaved(fs *flag.FlagSet, args []string) (others []string, code int, ok bool) {
	for {
		if code, ok := Parse(fs, args); !ok {
			return nil, code, false
		}
		rest := fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" || len(rest) == 0 {
			return append(others, rest...), ExitOK, true
		}
		others = append(others, rest[0])
		args = rest[1:]
	}
}

// CoverUsage is testgate cover's usage text, shown before its flags.
const CoverUsage = `Usage: testgate cover [flags] PROFILE [PROFILE...]

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

// CoverOptions are the flags of the coverage gate, shared by testgate cover
// and testgate check.
type CoverOptions struct {
	ConfigFile                 string
	total, pkg, file, function config.PercentFlag
	branch, line               config.PercentFlag
	metrics                    coverage.MetricSet // -metrics; 0 when not given
	Format                     string
	writeBaseline, badge       string // files
	Gate                       coverage.Options
}

// RegisterCoverFlags defines the coverage gate's flags on fs. The report
// format is checked while parsing, so a bad one fails before any work.
func RegisterCoverFlags(fs *flag.FlagSet) *CoverOptions {
	opts := &CoverOptions{Format: "table"}
	fs.StringVar(&opts.ConfigFile, "config", "", "configuration `file` (default "+config.FileName+" in the working directory, if any)")
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
	fs.BoolVar(&opts.Gate.ListFiles, "files", false, "list every file in the table, not only those below their thresholds")
	fs.BoolVar(&opts.Gate.SkipErrorReturns, "skip-error-returns", false, "leave out the blocks that only return an error (if err != nil { return ..., err })")
	fs.BoolVar(&opts.Gate.IncludeGenerated, "include-generated", false, "keep generated files in the figures")
	fs.Func("coverdir", "read Go's binary coverage data (go build -cover, GOCOVERDIR) in `dir` too; repeatable", func(dir string) error {
		opts.Gate.CoverDirs = append(opts.Gate.CoverDirs, dir)
		return nil
	})
	fs.Func("diff-base", "gate the lines changed since the merge base of `rev` and HEAD (git)", func(rev string) error {
		if rev == "" {
			// An empty value must not leave the gate silently off.
			return errors.New("no revision: name the base branch or commit, e.g. origin/main")
		}
		opts.Gate.DiffBase = rev
		return nil
	})
	fs.StringVar(&opts.Gate.Baseline, "baseline", "", "fail when coverage fell below the baseline in `file`")
	fs.StringVar(&opts.writeBaseline, "write-baseline", "", "write the figures as a baseline to `file`")
	fs.IntVar(&opts.Gate.LeastFunctions, "func", 0, "list the `N` least-covered functions")
	fs.StringVar(&opts.badge, "badge", "", "write an SVG badge of the total to `file`")
	fs.Func("format", "report `format`: "+strings.Join(report.Formats(), ", ")+" (default table)", func(s string) error {
		_, err := report.Lookup(s)
		opts.Format = s
		return err
	})
	return opts
}

// Configure reads -config, or else the working directory's file if any,
// and returns it with the gate's options: the file's, with the flags given
// overriding it.
func (o *CoverOptions) Configure() (*config.Config, coverage.Options, error) {
	g := o.Gate
	if g.LeastFunctions < 0 {
		return nil, g, fmt.Errorf("-func %d: want a number of functions, 0 or more", g.LeastFunctions)
	}
	cfg, err := config.LoadDir(".")
	if o.ConfigFile != "" {
		cfg, err = config.Load(o.ConfigFile)
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
	if g.Metrics == 0 && (o.Format == "table" || o.Format == "markdown") {
		g.Metrics = coverage.SetOf(coverage.AllMetrics()...) // what a reader of a table expects
	}
	return cfg, g, nil
}

// WriteFiles writes the side outputs asked for: the badge and the baseline.
func (o *CoverOptions) WriteFiles(r *coverage.Report) error {
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
