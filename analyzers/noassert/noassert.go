package noassert

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

//go:embed doc.go
var doc string

// Analyzer is the noassert analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "noassert",
	Doc:      testcode.MustExtractDoc(doc, "noassert"),
	URL:      "https://pkg.go.dev/github.com/testgate/testgate/analyzers/noassert",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      testcode.WithIgnores(run),
}

func run(pass *analysis.Pass) (any, error) {
	return nil, nil
}
