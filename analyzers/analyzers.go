// Package analyzers lists testgate's test-quality analyzers, one package
// each below this directory.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/testgate/testgate/analyzers/cleanup"
	"github.com/testgate/testgate/analyzers/disabled"
	"github.com/testgate/testgate/analyzers/extcall"
	"github.com/testgate/testgate/analyzers/isolation"
	"github.com/testgate/testgate/analyzers/noassert"
	"github.com/testgate/testgate/analyzers/secret"
	"github.com/testgate/testgate/analyzers/sleep"
	"github.com/testgate/testgate/analyzers/testname"
)

// All returns every testgate analyzer, in the order the documentation
// lists them.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		testname.Analyzer,
		sleep.Analyzer,
		secret.Analyzer,
		cleanup.Analyzer,
		noassert.Analyzer,
		extcall.Analyzer,
		isolation.Analyzer,
		disabled.Analyzer,
	}
}
