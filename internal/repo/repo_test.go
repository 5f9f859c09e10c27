package repo

import (
	"path/filepath"
	"testing"

	"github.com/testgate/testgate/internal/testtree"
)

func TestRootPrefersTheGitTopLevelThenTheModule(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"repo/.git/HEAD":          "ref: refs/heads/main\n",
		"repo/svc/go.mod":         "module example.com/svc\n",
		"repo/svc/p/a.go":         "package p\n",
		"worktree/.git":           "gitdir: /elsewhere\n",
		"worktree/go.mod":         "module example.com/wt\n",
		"worktree/p/a.go":         "package p\n",
		"plain/mod/go.mod":        "module example.com/mod\n",
		"plain/mod/p/a.go":        "package p\n",
		"plain/nothing/x/note.md": "\n",
	})
	cases := []struct{ name, dir, want string }{
		{"module in a repository's subfolder", "repo/svc/p", "repo"},
		{"git worktree (.git is a file)", "worktree/p", "worktree"},
		{"module outside git", "plain/mod/p", "plain/mod"},
		{"neither", "plain/nothing/x", "plain/nothing/x"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := Root(filepath.Join(dir, tc.dir)), filepath.Join(dir, tc.want); got != want {
				t.Errorf("Root(%s) = %s, want %s", tc.dir, got, want)
			}
		})
	}
}
