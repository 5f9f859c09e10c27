package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/testgate/testgate/internal/testtree"
)

// moduleInSubfolder makes a git repository whose Go module lives in its
// svc folder, as with the Action's working-directory: svc, and returns the
// module's directory. After the commit, a function is added uncovered.
func moduleInSubfolder(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	testtree.Write(t, root, map[string]string{
		"README.md":       "a repository\n",
		"svc/go.mod":      "module example.com/svc\n\ngo 1.26\n",
		"svc/p/abs.go":    "// Package p computes.\npackage p\n\n// Abs returns |n|.\nfunc Abs(n int) int {\n\tif n < 0 {\n\t\treturn -n\n\t}\n\treturn n\n}\n",
		"svc/p/p_test.go": "package p\n\nimport (\n\t\"testing\"\n\t\"time\"\n)\n\nfunc TestAbsOfMinusOneIsOne(t *testing.T) {\n\ttime.Sleep(time.Millisecond)\n\tif Abs(-1) != 1 {\n\t\tt.Error(\"Abs(-1) != 1\")\n\t}\n}\n",
	})
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "start"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	f, err := os.OpenFile(filepath.Join(root, "svc", "p", "abs.go"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString("\n// Sign returns -1, 0 or 1.\nfunc Sign(n int) int {\n\tif n < 0 {\n\t\treturn -1\n\t}\n\treturn min(n, 1)\n}\n"); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(root, "svc")
}

func TestAnnotationsNameFilesFromTheRepositoryRoot(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	svc := moduleInSubfolder(t)
	if out, err := runCommandErr(svc, "go", "test", "-coverprofile=c.out", "./..."); err != nil {
		t.Fatalf("go test: %v\n%s", err, out)
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"lint -format=github", []string{"lint", "-format=github", "./..."}, "::warning file=svc/p/p_test.go,line=9,"},
		{"lint -format=sarif", []string{"lint", "-format=sarif", "./..."}, `"uri": "svc/p/p_test.go"`},
		{"cover's failing files", []string{"cover", "-format=github", "-file=90", "c.out"}, "::error file=svc/p/abs.go,title=testgate cover::file example.com/svc/p/abs.go"},
		{"cover's changed lines", []string{"cover", "-format=github", "-diff-base=HEAD", "c.out"}, "file=svc/p/abs.go,line=13,endLine=17"},
		{"check -format=github", []string{"check", "-format=github", "-total=0"}, "::warning file=svc/p/p_test.go,line=9,"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := runTestgate(t, svc, tc.args...)
			if !strings.Contains(res.stdout, tc.want) {
				t.Errorf("testgate %v (exit %d) lacks %q:\n%s\n%s", tc.args, res.code, tc.want, res.stdout, res.stderr)
			}
		})
	}
}

func runCommandErr(dir, name string, args ...string) ([]byte, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	return cmd.CombinedOutput()
}
