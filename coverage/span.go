package coverage

import (
	"go/ast"
	"go/token"
)

// A pos is a position in a file as coverage blocks give it: line and byte
// column, both from 1.
type pos struct{ line, col int }

func (a pos) before(b pos) bool {
	return a.line < b.line || a.line == b.line && a.col < b.col
}

func position(fset *token.FileSet, p token.Pos) pos {
	// Unadjusted: //line directives would point outside this file, and
	// blocks moved by them carry the target's name, not this one's.
	at := fset.PositionFor(p, false)
	return pos{at.Line, at.Column}
}

// A span is the part of a file from a node's opening to its end.
type span struct{ start, end pos }

func nodeSpan(fset *token.FileSet, start token.Pos, n ast.Node) span {
	return span{position(fset, start), position(fset, n.End())}
}

// contains reports whether block b lies within s. Blocks of a file covered
// in lines, and blocks that a //line directive without a column moved,
// have no columns to compare (they are 0).
func (s span) contains(b Block, lines bool) bool {
	if lines || b.StartCol == 0 || b.EndCol == 0 {
		return s.start.line <= b.StartLine && b.EndLine <= s.end.line
	}
	return !pos{b.StartLine, b.StartCol}.before(s.start) && !s.end.before(pos{b.EndLine, b.EndCol})
}
