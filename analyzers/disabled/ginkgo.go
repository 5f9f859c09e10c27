package disabled

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

// Ginkgo's nodes by what they are, under their plain names: a focused or
// pending form (FIt, PDescribe, XEntry) is its plain name with a prefix.
var (
	// subjects run a spec, setups run before the specs of their container
	// (a Skip there skips them all), tables run their body once per entry.
	subjects   = map[string]bool{"It": true, "Specify": true}
	setups     = map[string]bool{"BeforeEach": true, "JustBeforeEach": true, "BeforeAll": true, "BeforeSuite": true}
	tables     = map[string]bool{"DescribeTable": true, "DescribeTableSubtree": true}
	containers = map[string]bool{"Describe": true, "Context": true, "When": true}
)

// ginkgoNode returns the plain name of the ginkgo node that call declares,
// and whether it is declared pending, or "" when call declares none.
func ginkgoNode(pass *analysis.Pass, call *ast.CallExpr) (plain string, pending bool) {
	name := testcode.GinkgoName(pass.TypesInfo, call.Fun)
	plain = name
	if len(name) > 1 && strings.ContainsRune("FPX", rune(name[0])) {
		plain = name[1:]
	}
	if !subjects[plain] && !setups[plain] && !tables[plain] && !containers[plain] && plain != "Entry" {
		return "", false
	}
	if setups[plain] && plain != name {
		return "", false // no such node
	}
	pending = name[0] == 'P' || name[0] == 'X'
	for _, arg := range call.Args {
		pending = pending || testcode.GinkgoName(pass.TypesInfo, arg) == "Pending"
	}
	return plain, pending
}

// checkGinkgo reports the ginkgo node declared by the call at cur when it
// is pending, or when its body skips unconditionally (see checkSkip). The
// nodes under a pending container are not looked at: the container's
// report covers them.
func checkGinkgo(pass *analysis.Pass, f *ast.File, cur inspector.Cursor) {
	call := cur.Node().(*ast.CallExpr)
	plain, pending := ginkgoNode(pass, call)
	if plain == "" || underPending(pass, cur) {
		return
	}
	if pending {
		checkPending(pass, f, cur, plain)
		return
	}
	if !subjects[plain] && !setups[plain] && plain != "DescribeTable" {
		return // a Skip in a container's body fails the suite's construction
	}
	name := specName(pass, cur, plain)
	for _, arg := range call.Args {
		if lit, ok := arg.(*ast.FuncLit); ok {
			checkSkip(pass, f, lit.Body, name, docComment(pass.Fset, f, call))
		}
	}
}

// underPending reports whether the call at cur is an argument, or in the
// body, of a pending node.
func underPending(pass *analysis.Pass, cur inspector.Cursor) bool {
	for outer := range cur.Parent().Enclosing((*ast.CallExpr)(nil)) {
		if plain, pending := ginkgoNode(pass, outer.Node().(*ast.CallExpr)); plain != "" && pending {
			return true
		}
	}
	return false
}

// checkPending reports a pending node that switches off code: a spec,
// container or table with a body, or an entry of a table. A pending spec
// with no body, or an empty one, is a placeholder for a spec not yet
// written, and a node
// declared under a condition (if runtime.GOOS == "windows" { PIt(...) })
// is pending only where the condition holds, as a conditional skip is.
// A comment linking an issue keeps the node silent, as it does a skip.
func checkPending(pass *analysis.Pass, f *ast.File, cur inspector.Cursor, plain string) {
	call := cur.Node().(*ast.CallExpr)
	end := call.End() // an entry's: its function arguments are parameters, not a body
	if plain == "Entry" {
		if parent, ok := cur.Parent().Node().(*ast.CallExpr); !ok || cur.ParentEdgeKind() != edge.CallExpr_Args || !tables[ginkgoPlain(pass, parent)] {
			return
		}
	} else {
		var body *ast.BlockStmt
		for _, arg := range call.Args {
			if lit, ok := arg.(*ast.FuncLit); ok {
				body = lit.Body
				break
			}
		}
		if body == nil || len(body.List) == 0 || !declaredInPlace(cur) {
			return
		}
		end = body.List[0].Pos()
	}
	if linkedAway(pass.Fset, f, docComment(pass.Fset, f, call), call.Pos(), pass.Fset.Position(end).Line) {
		return
	}
	how, remedy := "the Pending decorator", "drop Pending"
	if name := testcode.GinkgoName(pass.TypesInfo, call.Fun); name != plain {
		how, remedy = name, "make it "+plain+" again"
	}
	pass.Reportf(call.Pos(), "%s is pending by %s, so ginkgo never runs it; link the issue that tracks it (#123 or a URL) in a comment, or %s and fix it", specName(pass, cur, plain), how, remedy)
}

func ginkgoPlain(pass *analysis.Pass, call *ast.CallExpr) string {
	plain, _ := ginkgoNode(pass, call)
	return plain
}

// declaredInPlace reports whether the call at cur is a statement of a
// function literal's body (a container's) or a package variable's value,
// as ginkgo's nodes are declared, rather than under a condition.
func declaredInPlace(cur inspector.Cursor) bool {
	switch cur.ParentEdgeKind() {
	case edge.ValueSpec_Values:
		return true
	case edge.ExprStmt_X:
		block := cur.Parent().Parent()
		return block.ParentEdgeKind() == edge.FuncLit_Body
	}
	return false
}

// specName names the node declared by the call at cur in a message.
func specName(pass *analysis.Pass, cur inspector.Cursor, plain string) string {
	call := cur.Node().(*ast.CallExpr)
	text, ok := "", false
	if len(call.Args) > 0 {
		text, ok = testcode.ConstString(pass.TypesInfo, call.Args[0])
	}
	switch {
	case setups[plain]:
		if plain == "BeforeSuite" {
			return "every spec of the suite"
		}
		for outer := range cur.Parent().Enclosing((*ast.CallExpr)(nil)) {
			outerCall := outer.Node().(*ast.CallExpr)
			if containers[ginkgoPlain(pass, outerCall)] && len(outerCall.Args) > 0 {
				if text, ok := testcode.ConstString(pass.TypesInfo, outerCall.Args[0]); ok {
					return fmt.Sprintf("every spec of %q", text)
				}
			}
		}
		return "every spec under this " + plain
	case !ok:
		return "this " + plain
	case subjects[plain]:
		return fmt.Sprintf("spec %q", text)
	case tables[plain]:
		return fmt.Sprintf("table %q", text)
	case plain == "Entry":
		return fmt.Sprintf("entry %q", text)
	}
	return fmt.Sprintf("container %q", text)
}

// docComment returns the comment group that ends on the line before the
// call, as a comment about a spec does, or nil.
func docComment(fset *token.FileSet, f *ast.File, call *ast.CallExpr) *ast.CommentGroup {
	line := fset.Position(call.Pos()).Line
	for _, group := range f.Comments {
		if end := fset.Position(group.End()).Line; end == line-1 {
			return group
		} else if end >= line {
			break
		}
	}
	return nil
}
