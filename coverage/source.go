package coverage

import (
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"slices"
	"strings"
	"sync"
)

// eachSource reads the source of every Go file of p, in parallel, and calls
// fn with the file's index in p.Files, its path and its contents; fn must
// only touch state of its own index. It returns a warning naming the files
// whose source could not be read, and what that means (consequence), or "".
func eachSource(p *Profile, src *Sources, consequence string, fn func(i int, path string, data []byte)) string {
	missing := make([]bool, len(p.Files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers(len(p.Files)) {
		wg.Go(func() {
			for i := range next {
				path, ok := src.File(p.Files[i].Name)
				if !ok {
					missing[i] = true
					continue
				}
				data, err := os.ReadFile(path)
				if err != nil {
					missing[i] = true
					continue
				}
				fn(i, path, data)
			}
		})
	}
	for i, f := range p.Files {
		if strings.HasSuffix(f.Name, ".go") { // //line targets carry no Go code
			next <- i
		}
	}
	close(next)
	wg.Wait()

	count, example := 0, ""
	for i, m := range missing {
		if m {
			if count == 0 {
				example = p.Files[i].Name
			}
			count++
		}
	}
	if count == 0 || slices.ContainsFunc(p.Warnings, isMissingSources) {
		return "" // an earlier stage told the user already
	}
	return fmt.Sprintf(missingSources+"%d of %d profiled files (e.g. %s): %s; run testgate in the module or workspace the profile comes from",
		count, len(p.Files), example, consequence)
}

const missingSources = "cannot find the sources of "

func isMissingSources(warning string) bool { return strings.HasPrefix(warning, missingSources) }

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
