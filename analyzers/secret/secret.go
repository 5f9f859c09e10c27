package secret

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

//go:embed doc.go
var doc string

// Analyzer is the secret analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "secret",
	Doc:      testcode.MustExtractDoc(doc, "secret"),
	URL:      "https://pkg.go.dev/github.com/testgate/testgate/analyzers/secret",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      testcode.WithIgnores(run),
}

func run(pass *analysis.Pass) (any, error) {
	return nil, nil
}
