package coverage

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
)

// ErrorReturns counts the blocks SkipErrorReturns set aside.
type ErrorReturns struct {
	Blocks     int `json:"blocks"`
	Statements int `json:"statements"`
}

// SkipErrorReturns drops the blocks that only return an error: the body of
// an if without else whose condition is "x != nil" and whose only
// statement is a return whose last result is x or wraps it (fmt.Errorf("...:
// %w", err), errors.Join(err, e), &PathError{Err: err}). What is left is
// the figure of Go's open proposal on error-path coverage: the code besides
// the error paths. It parses only the Go files that contain "!= nil";
// files whose source cannot be found keep their blocks, with a warning.
func SkipErrorReturns(p *Profile, src *Sources) (*Profile, ErrorReturns) {
	spans := make([][]span, len(p.Files))
	warnings := eachSource(p, src, "their error returns are kept", func(i int, path string, data []byte) {
		if !bytes.Contains(data, []byte("!= nil")) || p.Files[i].CountsLines {
			return
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, data, parser.SkipObjectResolution)
		if err != nil {
			return // not this build's source: keep the figures as they are
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if ifs, ok := n.(*ast.IfStmt); ok && isErrorReturn(ifs) {
				spans[i] = append(spans[i], nodeSpan(fset, ifs.Body.Lbrace, ifs.Body))
			}
			return true
		})
	})
	var er ErrorReturns
	out := &Profile{
		Mode:     p.Mode,
		Files:    slices.Clone(p.Files),
		Excluded: p.Excluded,
		Ignored:  p.Ignored,
		Warnings: slices.Clone(p.Warnings),
	}
	for i, ss := range spans {
		if len(ss) == 0 {
			continue
		}
		f := &out.Files[i]
		f.Blocks = slices.DeleteFunc(slices.Clone(f.Blocks), func(b Block) bool {
			for _, s := range ss {
				if s.contains(b, false) {
					er.Blocks++
					er.Statements += b.NumStmt
					return true
				}
			}
			return false
		})
	}
	out.Warnings = append(out.Warnings, warnings...)
	return out, er
}

// isErrorReturn reports whether s is "if x != nil { return ..., x }", the
// last result being x or an expression holding it.
func isErrorReturn(s *ast.IfStmt) bool {
	cond, ok := s.Cond.(*ast.BinaryExpr)
	if !ok || cond.Op != token.NEQ || s.Else != nil || len(s.Body.List) != 1 {
		return false
	}
	x := cond.X
	if isNil(x) {
		x = cond.Y
	} else if !isNil(cond.Y) {
		return false
	}
	ret, ok := s.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) == 0 {
		return false
	}
	want := types.ExprString(x)
	found := false
	ast.Inspect(ret.Results[len(ret.Results)-1], func(n ast.Node) bool {
		switch n.(type) {
		case *ast.Ident, *ast.SelectorExpr:
			if types.ExprString(n.(ast.Expr)) == want {
				found = true
			}
		case *ast.FuncLit:
			return false // a closure's use of x is no wrapping
		}
		return !found
	})
	return found
}

func isNil(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "nil"
}
