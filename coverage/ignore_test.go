package coverage

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/testgate/testgate/internal/testtree"
)

// ignoreSource is a file with //coverage:ignore directives on a statement's
// body, a function, a case clause and an if whose line also opens a closure;
// ignoreProfile is what go test -coverprofile wrote for it.
const ignoreSource = `package m

func Keep(x int) int {
	if x > 0 { //coverage:ignore unreachable: callers pass negatives
		return 1
	}
	return 0
}

func Drop() int { //coverage:ignore exercised by the integration suite
	go func() {}()
	return 2
}

func Switch(x int) int {
	switch x {
	case 1: //coverage:ignore legacy callers only
		return 1
	}
	if err := run(func() {}); err != nil { //coverage:ignore run never fails here
		return -1
	}
	return 0
}

func run(f func()) error { f(); return nil }
`

const ignoreProfile = `mode: set
example.com/m/a.go:3.22,4.11 1 1
example.com/m/a.go:4.11,6.3 1 0
example.com/m/a.go:7.2,7.10 1 1
example.com/m/a.go:10.17,11.12 1 0
example.com/m/a.go:11.13,11.14 0 0
example.com/m/a.go:12.2,12.10 1 0
example.com/m/a.go:15.24,16.11 1 1
example.com/m/a.go:17.9,18.11 1 0
example.com/m/a.go:20.2,20.23 1 1
example.com/m/a.go:20.24,20.25 0 1
example.com/m/a.go:20.39,22.3 1 0
example.com/m/a.go:23.2,23.10 1 1
example.com/m/a.go:26.26,26.45 2 1
`

// moduleSources writes files into a temporary module example.com/m and
// returns Sources that find them.
func moduleSources(t *testing.T, files map[string]string) *Sources {
	t.Helper()
	dir := t.TempDir()
	testtree.Write(t, dir, files)
	return NewSources(dir, Module{Path: "example.com/m", Dir: dir})
}

func TestExcludeIgnoredDropsTheBlocksOfEachDirective(t *testing.T) {
	src := moduleSources(t, map[string]string{"a.go": ignoreSource})
	in := mustParse(t, ignoreProfile)
	p, err := ExcludeIgnored(in, src, true)
	if err != nil {
		t.Fatal(err)
	}
	want := []Ignored{
		{File: "example.com/m/a.go", Line: 4, Statements: 1, Reason: "unreachable: callers pass negatives"},
		{File: "example.com/m/a.go", Line: 10, Statements: 2, Reason: "exercised by the integration suite"},
		{File: "example.com/m/a.go", Line: 17, Statements: 1, Reason: "legacy callers only"},
		// The closure on line 20 stays: the directive is the if body's.
		{File: "example.com/m/a.go", Line: 20, Statements: 1, Reason: "run never fails here"},
	}
	if !reflect.DeepEqual(p.Ignored, want) {
		t.Errorf("Ignored = %+v\nwant      %+v", p.Ignored, want)
	}
	if s := Summarize(p); s.Total != (Counts{Statements: 7, Covered: 7}) {
		t.Errorf("total = %+v, want the 7 statements left, all covered", s.Total)
	}
	if got := len(in.Files[0].Blocks); got != 13 {
		t.Errorf("input profile changed: %d blocks, want 13", got)
	}
	if len(p.Warnings) != 0 {
		t.Errorf("warnings = %q, want none", p.Warnings)
	}
}

func TestExcludeIgnoredRejectsMisplacedAndUnreasonedDirectives(t *testing.T) {
	src := `package m

var table = map[int]int{ //coverage:ignore data, not code
	1: 2,
}

func F() int { //coverage:ignore
	return 1
}

//coverage:ignore the doc comment is not the opening line
func G() int {
	return 2
}
`
	profile := "mode: set\nexample.com/m/a.go:7.14,9.2 1 0\nexample.com/m/a.go:12.14,14.2 1 0\n"
	sources := moduleSources(t, map[string]string{"a.go": src})
	_, err := ExcludeIgnored(mustParse(t, profile), sources, true)
	if err == nil {
		t.Fatal("ExcludeIgnored succeeded, want errors")
	}
	lines := strings.Split(err.Error(), "\n")
	wants := []string{
		"a.go:3: //coverage:ignore is not on a line that opens a function or block",
		"a.go:7: //coverage:ignore has no reason: say why the code needs no test",
		"a.go:11: //coverage:ignore is not on a line that opens a function or block",
	}
	if len(lines) != len(wants) {
		t.Fatalf("errors:\n%s\nwant %d lines", err, len(wants))
	}
	for i, want := range wants {
		if !strings.Contains(lines[i], want) {
			t.Errorf("error line %d = %q, want it to contain %q", i+1, lines[i], want)
		}
	}

	// Without require-reason, the bare directive on line 7 counts.
	fixed := strings.Replace(strings.Replace(src, " //coverage:ignore data, not code", "", 1), "//coverage:ignore the doc", "// the doc", 1)
	sources = moduleSources(t, map[string]string{"a.go": fixed})
	p, err := ExcludeIgnored(mustParse(t, profile), sources, false)
	if err != nil {
		t.Fatal(err)
	}
	if want := []Ignored{{File: "example.com/m/a.go", Line: 7, Statements: 1}}; !reflect.DeepEqual(p.Ignored, want) {
		t.Errorf("Ignored = %+v, want %+v", p.Ignored, want)
	}
}

func TestExcludeIgnoredParsesOnlyFilesWithTheDirective(t *testing.T) {
	src := moduleSources(t, map[string]string{
		// Not Go at all: parsing it would fail.
		"broken.go": "this is not Go, but mentions coverage:ignore without the slashes\n",
		"wordy.go":  "package m\n\nfunc F() { //coverage:ignored is another word\n}\n",
	})
	p := mustParse(t, "mode: set\nexample.com/m/broken.go:1.1,2.1 1 0\nexample.com/m/wordy.go:3.10,4.2 0 0\n")
	got, err := ExcludeIgnored(p, src, true)
	if err != nil {
		t.Fatalf("ExcludeIgnored: %v", err)
	}
	if len(got.Ignored) != 0 || len(got.Files[0].Blocks) != 1 {
		t.Errorf("Ignored = %+v, want nothing dropped", got.Ignored)
	}
}

func TestExcludeIgnoredReportsUnparsableSourcesWithADirective(t *testing.T) {
	src := moduleSources(t, map[string]string{"a.go": "package m\n\nfunc F() { //coverage:ignore reason\n"})
	_, err := ExcludeIgnored(mustParse(t, "mode: set\nexample.com/m/a.go:3.10,4.2 1 0\n"), src, true)
	if err == nil || !strings.Contains(err.Error(), "reading //coverage:ignore directives") || !strings.Contains(err.Error(), "a.go:3:") {
		t.Errorf("error = %v, want a parse error naming a.go", err)
	}
}

func TestExcludeIgnoredWarnsOnceAboutMissingSources(t *testing.T) {
	src := moduleSources(t, nil)
	p := mustParse(t, "mode: set\nexample.com/m/gone.go:1.1,2.1 1 0\nexample.com/m/x.rl:1.1,2.1 1 0\nexample.com/other/b.go:1.1,2.1 1 0\n")
	got, err := ExcludeIgnored(p, src, true)
	if err != nil {
		t.Fatal(err)
	}
	want := "cannot find the sources of 2 of 3 profiled files (e.g. example.com/m/gone.go): //coverage:ignore directives in them are not applied"
	if len(got.Warnings) != 1 || !strings.HasPrefix(got.Warnings[0].Message, want) {
		t.Errorf("warnings = %q, want one starting %q", got.Warnings, want)
	}
	again, err := ExcludeIgnored(got, src, true)
	if err != nil || len(again.Warnings) != 1 {
		t.Errorf("second pass: warnings %q, error %v; want the first warning only", again.Warnings, err)
	}
}

func TestRequireStatementsRejectsAProfileWithNothingLeft(t *testing.T) {
	src := moduleSources(t, map[string]string{"a.go": ignoreSource})
	all := mustParse(t, "mode: set\nexample.com/m/a.go:3.20,5.2 1 1\n")
	tests := []struct {
		name string
		p    *Profile
		want string
	}{
		{"everything excluded", ExcludeMatching(all, []*regexp.Regexp{regexp.MustCompile("")}),
			`no statements left to measure: 1 files excluded (e.g. example.com/m/a.go: matches exclude pattern "")`},
		{"everything ignored", mustExcludeIgnored(t, mustParse(t, "mode: set\nexample.com/m/a.go:4.20,6.3 1 1\n"), src),
			"no statements left to measure: 4 functions or blocks ignored (e.g. example.com/m/a.go:4: //coverage:ignore)"},
		{"blocks without statements", mustParse(t, "mode: set\nexample.com/m/a.go:3.20,5.2 0 1\n"),
			"no statements to measure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := RequireStatements(tt.p); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("RequireStatements = %v, want an error containing %q", err, tt.want)
			}
		})
	}
	if err := RequireStatements(all); err != nil {
		t.Errorf("RequireStatements of a profile with a statement = %v, want nil", err)
	}
}

func mustExcludeIgnored(t *testing.T, p *Profile, src *Sources) *Profile {
	t.Helper()
	out, err := ExcludeIgnored(p, src, true)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
