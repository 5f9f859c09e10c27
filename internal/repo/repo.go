// Package repo finds the directory that GitHub's annotations and SARIF
// results name files from: the repository's root.
package repo

import (
	"os"
	"path/filepath"
)

// Root returns the top level of the git work tree holding dir (where a
// .git directory or file is), or else the root of the Go module holding
// it (where go.mod is), or else dir itself, as an absolute path. A module
// in a repository's subfolder (the Action's working-directory) thus names
// its files as GitHub does: svc/p/a.go, not p/a.go.
func Root(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	if top := up(dir, ".git"); top != "" {
		return top
	}
	if mod := up(dir, "go.mod"); mod != "" {
		return mod
	}
	return dir
}

// up returns dir or its nearest ancestor that holds name, or "".
func up(dir, name string) string {
	for {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
