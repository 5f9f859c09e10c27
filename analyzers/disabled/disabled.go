package disabled

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

//go:embed doc.go
var doc string

// Analyzer is the disabled analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "disabled",
	Doc:      testcode.MustExtractDoc(doc, "disabled"),
	URL:      "https://pkg.go.dev/github.com/testgate/testgate/analyzers/disabled",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      testcode.WithIgnores(run),
}

func run(pass *analysis.Pass) (any, error) {
	checkIgnoredFiles(pass)
	// The testing package's own tests call t.Skip to test it.
	if len(testcode.TestFiles(pass)) == 0 || pass.Pkg.Path() == "testing" {
		return nil, nil
	}
	referenced := referencedFuncs(pass.TypesInfo)
	root := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root()
	for file := range root.Children() {
		f := file.Node().(*ast.File)
		if !testcode.IsTestFile(pass, f) {
			continue
		}
		checkCommentedTests(pass, f)
		for cur := range file.Preorder((*ast.FuncDecl)(nil), (*ast.CallExpr)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.FuncDecl:
				if testcode.KindOf(pass, n) == testcode.Test {
					checkSkip(pass, f, n.Body, n.Name.Name, n.Doc)
				} else if hidden(pass, n, referenced) {
					pass.Reportf(n.Name.Pos(), "%s is hidden from go test by its name and nothing calls it; rename it %s to run it, or delete it", n.Name.Name, visibleName(n.Name.Name))
				}
			case *ast.CallExpr:
				if body, name, ok := subtest(pass, n); ok {
					checkSkip(pass, f, body, name, nil)
				} else {
					checkGinkgo(pass, f, cur)
				}
			}
		}
	}
	return nil, nil
}

// subtest returns the body of the function literal that a t.Run call runs
// as a subtest, and a name to report it by.
func subtest(pass *analysis.Pass, call *ast.CallExpr) (*ast.BlockStmt, string, bool) {
	if len(call.Args) != 2 || !testcode.IsTestingMethod(testcode.Callee(pass.TypesInfo, call), "Run") {
		return nil, "", false
	}
	lit, ok := call.Args[1].(*ast.FuncLit)
	if !ok || testcode.TestingParam(pass.TypesInfo, lit.Type) == nil {
		return nil, "", false
	}
	name := "subtest"
	if tv := pass.TypesInfo.Types[call.Args[0]]; tv.Value != nil && tv.Value.Kind() == constant.String {
		name = fmt.Sprintf("subtest %q", constant.StringVal(tv.Value))
	}
	return lit.Body, name, true
}

// checkSkip reports a test body (or a ginkgo spec's) that skips
// unconditionally, with a reason that gives no way back.
func checkSkip(pass *analysis.Pass, f *ast.File, body *ast.BlockStmt, name string, docs *ast.CommentGroup) {
	call := unconditionalSkip(pass.TypesInfo, body)
	if call == nil {
		return
	}
	reason, known := skipReason(pass.TypesInfo, call)
	if !known || linksIssue(reason) || !vague(reason, pass.Pkg.Path()) {
		return
	}
	if linkedAway(pass.Fset, f, docs, body.Pos(), pass.Fset.Position(call.Pos()).Line) {
		return
	}
	by := "Skip" // ginkgo's
	if !ginkgoSkip(pass.TypesInfo, call) {
		by = "t." + testcode.Callee(pass.TypesInfo, call).Name()
	}
	if strings.TrimSpace(reason) == "" {
		pass.Reportf(call.Pos(), "%s is switched off by %s with no reason; say why and link the issue that tracks it (#123 or a URL), or delete the test", name, by)
		return
	}
	pass.Reportf(call.Pos(), "%s is switched off by %s(%q) with no issue link; link the issue that tracks it (#123 or a URL), or fix the test and drop the skip", name, by, shorten(reason))
}

// linkedAway reports whether the comments about a switched-off test link
// the issue that tracks it: its doc comment, when it also says the test is
// off (see commentLinksIssue), or any comment from start to line.
func linkedAway(fset *token.FileSet, f *ast.File, docs *ast.CommentGroup, start token.Pos, line int) bool {
	return docs != nil && linksIssue(docs.Text()) && mentionsOff(docs.Text()) || commentLinksIssue(fset, f, start, line)
}

// unconditionalSkip returns the t.Skip, t.Skipf, t.SkipNow or ginkgo Skip
// call that a statement of body makes, unless something before it may end
// the test.
func unconditionalSkip(info *types.Info, body *ast.BlockStmt) *ast.CallExpr {
	for _, stmt := range body.List {
		if call := skipCall(info, stmt); call != nil {
			return call
		}
		if mayEnd(stmt) {
			return nil
		}
	}
	return nil
}

func skipCall(info *types.Info, stmt ast.Stmt) *ast.CallExpr {
	expr, ok := stmt.(*ast.ExprStmt)
	if !ok {
		return nil
	}
	call, ok := expr.X.(*ast.CallExpr)
	if !ok || !testcode.IsTestingMethod(testcode.Callee(info, call), "Skip", "Skipf", "SkipNow") && !ginkgoSkip(info, call) {
		return nil
	}
	return call
}

func ginkgoSkip(info *types.Info, call *ast.CallExpr) bool {
	return testcode.GinkgoName(info, call.Fun) == "Skip"
}

// mayEnd reports whether stmt may end the test early, which makes a skip
// after it conditional: a return or a goto. A skip or failure on the way
// does not: the test does not pass either way.
func mayEnd(stmt ast.Stmt) bool {
	ends := false
	ast.Inspect(stmt, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			ends = true
		case *ast.BranchStmt:
			ends = n.Tok == token.GOTO
		}
		return !ends
	})
	return ends
}

// skipReason returns the text of a skip's arguments, formatted for
// Skipf, and false when any of them is computed at run time: then the
// reason may well say why. Ginkgo's Skip takes the reason alone, then
// how many stack frames to leave out of the location it reports.
func skipReason(info *types.Info, call *ast.CallExpr) (string, bool) {
	reasonArgs := call.Args
	if ginkgoSkip(info, call) && len(reasonArgs) > 1 {
		reasonArgs = reasonArgs[:1]
	}
	var args []any
	for _, arg := range reasonArgs {
		tv := info.Types[arg]
		if tv.Value == nil {
			return "", false
		}
		args = append(args, constant.Val(tv.Value))
	}
	if len(args) == 0 {
		return "", true
	}
	if format, ok := args[0].(string); ok && testcode.IsTestingMethod(testcode.Callee(info, call), "Skipf") {
		return fmt.Sprintf(format, args[1:]...), true
	}
	return strings.TrimSuffix(fmt.Sprintln(args...), "\n"), true
}

// issueLink matches a reference to an issue tracker: #123, a URL,
// "issue 123", golang.org/issue/123, b/123, or a tracker key like PROJ-123.
var issueLink = regexp.MustCompile(`#\d+|\bhttps?://|(?i:\bissues?\s*#?\d+)|\b\w+(\.\w+)+/issues?/\d+|\bb/\d+|\b[A-Z][A-Z0-9]+-\d+\b`)

func linksIssue(text string) bool {
	return issueLink.MatchString(text)
}

// commentLinksIssue reports whether a comment of f from start up to line
// links an issue. A test's doc comment counts only when it says the test
// is off (see linkedAway): "Issue 31810. Check that ..." names the bug the
// test is about, not the one that keeps it off.
func commentLinksIssue(fset *token.FileSet, f *ast.File, start token.Pos, line int) bool {
	for _, group := range f.Comments {
		if group.End() < start {
			continue
		}
		if fset.Position(group.Pos()).Line > line {
			break
		}
		if linksIssue(group.Text()) {
			return true
		}
	}
	return false
}

var (
	// offWords say that a test is off, unreliable or unfinished, and
	// nothing more.
	offWords = wordSet(`todo fixme xxx tbd wip hack flaky flakey flaking flakes flake broken broke breaks
		fails failing fail failed failure disabled disable skip skipped skipping temporarily temporary temp later
		fix fixing fixed fixes unimplemented implemented implement implementation investigate investigation
		investigating revisit revisited unstable intermittent intermittently sometimes randomly unreliable
		pending ignore ignored off work works working doesnt dont isnt wont cant hang hangs hanging`)
	// fillers carry no information of their own.
	fillers = wordSet(`a an the this that it its is are be been being was for now yet until not currently
		still needs need to as of and or on in at ci test tests testing case here way with very right moment
		see we should will must please due so up done properly correctly again would if when there some
		anymore known bug buggy problem problems issue issues`)
	// todoOwner matches the owner of a TODO: TODO(alice).
	todoOwner = regexp.MustCompile(`(?i)\b(todo|fixme)\([^)]*\)`)
)

func wordSet(words string) map[string]bool {
	set := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

// vague reports whether a skip reason says only that the test is off or
// unreliable: every word is one of offWords or fillers, or names the
// package under test ("broken in html/template").
func vague(reason, pkgPath string) bool {
	for _, w := range words(reason) {
		if !offWords[w] && !fillers[w] && !slices.Contains(strings.Split(pkgPath, "/"), w) {
			return false
		}
	}
	return true
}

// mentionsOff reports whether text says that something is off or
// unreliable.
func mentionsOff(text string) bool {
	return slices.ContainsFunc(words(text), func(w string) bool { return offWords[w] })
}

// words returns the lower-cased words of text, a TODO's owner dropped.
func words(text string) []string {
	text = todoOwner.ReplaceAllString(strings.ReplaceAll(text, "'", ""), "$1")
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// shorten cuts a reason to a length that fits a one-line message.
func shorten(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max-1]) + "…"
}

// referencedFuncs returns the functions that the package's code refers to.
func referencedFuncs(info *types.Info) map[*types.Func]bool {
	refs := make(map[*types.Func]bool)
	for _, obj := range info.Uses {
		if fn, ok := obj.(*types.Func); ok {
			refs[fn] = true
		}
	}
	return refs
}

// disableMarks are the prefixes people put before Test to switch a test
// off by its name, tried after leading underscores are removed.
var disableMarks = []string{"x", "X", "disabled", "Disabled", "skip", "Skip", "ignore", "Ignore", "todo", "TODO", "broken", "Broken", "flaky", "Flaky"}

// hidden reports whether decl is a test renamed out of go test's sight:
// a top-level func(*testing.T) in a test file whose name would be a test's
// but for a mark or a lower-case letter, and that nothing refers to.
func hidden(pass *analysis.Pass, decl *ast.FuncDecl, referenced map[*types.Func]bool) bool {
	if decl.Recv != nil || decl.Body == nil || decl.Name.Name == "_" {
		return false
	}
	fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok || referenced[fn] {
		return false
	}
	sig := fn.Signature()
	if sig.TypeParams().Len() != 0 || sig.Params().Len() != 1 || sig.Results().Len() != 0 || !isTestingT(sig.Params().At(0).Type()) {
		return false
	}
	return visibleName(decl.Name.Name) != ""
}

// visibleName returns the name under which go test would run a test
// renamed out of its sight, or "" when name is not such a name.
func visibleName(name string) string {
	rest := strings.TrimLeft(name, "_")
	for _, mark := range disableMarks {
		if after, ok := strings.CutPrefix(rest, mark); ok && (strings.HasPrefix(after, "Test") || strings.HasPrefix(after, "_Test")) {
			rest = strings.TrimLeft(after, "_")
			break
		}
	}
	var tail string
	switch {
	case strings.HasPrefix(rest, "Test"):
		tail = rest[len("Test"):]
	case strings.HasPrefix(rest, "test"):
		tail = rest[len("test"):]
		if r, _ := utf8.DecodeRuneInString(tail); tail == "" || unicode.IsLower(r) {
			return "" // testing, tests, test: a helper's name
		}
	default:
		return ""
	}
	if tail == "" {
		return ""
	}
	r, size := utf8.DecodeRuneInString(tail)
	visible := "Test" + string(unicode.ToUpper(r)) + tail[size:]
	if visible == name {
		return ""
	}
	return visible
}

func isTestingT(t types.Type) bool {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	return ok && testcode.IsNamedType(ptr.Elem(), "testing", "T")
}
