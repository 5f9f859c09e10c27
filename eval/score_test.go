package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var testModules = []module{{"example.com/a", "v1.0.0"}, {"example.com/b", "v0.2.0"}}

func TestReadModulesSkipsCommentsAndBlankLines(t *testing.T) {
	path := writeFile(t, "modules.txt", "# pinned\n\nexample.com/a@v1.0.0\n  example.com/b@v0.2.0  \n")
	mods, err := readModules(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(mods) != 2 || mods[0] != testModules[0] || mods[1] != testModules[1] {
		t.Fatalf("readModules = %v, want %v", mods, testModules)
	}
	if got := mods[0].String(); got != "example.com/a@v1.0.0" {
		t.Errorf("String() = %q", got)
	}
}

func TestReadModulesRejectsBadLines(t *testing.T) {
	for name, content := range map[string]string{
		"no version":    "example.com/a\n",
		"not a version": "example.com/a@latest\n",
		"listed twice":  "example.com/a@v1.0.0\nexample.com/a@v1.1.0\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := readModules(writeFile(t, "modules.txt", content))
			if err == nil || !strings.Contains(err.Error(), "modules.txt:") {
				t.Fatalf("err = %v, want an error naming the file and line", err)
			}
		})
	}
}

func TestReadModulesReportsAMissingFile(t *testing.T) {
	if _, err := readModules(filepath.Join(t.TempDir(), "absent.txt")); err == nil {
		t.Fatal("want an error for a missing file")
	}
}

func TestReadGoldParsesRows(t *testing.T) {
	path := writeFile(t, "gold.tsv", "# header\n\n"+
		"example.com/a\tx_test.go:12\tsleep\tflag\twaits for a goroutine\n"+
		"example.com/b\tdir/y_test.go:3\tsecret\tclean\tAWS EXAMPLE key\n")
	rows, err := readGold(path, testModules)
	if err != nil {
		t.Fatal(err)
	}
	want := []row{
		{place{"example.com/a", "x_test.go", 12, "sleep"}, true, "waits for a goroutine"},
		{place{"example.com/b", "dir/y_test.go", 3, "secret"}, false, "AWS EXAMPLE key"},
	}
	if len(rows) != len(want) || rows[0] != want[0] || rows[1] != want[1] {
		t.Fatalf("readGold = %+v, want %+v", rows, want)
	}
}

func TestReadGoldRejectsBadRows(t *testing.T) {
	for name, tc := range map[string]struct{ line, want string }{
		"too few fields":   {"example.com/a\tx_test.go:1\tsleep\tflag", "5 tab-separated fields"},
		"unknown module":   {"example.com/z\tx_test.go:1\tsleep\tflag\tr", `module "example.com/z"`},
		"no line":          {"example.com/a\tx_test.go\tsleep\tflag\tr", "want file:line"},
		"negative line":    {"example.com/a\tx_test.go:-1\tsleep\tflag\tr", "want file:line"},
		"no analyzer":      {"example.com/a\tx_test.go:1\t\tflag\tr", "missing analyzer"},
		"bad expectation":  {"example.com/a\tx_test.go:1\tsleep\tmaybe\tr", "want flag or clean"},
		"no reason":        {"example.com/a\tx_test.go:1\tsleep\tflag\t ", "missing reason"},
		"labelled twice":   {"example.com/a\tx_test.go:1\tsleep\tflag\tr\nexample.com/a\tx_test.go:1\tsleep\tclean\tr", "already labelled at line 1"},
		"file line number": {"\n\nexample.com/a\tx_test.go:1\tsleep\tnope\tr", "gold.tsv:3:"},
		"whole file flag":  {"example.com/a\tx_test.go:*\tsleep\tflag\tr", "can only be labelled clean"},
		"line written 0":   {"example.com/a\tx_test.go:0\tsleep\tclean\tr", "want file:line"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := readGold(writeFile(t, "gold.tsv", tc.line+"\n"), testModules)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestReadGoldReportsAMissingFile(t *testing.T) {
	if _, err := readGold(filepath.Join(t.TempDir(), "absent.tsv"), testModules); err == nil {
		t.Fatal("want an error for a missing file")
	}
}

func TestOnlyKeepsTheRowsOfTheMeasuredModules(t *testing.T) {
	rows := []row{
		{place: place{Module: "example.com/a"}},
		{place: place{Module: "example.com/b"}},
	}
	kept := only(rows, testModules[1:])
	if len(kept) != 1 || kept[0].Module != "example.com/b" {
		t.Fatalf("only = %+v", kept)
	}
}

const lintJSON = `{
	"example.com/a": {
		"sleep": [
			{"posn": "/work/a/x_test.go:12:2", "message": "waits"},
			{"posn": "/work/a/x_test.go:12:9", "message": "waits again on the same line"}
		],
		"isolation": {"error": "analysis failed"}
	},
	"example.com/a [example.com/a.test]": {
		"sleep": [{"posn": "/work/a/x_test.go:12:2", "message": "waits"}],
		"secret": [{"posn": "/elsewhere/cache/dep.go:1:1", "message": "outside the module"}]
	}
}`

func TestParseLintCountsAPlaceOnceAndKeepsFailuresAsWarnings(t *testing.T) {
	reports, warnings, err := parseLint([]byte(lintJSON), "/work/a", "example.com/a")
	if err != nil {
		t.Fatal(err)
	}
	want := report{place{"example.com/a", "x_test.go", 12, "sleep"}, "waits"}
	if len(reports) != 1 || reports[0] != want {
		t.Fatalf("reports = %+v, want [%+v]", reports, want)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "analysis failed") {
		t.Fatalf("warnings = %q", warnings)
	}
}

func TestParseLintRejectsMalformedOutput(t *testing.T) {
	for name, out := range map[string]string{
		"not json":       "go: no packages",
		"bad findings":   `{"p": {"sleep": 3}}`,
		"bad position":   `{"p": {"sleep": [{"posn": "x_test.go", "message": "m"}]}}`,
		"line not digit": `{"p": {"sleep": [{"posn": "x_test.go:a:1", "message": "m"}]}}`,
	} {
		t.Run(name, func(t *testing.T) {
			if _, _, err := parseLint([]byte(out), "/work/a", "example.com/a"); err == nil {
				t.Fatal("want an error")
			}
		})
	}
}

func TestScoreMatchesReportsToRowsByPlace(t *testing.T) {
	gold := []row{
		{place{"m", "a_test.go", 1, "sleep"}, true, "found"},
		{place{"m", "a_test.go", 2, "sleep"}, true, "missed"},
		{place{"m", "a_test.go", 3, "sleep"}, false, "false alarm"},
		{place{"m", "a_test.go", 4, "sleep"}, false, "quiet look-alike"},
		{place{"m", "b_test.go", 1, "secret"}, true, "found"},
	}
	reports := []report{
		{place{"m", "a_test.go", 1, "sleep"}, "r1"},
		{place{"m", "a_test.go", 3, "sleep"}, "r3"},
		{place{"m", "b_test.go", 1, "secret"}, "r5"},
		{place{"m", "b_test.go", 1, "sleep"}, "same line, other analyzer"},
	}
	res := score(gold, reports)
	if got := *res.tallies["sleep"]; got != (tally{flags: 2, cleans: 2, found: 1, missed: 1, falseAlarms: 1}) {
		t.Errorf("sleep tally = %+v", got)
	}
	if got := *res.tallies["secret"]; got != (tally{flags: 1, found: 1}) {
		t.Errorf("secret tally = %+v", got)
	}
	if len(res.misses) != 1 || res.misses[0].Line != 2 {
		t.Errorf("misses = %+v", res.misses)
	}
	if len(res.falseAlarms) != 1 || res.falseAlarms[0].Message != "r3" {
		t.Errorf("false alarms = %+v", res.falseAlarms)
	}
	if len(res.unlabelled) != 1 || res.unlabelled[0].Message != "same line, other analyzer" {
		t.Errorf("unlabelled = %+v", res.unlabelled)
	}
}

func TestPrintShowsFiguresAndEveryListedPlace(t *testing.T) {
	gold := []row{
		{place{"m", "a_test.go", 1, "sleep"}, true, "found"},
		{place{"m", "a_test.go", 2, "sleep"}, true, "waits for a server"},
		{place{"m", "a_test.go", 3, "sleep"}, false, "a poll loop"},
		{place{"m", "b_test.go", 9, "isolation"}, false, "restored"},
	}
	reports := []report{
		{place{"m", "a_test.go", 1, "sleep"}, "r1"},
		{place{"m", "a_test.go", 3, "sleep"}, "sleeps in a loop"},
		{place{"m", "c_test.go", 5, "noassert"}, "TestX never fails"},
	}
	var out bytes.Buffer
	score(gold, reports).print(&out)
	for _, want := range []string{
		"sleep 2 1 1 1 1 0.50 (1/2) 0.50 (1/2)",
		"isolation 0 1 0 0 0 - -",
		"overall 2 2 1 1 1 0.50 (1/2) 0.50 (1/2)",
		"Misses (1)",
		"m a_test.go:2 sleep: waits for a server",
		"False alarms (1)",
		"m a_test.go:3 sleep: a poll loop\nreported: sleeps in a loop",
		"Unlabelled (1)",
		"m c_test.go:5 noassert: TestX never fails",
	} {
		if !strings.Contains(squeeze(out.String()), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// squeeze trims each line and collapses its runs of spaces, so that tests
// do not depend on the table's column widths.
func squeeze(s string) string {
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		lines[i] = strings.Join(strings.Fields(line), " ")
	}
	return strings.Join(lines, "\n")
}

func TestScoreCountsEveryReportInAFileLabelledCleanAsAFalseAlarm(t *testing.T) {
	path := writeFile(t, "gold.tsv", "example.com/a\tgen_test.go:*\ttestname\tclean\tgenerated\n"+
		"example.com/a\tgen_test.go:5\ttestname\tflag\ta row for one line wins\n")
	gold, err := readGold(path, testModules)
	if err != nil {
		t.Fatal(err)
	}
	reports := []report{
		{place{"example.com/a", "gen_test.go", 9, "testname"}, "Case2"},
		{place{"example.com/a", "gen_test.go", 7, "testname"}, "Case1"},
		{place{"example.com/a", "gen_test.go", 5, "testname"}, "hit"},
		{place{"example.com/a", "gen_test.go", 9, "sleep"}, "other analyzer"},
	}
	res := score(gold, reports)
	if got := *res.tallies["testname"]; got != (tally{flags: 1, cleans: 1, found: 1, falseAlarms: 2}) {
		t.Errorf("tally = %+v", got)
	}
	if len(res.falseAlarms) != 1 || res.falseAlarms[0].Message != "2 reports, first at line 7: Case1" {
		t.Errorf("false alarms = %+v", res.falseAlarms)
	}
	if len(res.unlabelled) != 1 || res.unlabelled[0].Analyzer != "sleep" {
		t.Errorf("unlabelled = %+v", res.unlabelled)
	}
	if got := res.falseAlarms[0].String(); got != "example.com/a gen_test.go:* testname" {
		t.Errorf("place = %q", got)
	}
}
