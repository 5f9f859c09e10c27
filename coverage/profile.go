package coverage

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
)

// Modes of a coverage profile, as in its first line "mode: set".
const (
	ModeSet    = "set"    // counts are 0 or 1
	ModeCount  = "count"  // counts are execution counts
	ModeAtomic = "atomic" // execution counts, updated atomically
)

// A Profile is coverage data on its way through the pipeline: the blocks of
// every profiled file plus what earlier stages decided about them.
type Profile struct {
	Mode     string     // ModeSet, ModeCount or ModeAtomic
	Files    []File     // sorted by Name
	Excluded []Excluded // files dropped by exclude stages, with the reason
	Ignored  []Ignored  // functions and blocks dropped by //coverage:ignore
	Warnings []Warning  // for the user, in stage order
}

// A File is the coverage of one source file.
type File struct {
	// Name is the file's name in the profile: its package's import path, a
	// slash and the file name, e.g. "example.com/m/pkg/x.go".
	Name string
	// Blocks are sorted by position, one per span.
	Blocks []Block
	// CountsLines reports that the blocks are source lines of one
	// statement each, from an LCOV file, rather than statements.
	CountsLines bool
	// Path is the file's path on disk relative to the repository's root,
	// with slashes, as CI annotations want it; "" until Locate finds it.
	Path string
	// lcov holds an LCOV record's functions and branches, if any.
	lcov *lcovRecord
}

// A Block is one coverage block of a file. It has the fields of
// golang.org/x/tools/cover.ProfileBlock, so either converts to the other.
// Lines and columns come from the compiler's positions, which //line
// directives may point into other files: they are not checked against any
// source.
type Block struct {
	StartLine, StartCol int
	EndLine, EndCol     int
	NumStmt, Count      int
}

// Excluded names a file left out of the figures and why.
type Excluded struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// ParseFile reads the text coverage profile at path, or the LCOV
// tracefile (see [ParseLCOV]) when its name ends in .info or .lcov or its
// first line starts with "TN:" or "SF:". path may be a pipe, such as
// /dev/stdin or a process substitution.
func ParseFile(path string) (*Profile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, maxLineLen)
	head, _ := br.Peek(64) // a pipe can't be read at an offset and read again
	if isLCOV(path, head) {
		return ParseLCOV(path, br)
	}
	p := newParser(path)
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		p.size = fi.Size()
	}
	return p.parse(br)
}

// Parse reads a text coverage profile: a "mode: set|count|atomic" line, then
// one line per block, "name.go:line.col,line.col statements count". name is
// the profile's name for error messages, which read "name:line: reason".
// Blank lines are skipped and repeated mode lines of the same mode (from
// concatenated profiles) accepted. Blocks of the same span are merged as
// [Merge] does.
func Parse(name string, r io.Reader) (*Profile, error) {
	return newParser(name).parse(r)
}

func newParser(name string) *profileParser {
	return &profileParser{name: name, index: make(map[string]int)}
}

func (p *profileParser) parse(r io.Reader) (*Profile, error) {
	if err := p.read(r); err != nil {
		return nil, err
	}
	if p.mode == "" {
		return nil, fmt.Errorf("%s: empty profile: want a first line \"mode: set\", \"mode: count\" or \"mode: atomic\"", p.name)
	}
	return p.profile()
}

// profileParser reads a profile into one slice of blocks, recording which file
// each range of it belongs to. go test writes the blocks of a file
// together, so usually each file is one range and nothing moves.
type profileParser struct {
	name   string
	size   int64 // of the profile in bytes, if known
	lineNo int
	mode   string
	blocks []Block
	files  []parsedFile
	index  map[string]int // file name → index in files
	runs   []run          // ranges of blocks, in order, each of one file
	// statements sums the blocks' statement counts, bounded by
	// maxStatements so that no sum of them overflows later.
	statements int
}

// maxStatements bounds the statements of a profile: a thousand times the
// largest Go programs, and far enough below math.MaxInt that the sums of
// millions of merged profiles cannot overflow.
const maxStatements = 1 << 40

type parsedFile struct {
	name string
	n    int // blocks
}

type run struct{ file, end int }

// maxLineLen bounds a profile line, and so the memory a line takes: a
// block line is a file name (at most a few kilobytes on any system) and
// five numbers.
const maxLineLen = 64 << 10

func (p *profileParser) read(r io.Reader) error {
	br := bufio.NewReaderSize(r, maxLineLen)
	p.blocks = make([]Block, 0, p.estimateBlocks(br))
	for {
		line, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			// Reading on would hold the whole line in memory.
			return fmt.Errorf("%s:%d: line longer than %d bytes: not a coverage profile", p.name, p.lineNo+1, maxLineLen)
		}
		if len(line) > 0 {
			p.lineNo++
			if perr := p.line(line); perr != nil {
				return fmt.Errorf("%s:%d: %w", p.name, p.lineNo, perr)
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
	}
}

// estimateBlocks guesses the number of blocks from the profile's size and
// the length of its first lines, so that one slice holds them without the
// copies of growing (which would allocate several times the blocks' memory
// for a large profile).
func (p *profileParser) estimateBlocks(br *bufio.Reader) int {
	if p.size <= 0 {
		return 0
	}
	head, _ := br.Peek(br.Size())
	lines := bytes.Count(head, []byte("\n"))
	if lines < 2 {
		return 0
	}
	est := p.size * int64(lines) / int64(len(head))
	return int(min(est+est/16, p.size/16)) // a block line has ≥ 16 bytes
}

var modePrefix = []byte("mode: ")

func (p *profileParser) line(line []byte) error {
	line = bytes.TrimRight(line, "\r\n")
	if len(bytes.TrimSpace(line)) == 0 {
		return nil
	}
	if rest, ok := bytes.CutPrefix(line, modePrefix); ok {
		mode := string(rest)
		switch {
		case mode != ModeSet && mode != ModeCount && mode != ModeAtomic:
			return fmt.Errorf("unknown mode %q: want set, count or atomic", rest)
		case p.mode != "" && p.mode != mode:
			return fmt.Errorf("mode changes from %s to %s within one profile: pass the profiles as separate arguments to merge them", p.mode, mode)
		}
		p.mode = mode
		return nil
	}
	if p.mode == "" {
		return fmt.Errorf("want a first line \"mode: set\", \"mode: count\" or \"mode: atomic\", got %s", quote(line))
	}
	name, b, err := parseBlock(line)
	if err != nil {
		return err
	}
	if b.NumStmt > maxStatements-p.statements {
		return fmt.Errorf("statement count %d brings the profile past %d statements, more than any program has: not a coverage profile of real code", b.NumStmt, maxStatements)
	}
	p.statements += b.NumStmt
	p.add(name, b)
	return nil
}

func (p *profileParser) add(name []byte, b Block) {
	last := len(p.runs) - 1
	if last >= 0 && p.files[p.runs[last].file].name == string(name) {
		p.runs[last].end++
	} else {
		i, ok := p.index[string(name)]
		if !ok {
			i = len(p.files)
			s := string(name)
			p.files = append(p.files, parsedFile{name: s})
			p.index[s] = i
		}
		p.runs = append(p.runs, run{file: i, end: len(p.blocks) + 1})
	}
	p.files[p.runs[len(p.runs)-1].file].n++
	p.blocks = append(p.blocks, b)
}

// profile groups the blocks by file, sorts them and merges equal spans.
func (p *profileParser) profile() (*Profile, error) {
	blocks := p.blocks
	start := make([]int, len(p.files)) // start of each file's blocks
	if len(p.runs) != len(p.files) {
		// Some file's blocks come in several runs: regroup by file, keeping
		// their order, in one pass over a second slice.
		n := 0
		for i, f := range p.files {
			start[i] = n
			n += f.n
		}
		next := slices.Clone(start)
		blocks = make([]Block, len(p.blocks))
		begin := 0
		for _, r := range p.runs {
			copy(blocks[next[r.file]:], p.blocks[begin:r.end])
			next[r.file] += r.end - begin
			begin = r.end
		}
	} else {
		begin := 0
		for _, r := range p.runs {
			start[r.file] = begin
			begin = r.end
		}
	}
	prof := &Profile{Mode: p.mode, Files: make([]File, len(p.files))}
	for i, f := range p.files {
		fb := blocks[start[i] : start[i]+f.n : start[i]+f.n]
		fb, err := normalize(fb, p.mode)
		if err != nil {
			return nil, fmt.Errorf("%s: %s:%w", p.name, f.name, err)
		}
		prof.Files[i] = File{Name: f.name, Blocks: fb}
	}
	slices.SortFunc(prof.Files, func(a, b File) int { return strings.Compare(a.Name, b.Name) })
	return prof, nil
}

// normalize sorts blocks by span and merges blocks of equal spans in place.
func normalize(blocks []Block, mode string) ([]Block, error) {
	if !slices.IsSortedFunc(blocks, compareSpans) {
		slices.SortStableFunc(blocks, compareSpans)
	}
	j := 0
	for i := range blocks {
		if j > 0 && compareSpans(blocks[j-1], blocks[i]) == 0 {
			if err := mergeBlock(&blocks[j-1], blocks[i], mode); err != nil {
				return nil, err
			}
			continue
		}
		blocks[j] = blocks[i]
		j++
	}
	return blocks[:j:j], nil
}

func compareSpans(a, b Block) int {
	switch {
	case a.StartLine != b.StartLine:
		return cmp.Compare(a.StartLine, b.StartLine)
	case a.StartCol != b.StartCol:
		return cmp.Compare(a.StartCol, b.StartCol)
	case a.EndLine != b.EndLine:
		return cmp.Compare(a.EndLine, b.EndLine)
	}
	return cmp.Compare(a.EndCol, b.EndCol)
}

// mergeBlock adds b's count into dst, which has the same span: in set mode
// a block ran if either copy ran, otherwise counts add (saturating).
func mergeBlock(dst *Block, b Block, mode string) error {
	if dst.NumStmt != b.NumStmt {
		return fmt.Errorf("%d.%d,%d.%d: block has %d statements in one place and %d in another; were the profiles made from the same sources?",
			b.StartLine, b.StartCol, b.EndLine, b.EndCol, dst.NumStmt, b.NumStmt)
	}
	switch {
	case mode == ModeSet:
		dst.Count = max(dst.Count, b.Count)
	case dst.Count > math.MaxInt-b.Count:
		dst.Count = math.MaxInt
	default:
		dst.Count += b.Count
	}
	return nil
}

// parseBlock parses "name:line.col,line.col statements count" from the end,
// as golang.org/x/tools/cover does, so that names may contain ':' and '.'.
func parseBlock(line []byte) (name []byte, b Block, err error) {
	end := len(line)
	var values [6]int
	for i, f := range blockFields {
		sep := bytes.LastIndexByte(line[:end], f.sep)
		if sep < 0 {
			return nil, b, fmt.Errorf("truncated or malformed block %s: want \"file.go:line.col,line.col statements count\"", quote(line))
		}
		n, ok := parseUint(line[sep+1 : end])
		if !ok {
			return nil, b, fmt.Errorf("%s %s in %s is not a non-negative integer", f.what, quote(line[sep+1:end]), quote(line))
		}
		values[i] = n
		end = sep
	}
	if end == 0 {
		return nil, b, fmt.Errorf("block %s has no file name", quote(line))
	}
	b = Block{
		Count: values[0], NumStmt: values[1],
		EndCol: values[2], EndLine: values[3],
		StartCol: values[4], StartLine: values[5],
	}
	return line[:end], b, nil
}

// blockFields are the numbers of a block line from its end, each after sep.
var blockFields = [...]struct {
	sep  byte
	what string
}{
	{' ', "count"},
	{' ', "statement count"},
	{'.', "end column"},
	{',', "end line"},
	{'.', "start column"},
	{':', "start line"},
}

// parseUint parses decimal digits only (no sign, no spaces) into an int.
func parseUint(s []byte) (int, bool) {
	if len(s) == 0 || len(s) > 19 {
		return 0, false
	}
	var n uint64
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	if n > math.MaxInt {
		return 0, false
	}
	return int(n), true
}

// quote quotes a profile line for an error message, shortened when long.
func quote(b []byte) string {
	const shown = 120
	if len(b) > shown {
		return strconv.Quote(string(b[:shown])) + "..."
	}
	return strconv.Quote(string(b))
}
