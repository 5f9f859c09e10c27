package coverage

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// ParseLCOV reads an LCOV tracefile, such as bazel coverage writes for Go,
// as line coverage: every DA line becomes a block of one statement on its
// line, in a [File] marked [File.CountsLines]. FN and FNDA lines give the
// file's functions, BRDA lines its branches, for [Measure]. File names are
// the SF paths with
// slashes, so a file's package is its directory. Records of the same file
// merge, their counts adding. name is the file's name for error messages,
// which read "name:line: reason".
func ParseLCOV(name string, r io.Reader) (*Profile, error) {
	blocks := make(map[string][]Block)
	records := make(map[string]*lcovRecord)
	var file string
	lineNo := 0
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLCOVLineLen)
	for sc.Scan() {
		lineNo++
		line := strings.TrimSpace(sc.Text())
		key, value, _ := strings.Cut(line, ":")
		switch key {
		case "SF":
			if value == "" {
				return nil, fmt.Errorf("%s:%d: SF without a file name", name, lineNo)
			}
			file = filepath.ToSlash(value)
			if _, ok := blocks[file]; !ok {
				blocks[file] = []Block{}
				records[file] = &lcovRecord{}
			}
		case "end_of_record":
			file = ""
		case "DA":
			if file == "" {
				return nil, fmt.Errorf("%s:%d: DA outside a record: want SF:file first", name, lineNo)
			}
			fields := strings.Split(value, ",") // line,count[,checksum]
			n, err1 := strconv.Atoi(fields[0])
			var count int
			var err2 error
			if len(fields) > 1 {
				count, err2 = strconv.Atoi(fields[1])
			}
			if len(fields) < 2 || err1 != nil || err2 != nil || n < 1 || count < 0 {
				return nil, fmt.Errorf("%s:%d: malformed %q: want DA:line,count", name, lineNo, line)
			}
			blocks[file] = append(blocks[file], Block{StartLine: n, StartCol: 1, EndLine: n, EndCol: 1, NumStmt: 1, Count: count})
		case "FN", "FNDA", "FNF", "BRDA", "BRF":
			if file == "" {
				return nil, fmt.Errorf("%s:%d: %s outside a record: want SF:file first", name, lineNo, key)
			}
			if err := records[file].add(key, value); err != nil {
				return nil, fmt.Errorf("%s:%d: malformed %q: %w", name, lineNo, line, err)
			}
		}
	}
	switch err := sc.Err(); {
	case errors.Is(err, bufio.ErrTooLong):
		return nil, fmt.Errorf("%s:%d: line longer than %d bytes: not an LCOV tracefile", name, lineNo+1, maxLCOVLineLen)
	case err != nil:
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if lineNo == 0 {
		return nil, fmt.Errorf("%s: empty LCOV file", name)
	}
	p := &Profile{Mode: ModeCount}
	for _, f := range slices.Sorted(maps.Keys(blocks)) {
		bs, err := normalize(blocks[f], ModeCount)
		if err != nil {
			return nil, fmt.Errorf("%s: %s:%w", name, f, err)
		}
		if len(bs) > 0 {
			p.Files = append(p.Files, File{Name: f, Blocks: bs, CountsLines: true, lcov: records[f].orNil()})
		}
	}
	return p, nil
}

// maxLCOVLineLen bounds an LCOV line, and so the memory a line takes: its
// longest lines are SF paths and function names.
const maxLCOVLineLen = 16 << 20

// isLCOV reports whether a file is an LCOV tracefile, by its extension or
// by its first line, given head, the start of its contents.
func isLCOV(path string, head []byte) bool {
	switch filepath.Ext(path) {
	case ".info", ".lcov":
		return true
	}
	head = bytes.TrimLeft(head, " \t\r\n")
	return bytes.HasPrefix(head, []byte("TN:")) || bytes.HasPrefix(head, []byte("SF:"))
}

// An lcovRecord holds the functions and branches of an LCOV record.
type lcovRecord struct {
	hasFunctions, hasBranches bool               // FN/FNF, BRDA/BRF lines seen
	functions                 map[string]int     // name → times entered
	branches                  map[lcovBranch]int // → times taken
}

// An lcovBranch is a BRDA line's line, block and branch.
type lcovBranch struct {
	line          int
	block, branch string
}

// add reads one FN, FNDA, FNF, BRDA or BRF line's value.
func (r *lcovRecord) add(key, value string) error {
	fields := strings.Split(value, ",")
	switch key {
	case "FN": // FN:line[,end line],name
		if len(fields) < 2 {
			return errors.New("want FN:line,name")
		}
		r.hasFunctions = true
		r.function(fields[len(fields)-1], 0)
	case "FNDA": // FNDA:count,name
		count, err := strconv.Atoi(fields[0])
		if len(fields) != 2 || err != nil || count < 0 {
			return errors.New("want FNDA:count,name")
		}
		r.function(fields[1], count)
	case "FNF":
		r.hasFunctions = true
	case "BRDA": // BRDA:line,block,branch,taken ("-": never reached)
		line, err := strconv.Atoi(fields[0])
		if len(fields) != 4 || err != nil || line < 1 {
			return errors.New("want BRDA:line,block,branch,taken")
		}
		taken := 0
		if fields[3] != "-" {
			if taken, err = strconv.Atoi(fields[3]); err != nil || taken < 0 {
				return errors.New("want BRDA:line,block,branch,taken with taken a count or -")
			}
		}
		r.hasBranches = true
		if r.branches == nil {
			r.branches = make(map[lcovBranch]int)
		}
		b := lcovBranch{line, fields[1], fields[2]}
		r.branches[b] = addCounts(r.branches[b], taken)
	case "BRF":
		r.hasBranches = true
	}
	return nil
}

func (r *lcovRecord) function(name string, count int) {
	if r.functions == nil {
		r.functions = make(map[string]int)
	}
	r.functions[name] = addCounts(r.functions[name], count)
}

// orNil returns r, or nil when it holds nothing.
func (r *lcovRecord) orNil() *lcovRecord {
	if r == nil || !r.hasFunctions && !r.hasBranches && len(r.functions) == 0 {
		return nil
	}
	return r
}

// merge returns the record of a file whose records r and o are, counts
// adding.
func (r *lcovRecord) merge(o *lcovRecord) *lcovRecord {
	if r == nil {
		return o
	}
	if o == nil {
		return r
	}
	m := &lcovRecord{hasFunctions: r.hasFunctions || o.hasFunctions, hasBranches: r.hasBranches || o.hasBranches}
	for _, x := range []*lcovRecord{r, o} {
		for name, n := range x.functions {
			m.function(name, n)
		}
		for b, n := range x.branches {
			if m.branches == nil {
				m.branches = make(map[lcovBranch]int)
			}
			m.branches[b] = addCounts(m.branches[b], n)
		}
	}
	return m
}

// measure sets the functions and branches of fm from r, or says why it
// cannot.
func (r *lcovRecord) measure(fm *FileMeasures) {
	if r == nil || !r.hasFunctions {
		fm.Unavailable[FunctionMetric] = cmp.Or(fm.Unavailable[FunctionMetric], reasonLCOVFunc)
	} else {
		for _, n := range r.functions {
			fm.Tallies[FunctionMetric].add(Tally{1, min(n, 1)})
		}
	}
	if r == nil || !r.hasBranches {
		fm.Unavailable[BranchMetric] = cmp.Or(fm.Unavailable[BranchMetric], reasonLCOVBranch)
		return
	}
	for b, n := range r.branches {
		fm.Branches = append(fm.Branches, Branch{Line: int32(min(b.line, math.MaxInt32)), Kind: BranchLCOV, Covered: n > 0})
	}
	slices.SortStableFunc(fm.Branches, func(a, b Branch) int { return int(a.Line - b.Line) })
	fm.Tallies[BranchMetric] = branchTally(fm.Branches)
}

// addCounts adds execution counts, saturating.
func addCounts(a, b int) int {
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}
