package secret_test

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/testgate/testgate/analyzers/secret"
)

func TestSecretReportsHardcodedCredentials(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), secret.Analyzer,
		"providers", "named", "pem", "urls", "inline", "hexvectors", "ignore", "recall")

	// Every diagnostic sits on a literal; none may show more of it than
	// a four-character prefix. Every secret in testdata has digits, and
	// the words of a message have none, so an 8-character window with a
	// digit found in a message is a leak.
	quoted := regexp.MustCompile(`"([^"]*)…"`)
	checked := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			value, ok := literalAt(r.Pass.Files, r.Pass.TypesInfo.Types, d.Pos)
			if !ok {
				continue // a //testgate:ignore directive without reason
			}
			checked++
			if m := quoted.FindStringSubmatch(d.Message); m != nil && len([]rune(m[1])) > 4 {
				t.Errorf("%v: message shows %q, more than a 4-character prefix", r.Pass.Fset.Position(d.Pos), m[1])
			}
			for i := 0; i+8 <= len(value); i++ {
				if window := value[i : i+8]; strings.ContainsAny(window, "0123456789") && strings.Contains(d.Message, window) {
					t.Errorf("%v: message %q shows %q of the literal", r.Pass.Fset.Position(d.Pos), d.Message, window)
					break
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no diagnostic on a literal to check")
	}
}

// literalAt returns the value of the string literal or constant
// concatenation that holds pos: a report sits on the literal, or on the
// line of the credential inside it.
func literalAt(files []*ast.File, tvs map[ast.Expr]types.TypeAndValue, pos token.Pos) (string, bool) {
	var value string
	found := false
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if found || n == nil || n.Pos() > pos || n.End() <= pos {
				return !found
			}
			switch n := n.(type) {
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					value, _ = strconv.Unquote(n.Value)
					found = true
				}
			case *ast.BinaryExpr:
				if tv, ok := tvs[n]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
					value, found = constant.StringVal(tv.Value), true
				}
			}
			return !found
		})
	}
	return value, found
}

func TestFakeOptionSilencesKnownFakeValues(t *testing.T) {
	if err := secret.Analyzer.Flags.Set("fake", "^fk_"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := secret.Analyzer.Flags.Set("fake", ""); err != nil {
			t.Error(err)
		}
	})
	analysistest.Run(t, analysistest.TestData(), secret.Analyzer, "fake")
}

func TestFakeOptionRejectsABadPattern(t *testing.T) {
	if err := secret.Analyzer.Flags.Set("fake", "sk_(live"); err == nil {
		t.Error("fake accepted sk_(live; want the regexp's error")
	}
}
