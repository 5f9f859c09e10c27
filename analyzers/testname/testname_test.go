package testname_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/testgate/testgate/analyzers/testname"
)

func TestAnalyzerReportsVagueNames(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), testname.Analyzer, "names", "subtests")
}
