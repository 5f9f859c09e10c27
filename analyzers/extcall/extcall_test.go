package extcall_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/testgate/testgate/analyzers/extcall"
)

func TestAnalyzerReportsExternalDials(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), extcall.Analyzer, "extcall", "swapped", "apiclient", "mockhttp")
}
