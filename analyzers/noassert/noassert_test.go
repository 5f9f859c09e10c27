package noassert_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/testgate/testgate/analyzers/noassert"
)

func TestNoassertReportsTestsThatCannotFail(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), noassert.Analyzer, "a", "b", "helpers")
}
