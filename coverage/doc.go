// Package coverage gates Go statement coverage. It reads text coverage
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
//	s := coverage.Summarize(p)                         // summarize: file, package, total
//	r := coverage.Judge(s, policy)                     // judge: thresholds
//	fs, _ := coverage.Functions(p, sources)            // judge: functions entered
//	coverage.JudgeFunctions(r, fs, policy.Function, 10)
//	c, err := coverage.GitChanges(".", "origin/main")  // judge: changed lines
//	coverage.JudgeDiff(r, p, sources, c, policy.Diff)
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
// # Line coverage
//
// LCOV files carry lines, not statements: each DA line becomes a block of
// one statement, and [Report.LineFiles] names the files so measured, so
// that reports can say their unit differs.
//
// # Thresholds
//
// Thresholds are percentages, fractional allowed, compared unrounded: 79.95%
// misses 80%. [Policy] holds the total, package and file thresholds and the
// overrides; for each package or file the last override whose path regexp
// matches its name and sets that kind of threshold wins (as in
// .gitattributes, later rules refine earlier ones), else the global
// threshold applies.
//
// # Extending
//
// A later gate (changed lines, baseline, function coverage) is a stage that
// takes the [Report] from [Judge], fills its own section and ANDs its verdict
// into [Report.Pass]; reporters render the sections they know. Sections
// added to Report are omitted from JSON when unused, so the JSON shape of a
// plain gate stays exactly {"pass", "total", "packages", "files", "excluded"}.
package coverage
