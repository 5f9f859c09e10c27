package coverage

import (
	"fmt"
	"regexp"
	"slices"
)

// A Gate is one metric's limits on one unit: a threshold in percent and
// the largest number of uncovered items allowed. nil leaves a limit unset.
type Gate struct {
	Threshold    *float64
	MaxUncovered *int
}

// A MetricPolicy holds the limits of the four metrics at total, package
// and file level, indexed by [Metric], and their overrides. The statement
// thresholds stay those of [Policy]; here statements have only their
// MaxUncovered limits.
type MetricPolicy struct {
	Total, Package, File [numMetrics]Gate
	// Overrides refine Package and File for the names matching their
	// Path; for each limit the last matching override that sets it wins.
	Overrides []MetricOverride
}

// A MetricOverride sets limits of the packages and files whose names match
// Path anywhere.
type MetricOverride struct {
	Path          *regexp.Regexp
	Package, File [numMetrics]Gate
}

// Gated returns the metrics that have a limit anywhere in p.
func (p MetricPolicy) Gated() MetricSet {
	var s MetricSet
	set := func(gates *[numMetrics]Gate) {
		for m, g := range gates {
			if g.Threshold != nil && (Metric(m) != StatementMetric) || g.MaxUncovered != nil {
				s = s.With(Metric(m))
			}
		}
	}
	set(&p.Total)
	set(&p.Package)
	set(&p.File)
	for i := range p.Overrides {
		set(&p.Overrides[i].Package)
		set(&p.Overrides[i].File)
	}
	return s
}

// gate returns the limits of metric m for the package or file named name.
func (p MetricPolicy) gate(m Metric, name string, file bool) Gate {
	g := p.Package[m]
	if file {
		g = p.File[m]
	}
	var threshold, maxUncovered bool // found in an override
	for i := len(p.Overrides) - 1; i >= 0 && !(threshold && maxUncovered); i-- {
		o := &p.Overrides[i]
		og := o.Package[m]
		if file {
			og = o.File[m]
		}
		if og.Threshold == nil && og.MaxUncovered == nil || !o.Path.MatchString(name) {
			continue
		}
		if og.Threshold != nil && !threshold {
			g.Threshold, threshold = og.Threshold, true
		}
		if og.MaxUncovered != nil && !maxUncovered {
			g.MaxUncovered, maxUncovered = og.MaxUncovered, true
		}
	}
	return g
}

// UnitMetrics are the four metrics of one unit. A metric that could not be
// computed is nil, and Reasons says why under its name.
type UnitMetrics struct {
	Statements *MetricResult     `json:"statements"`
	Branches   *MetricResult     `json:"branches"`
	Functions  *MetricResult     `json:"functions"`
	Lines      *MetricResult     `json:"lines"`
	Reasons    map[string]string `json:"reasons,omitempty"`
}

// Get returns the result of metric m, nil if unavailable (or u is nil).
func (u *UnitMetrics) Get(m Metric) *MetricResult {
	if u == nil {
		return nil
	}
	return *u.field(m)
}

func (u *UnitMetrics) field(m Metric) **MetricResult {
	switch m {
	case BranchMetric:
		return &u.Branches
	case FunctionMetric:
		return &u.Functions
	case LineMetric:
		return &u.Lines
	}
	return &u.Statements
}

// A MetricResult is one metric of one unit against its limits.
type MetricResult struct {
	Total        int      `json:"total"`
	Covered      int      `json:"covered"`
	Percent      float64  `json:"percent"` // unrounded; 100 without items
	Threshold    *float64 `json:"threshold"`
	MaxUncovered *int     `json:"max-uncovered"`
	Pass         bool     `json:"pass"`
}

// Uncovered is the number of items that did not run.
func (r *MetricResult) Uncovered() int { return r.Total - r.Covered }

// Failure says how r misses its limits, or "" when it passes.
func (r *MetricResult) Failure() string {
	switch {
	case r.Threshold != nil && r.Percent < *r.Threshold:
		return "below"
	case r.MaxUncovered != nil && r.Uncovered() > *r.MaxUncovered:
		return "too many uncovered"
	}
	return ""
}

// MeasureInfo says what the metrics of a report are and how they were
// counted.
type MeasureInfo struct {
	Metrics []string `json:"metrics"` // computed, in report order
	// LineRules counts the files by the rule their lines were counted
	// with, when lines were computed.
	LineRules map[string]int `json:"line_rules,omitempty"`
}

// JudgeMetrics adds the four metrics of m to every unit of r (whose
// Files are those of the profile m measured) and judges them against
// policy: a unit passes only when every metric meets its limits, and
// Report.Pass follows. A limit on a unit whose metric is unavailable is not
// judged (the reasons say why), except on the total: gating a metric
// that could not be computed at all is an error.
func JudgeMetrics(r *Report, m *Measures, policy MetricPolicy) error {
	if len(r.Files) != len(m.Files) {
		return fmt.Errorf("internal error: %d files judged, %d measured", len(r.Files), len(m.Files))
	}
	type agg struct {
		tallies   [numMetrics]Tally
		available [numMetrics]bool
		reasons   [numMetrics]string
	}
	addFile := func(a *agg, fm *FileMeasures) {
		for metric := range numMetrics {
			if why := fm.Unavailable[metric]; why != "" {
				if a.reasons[metric] == "" {
					a.reasons[metric] = why
				}
				continue
			}
			a.available[metric] = true
			a.tallies[metric].add(fm.Tallies[metric])
		}
	}
	pkgIndex := make(map[string]int, len(r.Packages))
	for i, p := range r.Packages {
		pkgIndex[p.Name] = i
	}
	var total agg
	pkgs := make([]agg, len(r.Packages))
	files := make([]agg, len(r.Files))
	for i := range r.Files {
		fm := &m.Files[i]
		addFile(&files[i], fm)
		addFile(&total, fm)
		addFile(&pkgs[pkgIndex[PackageOf(r.Files[i].Name)]], fm)
	}

	judge := func(res *Result, a *agg, gate func(Metric) Gate) {
		// One allocation per unit: there may be tens of thousands.
		store := &struct {
			u       UnitMetrics
			results [numMetrics]MetricResult
		}{}
		u := &store.u
		for _, metric := range AllMetrics() {
			if !a.available[metric] {
				if u.Reasons == nil {
					u.Reasons = make(map[string]string)
				}
				u.Reasons[metric.String()] = a.reasons[metric]
				continue
			}
			t := a.tallies[metric]
			g := gate(metric)
			if metric == StatementMetric {
				g.Threshold = nil
				if res.Threshold != 0 {
					g.Threshold = &res.Threshold
				}
			}
			mr := &store.results[metric]
			*mr = MetricResult{Total: t.Total, Covered: t.Covered, Percent: t.Percent(), Threshold: g.Threshold, MaxUncovered: g.MaxUncovered}
			mr.Pass = mr.Failure() == ""
			*u.field(metric) = mr
			res.Pass = res.Pass && mr.Pass
		}
		res.Metrics = u
	}

	for _, metric := range AllMetrics() {
		if g := policy.Total[metric]; !total.available[metric] && (g.Threshold != nil || g.MaxUncovered != nil) {
			return fmt.Errorf("%s are gated but cannot be computed: %s", metric, total.reasons[metric])
		}
	}
	judge(&r.Total, &total, func(metric Metric) Gate { return policy.Total[metric] })
	r.Pass = r.Total.Pass
	for i := range r.Packages {
		judge(&r.Packages[i], &pkgs[i], func(metric Metric) Gate { return policy.gate(metric, r.Packages[i].Name, false) })
		r.Pass = r.Pass && r.Packages[i].Pass
	}
	for i := range r.Files {
		judge(&r.Files[i], &files[i], func(metric Metric) Gate { return policy.gate(metric, r.Files[i].Name, true) })
		r.Pass = r.Pass && r.Files[i].Pass
	}
	// Later gates (functions, changed lines, baseline) may have judged
	// already: keep their verdicts.
	for _, pass := range []bool{r.Functions == nil || r.Functions.Pass, r.Diff == nil || r.Diff.Pass, r.Baseline == nil || r.Baseline.Pass} {
		r.Pass = r.Pass && pass
	}

	info := &MeasureInfo{}
	for _, metric := range m.Metrics.Metrics() {
		info.Metrics = append(info.Metrics, metric.String())
	}
	if len(m.LineRules) > 0 {
		info.LineRules = m.LineRules
	}
	r.Measured = info
	return nil
}

// ShownMetrics returns the metrics a report shows: those measured, in
// report order; only statements for a report without measures.
func (r *Report) ShownMetrics() []Metric {
	if r.Measured == nil {
		return []Metric{StatementMetric}
	}
	var ms []Metric
	for _, name := range r.Measured.Metrics {
		if i := slices.Index(metricNames[:], name); i >= 0 {
			ms = append(ms, Metric(i))
		}
	}
	return ms
}
