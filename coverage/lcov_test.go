package coverage

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/testgate/testgate/internal/testtree"
)

func TestParseLCOVReadsLinesAsOneStatementBlocks(t *testing.T) {
	p, err := ParseLCOV("c.info", strings.NewReader(`TN:unit
SF:pkg/a.go
FN:3,F
FNDA:1,F
DA:3,1
DA:4,0,abcdef
LF:2
LH:1
end_of_record
TN:integration
SF:pkg/a.go
DA:4,2
DA:9,0
end_of_record
SF:/abs/b.go
end_of_record
`))
	if err != nil {
		t.Fatal(err)
	}
	for i := range p.Files {
		p.Files[i].lcov = nil // see TestMeasureReadsFunctionsAndBranchesOfLCOVRecords
	}
	want := []File{{Name: "pkg/a.go", CountsLines: true, Blocks: []Block{
		{StartLine: 3, StartCol: 1, EndLine: 3, EndCol: 1, NumStmt: 1, Count: 1},
		{StartLine: 4, StartCol: 1, EndLine: 4, EndCol: 1, NumStmt: 1, Count: 2}, // records merge
		{StartLine: 9, StartCol: 1, EndLine: 9, EndCol: 1, NumStmt: 1, Count: 0},
	}}}
	if p.Mode != ModeCount || !reflect.DeepEqual(p.Files, want) {
		t.Errorf("ParseLCOV = %s %+v\nwant count %+v", p.Mode, p.Files, want)
	}
	s := Summarize(p)
	if !reflect.DeepEqual(s.LineFiles, []string{"pkg/a.go"}) || s.Packages[0].Name != "pkg" {
		t.Errorf("summary line files %v, packages %+v; want pkg/a.go in package pkg", s.LineFiles, s.Packages)
	}
}

func TestParseLCOVRejectsMalformedRecords(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"DA before SF", "DA:1,1\n", "c.info:1: DA outside a record"},
		{"DA without count", "SF:a.go\nDA:1\n", `c.info:2: malformed "DA:1"`},
		{"negative count", "SF:a.go\nDA:1,-1\n", `c.info:2: malformed "DA:1,-1"`},
		{"line zero", "SF:a.go\nDA:0,1\n", `c.info:2: malformed "DA:0,1"`},
		{"SF without name", "SF:\n", "c.info:1: SF without a file name"},
		{"empty", "", "c.info: empty LCOV file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ParseLCOV("c.info", strings.NewReader(tt.text)); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestParseFileTellsLCOVFromProfilesByNameOrContent(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"coverage.dat": "\nTN:\nSF:a.go\nDA:1,1\nend_of_record\n",
		"bazel.lcov":   "SF:a.go\nDA:1,1\nend_of_record\n",
		"c.info":       "SF:a.go\nDA:1,1\nend_of_record\n",
		"c.out":        "mode: set\nexample.com/m/a.go:1.1,2.1 1 1\n",
	}
	testtree.Write(t, dir, files)
	for name := range files {
		p, err := ParseFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if lines := p.Files[0].CountsLines; lines != (name != "c.out") {
			t.Errorf("%s read as lines = %v", name, lines)
		}
	}
}

func TestParseLCOVNamesTheLineThatIsTooLong(t *testing.T) {
	_, err := ParseLCOV("c.info", &endlessLine{prefix: "TN:\nSF:"})
	if err == nil || !strings.Contains(err.Error(), "c.info:2: line longer than 16777216 bytes") {
		t.Errorf("error = %v, want c.info:2: line longer than 16777216 bytes", err)
	}
}

func TestParseFileRecognisesLCOVFromAPipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	path := fmt.Sprintf("/dev/fd/%d", r.Fd())
	if _, err := os.Stat(path); err != nil {
		t.Skipf("no %s on this system: %v", path, err)
	}
	go func() {
		defer w.Close()
		_, _ = io.WriteString(w, "TN:\nSF:a.go\nDA:1,1\nDA:2,0\nend_of_record\n")
	}()
	p, err := ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Files) != 1 || !p.Files[0].CountsLines || len(p.Files[0].Blocks) != 2 {
		t.Errorf("ParseFile(pipe) = %+v, want a.go read as two lines of LCOV", p.Files)
	}
}

func TestMergeRefusesAFileInLinesAndInStatements(t *testing.T) {
	lcov, err := ParseLCOV("c.info", strings.NewReader("SF:example.com/m/a.go\nDA:1,1\nend_of_record\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Merge(lcov, mustParse(t, "mode: count\nexample.com/m/a.go:1.1,2.1 1 1\n"))
	if err == nil || !strings.Contains(err.Error(), "example.com/m/a.go: covered as lines (LCOV) in one input and as statements in another") {
		t.Errorf("error = %v, want one naming the file and both units", err)
	}
	both, err := Merge(lcov, lcov)
	if err != nil || !both.Files[0].CountsLines || both.Files[0].Blocks[0].Count != 2 {
		t.Errorf("two LCOV shards merged to %+v, %v; want lines with counts added", both, err)
	}
}

func TestReadCoverDirExplainsEmptyAndMissingDirectories(t *testing.T) {
	empty := t.TempDir()
	if _, err := ReadCoverDir(empty); err == nil || !strings.Contains(err.Error(), "no coverage data: did a program built with go build -cover run with GOCOVERDIR="+empty) {
		t.Errorf("empty directory: error = %v", err)
	}
	missing := filepath.Join(empty, "nope")
	if _, err := ReadCoverDir(missing); err == nil || !strings.Contains(err.Error(), "coverage directory") {
		t.Errorf("missing directory: error = %v", err)
	}
	file := filepath.Join(empty, "file")
	if err := os.WriteFile(file, nil, 0o666); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadCoverDir(file); err == nil || !strings.Contains(err.Error(), "is not a directory") {
		t.Errorf("a file: error = %v", err)
	}
}
