package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/testgate/testgate/coverage"
)

func TestParseReadsEveryCoverageKey(t *testing.T) {
	c, err := Parse(".testgate.yml", []byte(`
coverage:
  threshold:
    total: 85.5
    package: 60
    file: 40
  overrides:
    - path: /internal/legacy/
      package: 20
    - path: _gen\.go$
      file: 0
  exclude:
    - /mocks/
    - '_string\.go$'
`))
	if err != nil {
		t.Fatal(err)
	}
	p := c.Coverage.Policy()
	if p.Total != 85.5 || p.Package != 60 || p.File != 40 {
		t.Errorf("thresholds = %v/%v/%v, want 85.5/60/40", p.Total, p.Package, p.File)
	}
	if got := p.PackageThreshold("example.com/m/internal/legacy/old"); got != 20 {
		t.Errorf("legacy package threshold = %v, want 20", got)
	}
	if got := p.FileThreshold("example.com/m/x_gen.go"); got != 0 {
		t.Errorf("generated-looking file threshold = %v, want 0", got)
	}
	if got := p.FileThreshold("example.com/m/internal/legacy/old/a.go"); got != 40 {
		t.Errorf("legacy file threshold = %v, want the global 40 (the override sets only package)", got)
	}
	ex := c.Coverage.ExcludePatterns()
	if len(ex) != 2 || !ex[0].MatchString("m/mocks/a.go") || !ex[1].MatchString("m/kind_string.go") {
		t.Errorf("exclude patterns = %v, want /mocks/ and _string\\.go$", ex)
	}
}

func TestParseKeepsDefaultsForKeysNotSet(t *testing.T) {
	for _, text := range []string{"", "# nothing yet\n", "coverage:\n", "coverage:\n  threshold:\n    package: 50\n"} {
		c, err := Parse("x.yml", []byte(text))
		if err != nil {
			t.Fatalf("Parse(%q): %v", text, err)
		}
		if c.Coverage.Threshold.Total != 80 || c.Coverage.Threshold.File != 0 {
			t.Errorf("Parse(%q) thresholds = %+v, want total 80 and file 0 by default", text, c.Coverage.Threshold)
		}
	}
}

func TestParseRejectsBadConfigNamingLineAndKey(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"unknown top-level key", "coverage: {}\nlinter: {}\n", `x.yml:2: unknown key "linter" at the top level (known: coverage, lint, check)`},
		{"unknown threshold key", "coverage:\n  threshold:\n    total: 80\n    pakage: 3\n", `x.yml:4: unknown key "pakage" in coverage.threshold (known: total, package, file, function)`},
		{"unknown override key", "coverage:\n  overrides:\n    - path: x\n      files: 3\n", `x.yml:4: unknown key "files" in coverage.overrides[0]`},
		{"threshold not a number", "coverage:\n  threshold:\n    total: high\n", `x.yml:3: coverage.threshold.total: want a percentage from 0 to 100, got "high"`},
		{"threshold with percent sign", "coverage:\n  threshold:\n    total: 80%\n", `coverage.threshold.total: want a percentage from 0 to 100, got "80%"`},
		{"threshold above 100", "coverage:\n  threshold:\n    file: 101\n", "x.yml:3: coverage.threshold.file: want a percentage from 0 to 100, got 101"},
		{"negative threshold", "coverage:\n  threshold:\n    file: -1\n", "want a percentage from 0 to 100, got -1"},
		{"NaN threshold", "coverage:\n  threshold:\n    file: .nan\n", "want a percentage from 0 to 100, got NaN"},
		{"threshold as a list", "coverage:\n  threshold:\n    total: [80]\n", "coverage.threshold.total: want a percentage from 0 to 100, got a list"},
		{"threshold section as a number", "coverage:\n  threshold: 80\n", `x.yml:2: coverage.threshold: want a mapping of total, package, file, function, got "80"`},
		{"bad regexp", "coverage:\n  exclude:\n    - '(unclosed'\n", "x.yml:3: coverage.exclude[0]: bad regular expression: error parsing regexp: missing closing )"},
		{"regexp not a string", "coverage:\n  exclude:\n    - {a: b}\n", "coverage.exclude[0]: want a regular expression (a string), got a mapping"},
		{"exclude not a list", "coverage:\n  exclude: /mocks/\n", `x.yml:2: coverage.exclude: want a list, got "/mocks/"`},
		{"override without path", "coverage:\n  overrides:\n    - file: 3\n", `x.yml:3: coverage.overrides[0]: missing key "path"`},
		{"override without threshold", "coverage:\n  overrides:\n    - path: x\n", `x.yml:3: coverage.overrides[0]: sets no threshold`},
		{"duplicate key", "coverage:\n  threshold:\n    total: 80\n    total: 90\n", "x.yml:4: duplicate key coverage.threshold.total (first on line 3)"},
		{"syntax error", "coverage:\n  threshold: [\n", "x.yml:2: did not find expected node content"},
		{"tabs", "coverage:\n\tthreshold: {}\n", "x.yml:2: found character that cannot start any token"},
		{"top level a list", "- coverage\n", "x.yml:1: want a mapping of coverage, lint, check, got a list"},
		{"empty list item", "coverage:\n  overrides:\n    -\n", "x.yml:3: coverage.overrides[0]: empty list item"},
		{"second document", "coverage: {}\n---\nlint:\n  disable: [sleep]\n", "x.yml:3: a second YAML document: testgate reads only one"},
		{"third document after an empty one", "coverage: {}\n---\n---\ncoverage: {}\n", "x.yml:4: a second YAML document"},
		{"syntax error in a second document", "coverage: {}\n---\n  a: [\n", "x.yml:3: did not find expected node content"},
		{"larger than MaxSize", "coverage: {}\n" + strings.Repeat("#", MaxSize), "x.yml: larger than 1048576 bytes: not a testgate configuration"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("x.yml", []byte(tt.text))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestParseFollowsAnchorsAndAliases(t *testing.T) {
	c, err := Parse("x.yml", []byte("coverage:\n  threshold:\n    package: &p 70\n    file: *p\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Coverage.Threshold.File != 70 {
		t.Errorf("file threshold = %v, want 70 through the alias", c.Coverage.Threshold.File)
	}
}

func TestParseAcceptsEmptyDocumentsAroundTheConfiguration(t *testing.T) {
	for _, text := range []string{"", "# nothing yet\n", "---\ncoverage: {threshold: {total: 70}}\n", "coverage: {threshold: {total: 70}}\n---\n", "coverage: {threshold: {total: 70}}\n...\n"} {
		if _, err := Parse("x.yml", []byte(text)); err != nil {
			t.Errorf("Parse(%q) = %v, want no error", text, err)
		}
	}
}

func TestLoadDirRejectsADanglingSymlink(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink("shared/testgate.yml", filepath.Join(dir, FileName)); err != nil {
		t.Skipf("cannot make a symbolic link here: %v", err)
	}
	_, err := LoadDir(dir)
	want := filepath.Join(dir, FileName) + ": a symbolic link to shared/testgate.yml, which does not exist"
	if err == nil || err.Error() != want {
		t.Errorf("LoadDir error = %v, want %q", err, want)
	}
}

func TestLoadStopsReadingPastMaxSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.yml")
	if err := os.WriteFile(path, []byte("coverage: {}\n"+strings.Repeat("# padding\n", MaxSize/5)), 0o666); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path); err == nil || !strings.Contains(err.Error(), path+": larger than 1048576 bytes") {
		t.Errorf("Load error = %v, want one saying the file is too large", err)
	}
}

func TestLoadDirUsesDefaultsWithoutAFile(t *testing.T) {
	c, err := LoadDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Coverage.Policy(); got.Total != coverage.DefaultPolicy().Total || len(got.Overrides) != 0 {
		t.Errorf("policy = %+v, want the default", got)
	}
}

func TestLoadDirReadsTheFileInDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte("coverage:\n  threshold:\n    total: 90\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	c, err := LoadDir(dir)
	if err != nil || c.Coverage.Threshold.Total != 90 {
		t.Errorf("LoadDir = %+v, %v; want total 90", c, err)
	}
}

func TestLoadDirReportsAnUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, FileName), 0o777); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadDir(dir); err == nil {
		t.Error("LoadDir of a directory named .testgate.yml succeeded, want an error")
	}
}

func TestLoadNamesTheMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "custom.yml")
	if _, err := Load(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("Load error = %v, want one naming %s", err, path)
	}
}

func TestCheckPercentAcceptsZeroToHundred(t *testing.T) {
	for _, f := range []float64{0, 0.5, 79.95, 100} {
		if got, err := CheckPercent(f); got != f || err != nil {
			t.Errorf("CheckPercent(%v) = %v, %v", f, got, err)
		}
	}
	for _, f := range []float64{-0.1, 100.01} {
		if _, err := CheckPercent(f); err == nil {
			t.Errorf("CheckPercent(%v) succeeded, want an error", f)
		}
	}
}
