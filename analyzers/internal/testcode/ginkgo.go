package testcode

import (
	"go/ast"
	"go/types"
	"strings"
)

// GinkgoName returns the name of the package-level function, variable or
// constant of ginkgo that e refers to (It, Context, Skip, Pending, ...), or
// "" when e refers to nothing of ginkgo. Ginkgo is github.com/onsi/ginkgo,
// v1 or v2, and its forks: any package whose path, without /v2, ends in
// /ginkgo (go-redis uses github.com/bsm/ginkgo/v2). Some of ginkgo's nodes
// are variables, not functions (Context, Specify, XIt = PIt), so a call's
// callee is not enough to recognise them.
func GinkgoName(info *types.Info, e ast.Expr) string {
	obj := Referenced(info, e)
	if obj == nil || obj.Pkg() == nil || obj.Parent() != obj.Pkg().Scope() {
		return ""
	}
	path := strings.TrimSuffix(obj.Pkg().Path(), "/v2")
	if path != "ginkgo" && !strings.HasSuffix(path, "/ginkgo") {
		return ""
	}
	return obj.Name()
}
