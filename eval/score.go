package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
)

type module struct{ Path, Version string }

func (m module) String() string { return m.Path + "@" + m.Version }

// readModules reads MODULE@VERSION lines; blank lines and # comments are
// skipped.
func readModules(name string) ([]module, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var mods []module
	seen := map[string]bool{}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		path, version, ok := strings.Cut(line, "@")
		if !ok || path == "" || !strings.HasPrefix(version, "v") {
			return nil, fmt.Errorf("%s:%d: want MODULE@VERSION with an exact version, got %q", name, i+1, line)
		}
		if seen[path] {
			return nil, fmt.Errorf("%s:%d: module %s listed twice", name, i+1, path)
		}
		seen[path] = true
		mods = append(mods, module{path, version})
	}
	return mods, nil
}

// A place is where a report lands: a file of a module (slash-separated,
// relative to the module root), a line and the analyzer that reports.
type place struct {
	Module, File string
	Line         int
	Analyzer     string
}

func (p place) String() string {
	if p.Line == wholeFile {
		return fmt.Sprintf("%s %s:* %s", p.Module, p.File, p.Analyzer)
	}
	return fmt.Sprintf("%s %s:%d %s", p.Module, p.File, p.Line, p.Analyzer)
}

// wholeFile is the line of a row written file:*, which labels every
// report of its analyzer in the file clean: a generated file, say, whose
// reports nobody can act on. Each such report counts as a false alarm.
const wholeFile = 0

// A row of the gold file: what a careful reviewer wants at a place.
type row struct {
	place
	Flag   bool // the analyzer should report here; otherwise it should stay silent
	Reason string
}

type report struct {
	place
	Message string
}

// readGold reads the tab-separated gold file: module, file:line, analyzer,
// flag or clean, reason. Blank lines and # comments are skipped.
func readGold(name string, mods []module) ([]row, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	known := map[string]bool{}
	for _, m := range mods {
		known[m.Path] = true
	}
	var rows []row
	seen := map[place]int{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r, err := parseRow(line, known)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if prev, dup := seen[r.place]; dup {
			return nil, fmt.Errorf("%s:%d: %s already labelled at line %d", name, n, r.place, prev)
		}
		seen[r.place] = n
		rows = append(rows, r)
	}
	return rows, sc.Err()
}

func parseRow(line string, known map[string]bool) (row, error) {
	fields := strings.Split(line, "\t")
	if len(fields) != 5 {
		return row{}, fmt.Errorf("want 5 tab-separated fields (module, file:line, analyzer, flag|clean, reason), got %d", len(fields))
	}
	mod, loc, analyzer, expect, reason := fields[0], fields[1], fields[2], fields[3], strings.TrimSpace(fields[4])
	if !known[mod] {
		return row{}, fmt.Errorf("module %q is not in the module list", mod)
	}
	file, lineNo, ok := strings.Cut(loc, ":")
	n, err := strconv.Atoi(lineNo)
	if lineNo == "*" {
		n, err = wholeFile, nil
		if expect != "clean" {
			return row{}, fmt.Errorf("a whole file (%s) can only be labelled clean", loc)
		}
	}
	if !ok || err != nil || n < 0 || (n == wholeFile && lineNo != "*") || file == "" {
		return row{}, fmt.Errorf("want file:line or file:*, got %q", loc)
	}
	if analyzer == "" {
		return row{}, fmt.Errorf("missing analyzer")
	}
	if expect != "flag" && expect != "clean" {
		return row{}, fmt.Errorf("want flag or clean, got %q", expect)
	}
	if reason == "" {
		return row{}, fmt.Errorf("missing reason")
	}
	return row{place{mod, file, n, analyzer}, expect == "flag", reason}, nil
}

// only keeps the rows of the modules measured.
func only(rows []row, mods []module) []row {
	var kept []row
	for _, r := range rows {
		if slices.ContainsFunc(mods, func(m module) bool { return m.Path == r.Module }) {
			kept = append(kept, r)
		}
	}
	return kept
}

// parseLint reads the JSON of testgate lint -json ({"pkg": {"analyzer":
// [{"posn", "message"}] or {"error"}}}) run in dir. A finding reported for
// both a package and its test variant counts once per place.
func parseLint(out []byte, dir, modPath string) ([]report, []string, error) {
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(out, &tree); err != nil {
		return nil, nil, fmt.Errorf("reading testgate lint -json: %w", err)
	}
	var reports []report
	var warnings []string
	seen := map[place]bool{}
	for pkg, byAnalyzer := range tree {
		for analyzer, raw := range byAnalyzer {
			var failure struct{ Error string }
			if json.Unmarshal(raw, &failure) == nil {
				warnings = append(warnings, fmt.Sprintf("%s: %s: %s", pkg, analyzer, failure.Error))
				continue
			}
			var diags []struct{ Posn, Message string }
			if err := json.Unmarshal(raw, &diags); err != nil {
				return nil, nil, fmt.Errorf("%s: %s: %w", pkg, analyzer, err)
			}
			for _, d := range diags {
				file, line, err := splitPosn(d.Posn)
				if err != nil {
					return nil, nil, err
				}
				rel, err := filepath.Rel(dir, file)
				if err != nil || strings.HasPrefix(rel, "..") {
					continue // outside the module: not measured
				}
				p := place{modPath, filepath.ToSlash(rel), line, analyzer}
				if !seen[p] {
					seen[p] = true
					reports = append(reports, report{p, d.Message})
				}
			}
		}
	}
	slices.Sort(warnings)
	return reports, warnings, nil
}

// splitPosn splits file:line:column.
func splitPosn(posn string) (string, int, error) {
	rest, _, ok := cutLast(posn, ":")
	if ok {
		var line string
		rest, line, ok = cutLast(rest, ":")
		if n, err := strconv.Atoi(line); ok && err == nil {
			return rest, n, nil
		}
	}
	return "", 0, fmt.Errorf("position %q is not file:line:column", posn)
}

func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

type tally struct{ flags, cleans, found, missed, falseAlarms int }

func (t tally) precision() string { return ratio(t.found, t.found+t.falseAlarms) }
func (t tally) recall() string    { return ratio(t.found, t.flags) }

func ratio(n, d int) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f (%d/%d)", float64(n)/float64(d), n, d)
}

type alarm struct {
	row
	Message string
}

type result struct {
	tallies     map[string]*tally
	misses      []row
	falseAlarms []alarm
	unlabelled  []report
}

// score matches reports to gold rows by module, file, line and analyzer.
func score(gold []row, reports []report) result {
	res := result{tallies: map[string]*tally{}}
	reported := map[place]string{}
	for _, r := range reports {
		reported[r.place] = r.Message
	}
	labelled := map[place]bool{}
	for _, g := range gold {
		labelled[g.place] = true
		t := res.tallies[g.Analyzer]
		if t == nil {
			t = &tally{}
			res.tallies[g.Analyzer] = t
		}
		msg, hit := reported[g.place]
		switch {
		case g.Flag && hit:
			t.flags++
			t.found++
		case g.Flag:
			t.flags++
			t.missed++
			res.misses = append(res.misses, g)
		case hit:
			t.cleans++
			t.falseAlarms++
			res.falseAlarms = append(res.falseAlarms, alarm{g, msg})
		default:
			t.cleans++
		}
	}
	// Reports in files labelled clean as a whole, by row.
	inFile := map[place][]report{}
	for _, r := range reports {
		file := place{r.Module, r.File, wholeFile, r.Analyzer}
		switch {
		case labelled[r.place]:
		case labelled[file]:
			inFile[file] = append(inFile[file], r)
			res.tallies[r.Analyzer].falseAlarms++
		default:
			res.unlabelled = append(res.unlabelled, r)
		}
	}
	for _, g := range gold {
		if rs := inFile[g.place]; len(rs) > 0 {
			slices.SortFunc(rs, func(a, b report) int { return cmp.Compare(a.Line, b.Line) })
			res.falseAlarms = append(res.falseAlarms, alarm{g, fmt.Sprintf("%d reports, first at line %d: %s", len(rs), rs[0].Line, rs[0].Message)})
		}
	}
	byPlace := func(a, b place) int {
		return cmp.Or(cmp.Compare(a.Analyzer, b.Analyzer), cmp.Compare(a.Module, b.Module),
			cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	}
	slices.SortFunc(res.misses, func(a, b row) int { return byPlace(a.place, b.place) })
	slices.SortFunc(res.falseAlarms, func(a, b alarm) int { return byPlace(a.place, b.place) })
	slices.SortFunc(res.unlabelled, func(a, b report) int { return byPlace(a.place, b.place) })
	return res
}

func (res result) print(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "analyzer\tflag rows\tclean rows\tfound\tmissed\tfalse alarms\tprecision\trecall")
	var total tally
	names := make([]string, 0, len(res.tallies))
	for name := range res.tallies {
		names = append(names, name)
	}
	slices.Sort(names)
	line := func(name string, t tally) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%s\t%s\n", name, t.flags, t.cleans, t.found, t.missed, t.falseAlarms, t.precision(), t.recall())
	}
	for _, name := range names {
		t := *res.tallies[name]
		line(name, t)
		total.flags += t.flags
		total.cleans += t.cleans
		total.found += t.found
		total.missed += t.missed
		total.falseAlarms += t.falseAlarms
	}
	line("overall", total)
	tw.Flush()

	fmt.Fprintf(w, "\nMisses (%d): flag rows with no report\n", len(res.misses))
	for _, m := range res.misses {
		fmt.Fprintf(w, "  %s: %s\n", m.place, m.Reason)
	}
	fmt.Fprintf(w, "\nFalse alarms (%d): clean rows with a report\n", len(res.falseAlarms))
	for _, a := range res.falseAlarms {
		fmt.Fprintf(w, "  %s: %s\n      reported: %s\n", a.place, a.Reason, a.Message)
	}
	fmt.Fprintf(w, "\nUnlabelled (%d): reports on no gold row; label them\n", len(res.unlabelled))
	for _, u := range res.unlabelled {
		fmt.Fprintf(w, "  %s: %s\n", u.place, u.Message)
	}
}
