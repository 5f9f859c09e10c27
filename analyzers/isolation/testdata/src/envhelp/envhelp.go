package envhelp

import "testing"

// SetHome points HOME at dir for the test.
func SetHome(t testing.TB, dir string) { // want SetHome:"changesProcess Setenv"
	t.Helper()
	t.Setenv("HOME", dir)
}

// InDir runs the rest of the test in dir.
func InDir(t *testing.T, dir string) { // want InDir:"changesProcess Chdir"
	t.Chdir(dir)
}

// Offline goes through SetHome.
func Offline(t *testing.T) { // want Offline:"changesProcess Setenv"
	SetHome(t, t.TempDir())
}

// Name only reads the test.
func Name(t *testing.T) string { return t.Name() }
