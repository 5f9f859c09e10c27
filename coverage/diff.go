package coverage

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// A LineRange is the lines Start to End of a file, both included.
type LineRange struct{ Start, End int }

// Changes are the lines added or changed in a git repository's working tree
// since a base revision.
type Changes struct {
	Base      string // the revision given, e.g. origin/main
	MergeBase string // the commit the working tree is compared with
	Root      string // the repository's top directory, absolute, symlinks resolved
	// Files maps the slash-separated path of a file relative to Root to
	// its changed lines, sorted. Deleted files and files only renamed are
	// absent.
	Files map[string][]LineRange
}

// GitChanges returns the lines added or changed in the working tree of the
// git repository holding dir since the merge base of base and HEAD, as
// git diff -U0 -M shows them, plus every line of untracked files that git
// does not ignore. The user's git configuration does not change the lines.
func GitChanges(dir, base string) (*Changes, error) {
	if base == "" {
		return nil, errors.New("no revision given: name the base branch or commit, e.g. origin/main")
	}
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	root, err := filepath.EvalSymlinks(strings.TrimSpace(top))
	if err != nil {
		return nil, err
	}
	// --end-of-options keeps a base starting with "-" from reading as an
	// option.
	mb, err := git(root, "merge-base", "--end-of-options", base, "HEAD")
	if err != nil {
		if shallow, _ := git(root, "rev-parse", "--is-shallow-repository"); strings.TrimSpace(shallow) == "true" {
			err = fmt.Errorf("%w (in a shallow clone, fetch the base first, e.g. actions/checkout with fetch-depth: 0)", err)
		}
		return nil, err
	}
	c := &Changes{Base: base, MergeBase: strings.TrimSpace(mb), Root: root}
	// Flags pin what user configuration could change: context and the
	// context between hunks, prefixes, renames, external diff drivers and
	// text conversion, color, quoting.
	diff, err := git(root, "-c", "core.quotePath=false", "diff", "-U0", "--inter-hunk-context=0", "--no-color", "--no-ext-diff", "--no-textconv",
		"-M", "--src-prefix=a/", "--dst-prefix=b/", "--end-of-options", c.MergeBase, "--")
	if err != nil {
		return nil, err
	}
	if c.Files, err = ParseDiff(strings.NewReader(diff)); err != nil {
		return nil, fmt.Errorf("git diff %s: %w", c.MergeBase, err)
	}
	untracked, err := git(root, "ls-files", "-z", "--others", "--exclude-standard")
	if err != nil {
		return nil, err
	}
	for name := range strings.SplitSeq(untracked, "\x00") {
		if name != "" {
			c.Files[name] = []LineRange{{1, math.MaxInt32}}
		}
	}
	return c, nil
}

// git runs git in dir and returns its standard output; its error carries
// the command and what git printed.
func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
	}
	return stdout.String(), nil
}

// ParseDiff reads a unified diff and returns, for each file of the new
// side, its added or changed lines: the "+" lines only, so that context
// lines in hunks (of a diff made without -U0) do not count as changed.
// Paths lose their b/ prefix; deleted files and files without added lines
// are absent.
func ParseDiff(r io.Reader) (map[string][]LineRange, error) {
	files := make(map[string][]LineRange)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), math.MaxInt32)
	var file string
	var oldLeft, newLeft int // lines of the current hunk still to read
	var next int             // the new side's number of the next line
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		if oldLeft > 0 || newLeft > 0 {
			switch {
			case strings.HasPrefix(line, "-"):
				oldLeft--
			case strings.HasPrefix(line, "+"):
				if file != "" {
					files[file] = appendLine(files[file], next)
				}
				newLeft--
				next++
			case strings.HasPrefix(line, " "):
				oldLeft--
				newLeft--
				next++
			}
			continue // "\ No newline at end of file" counts for neither side
		}
		switch {
		case strings.HasPrefix(line, "diff "):
			file = ""
		case strings.HasPrefix(line, "+++ "):
			name, err := diffPath(line[len("+++ "):])
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", lineNo, err)
			}
			file = name
		case strings.HasPrefix(line, "@@ "):
			var err error
			next, newLeft, oldLeft, err = parseHunk(line)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", lineNo, err)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for name, rs := range files {
		files[name] = coalesce(rs)
	}
	return files, nil
}

// appendLine adds line to rs, extending the last range when it ends just
// before it, as the lines of a hunk come in order.
func appendLine(rs []LineRange, line int) []LineRange {
	if n := len(rs); n > 0 && rs[n-1].End == line-1 {
		rs[n-1].End = line
		return rs
	}
	return append(rs, LineRange{line, line})
}

// diffPath returns the file name of a "+++" line, "" for /dev/null.
func diffPath(s string) (string, error) {
	s = strings.TrimRight(s, "\t") // git ends names with spaces with a tab
	if strings.HasPrefix(s, `"`) {
		u, err := strconv.Unquote(s) // git quotes as C does, which Go reads
		if err != nil {
			return "", fmt.Errorf("bad quoted file name %s", s)
		}
		s = u
	}
	if s == "/dev/null" {
		return "", nil
	}
	return strings.TrimPrefix(s, "b/"), nil
}

// parseHunk parses "@@ -a[,b] +c[,d] @@ ..." into the new side's start c
// and the line counts of both sides.
func parseHunk(line string) (start, newLines, oldLines int, err error) {
	fields := strings.Fields(line)
	if len(fields) < 3 || !strings.HasPrefix(fields[1], "-") || !strings.HasPrefix(fields[2], "+") {
		return 0, 0, 0, fmt.Errorf("malformed hunk header %q", line)
	}
	_, oldLines, err1 := hunkRange(fields[1][1:])
	start, newLines, err2 := hunkRange(fields[2][1:])
	if err := errors.Join(err1, err2); err != nil {
		return 0, 0, 0, fmt.Errorf("malformed hunk header %q", line)
	}
	return start, newLines, oldLines, nil
}

func hunkRange(s string) (start, n int, err error) {
	a, b, ok := strings.Cut(s, ",")
	if start, err = strconv.Atoi(a); err != nil {
		return 0, 0, err
	}
	n = 1
	if ok {
		n, err = strconv.Atoi(b)
	}
	return start, n, err
}

// coalesce sorts ranges and merges those that overlap or touch.
func coalesce(rs []LineRange) []LineRange {
	slices.SortFunc(rs, func(a, b LineRange) int { return cmp.Compare(a.Start, b.Start) })
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 && r.Start <= out[n-1].End+1 {
			out[n-1].End = max(out[n-1].End, r.End)
			continue
		}
		out = append(out, r)
	}
	return out
}

// A DiffPolicy is the threshold for changed lines and the least number of
// changed statements it applies to.
type DiffPolicy struct {
	Threshold     float64
	MinStatements int
}

// A DiffReport is the verdict on the statements of changed lines.
type DiffReport struct {
	Base          string  `json:"base"`
	MergeBase     string  `json:"merge_base"`
	Statements    int     `json:"statements"`
	Covered       int     `json:"covered"`
	Percent       float64 `json:"percent"` // unrounded; 100 without statements
	Threshold     float64 `json:"threshold"`
	MinStatements int     `json:"min_statements"`
	Pass          bool    `json:"pass"`
	// Note says why the threshold did not apply, if it did not.
	Note string `json:"note,omitempty"`
	// Uncovered are the changed lines in blocks that did not run.
	Uncovered []UncoveredLines `json:"uncovered"`
	// Outside lists changed Go files (not tests) of directories without
	// coverage data: packages go test did not profile, or files the build
	// leaves out.
	Outside []string `json:"outside,omitempty"`
	// Branches are the branches on changed lines, when branches were
	// measured; see DiffBranches.
	Branches *ChangedBranches `json:"branches,omitempty"`
}

// UncoveredLines are changed lines Start to End, both included, of a file
// whose path is relative to the repository's top directory, that no test ran.
type UncoveredLines struct {
	File  string `json:"file"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

func (l UncoveredLines) String() string {
	if l.Start == l.End {
		return fmt.Sprintf("%s:%d", l.File, l.Start)
	}
	return fmt.Sprintf("%s:%d-%d", l.File, l.Start, l.End)
}

// JudgeDiff fills r.Diff: the statements of the blocks of p that touch a
// changed line, their coverage against policy, and the changed lines that
// did not run. src finds the files of profile names; names it cannot place
// (such as an LCOV file's relative paths) are taken relative to c.Root.
// Files outside the repository and changed files without blocks (tests,
// non-Go files) count for nothing.
func JudgeDiff(r *Report, p *Profile, src *Sources, c *Changes, policy DiffPolicy) {
	d := &DiffReport{
		Base:          c.Base,
		MergeBase:     c.MergeBase,
		Threshold:     policy.Threshold,
		MinStatements: policy.MinStatements,
		Uncovered:     []UncoveredLines{},
	}
	locate := repoLocator(src, c.Root)
	// Directories with coverage data: a changed file there without any is
	// one without statements (doc.go, declarations), not an unprofiled one.
	known := make(map[string]bool)
	for _, e := range p.Excluded {
		if rel, ok := locate(e.Name); ok {
			known[path.Dir(rel)] = true
		}
	}
	var counts Counts
	for _, f := range p.Files {
		rel, ok := locate(f.Name)
		if !ok {
			continue
		}
		known[path.Dir(rel)] = true
		changed := c.Files[rel]
		if len(changed) == 0 {
			continue
		}
		var uncovered []LineRange
		for _, b := range f.Blocks {
			if b.NumStmt == 0 {
				continue
			}
			touched := overlaps(changed, LineRange{b.StartLine, b.EndLine})
			if len(touched) == 0 {
				continue
			}
			counts.Statements += b.NumStmt
			if b.Count > 0 {
				counts.Covered += b.NumStmt
			} else {
				uncovered = append(uncovered, touched...)
			}
		}
		for _, u := range coalesce(uncovered) {
			d.Uncovered = append(d.Uncovered, UncoveredLines{rel, u.Start, u.End})
		}
	}
	for name := range c.Files {
		if !known[path.Dir(name)] && isPackageGoFile(name) {
			d.Outside = append(d.Outside, name)
		}
	}
	slices.Sort(d.Outside)
	slices.SortFunc(d.Uncovered, func(a, b UncoveredLines) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Start, b.Start))
	})

	d.Statements, d.Covered, d.Percent = counts.Statements, counts.Covered, counts.Percent()
	switch {
	case counts.Statements == 0:
		d.Pass, d.Note = true, "no changed line holds a statement of the profile"
	case counts.Statements < policy.MinStatements:
		d.Pass = true
		d.Note = fmt.Sprintf("%d changed statements are fewer than coverage.diff.min-statements (%d): the threshold does not apply", counts.Statements, policy.MinStatements)
	default:
		d.Pass = d.Percent >= policy.Threshold
	}
	r.Diff = d
	r.Pass = r.Pass && d.Pass
}

// overlaps returns the parts of the sorted ranges rs within r.
func overlaps(rs []LineRange, r LineRange) []LineRange {
	i, _ := slices.BinarySearchFunc(rs, r.Start, func(x LineRange, line int) int {
		if x.End < line {
			return -1
		}
		return 1
	})
	var out []LineRange
	for ; i < len(rs) && rs[i].Start <= r.End; i++ {
		out = append(out, LineRange{max(rs[i].Start, r.Start), min(rs[i].End, r.End)})
	}
	return out
}

// repoLocator returns a function giving the path relative to root of a
// profile file name, and false for files outside root. Directories are
// resolved through symlinks once each, as git reports physical paths.
func repoLocator(src *Sources, root string) func(name string) (string, bool) {
	dirs := make(map[string]string)
	return func(name string) (string, bool) {
		p, ok := src.File(name)
		if !ok {
			p = filepath.Join(root, filepath.FromSlash(name))
		}
		dir, base := filepath.Split(p)
		real, seen := dirs[dir]
		if !seen {
			var err error
			if real, err = filepath.EvalSymlinks(dir); err != nil {
				real = filepath.Clean(dir) // a file of another machine
			}
			dirs[dir] = real
		}
		rel, err := filepath.Rel(root, filepath.Join(real, base))
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return "", false
		}
		return filepath.ToSlash(rel), true
	}
}

// isPackageGoFile reports whether the repository path name is a Go file the
// go command builds into a package: not a test, not under testdata or a
// directory it ignores.
func isPackageGoFile(name string) bool {
	if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
		return false
	}
	dir := path.Dir(name)
	if dir == "." {
		return true
	}
	for elem := range strings.SplitSeq(dir, "/") {
		if elem == "testdata" || elem == "vendor" || strings.HasPrefix(elem, ".") || strings.HasPrefix(elem, "_") {
			return false
		}
	}
	return true
}
