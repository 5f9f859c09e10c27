package disabled_test

import (
	"fmt"
	"go/token"
	"path/filepath"
	"regexp"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/testgate/testgate/analyzers/disabled"
)

func TestAnalyzerReportsTestsSwitchedOff(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), disabled.Analyzer, "skip", "hidden", "specs", "fork", "lookalike/use")
}

// A // want comment cannot sit inside a /* */ block or in a file that the
// build ignores (analysistest reads those only for x/tools' own buildtag
// analyzers), so the reports there are expected by position below.
func TestAnalyzerReportsTestsInBlockCommentsAndIgnoredFiles(t *testing.T) {
	rec := &recorder{t: t, want: []expectation{
		{"commented/block_test.go", 4, `^TestParseInBlockComment is commented out \(lines 4-8\); restore it or delete it`},
		{"commented/block_test.go", 11, `^TestParseOpeningBlock is commented out \(lines 11-13\)`},
		{"ignored/ignored_test.go", 1, `^ignored_test.go holds 2 tests \(TestUploadResumes, \.\.\.\) that //go:build ignore keeps out of every build; remove the constraint to run them, or delete the file$`},
		{"ignored/never_test.go", 1, `^never_test.go holds TestUploadRetries, which //go:build linux && never keeps out of every build; remove the constraint to run it`},
	}}
	analysistest.Run(rec, analysistest.TestData(), disabled.Analyzer, "commented", "ignored")
	for _, w := range rec.want {
		t.Errorf("%s:%d: no diagnostic was reported matching `%s`", w.file, w.line, w.message)
	}
}

type expectation struct {
	file    string // the last two elements of its path
	line    int
	message string // a regular expression
}

// recorder stands in for the *testing.T of analysistest.Run: it takes the
// "unexpected diagnostic" errors that match an expectation off the list
// and passes every other error on.
type recorder struct {
	t    *testing.T
	want []expectation
}

func (r *recorder) Errorf(format string, args ...any) {
	r.t.Helper()
	if format == "%v: unexpected %s: %v" && len(args) == 3 {
		posn, _ := args[0].(token.Position)
		file := filepath.ToSlash(filepath.Join(filepath.Base(filepath.Dir(posn.Filename)), filepath.Base(posn.Filename)))
		for i, w := range r.want {
			if w.file == file && w.line == posn.Line && args[1] == "diagnostic" && regexp.MustCompile(w.message).MatchString(fmt.Sprint(args[2])) {
				r.want = append(r.want[:i], r.want[i+1:]...)
				return
			}
		}
	}
	r.t.Errorf(format, args...)
}
