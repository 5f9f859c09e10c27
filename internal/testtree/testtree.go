// Package testtree writes small file trees for testgate's tests: modules,
// git repositories and sources that the tests then read.
package testtree

import (
	"os"
	"path/filepath"
	"testing"
)

// Write creates files (slash-separated path → content) under dir, with the
// directories they need.
func Write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
}
