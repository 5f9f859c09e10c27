package testtree

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteCreatesFilesWithTheirDirectories(t *testing.T) {
	dir := t.TempDir()
	Write(t, dir, map[string]string{"go.mod": "module m\n", "a/b/c.go": "package b\n"})
	for name, want := range map[string]string{"go.mod": "module m\n", "a/b/c.go": "package b\n"} {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
}
