package cleanup_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/testgate/testgate/analyzers/cleanup"
)

// Each package of testdata/src covers one kind of resource, with the cases
// to flag beside the look-alikes to leave alone; the .golden files hold
// the code after the suggested fixes. Loading them together shares the
// type-checking of the standard library they import.
func TestAnalyzerReportsUnreleasedResourcesAndOffersFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), cleanup.Analyzer,
		"server", "serve", "files", "tempdir", "env", "timers", "ignore")
}

// A resource handed to the module's functions is passed on only when the
// function closes, returns or stores it, as its facts tell across
// packages.
func TestAnalyzerFollowsResourcesIntoTheModulesFunctions(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), cleanup.Analyzer, "example.com/keeps/...")
}
