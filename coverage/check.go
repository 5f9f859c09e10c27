package coverage

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Options say what Check gates and how.
type Options struct {
	// Profiles are text coverage profiles or LCOV files.
	Profiles []string
	// CoverDirs hold Go's binary coverage data (go build -cover, GOCOVERDIR).
	CoverDirs []string
	// Dir is where sources are found from, git is asked about changes and
	// report paths are relative to; "" is the current directory.
	Dir    string
	Policy Policy
	// Exclude drops the files whose names match any pattern.
	Exclude          []*regexp.Regexp
	IncludeGenerated bool
	// RequireReason makes a //coverage:ignore directive without a reason
	// an error.
	RequireReason bool
	// LeastFunctions is how many of the least-covered functions to list.
	LeastFunctions int
	// DiffBase, when set, gates the lines changed since the merge base of
	// this revision and HEAD under Policy.Diff.
	DiffBase string
	// Baseline, when set, names a baseline file to compare with under
	// Policy.BaselineTolerance.
	Baseline string
	// Metrics are the metrics to compute and show beside statements (see
	// Measure); those that Policy.Metrics gates are added. With statements
	// alone and nothing gated, every unit keeps its plain JSON shape.
	Metrics MetricSet
	// SkipErrorReturns leaves out the blocks that only return an error
	// (see SkipErrorReturns).
	SkipErrorReturns bool
	// ListFiles asks reporters to list every file (Report.ListFiles).
	ListFiles bool
}

// Check runs the whole coverage gate, as testgate cover does: it reads and
// merges the profiles and coverage directories, drops excluded, generated
// and ignored code, judges every unit under the policy, and the functions,
// changed lines and baseline when asked. An error means bad input (an
// unreadable or malformed profile, a bad directive, an unknown revision);
// warnings say what could not be known, and the report stays right.
func Check(opts Options) (*Report, []Warning, error) {
	if len(opts.Profiles) == 0 && len(opts.CoverDirs) == 0 {
		return nil, nil, errors.New("no profile given")
	}
	dir := cmp.Or(opts.Dir, ".")
	var parsed []*Profile
	for _, name := range opts.Profiles {
		p, err := ParseFile(name)
		if err != nil {
			return nil, nil, err
		}
		parsed = append(parsed, p)
	}
	for _, d := range opts.CoverDirs {
		p, err := ReadCoverDir(d)
		if err != nil {
			return nil, nil, err
		}
		parsed = append(parsed, p)
	}
	p, err := Merge(parsed...)
	if err != nil {
		return nil, nil, err
	}
	if len(p.Files) == 0 {
		return nil, nil, fmt.Errorf("%s: no coverage blocks: did go test run with -coverprofile on packages with code?", strings.Join(append(opts.Profiles, opts.CoverDirs...), ", "))
	}
	p = ExcludeMatching(p, opts.Exclude)
	src, err := FindSources(dir)
	if err != nil {
		p.Warnings = append(p.Warnings, warningf(NoModule, "%v: reading no sources", err))
		src = NewSources(dir)
	}
	if !opts.IncludeGenerated {
		p = ExcludeGenerated(p, src)
	}
	if p, err = ExcludeIgnored(p, src, opts.RequireReason); err != nil {
		return nil, nil, err
	}
	if err := RequireStatements(p); err != nil {
		return nil, nil, err
	}
	var errorReturns ErrorReturns
	if opts.SkipErrorReturns {
		p, errorReturns = SkipErrorReturns(p, src)
	}
	p = Locate(p, src)
	r := Judge(Summarize(p), opts.Policy)
	if opts.SkipErrorReturns {
		r.ErrorReturns = &errorReturns
	}
	r.ListFiles = opts.ListFiles
	m, err := measure(r, p, src, opts)
	if err != nil {
		return nil, nil, err
	}
	warnings := append(src.Warnings(), p.Warnings...)
	if m != nil {
		warnings = append(warnings, m.Warnings...)
	}
	if opts.Policy.Function > 0 || opts.LeastFunctions > 0 {
		fs, w, err := Functions(p, src)
		warnings = append(warnings, w...)
		switch {
		case err != nil && opts.Policy.Function > 0:
			return nil, nil, err
		case err != nil:
			warnings = append(warnings, warningf(MissingSources, "%v", err))
		}
		JudgeFunctions(r, fs, opts.Policy.Function, opts.LeastFunctions)
	}
	if opts.DiffBase != "" {
		changes, err := GitChanges(dir, opts.DiffBase)
		if err != nil {
			return nil, nil, fmt.Errorf("-diff-base %s: %w", opts.DiffBase, err)
		}
		JudgeDiff(r, p, src, changes, opts.Policy.Diff)
		if m != nil {
			DiffBranches(r, p, m, src, changes)
		}
	}
	if opts.Baseline != "" {
		b, err := ReadBaseline(opts.Baseline)
		if err != nil {
			return nil, nil, err
		}
		JudgeBaseline(r, b, opts.Policy.BaselineTolerance)
	}
	return r, warnings, nil
}

// measure measures and judges the metrics opts asks for or gates, or none:
// then it returns nil and r keeps its plain shape. Policy.Function stays
// the gate of the functions section it always was (Report.Functions), so
// that reports of configurations made before the metrics keep their
// verdicts; Policy.Metrics gates the functions metric.
func measure(r *Report, p *Profile, src *Sources, opts Options) (*Measures, error) {
	policy := opts.Policy.Metrics
	// A gate is never skipped: what is gated is computed and shown.
	gated := policy.Gated()
	want := opts.Metrics | gated
	if want&^SetOf(StatementMetric) == 0 && !gated.Has(StatementMetric) {
		return nil, nil
	}
	m := Measure(p, src, want)
	return m, JudgeMetrics(r, m, policy)
}

// Locate sets the Path of every file of p that src can place, for reports
// that point at files on disk: relative to the repository's root, as
// GitHub's annotations want it.
func Locate(p *Profile, src *Sources) *Profile {
	out := *p
	out.Files = make([]File, len(p.Files))
	for i, f := range p.Files {
		f.Path, _ = src.RepoPath(f.Name)
		out.Files[i] = f
	}
	return &out
}
