package coverage

import "regexp"

// A Policy holds every coverage threshold, in percent.
type Policy struct {
	Total, Package, File float64
	// Overrides refine Package and File for names matching their Path;
	// the last matching override that sets a threshold wins.
	Overrides []Override
	// Function is the threshold of the share of functions entered at
	// least once (see JudgeFunctions).
	Function float64
	// Diff gates the changed lines (see JudgeDiff).
	Diff DiffPolicy
	// BaselineTolerance is how many percentage points the total or a
	// package may drop below a baseline (see JudgeBaseline).
	BaselineTolerance float64
	// Metrics are the limits of every metric at every level (see
	// JudgeMetrics).
	Metrics MetricPolicy
}

// An Override sets the package and file thresholds of the packages and
// files whose names (import path, or import path and file name) match Path
// anywhere; anchor the regexp to match whole names.
type Override struct {
	Path    *regexp.Regexp
	Package *float64 // nil: this override leaves package thresholds alone
	File    *float64 // nil: this override leaves file thresholds alone
}

// DefaultPolicy is the policy without configuration: 80% in total and on
// changed lines, no package, file or function threshold, and a baseline
// tolerance of half a point.
func DefaultPolicy() Policy {
	return Policy{Total: 80, Diff: DiffPolicy{Threshold: 80}, BaselineTolerance: 0.5}
}

// PackageThreshold returns the threshold of the package named pkg.
func (p Policy) PackageThreshold(pkg string) float64 {
	return p.threshold(pkg, p.Package, func(o Override) *float64 { return o.Package })
}

// FileThreshold returns the threshold of the file named name.
func (p Policy) FileThreshold(name string) float64 {
	return p.threshold(name, p.File, func(o Override) *float64 { return o.File })
}

func (p Policy) threshold(name string, global float64, field func(Override) *float64) float64 {
	for i := len(p.Overrides) - 1; i >= 0; i-- {
		o := p.Overrides[i]
		if v := field(o); v != nil && o.Path.MatchString(name) {
			return *v
		}
	}
	return global
}

// A Report is the verdict on a summary: every unit with its threshold. It
// is what reporters render; its JSON encoding is testgate cover's
// -format=json output.
type Report struct {
	Pass     bool       `json:"pass"`
	Total    Result     `json:"total"`
	Packages []Result   `json:"packages"` // sorted by Name
	Files    []Result   `json:"files"`    // sorted by Name
	Excluded []Excluded `json:"excluded"`
	// Unmeasured are the packages whose tests ran but that wrote no
	// coverage (a test binary that died, a TestMain that exited early),
	// with why: the figures leave them out. Set by whoever ran the tests.
	Unmeasured []Excluded `json:"unmeasured,omitempty"`

	// Sections of later stages, omitted when unused.
	Ignored   []Ignored       `json:"ignored,omitempty"`    // by //coverage:ignore
	LineFiles []string        `json:"line_files,omitempty"` // figures in lines, from LCOV
	Functions *FunctionReport `json:"functions,omitempty"`  // see JudgeFunctions
	Diff      *DiffReport     `json:"diff,omitempty"`       // see JudgeDiff
	Baseline  *BaselineReport `json:"baseline,omitempty"`   // see JudgeBaseline
	// Measured says which metrics each unit's Metrics hold; see
	// JudgeMetrics.
	Measured *MeasureInfo `json:"measured,omitempty"`
	// ErrorReturns counts what SkipErrorReturns set aside.
	ErrorReturns *ErrorReturns `json:"error_returns,omitempty"`

	// ListFiles asks reporters to list every file, not only those below
	// their thresholds; never encoded.
	ListFiles bool `json:"-"`
}

// A Result is the coverage of one unit against its threshold.
type Result struct {
	Name       string  `json:"name,omitempty"` // empty for the total
	Statements int     `json:"statements"`
	Covered    int     `json:"covered"`
	Percent    float64 `json:"percent"` // unrounded; 100 without statements
	Threshold  float64 `json:"threshold"`
	Pass       bool    `json:"pass"` // every gate on the unit passes
	// Metrics are the unit's four metrics, when JudgeMetrics ran.
	Metrics *UnitMetrics `json:"metrics,omitempty"`
	// Path is a file's Path (see Locate), for annotations; never encoded.
	Path string `json:"-"`
}

// Judge compares every unit of s with its threshold under policy. Values
// are compared unrounded.
func Judge(s *Summary, policy Policy) *Report {
	r := &Report{
		Total:     result(Unit{Counts: s.Total}, policy.Total),
		Packages:  make([]Result, len(s.Packages)),
		Files:     make([]Result, len(s.Files)),
		Excluded:  s.Excluded,
		Ignored:   s.Ignored,
		LineFiles: s.LineFiles,
	}
	if r.Excluded == nil {
		r.Excluded = []Excluded{}
	}
	r.Pass = r.Total.Pass
	for i, u := range s.Packages {
		r.Packages[i] = result(u, policy.PackageThreshold(u.Name))
		r.Pass = r.Pass && r.Packages[i].Pass
	}
	for i, u := range s.Files {
		r.Files[i] = result(u, policy.FileThreshold(u.Name))
		r.Pass = r.Pass && r.Files[i].Pass
	}
	return r
}

func result(u Unit, threshold float64) Result {
	pct := u.Percent()
	return Result{
		Name:       u.Name,
		Path:       u.Path,
		Statements: u.Statements,
		Covered:    u.Covered,
		Percent:    pct,
		Threshold:  threshold,
		Pass:       pct >= threshold,
	}
}
