package isolation_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/testgate/testgate/analyzers/isolation"
)

func TestAnalyzerReportsLeakedStateAndParallelMisuse(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), isolation.Analyzer, "isolation", "parallel", "envhelp")
}
