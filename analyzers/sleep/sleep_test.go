package sleep_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/testgate/testgate/analyzers/sleep"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), sleep.Analyzer, "a", "testmain", "specs")
}
