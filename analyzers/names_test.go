package analyzers_test

import (
	"slices"
	"testing"

	"github.com/testgate/testgate/analyzers"
	"github.com/testgate/testgate/analyzers/internal/testcode"
)

// Suppression directives are checked against testcode.Names, which cannot
// import the suite: the two lists must not drift.
func TestDirectiveNamesAreTheSuite(t *testing.T) {
	var suite []string
	for _, a := range analyzers.All() {
		suite = append(suite, a.Name)
	}
	if !slices.Equal(suite, testcode.Names) {
		t.Errorf("testcode.Names = %v, want the suite's %v", testcode.Names, suite)
	}
}
