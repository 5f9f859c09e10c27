// Package coverage gates Go coverage in four metrics: statements,
// branches, functions and lines. It reads text coverage
// profiles (go test -coverprofile, go tool covdata textfmt), binary
// coverage directories and LCOV files, and decides, per file, per package
// and in total, whether coverage meets its thresholds; later gates judge
// the lines changed since a git revision, the drop since a stored
// baseline, and the share of functions entered.
//
// # Pipeline
//
// [Check] runs the whole gate, as testgate cover does, from [Options]: the
// inputs, the [Policy] with every threshold, and what to gate besides. It
// returns the judged [Report] and [Warning]s that say what could not be
// known. The work is one pipeline; each stage is a function with data in
// and data out, so a new feature is a new stage or a new reporter:
//
//	p, err := coverage.ParseFile("a.out")              // parse: profile or LCOV → blocks
//	q, err := coverage.ReadCoverDir(dir)               // parse: go build -cover data
//	p, err = coverage.Merge(p, q)                      // merge: shards, -coverpkg duplicates
//	p = coverage.ExcludeMatching(p, patterns)          // exclude: path patterns
//	p = coverage.ExcludeGenerated(p, sources)          // exclude: generated files (reads headers)
//	p, err = coverage.ExcludeIgnored(p, sources, true) // exclude: //coverage:ignore blocks
//	p = coverage.Locate(p, sources)                    // locate: paths on disk, for annotations
//	p, er := coverage.SkipErrorReturns(p, sources)     // exclude: error returns (optional)
//	s := coverage.Summarize(p)                         // summarize: file, package, total
//	r := coverage.Judge(s, policy)                     // judge: thresholds
//	m := coverage.Measure(p, sources, metrics)         // measure: branches, functions, lines
//	err = coverage.JudgeMetrics(r, m, metricPolicy)    // judge: every metric, every unit
//	fs, _ := coverage.Functions(p, sources)            // judge: functions entered
//	coverage.JudgeFunctions(r, fs, policy.Function, 10)
//	c, err := coverage.GitChanges(".", "origin/main")  // judge: changed lines
//	coverage.JudgeDiff(r, p, sources, c, policy.Diff)
//	coverage.DiffBranches(r, p, m, sources, c)         // report: changed branches
//	coverage.JudgeBaseline(r, b, policy.BaselineTolerance)   // judge: drop since a baseline
//	report.Table(w, r)                                 // report: package coverage/report
//
// A [Profile] carries what later stages must know besides its blocks: the
// files excluded so far and why ([Profile.Excluded]), and warnings for the
// user ([Profile.Warnings]) such as mixed coverage modes or sources that
// could not be found. Stages never modify their input; they return a new
// Profile that may share unchanged files.
//
// # Input
//
// [Parse] reads the text format of golang.org/x/tools/cover (as written by
// go test -coverprofile and go tool covdata textfmt) into blocks with the
// fields of cover.ProfileBlock. It is its own parser, fuzzed against
// cover.ParseProfilesFromReader for equal figures, because it must name
// the profile and line of every error, reject what x/tools lets through
// (signed numbers, unknown modes) and read a 1.5 M-line profile with a
// fraction of the allocations.
//
// # Which number
//
// Statement coverage counts every block of the profile, weighted by its
// statements, exactly as go test -cover does; so a package figure equals the
// one go test -cover prints for it (when generated files are kept). go tool
// cover -func and some other tools count only blocks inside function
// declarations and report higher figures. A file, package or total without
// statements counts as 100%.
//
// A package is the directory part of a file's import path, so the files of
// a module's root directory form one package. File, package and total
// figures need only the profile: blocks that //line directives point at
// non-Go files, files with body-less functions and profiles made on another
// machine all work. Sources are read only for what needs them: the headers
// of files for generated-file exclusion, every Go file for //coverage:ignore
// directives (parsing only the files that contain one), and, when function
// coverage is asked for, every Go file parsed.
//
// # Ignore directives
//
// "//coverage:ignore reason" on the line that opens a function body, a
// statement's block or a case clause drops the blocks within it from every
// figure; [Report.Ignored] lists each directive with the statements it
// dropped. A directive elsewhere is an error, and so is one without a
// reason unless the caller allows it.
//
// # Metrics
//
// Besides statements, [Measure] computes three metrics, as Istanbul (the
// JavaScript tool whose table testgate's mirrors) counts them. These
// definitions are the contract of every report.
//
// Branches come from a profile of mode count or atomic plus the AST of the
// file, with no rewriting of the source:
//
//   - An if has two branches, then and else; an if without else has an
//     implicit else. The then branch is covered when its block ran; an
//     explicit else when its block ran (for else if, the block Go's cover
//     tool gives the inner if); an implicit else when the block holding the
//     condition ran more times than the then block, that is, when the
//     condition was false at least once.
//   - An else if chain is nested ifs, two branches each.
//   - A switch, type switch or select has one branch per clause written,
//     default included, and none for a missing default. A clause is
//     covered when its body's block ran. An empty clause is covered when
//     control provably passed through it: Go's cover tool gives it a block
//     of no statements at its colon whose counter runs when the clause is
//     chosen, so that counter decides.
//   - && and || are not branches: which operand decided is not observable
//     in a profile without rewriting the source.
//   - Loops are not branches; the ifs and switches inside them are.
//   - A branch whose block is not in the profile (dropped by
//     //coverage:ignore or -skip-error-returns, or of a function the cover
//     tool skips) does not count; an if whose then block is not there
//     counts neither of its branches.
//
// A set-mode profile cannot show an implicit else (a count of 1 says the
// condition block ran, not how often), so its branches are unavailable,
// with that reason, never 0% or 100%. Profiles of mixed modes merge as set
// mode. testgate check runs go test -covermode=atomic.
//
// Lines: with the file's source, a line counts when a statement starts on
// it, a statement being what Go's cover tool counts as one: the statements
// of a block or case clause (function literals' bodies included), the if
// of an else if, a labelled statement at the statement it labels; not case
// and default labels, else, or braces. A line is covered when a block
// holding a statement that starts on it ran (a one-line "if x { return }"
// is covered when its condition ran). Without
// the source (a profile from another machine, a //line target) every line
// of a block with statements counts, covered when a block on it ran: the
// rule rules_go uses for its LCOV output. [MeasureInfo.LineRules] says how
// many files each rule counted.
//
// Functions: function declarations with a body that hold a block of the
// profile, covered when any of their blocks ran (entered at least once);
// function literals belong to their enclosing declaration.
//
// Reading the sources for these three costs about as much as the
// statement gate on a large profile: a purpose-built scanner finds the
// statements, ifs, clauses and functions (held to go/ast by tests on the
// standard library and a fuzz test) instead of building every file's AST.
//
// LCOV input carries lines, not statements: each DA line becomes a block
// of one statement, and [Report.LineFiles] names the files so measured, so
// that reports can say their unit differs. Their lines are the DA lines,
// their functions the FN lines (entered when FNDA counts a call) and their
// branches the BRDA lines (covered when taken); a record without FN or FNF
// lines has no function figure, one without BRDA or BRF lines no branch
// figure.
//
// [SkipErrorReturns] drops the blocks that only return an error
// ("if err != nil { return ..., err }", wrapped forms included) before
// the figures are made, for the figure of Go's open proposal on
// error-path coverage; reports say how many statements it set aside.
//
// # Thresholds
//
// Thresholds are percentages, fractional allowed, compared unrounded: 79.95%
// misses 80%. [Policy] holds the total, package and file thresholds and the
// overrides; for each package or file the last override whose path regexp
// matches its name and sets that kind of threshold wins (as in
// .gitattributes, later rules refine earlier ones), else the global
// threshold applies. [MetricPolicy] does the same for every metric, and
// adds absolute limits: the largest number of uncovered statements,
// branches, functions or lines allowed in the total, a package or a file,
// for code where a percentage punishes small packages. A unit passes
// when every metric meets every limit set on it.
//
// # Extending
//
// A later gate (changed lines, baseline, function coverage) is a stage that
// takes the [Report] from [Judge], fills its own section and ANDs its verdict
// into [Report.Pass]; reporters render the sections they know. Sections
// added to Report are omitted from JSON when unused, so the JSON shape of a
// plain gate stays exactly {"pass", "total", "packages", "files", "excluded"}.
// Likewise a unit's "metrics" appear only when [JudgeMetrics] ran.
package coverage
