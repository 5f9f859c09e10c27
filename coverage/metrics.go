package coverage

import (
	"fmt"
	"slices"
	"strings"
)

// A Metric is one of the four coverage measures.
type Metric int

// The metrics, in the order reports show them.
const (
	StatementMetric Metric = iota // statements, as go test -cover counts them
	BranchMetric                  // ways through if, switch and select
	FunctionMetric                // functions entered
	LineMetric                    // lines where a statement starts
	numMetrics
)

var metricNames = [numMetrics]string{"statements", "branches", "functions", "lines"}

func (m Metric) String() string { return metricNames[m] }

// AllMetrics lists the metrics in report order.
func AllMetrics() []Metric {
	return []Metric{StatementMetric, BranchMetric, FunctionMetric, LineMetric}
}

// A MetricSet is a set of metrics.
type MetricSet uint8

// Has reports whether m is in s.
func (s MetricSet) Has(m Metric) bool { return s&(1<<m) != 0 }

// With returns s with m added.
func (s MetricSet) With(m Metric) MetricSet { return s | 1<<m }

// Metrics lists the metrics of s in report order.
func (s MetricSet) Metrics() []Metric {
	var ms []Metric
	for _, m := range AllMetrics() {
		if s.Has(m) {
			ms = append(ms, m)
		}
	}
	return ms
}

// SetOf returns the set of ms.
func SetOf(ms ...Metric) MetricSet {
	var s MetricSet
	for _, m := range ms {
		s = s.With(m)
	}
	return s
}

// ParseMetrics reads a -metrics value: "all", or a comma-separated list of
// statements, branches, functions and lines (singular forms accepted).
// Statements are always in the set: every other figure stands beside them.
func ParseMetrics(s string) (MetricSet, error) {
	set := SetOf(StatementMetric)
	if strings.TrimSpace(s) == "all" {
		return SetOf(AllMetrics()...), nil
	}
	for name := range strings.SplitSeq(s, ",") {
		name = strings.TrimSpace(name)
		i := slices.IndexFunc(metricNames[:], func(n string) bool {
			return n == name || strings.TrimSuffix(n, "es") == name || strings.TrimSuffix(n, "s") == name
		})
		if i < 0 {
			return 0, fmt.Errorf("unknown metric %q: want all, or a list of %s", name, strings.Join(metricNames[:], ", "))
		}
		set = set.With(Metric(i))
	}
	return set, nil
}

// A Tally counts the items of one metric in a unit and how many of them
// ran: statements, branches, functions or lines.
type Tally struct {
	Total, Covered int
}

// Percent is the share of items covered, unrounded; a unit without items
// counts as 100.
func (t Tally) Percent() float64 {
	return Counts{Statements: t.Total, Covered: t.Covered}.Percent()
}

func (t *Tally) add(u Tally) {
	t.Total += u.Total
	t.Covered += u.Covered
}

// Line rules: how line figures were counted, as reports say it.
const (
	LinesFromStatements = "a line counts when a statement starts on it, covered when a block holding such a statement ran"
	LinesFromBlocks     = "without sources, every line of a block with statements counts, covered when a block on it ran (the rule of rules_go's LCOV output)"
	LinesFromLCOV       = "lines from LCOV DA records"
)

// Measures are the branch, function and line figures of a profile's
// files, beside their statements.
type Measures struct {
	Metrics MetricSet      // what was computed; statements always
	Files   []FileMeasures // parallel to the profile's Files
	// LineRules counts the files by the rule their lines were counted
	// with (LinesFromStatements, LinesFromBlocks, LinesFromLCOV).
	LineRules map[string]int
	Warnings  []Warning
}

// FileMeasures are the figures of one file. A metric that cannot be
// computed for the file has a reason instead, and its tally is zero.
type FileMeasures struct {
	Tallies     [numMetrics]Tally
	Unavailable [numMetrics]string
	Branches    []Branch // sorted by line, for changed-line reports
}

// A Branch is one way through an if, switch, type switch or select.
type Branch struct {
	Line    int32 // small: a large profile holds millions
	Kind    BranchKind
	Covered bool
}

// A BranchKind says which way through a statement a branch is.
type BranchKind uint8

// Branch kinds.
const (
	BranchThen         BranchKind = iota // an if's body
	BranchElse                           // an if's else, or its else if
	BranchImplicitElse                   // an if without else, its condition false
	BranchCase                           // a case clause
	BranchDefault                        // a default clause
	BranchLCOV                           // an LCOV BRDA line, of unknown kind
)

var branchKinds = [...]string{"then", "else", "implicit else", "case", "default", "branch"}

func (k BranchKind) String() string { return branchKinds[k] }

// Reasons a metric is unavailable.
const (
	reasonSetMode     = "the profile is of mode set, which cannot show an implicit else: run go test -covermode=count (or atomic)"
	reasonNoSource    = "the file's source was not found"
	reasonNotGo       = "not a Go file (a //line target)"
	reasonLCOVBranch  = "its LCOV record has no BRDA or BRF lines"
	reasonLCOVFunc    = "its LCOV record has no FN or FNF lines"
	reasonNotComputed = "not computed: add it to -metrics"
)

// Measure computes the metrics of want (statements always) for every file
// of p. Branches, functions and lines need the sources: every Go file is
// read and scanned once (see skeleton), in parallel, for all three. Without its source a file's lines are
// every line of its blocks with statements, and its branches and
// functions are unavailable; so are the branches of a set-mode profile.
// LCOV files carry their own lines, and functions and branches when their
// records have them.
func Measure(p *Profile, src *Sources, want MetricSet) *Measures {
	want = want.With(StatementMetric)
	m := &Measures{Metrics: want, Files: make([]FileMeasures, len(p.Files)), LineRules: map[string]int{}}
	rules := make([]string, len(p.Files))
	// Files whose sources are read, as a profile for eachSource.
	var goFiles Profile
	var index []int // in p.Files
	for i, f := range p.Files {
		fm := &m.Files[i]
		fm.Tallies[StatementMetric] = statementTally(f.Blocks)
		for _, metric := range AllMetrics()[1:] {
			if !want.Has(metric) {
				fm.Unavailable[metric] = reasonNotComputed
			}
		}
		if f.CountsLines {
			rules[i] = LinesFromLCOV
			fm.Tallies[LineMetric] = fm.Tallies[StatementMetric]
			f.lcov.measure(fm)
			continue
		}
		rules[i] = LinesFromBlocks
		fm.Tallies[LineMetric] = blockLines(f.Blocks)
		why := reasonNoSource
		if !strings.HasSuffix(f.Name, ".go") {
			why = reasonNotGo
		}
		for _, metric := range []Metric{BranchMetric, FunctionMetric} {
			if want.Has(metric) {
				fm.Unavailable[metric] = why
			}
		}
		if why == reasonNoSource {
			goFiles.Files = append(goFiles.Files, f)
			index = append(index, i)
		}
	}
	if want&SetOf(BranchMetric, FunctionMetric, LineMetric) == 0 || len(index) == 0 {
		m.countRules(rules, want)
		return m
	}
	goFiles.Warnings = p.Warnings
	warnings := eachSource(&goFiles, src, "their branches and functions are not counted, and their lines are every line of a block with statements", func(j int, path string, data []byte) {
		i := index[j]
		withSkeleton(data, func(sk *skeleton) { m.measureFile(i, sk, p, want, rules) })
	})
	m.Warnings = append(m.Warnings, warnings...)
	m.countRules(rules, want)
	return m
}

// measureFile computes the metrics of want of file i of p from its
// skeleton.
func (m *Measures) measureFile(i int, sk *skeleton, p *Profile, want MetricSet, rules []string) {
	f, fm := p.Files[i], &m.Files[i]
	if want.Has(FunctionMetric) {
		fm.Tallies[FunctionMetric] = skeletonFunctions(sk, f)
		fm.Unavailable[FunctionMetric] = ""
	}
	if want.Has(BranchMetric) {
		if p.Mode == ModeSet {
			fm.Unavailable[BranchMetric] = reasonSetMode
		} else {
			fm.Branches = skeletonBranches(sk, f.Blocks)
			fm.Tallies[BranchMetric] = branchTally(fm.Branches)
			fm.Unavailable[BranchMetric] = ""
		}
	}
	if want.Has(LineMetric) {
		fm.Tallies[LineMetric] = statementLines(sk, f.Blocks)
		rules[i] = LinesFromStatements
	}
}

func (m *Measures) countRules(rules []string, want MetricSet) {
	if !want.Has(LineMetric) {
		return
	}
	for _, r := range rules {
		m.LineRules[r]++
	}
}

func statementTally(blocks []Block) Tally {
	var t Tally
	for _, b := range blocks {
		t.Total += b.NumStmt
		if b.Count > 0 {
			t.Covered += b.NumStmt
		}
	}
	return t
}

// skeletonFunctions counts the function declarations of sk, the skeleton
// of file, that hold a block of file, and those entered: as Functions
// counts them, from the scanner instead of go/parser.
func skeletonFunctions(sk *skeleton, file File) Tally {
	var t Tally
	first := 0 // declarations come in order: one pass over the blocks
	for _, fd := range sk.funcs {
		for first < len(file.Blocks) && file.Blocks[first].StartLine < fd.lbrace.line {
			first++
		}
		if n, entered := blocksFrom(file, first, span{fd.lbrace, fd.end}); n > 0 {
			t.Total++
			if entered {
				t.Covered++
			}
		}
	}
	return t
}

// blocksFrom counts the blocks of f within s, from the first block starting
// on its first line, and reports whether any of them ran.
func blocksFrom(f File, first int, s span) (n int, ran bool) {
	for _, b := range f.Blocks[first:] {
		if b.StartLine > s.end.line {
			break
		}
		if s.contains(b, f.CountsLines) {
			n++
			ran = ran || b.Count > 0
		}
	}
	return n, ran
}

func branchTally(bs []Branch) Tally {
	t := Tally{Total: len(bs)}
	for _, b := range bs {
		if b.Covered {
			t.Covered++
		}
	}
	return t
}

// blockLines counts every line of the blocks with statements, covered when
// a block on it ran. Blocks are sorted by start, so the lines of the
// blocks are a union of intervals swept in order.
func blockLines(blocks []Block) Tally {
	var t Tally
	all, ran := lineUnion{}, lineUnion{}
	for _, b := range blocks {
		if b.NumStmt == 0 {
			continue
		}
		all.add(b.StartLine, b.EndLine)
		if b.Count > 0 {
			ran.add(b.StartLine, b.EndLine)
		}
	}
	t.Total, t.Covered = all.count(), ran.count()
	return t
}

// lineUnion counts the lines of intervals added in order of their start.
type lineUnion struct{ n, start, end int }

func (u *lineUnion) add(start, end int) {
	switch {
	case u.end == 0:
		u.start, u.end = start, end
	case start > u.end:
		u.n += u.end - u.start + 1
		u.start, u.end = start, end
	default:
		u.end = max(u.end, end)
	}
}

func (u *lineUnion) count() int {
	if u.end == 0 {
		return u.n
	}
	return u.n + u.end - u.start + 1
}

// searchStart returns the index of the first block starting after at, or
// at it unless after is set: a binary search written out, as it runs for
// every branch of every file.
func searchStart(blocks []Block, at pos, after bool) int {
	lo, hi := 0, len(blocks)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		b := &blocks[m]
		if b.StartLine < at.line || b.StartLine == at.line && (b.StartCol < at.col || after && b.StartCol == at.col) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// blockAt returns the index of the block holding position at: the last
// block starting at or before it, if it ends after it. Go's cover tool
// makes blocks that do not overlap (a statement holding a function literal
// ends its block where the literal starts), so no other block can.
func blockAt(blocks []Block, at pos) (int, bool) {
	i := searchStart(blocks, at, true) - 1
	if i < 0 || !holds(&blocks[i], at) {
		return 0, false
	}
	return i, true
}

// holds reports whether block b holds position at. A block that a //line
// directive without a column moved has no columns (they are 0): then its
// lines decide.
func holds(b *Block, at pos) bool {
	if b.StartCol == 0 || b.EndCol == 0 {
		return b.StartLine <= at.line && at.line <= b.EndLine
	}
	return !at.before(pos{b.StartLine, b.StartCol}) && at.before(pos{b.EndLine, b.EndCol})
}

// blockFrom returns the index of the first block starting at or after lo
// and before hi (or at hi, when through is set).
func blockFrom(blocks []Block, lo, hi pos, through bool) (int, bool) {
	i := searchStart(blocks, lo, false)
	if i == len(blocks) {
		return 0, false
	}
	start := pos{blocks[i].StartLine, blocks[i].StartCol}
	if start.before(hi) || through && start == hi {
		return i, true
	}
	return 0, false
}

// skeletonBranches finds the branches of a file's if, switch, type switch
// and select statements and whether each ran, from the blocks of a count
// or atomic profile. A branch whose block is not in the profile (left out
// by //coverage:ignore, say) does not count; nor does an if whose then
// block is not.
func skeletonBranches(sk *skeleton, blocks []Block) []Branch {
	bs := make([]Branch, 0, 2*len(sk.ifs)+len(sk.clauses))
	for _, n := range sk.ifs {
		then, ok := blockFrom(blocks, n.lbrace, n.bodyEnd, false)
		if !ok {
			continue
		}
		thenRan := blocks[then].Count
		bs = append(bs, Branch{Line: int32(n.lbrace.line), Kind: BranchThen, Covered: thenRan > 0})
		if n.elseEnd == (pos{}) {
			// The block holding the condition ran more often than the then
			// block exactly when the condition was false at least once.
			if cond, ok := blockAt(blocks, n.at); ok {
				bs = append(bs, Branch{Line: int32(n.at.line), Kind: BranchImplicitElse, Covered: blocks[cond].Count > thenRan})
			}
			continue
		}
		// The cover tool starts the else's block after the else keyword,
		// and gives an else if a block of its own holding the inner if.
		if e, ok := blockFrom(blocks, n.bodyEnd, n.elseEnd, false); ok {
			bs = append(bs, Branch{Line: int32(n.bodyEnd.line), Kind: BranchElse, Covered: blocks[e].Count > 0})
		}
	}
	// The cover tool gives every clause a block starting after its colon,
	// an empty clause one of no statements, whose counter still runs when
	// control passes through it.
	for _, c := range sk.clauses {
		if i, ok := blockFrom(blocks, c.colon, c.end, true); ok {
			kind := BranchCase
			if c.isDefault {
				kind = BranchDefault
			}
			bs = append(bs, Branch{Line: int32(c.at.line), Kind: kind, Covered: blocks[i].Count > 0})
		}
	}
	slices.SortStableFunc(bs, func(a, b Branch) int { return int(a.Line - b.Line) })
	return bs
}

// statementLines counts the lines on which a statement starts, as Go's
// cover tool counts statements: every statement of a statement list (a
// block, a case clause), the if of an else if, a labelled statement at the
// statement it labels. A line is covered when a block holding a statement
// starting on it ran. A statement whose block is not in the profile does
// not count.
func statementLines(sk *skeleton, blocks []Block) Tally {
	// Statements and blocks are both in order: one pass over each finds
	// the block holding every statement, and each line's statements come
	// together.
	var t Tally
	last, covered := 0, false
	j := 0
	for _, at := range sk.stmts {
		for j+1 < len(blocks) && !at.before(pos{blocks[j+1].StartLine, blocks[j+1].StartCol}) {
			j++
		}
		if j >= len(blocks) {
			break
		}
		b := &blocks[j]
		if !holds(b, at) {
			continue
		}
		if at.line != last {
			t.Total++
			last, covered = at.line, false
		}
		if !covered && b.Count > 0 {
			t.Covered++
			covered = true
		}
	}
	return t
}
