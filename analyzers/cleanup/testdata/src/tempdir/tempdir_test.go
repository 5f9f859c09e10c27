package tempdir

import (
	"io/ioutil"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Flagged: directories left behind in the system's temporary directory.

func TestCacheDirLeft(t *testing.T) {
	dir, err := os.MkdirTemp("", "cache") // want `temporary directory dir is never removed; use t.TempDir\(\)`
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "entry"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("ls", dir)
	cmd.Run()
}

func TestErrorIgnored(t *testing.T) {
	dir, _ := os.MkdirTemp("", "work") // want `temporary directory dir is never removed; use t.TempDir\(\)`
	t.Setenv("HOME", dir)
}

func TestAssignedLater(t *testing.T) {
	var root string
	root, _ = os.MkdirTemp(os.TempDir(), "root-*") // want `temporary directory root is never removed`
	os.MkdirAll(filepath.Join(root, "a", "b"), 0o755)
}

func TestRemovedOnlyOnFailure(t *testing.T) {
	dir, err := os.MkdirTemp("", "x") // want `temporary directory dir is never removed`
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		os.RemoveAll(dir)
		t.Fatal(err)
	}
}

func TestDiscarded(t *testing.T) {
	os.MkdirTemp("", "junk") // want `temporary directory from os.MkdirTemp is discarded and never removed; use t.TempDir\(\)`
}

// Not flagged.

func TestDeferRemoveAll(t *testing.T) {
	dir, err := os.MkdirTemp("", "x")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
}

func TestRemoveInCleanup(t *testing.T) {
	dir, err := os.MkdirTemp("", "x")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := os.RemoveAll(dir); err != nil {
			t.Error(err)
		}
	})
}

func TestRemovedAtEnd(t *testing.T) {
	dir, err := os.MkdirTemp("", "x")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "f"), nil, 0o644)
	os.RemoveAll(dir)
}

func TestInsideParent(t *testing.T) {
	root, err := os.MkdirTemp("", "root")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(root)
	sub, err := os.MkdirTemp(root, "sub")
	if err != nil {
		t.Fatal(err)
	}
	other, _ := os.MkdirTemp(t.TempDir(), "other")
	_, _ = sub, other
}

func removeAtEnd(t *testing.T, dir string) {
	t.Cleanup(func() { os.RemoveAll(dir) })
}

func TestHandedToHelper(t *testing.T) {
	dir, err := os.MkdirTemp("", "x")
	if err != nil {
		t.Fatal(err)
	}
	removeAtEnd(t, dir)
}

func makeWorkDir(t *testing.T) string {
	dir, err := os.MkdirTemp("", "work")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestMain(m *testing.M) {
	dir, _ := os.MkdirTemp("", "shared")
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func TestIoutilTempDir(t *testing.T) {
	dir, err := ioutil.TempDir("", "legacy") // want `temporary directory dir is never removed; use t.TempDir\(\)`
	if err != nil {
		t.Fatal(err)
	}
	f, err := ioutil.TempFile(dir, "f") // want `file f is never closed`
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("x")
}
