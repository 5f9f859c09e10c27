// Package coverage gates Go statement coverage. It reads text coverage
// profiles (go test -coverprofile, go tool covdata textfmt) and decides, per
// file, per package and in total, whether coverage meets its thresholds.
//
// # Pipeline
//
// The work is one pipeline; each stage is a function with data in and data
// out, so a new feature is a new stage or a new reporter:
//
//	p, err := coverage.ParseFile("a.out")            // parse: profile → blocks
//	p, err = coverage.Merge(p, q)                    // merge: shards, -coverpkg duplicates
//	p = coverage.ExcludeMatching(p, patterns)        // exclude: path patterns
//	p = coverage.ExcludeGenerated(p, sources)        // exclude: generated files (reads headers)
//	s := coverage.Summarize(p)                       // summarize: file, package, total
//	r := coverage.Judge(s, policy)                   // judge: thresholds
//	report.Table(w, r)                               // report: package coverage/report
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
// machine all work. Only exclusion of generated files reads sources, and
// only their headers.
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
