package cleanup

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"github.com/testgate/testgate/analyzers/internal/testcode"
	"golang.org/x/tools/go/ast/inspector"
)

// keepsArgs is the fact of a function outside the standard library that
// closes, returns or stores some of its parameters (bit i for parameter
// i): a resource handed to it is its to release. A function of the module
// without the fact keeps none, so a test that hands it a resource still
// has to release the resource itself.
type keepsArgs struct{ Params uint64 }

func (*keepsArgs) AFact() {}

func (f *keepsArgs) String() string {
	var b strings.Builder
	b.WriteString("keepsArgs")
	for i := range 64 {
		if f.Params&(1<<i) != 0 {
			b.WriteString(" " + strconv.Itoa(i))
		}
	}
	return b.String()
}

// A keeper is a function of the package whose parameters may hold a
// resource.
type keeper struct {
	decl    *ast.FuncDecl
	cur     inspector.Cursor
	tracked []*types.Var // by parameter index; nil where the type holds no resource
}

// maxKeepRounds bounds the propagation through the package's own
// functions that hand a resource to one another.
const maxKeepRounds = 6

// summarizeKeeps finds the package's functions that close, return or
// store a resource they are given, and exports their facts. The standard
// library is left alone: handing a resource to it counts as passing it
// on, as it always did.
func (c *checker) summarizeKeeps(root inspector.Cursor) {
	if testcode.IsStd(c.pass.Pkg.Path()) {
		return
	}
	var keepers []*keeper
	c.keeperOf = make(map[*types.Func]*keeper)
	for cur := range root.Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		fn, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
		if !ok || decl.Body == nil {
			continue
		}
		params := fn.Signature().Params()
		k := &keeper{decl: decl, cur: cur}
		holds := false
		for i := range min(params.Len(), 64) {
			p := params.At(i)
			if resourceFor(p.Type()) != nil {
				if k.tracked == nil {
					k.tracked = make([]*types.Var, params.Len())
				}
				k.tracked[i] = p
				holds = true
			}
		}
		c.keeperOf[fn] = k
		if holds {
			keepers = append(keepers, k)
		}
	}
	c.keeps = make(map[*types.Func]uint64)
	for round, changed := 0, true; changed && round < maxKeepRounds; round++ {
		changed = false
		for _, k := range keepers {
			fn := c.pass.TypesInfo.Defs[k.decl.Name].(*types.Func)
			for i, p := range k.tracked {
				if p == nil || c.keeps[fn]&(1<<i) != 0 {
					continue
				}
				for _, use := range c.index(k.cur).uses[p] {
					if c.useOf(resourceFor(p.Type()), use) != neutral {
						c.keeps[fn] |= 1 << i
						changed = true
						break
					}
				}
			}
		}
	}
	for fn, mask := range c.keeps {
		if mask != 0 {
			c.pass.ExportObjectFact(fn, &keepsArgs{Params: mask})
		}
	}
}

// resourceFor returns the shape of the resources a value of type t can
// hold, for judging its uses: one with a Close method (or any value) is
// closed, one with only Stop is stopped. Other types (io.Reader, a
// string) cannot be released through.
func resourceFor(t types.Type) *resource {
	if iface, ok := t.Underlying().(*types.Interface); ok && iface.Empty() {
		return file
	}
	for _, r := range []*resource{file, ticker} {
		if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, r.release); obj != nil {
			if _, isFunc := obj.(*types.Func); isFunc {
				return r
			}
		}
	}
	return nil
}

// argUseOf classifies handing a resource to fn as argument index of a call:
// it passes the resource on when fn keeps that parameter, or when what fn
// does cannot be seen (a function value, an interface method, the
// standard library, a function without a body).
func (c *checker) argUseOf(fn *types.Func, index int) useKind {
	if readsOnly(fn) {
		return neutral
	}
	if fn == nil || fn.Pkg() == nil || testcode.IsStd(fn.Pkg().Path()) {
		return escapes
	}
	fn = fn.Origin()
	sig := fn.Signature()
	if recv := sig.Recv(); recv != nil && types.IsInterface(recv.Type()) {
		return escapes
	}
	params := sig.Params()
	if sig.Variadic() && index >= params.Len()-1 {
		index = params.Len() - 1
	}
	if index >= params.Len() || index >= 64 {
		return escapes
	}
	var mask uint64
	if fn.Pkg() == c.pass.Pkg {
		k := c.keeperOf[fn]
		if k == nil {
			return escapes // no body to judge
		}
		mask = c.keeps[fn]
	} else {
		var f keepsArgs
		if c.pass.ImportObjectFact(fn, &f) {
			mask = f.Params
		}
	}
	if mask&(1<<index) != 0 {
		return escapes
	}
	// Without the fact, fn was judged to keep none of its parameters,
	// or the parameter cannot hold a resource it could release.
	return neutral
}
