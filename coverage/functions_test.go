package coverage

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestFunctionsCountsEveryDeclarationWithBlocks(t *testing.T) {
	src := moduleSources(t, map[string]string{
		"a.go": ignoreSource,
		"b.go": `package m

type T[K any] struct{}

func (t *T[K]) Ptr() {}

func (T[K]) Value() {}

//go:linkname now runtime.nanotime
func now() int64

func notProfiled() {}
`,
	})
	p := mustParse(t, ignoreProfile+"example.com/m/b.go:5.22,5.23 0 1\nexample.com/m/b.go:7.21,7.22 0 0\n")
	fs, warnings, err := Functions(p, src)
	if err != nil || len(warnings) != 0 {
		t.Errorf("warnings = %q, error %v, want neither", warnings, err)
	}
	var got []string
	for _, f := range fs {
		entered := map[bool]string{true: "entered", false: "never"}[f.Entered]
		got = append(got, fmt.Sprintf("%s %s:%d %d/%d %s", f.Name, strings.TrimPrefix(f.File, "example.com/m/"), f.Line, f.Covered, f.Statements, entered))
	}
	want := []string{
		"Keep a.go:3 2/3 entered",
		"Drop a.go:10 0/2 never",
		"Switch a.go:15 3/5 entered", // its closure on line 20 included
		"run a.go:26 2/2 entered",
		"(*T).Ptr b.go:5 0/0 entered", // an empty body's block ran
		"T.Value b.go:7 0/0 never",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Functions =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestJudgeFunctionsSharesEnteredFunctionsAndListsTheLeastCovered(t *testing.T) {
	fs := []Function{
		{Name: "A", File: "m/a.go", Line: 1, Statements: 4, Covered: 4, Percent: 100, Entered: true},
		{Name: "B", File: "m/a.go", Line: 9, Statements: 2, Covered: 0, Percent: 0},
		{Name: "C", File: "m/a.go", Line: 20, Statements: 10, Covered: 0, Percent: 0},
		{Name: "D", File: "m/b.go", Line: 3, Statements: 4, Covered: 1, Percent: 25, Entered: true},
	}
	tests := []struct {
		name      string
		threshold float64
		least     int
		pass      bool
		listed    []string
	}{
		{"threshold met, nothing listed", 50, 0, true, nil},
		{"threshold missed", 50.01, 0, false, nil},
		{"two least covered: more uncovered statements first", 0, 2, true, []string{"C", "B"}},
		{"more asked than there are", 0, 9, true, []string{"C", "B", "D", "A"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Report{Pass: true}
			JudgeFunctions(r, fs, tt.threshold, tt.least)
			f := r.Functions
			if f.Functions != 4 || f.Entered != 2 || f.Percent != 50 || f.Pass != tt.pass || r.Pass != tt.pass {
				t.Errorf("report = %+v (report pass %v), want 2 of 4 entered, 50%%, pass %v", f, r.Pass, tt.pass)
			}
			var listed []string
			for _, fn := range f.Least {
				listed = append(listed, fn.Name)
			}
			if !reflect.DeepEqual(listed, tt.listed) {
				t.Errorf("least = %v, want %v", listed, tt.listed)
			}
		})
	}
}

func TestJudgeFunctionsWithoutFunctionsPasses(t *testing.T) {
	r := &Report{Pass: true}
	JudgeFunctions(r, nil, 80, 5)
	if !r.Pass || r.Functions.Percent != 100 || r.Functions.Least != nil {
		t.Errorf("report = %+v, want 100%% and a pass without functions", r.Functions)
	}
}

func TestFunctionsOfLCOVFilesCompareLinesOnly(t *testing.T) {
	src := moduleSources(t, map[string]string{"a.go": "package m\n\nfunc F() int {\n\tx := 1\n\treturn x\n}\n\nfunc G() {\n\tprintln()\n}\n"})
	p, err := ParseLCOV("c.info", strings.NewReader("SF:example.com/m/a.go\nDA:3,1\nDA:4,1\nDA:5,1\nDA:9,0\nend_of_record\n"))
	if err != nil {
		t.Fatal(err)
	}
	fs, _, _ := Functions(p, src)
	if len(fs) != 2 || fs[0].Statements != 3 || !fs[0].Entered || fs[1].Statements != 1 || fs[1].Entered {
		t.Errorf("Functions = %+v, want F with 3 lines entered and G with 1 line not", fs)
	}
}

func TestFunctionsPlaceBlocksThatALineDirectiveLeftWithoutColumns(t *testing.T) {
	// After "//line lexer.go:20" the compiler knows lines but no columns.
	src := moduleSources(t, map[string]string{"lexer.go": "package lexer\n\n//line lexer.go:4\nfunc Empty(s string) bool { return s == \"\" }\n"})
	fs, _, _ := Functions(mustParse(t, "mode: set\nexample.com/m/lexer.go:4.0,4.0 1 0\n"), src)
	if len(fs) != 1 || fs[0].Name != "Empty" || fs[0].Statements != 1 {
		t.Errorf("Functions = %+v, want Empty with its statement", fs)
	}
}

func TestFunctionsThatCanCountNothingSayWhy(t *testing.T) {
	src := moduleSources(t, map[string]string{
		"broken.go": "package m\n\nfunc F( {\n",
		"ok.go":     "package m\n\nfunc G() {\n\tprintln()\n}\n",
	})
	tests := []struct {
		name, profile, wantErr string
		wantWarnings           []string
	}{
		{
			"sources missing",
			"mode: set\nexample.com/m/gone.go:3.10,5.2 1 1\n",
			"cannot judge function coverage: no function of the 1 profiled Go files could be counted: the sources of 1 are not found (e.g. example.com/m/gone.go)",
			[]string{"cannot find the sources of 1 of 1 profiled files (e.g. example.com/m/gone.go): their functions are not counted"},
		},
		{
			"sources do not parse",
			"mode: set\nexample.com/m/broken.go:3.10,5.2 1 1\n",
			"could be counted: 1 do not parse (e.g. example.com/m/broken.go)",
			[]string{"broken.go:3:9: expected ')', found '{'; its functions are not counted"},
		},
		{
			"blocks outside every function",
			"mode: set\nexample.com/m/ok.go:30.1,31.2 1 1\n",
			"no function in their sources holds a block of the profile",
			nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, warnings, err := Functions(mustParse(t, tt.profile), src)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || fs != nil {
				t.Errorf("Functions = %v, %v; want no functions and an error containing %q", fs, err, tt.wantErr)
			}
			if len(warnings) != len(tt.wantWarnings) {
				t.Fatalf("warnings = %q, want %q", warnings, tt.wantWarnings)
			}
			for i, w := range tt.wantWarnings {
				if !strings.Contains(warnings[i].Message, w) {
					t.Errorf("warning %d = %q, want it to contain %q", i, warnings[i], w)
				}
			}
		})
	}
}

func TestFunctionsWarnAboutAFileThatDoesNotParseAndCountTheRest(t *testing.T) {
	src := moduleSources(t, map[string]string{
		"broken.go": "package m\n\nfunc F( {\n",
		"ok.go":     "package m\n\nfunc G() {\n\tprintln()\n}\n",
	})
	fs, warnings, err := Functions(mustParse(t, "mode: set\nexample.com/m/broken.go:3.10,5.2 1 1\nexample.com/m/ok.go:3.10,5.2 1 1\n"), src)
	if err != nil || len(fs) != 1 || fs[0].Name != "G" {
		t.Errorf("Functions = %+v, %v; want G counted", fs, err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0].Message, "broken.go:3:9:") {
		t.Errorf("warnings = %q, want one naming broken.go:3:9", warnings)
	}
}
