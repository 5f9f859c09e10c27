package sleep

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

//go:embed doc.go
var doc string

// Analyzer is the sleep analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "sleep",
	Doc:      testcode.MustExtractDoc(doc, "sleep"),
	URL:      "https://pkg.go.dev/github.com/testgate/testgate/analyzers/sleep",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      testcode.WithIgnores(run),
}

func run(pass *analysis.Pass) (any, error) {
	return nil, nil
}
