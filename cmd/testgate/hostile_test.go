package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/testgate/testgate/internal/testtree"
)

// A module whose one function has two statements, one of them covered.
const (
	hostileGoMod   = "module example.com/h\n\ngo 1.26\n"
	hostileSource  = "package h\n\nfunc F(x int) int {\n\tif x > 0 {\n\t\treturn 1\n\t}\n\treturn 0\n}\n"
	hostileProfile = "mode: set\nexample.com/h/h.go:3.19,4.11 1 1\nexample.com/h/h.go:4.11,6.3 1 0\nexample.com/h/h.go:7.2,7.10 1 1\n"
)

func TestCoverRejectsHostileInputNamingWhatIsWrong(t *testing.T) {
	t.Setenv("GOWORK", "off")
	module := map[string]string{"go.mod": hostileGoMod, "h.go": hostileSource, "c.out": hostileProfile}
	with := func(extra map[string]string) map[string]string {
		files := make(map[string]string, len(module)+len(extra))
		for k, v := range module {
			files[k] = v
		}
		for k, v := range extra {
			files[k] = v
		}
		return files
	}
	tests := []struct {
		name  string
		files map[string]string
		args  []string
		want  string // the first line of stderr starts with it
	}{
		{"function gate without sources", map[string]string{"c.out": hostileProfile}, []string{"-function=90", "c.out"},
			"testgate cover: cannot judge function coverage: no function of the 1 profiled Go files could be counted: the sources of 1 are not found"},
		{"function gate on sources that do not parse", with(map[string]string{"h.go": "package h\n\nfunc F(x int {\n"}), []string{"-function=90", "c.out"},
			"testgate cover: cannot judge function coverage: no function of the 1 profiled Go files could be counted: 1 do not parse (e.g. example.com/h/h.go)"},
		{"everything excluded", with(map[string]string{".testgate.yml": "coverage:\n  exclude: ['']\n"}), []string{"-total=100", "c.out"},
			`testgate cover: no statements left to measure: 1 files excluded (e.g. example.com/h/h.go: matches exclude pattern "")`},
		{"everything ignored", with(map[string]string{"h.go": strings.Replace(hostileSource, "int {\n", "int { //coverage:ignore unreachable\n", 1)}), []string{"-total=100", "c.out"},
			"testgate cover: no statements left to measure: 1 functions or blocks ignored (e.g. example.com/h/h.go:3: //coverage:ignore)"},
		{"overlong profile line", with(map[string]string{"long.out": "mode: set\n" + strings.Repeat("x", 100<<10) + "\n"}), []string{"long.out"},
			"testgate cover: long.out:2: line longer than 65536 bytes"},
		{"overlong LCOV line", with(map[string]string{"long.info": "TN:\nSF:" + strings.Repeat("x", 17<<20) + "\n"}), []string{"long.info"},
			"testgate cover: long.info:2: line longer than 16777216 bytes"},
		{"statement counts past any program", with(map[string]string{"big.out": "mode: set\nexample.com/h/h.go:3.19,4.11 9223372036854775807 0\nexample.com/h/h.go:4.11,6.3 9223372036854775807 0\n"}), []string{"big.out"},
			"testgate cover: big.out:2: statement count 9223372036854775807 brings the profile past 1099511627776 statements"},
		{"baseline {}", with(map[string]string{"b.json": "{}"}), []string{"-total=0", "-baseline=b.json", "c.out"},
			"testgate cover: b.json:1: not a baseline written by testgate cover -write-baseline: no total"},
		{"baseline null", with(map[string]string{"b.json": "null\n"}), []string{"-total=0", "-baseline=b.json", "c.out"},
			"testgate cover: b.json:1: not a baseline written by testgate cover -write-baseline: no total"},
		{"baseline of two documents", with(map[string]string{"b.json": "{\"total\": 50, \"packages\": {}}\n{\"total\": 0, \"packages\": {}}\n"}), []string{"-total=0", "-baseline=b.json", "c.out"},
			"testgate cover: b.json:2: not a baseline written by testgate cover -write-baseline: more after the baseline's object"},
		{"duplicate lint.enable", with(map[string]string{".testgate.yml": "lint:\n  enable: [sleep]\n  enable: [secret]\n"}), []string{"c.out"},
			"testgate cover: .testgate.yml:3: duplicate key lint.enable (first on line 2)"},
		{"duplicate lint.disable", with(map[string]string{".testgate.yml": "lint:\n  disable: [sleep]\n  disable: [secret]\n"}), []string{"c.out"},
			"testgate cover: .testgate.yml:3: duplicate key lint.disable (first on line 2)"},
		{"second YAML document", with(map[string]string{".testgate.yml": "coverage:\n  threshold: {total: 10}\n---\ncoverage:\n  threshold: {total: 99}\n"}), []string{"c.out"},
			"testgate cover: .testgate.yml:4: a second YAML document: testgate reads only one"},
		{"configuration of 2 MB", with(map[string]string{".testgate.yml": "coverage: {}\n" + strings.Repeat("# padding\n", 200<<10)}), []string{"c.out"},
			"testgate cover: .testgate.yml: larger than 1048576 bytes: not a testgate configuration"},
		{"empty -diff-base", module, []string{"-diff-base", "", "c.out"},
			`invalid value "" for flag -diff-base: no revision: name the base branch or commit, e.g. origin/main`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			testtree.Write(t, dir, tt.files)
			res := runTestgate(t, dir, append([]string{"cover"}, tt.args...)...)
			first, _, _ := strings.Cut(res.stderr, "\n")
			if res.code != exitBadUsage || !strings.HasPrefix(first, tt.want) {
				t.Errorf("exit %d, first line of stderr %q; want exit 2 and a line starting %q", res.code, first, tt.want)
			}
		})
	}
}

func TestCoverRejectsADanglingConfigSymlink(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{"go.mod": hostileGoMod, "h.go": hostileSource, "c.out": hostileProfile})
	if err := os.Symlink("../shared/testgate.yml", filepath.Join(dir, ".testgate.yml")); err != nil {
		t.Skipf("cannot make a symbolic link: %v", err)
	}
	res := runTestgate(t, dir, "cover", "-total=0", "c.out")
	if want := "testgate cover: .testgate.yml: a symbolic link to ../shared/testgate.yml, which does not exist"; res.code != exitBadUsage || !strings.HasPrefix(res.stderr, want) {
		t.Errorf("exit %d, stderr %q; want exit 2 and %q", res.code, res.stderr, want)
	}
}

func TestCoverReadsLCOVFromAPipe(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{"go.mod": hostileGoMod, "h.go": hostileSource})
	cmd := exec.Command(testgateBinary, "cover", "-format=json", "-total=0", "/dev/stdin")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader("TN:\nSF:h.go\nDA:3,1\nDA:4,1\nDA:5,0\nend_of_record\n")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("testgate cover /dev/stdin: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), `"line_files": [`) || !strings.Contains(string(out), `"statements": 3`) {
		t.Errorf("report = %s, want 3 lines read as LCOV", out)
	}
}

func TestCoverResolvesLCOVPathsFromTheRepositoryRoot(t *testing.T) {
	t.Setenv("GOWORK", "off")
	repo := t.TempDir()
	testtree.Write(t, repo, map[string]string{
		".git/HEAD":    "ref: refs/heads/main\n",
		"svc/go.mod":   hostileGoMod,
		"svc/h.go":     hostileSource,
		"svc/gen.go":   "// Code generated by hand. DO NOT EDIT.\n\npackage h\n\nfunc G() {\n\tprintln()\n}\n",
		"coverage.dat": "TN:\nSF:svc/h.go\nDA:3,1\nDA:4,1\nDA:5,0\nDA:7,1\nend_of_record\nSF:svc/gen.go\nDA:5,0\nDA:6,0\nend_of_record\n",
	})
	r, res := coverJSON(t, filepath.Join(repo, "svc"), "-total=0", "-function=100", filepath.Join(repo, "coverage.dat"))
	if res.code != 0 || r.Total.Statements != 4 || len(r.Excluded) != 1 || r.Excluded[0].Name != "svc/gen.go" {
		t.Errorf("exit %d, total %+v, excluded %+v; want the generated file excluded and 4 lines\n%s", res.code, r.Total, r.Excluded, res.stderr)
	}
	if r.Functions == nil || r.Functions.Functions != 1 {
		t.Errorf("functions = %+v, want F counted", r.Functions)
	}
	if strings.Contains(res.stderr, "warning") {
		t.Errorf("stderr = %q, want no warning: the sources were found", res.stderr)
	}
}

func TestCoverMergesCountAndAtomicProfilesAsCount(t *testing.T) {
	a := writeProfile(t, "mode: count\nm/a.go:1.1,2.1 1 1\nm/a.go:3.1,4.1 1 0\n")
	b := writeProfile(t, "mode: atomic\nm/a.go:1.1,2.1 1 0\nm/a.go:3.1,4.1 1 5\n")
	res := runTestgate(t, t.TempDir(), "cover", "-total=100", "-include-generated", a, b)
	if res.code != 0 || strings.Contains(res.stderr, "different modes") {
		t.Errorf("exit %d, stderr %q; want a pass without a warning on modes", res.code, res.stderr)
	}
}

func TestCoverPrintsControlCharactersInFileNamesEscaped(t *testing.T) {
	profile := writeProfile(t, "mode: set\nm/\x1b[2J\x1b[31mevil.go:1.1,2.1 1 0\n")
	for _, format := range []string{"table", "github", "markdown"} {
		res := runTestgate(t, t.TempDir(), "cover", "-format="+format, "-file=50", "-include-generated", profile)
		if res.code != exitFailed || strings.Contains(res.stdout, "\x1b") || !strings.Contains(res.stdout, "x1b") {
			t.Errorf("-format=%s: exit %d, stdout %q; want exit 1 and the escape shown as \\x1b", format, res.code, res.stdout)
		}
	}
}

func TestCoverKeepsTheOtherModulesOfAGoWorkWithABadUseLine(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"go.work":  "go 1.26\n\nuse (\n\t./h\n\t./gone\n)\n",
		"h/go.mod": hostileGoMod,
		"h/h.go":   hostileSource,
		"h/gen.go": "// Code generated by hand. DO NOT EDIT.\n\npackage h\n\nfunc G() {\n\tprintln()\n}\n",
		"c.out":    hostileProfile + "example.com/h/gen.go:5.10,7.2 1 0\n",
	})
	t.Setenv("GOWORK", "")
	r, res := coverJSON(t, dir, "-total=0", filepath.Join(dir, "c.out"))
	if res.code != 0 || len(r.Excluded) != 1 {
		t.Errorf("exit %d, excluded %+v; want the generated file of the good module excluded\n%s", res.code, r.Excluded, res.stderr)
	}
	if want := "go.work:5: use ./gone: "; !strings.Contains(res.stderr, want) {
		t.Errorf("stderr = %q, want a warning containing %q", res.stderr, want)
	}
}
