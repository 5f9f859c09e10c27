package coverage

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func mustParse(t *testing.T, text string) *Profile {
	t.Helper()
	p, err := Parse("test.out", strings.NewReader(text))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return p
}

func TestParseReadsModeFilesAndBlocks(t *testing.T) {
	p := mustParse(t, `mode: count
example.com/m/b.go:3.14,5.2 2 7
example.com/m/a.go:10.1,12.3 1 0
example.com/m/a.go:1.1,2.3 3 1
`)
	want := &Profile{Mode: ModeCount, Files: []File{
		{Name: "example.com/m/a.go", Blocks: []Block{{1, 1, 2, 3, 3, 1}, {10, 1, 12, 3, 1, 0}}},
		{Name: "example.com/m/b.go", Blocks: []Block{{3, 14, 5, 2, 2, 7}}},
	}}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("Parse =\n%+v\nwant\n%+v", p, want)
	}
}

func TestParseRegroupsFilesSplitAcrossTheProfile(t *testing.T) {
	// cmd/go concatenates the profiles of packages run with -coverpkg, so
	// one file's blocks can come in several runs.
	p := mustParse(t, `mode: set
m/a.go:1.1,2.1 1 0
m/b.go:1.1,2.1 1 1
m/a.go:3.1,4.1 2 1
m/b.go:5.1,6.1 1 0
m/a.go:1.1,2.1 1 1
`)
	want := []File{
		{Name: "m/a.go", Blocks: []Block{{1, 1, 2, 1, 1, 1}, {3, 1, 4, 1, 2, 1}}},
		{Name: "m/b.go", Blocks: []Block{{1, 1, 2, 1, 1, 1}, {5, 1, 6, 1, 1, 0}}},
	}
	if !reflect.DeepEqual(p.Files, want) {
		t.Errorf("Files =\n%+v\nwant\n%+v", p.Files, want)
	}
}

func TestParseMergesDuplicateSpansByMode(t *testing.T) {
	tests := []struct {
		mode          string
		first, second string
		want          int
	}{
		{ModeSet, "0", "1", 1},
		{ModeSet, "1", "1", 1},
		{ModeCount, "2", "3", 5},
		{ModeAtomic, "2", "3", 5},
		{ModeCount, "9223372036854775807", "1", 9223372036854775807}, // saturates
	}
	for _, tt := range tests {
		t.Run(tt.mode+" "+tt.first+"+"+tt.second, func(t *testing.T) {
			p := mustParse(t, "mode: "+tt.mode+"\nm/a.go:1.1,2.1 1 "+tt.first+"\nm/a.go:1.1,2.1 1 "+tt.second+"\n")
			if got := p.Files[0].Blocks; len(got) != 1 || got[0].Count != tt.want {
				t.Errorf("blocks = %+v, want one block with count %d", got, tt.want)
			}
		})
	}
}

func TestParseToleratesWhatWritersProduce(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"CRLF line ends", "mode: set\r\nm/a.go:1.1,2.1 1 1\r\n"},
		{"no final newline", "mode: set\nm/a.go:1.1,2.1 1 1"},
		{"blank lines", "\nmode: set\n\nm/a.go:1.1,2.1 1 1\n\n"},
		{"concatenated profiles", "mode: set\nm/a.go:1.1,2.1 1 1\nmode: set\n"},
		{"names with colons and dots", "mode: set\nC:/x.y/m/a.go:1.1,2.1 1 1\n"},
		{"line directive spans ending before they start", "mode: set\nm/a.go:90.1,2.1 1 1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := mustParse(t, tt.text)
			if len(p.Files) != 1 || len(p.Files[0].Blocks) != 1 || p.Files[0].Blocks[0].Count != 1 {
				t.Errorf("Parse(%q) = %+v, want one covered block", tt.text, p.Files)
			}
		})
	}
}

func TestParseReadsLongFileNames(t *testing.T) {
	name := "m/" + strings.Repeat("d", 60<<10) + ".go"
	p := mustParse(t, "mode: set\n"+name+":1.1,2.1 1 1\n")
	if len(p.Files) != 1 || p.Files[0].Name != name {
		t.Errorf("Parse kept %d files, want one named after the long line", len(p.Files))
	}
}

// endlessLine reads as a line that never ends.
type endlessLine struct{ prefix string }

func (r *endlessLine) Read(b []byte) (int, error) {
	n := copy(b, r.prefix)
	r.prefix = r.prefix[n:]
	for i := n; i < len(b); i++ {
		b[i] = 'x'
	}
	return len(b), nil
}

func TestParseRejectsAnOverlongLineWithoutReadingItAll(t *testing.T) {
	// Reading the whole line would never return.
	_, err := Parse("test.out", &endlessLine{prefix: "mode: set\nm/a.go:1.1,2.1 1 1\n"})
	if err == nil || !strings.Contains(err.Error(), "test.out:3: line longer than 65536 bytes") {
		t.Errorf("Parse error = %v, want test.out:3: line longer than 65536 bytes", err)
	}
}

func TestParseAcceptsAProfileWithoutBlocks(t *testing.T) {
	// go test -coverprofile on packages without statements writes this.
	p := mustParse(t, "mode: atomic\n")
	if p.Mode != ModeAtomic || len(p.Files) != 0 {
		t.Errorf("Parse = %+v, want mode atomic and no files", p)
	}
}

func TestParseRejectsBadInputNamingFileAndLine(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"empty", "", "test.out: empty profile"},
		{"only blank lines", "\n\n", "test.out: empty profile"},
		{"no mode line", "m/a.go:1.1,2.1 1 1\n", `test.out:1: want a first line "mode: set"`},
		{"unknown mode", "mode: sometimes\n", `test.out:1: unknown mode "sometimes"`},
		{"mode changes", "mode: set\nmode: count\n", "test.out:2: mode changes from set to count"},
		{"truncated line", "mode: set\nm/a.go:1.1,2.1 1 1\nm/a.go:3.1,4\n", "test.out:3: truncated or malformed block"},
		{"non-numeric count", "mode: set\nm/a.go:1.1,2.1 1 x\n", `test.out:2: count "x" in "m/a.go:1.1,2.1 1 x" is not a non-negative integer`},
		{"negative count", "mode: set\nm/a.go:1.1,2.1 1 -1\n", `count "-1"`},
		{"signed statements", "mode: set\nm/a.go:1.1,2.1 +1 1\n", `statement count "+1"`},
		{"count overflows", "mode: set\nm/a.go:1.1,2.1 1 99999999999999999999\n", `count "99999999999999999999"`},
		{"empty column", "mode: set\nm/a.go:1.,2.1 1 1\n", `start column ""`},
		{"no file name", "mode: set\n:1.1,2.1 1 1\n", "test.out:2: block \":1.1,2.1 1 1\" has no file name"},
		{"statement count past any program", "mode: set\nm/a.go:1.1,2.1 4611686018427387904 1\n", "test.out:2: statement count 4611686018427387904 brings the profile past 1099511627776 statements"},
		{"statement sum would overflow", "mode: set\nm/a.go:1.1,2.1 549755813888 1\nm/a.go:3.1,4.1 549755813888 0\nm/a.go:5.1,6.1 1 0\n", "test.out:4: statement count 1 brings the profile past"},
		{"statement counts disagree", "mode: set\nm/a.go:1.1,2.1 1 1\nm/a.go:1.1,2.1 2 1\n", "test.out: m/a.go:1.1,2.1: block has 1 statements in one place and 2 in another"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("test.out", strings.NewReader(tt.text))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse(%q) error = %v, want one containing %q", tt.text, err, tt.want)
			}
		})
	}
}

func TestParseShortensLongLinesInErrors(t *testing.T) {
	_, err := Parse("test.out", strings.NewReader("mode: set\n"+strings.Repeat("x", 1000)+"\n"))
	if err == nil || len(err.Error()) > 300 {
		t.Errorf("Parse error = %v, want a short error", err)
	}
}

func TestParseFileReportsAMissingFile(t *testing.T) {
	_, err := ParseFile(filepath.Join(t.TempDir(), "missing.out"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ParseFile error = %v, want one wrapping fs.ErrNotExist", err)
	}
}

func TestParseFileReadsAProfile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.out")
	if err := os.WriteFile(path, []byte("mode: set\nm/a.go:1.1,2.1 4 1\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	p, err := ParseFile(path)
	if err != nil || len(p.Files) != 1 {
		t.Errorf("ParseFile = %+v, %v, want one file", p, err)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestParseReportsReadErrors(t *testing.T) {
	_, err := Parse("test.out", failingReader{})
	if err == nil || !strings.Contains(err.Error(), "test.out: disk on fire") {
		t.Errorf("Parse error = %v, want the read error with the profile name", err)
	}
}
