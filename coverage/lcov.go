package coverage

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// ParseLCOV reads an LCOV tracefile, such as bazel coverage writes for Go,
// as line coverage: every DA line becomes a block of one statement on its
// line, in a [File] marked [File.CountsLines]. File names are the SF paths with
// slashes, so a file's package is its directory. Records of the same file
// merge, their counts adding. name is the file's name for error messages,
// which read "name:line: reason".
func ParseLCOV(name string, r io.Reader) (*Profile, error) {
	blocks := make(map[string][]Block)
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
			p.Files = append(p.Files, File{Name: f, Blocks: bs, CountsLines: true})
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
