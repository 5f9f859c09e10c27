package testcode

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtractDoc returns the documentation of analyzer name from the
// source of a doc.go file: the text of its "# Analyzer name" section, with
// the leading "name: " of the summary line removed, as x/tools' passes do.
// It panics when the section is missing, which only a broken build can
// cause.
func MustExtractDoc(docGo, name string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", docGo, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		panic(fmt.Sprintf("doc.go of analyzer %s has no package comment: %v", name, err))
	}
	text := f.Doc.Text()
	heading := "# Analyzer " + name + "\n"
	_, section, found := strings.Cut(text, heading)
	if !found {
		panic(fmt.Sprintf("doc.go of analyzer %s lacks the section %q", name, strings.TrimSpace(heading)))
	}
	if next := strings.Index(section, "\n# "); next >= 0 {
		section = section[:next]
	}
	section = strings.TrimSpace(section)
	return strings.TrimPrefix(section, name+": ")
}
