package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestAnalyzerOptionsReachTheAnalyzersFromVetAndLint runs the two command
// lines that take analyzer options as flags on a module whose only
// findings the options silence: a test service on the team's network and
// a key its fixtures mark as fake.
func TestAnalyzerOptionsReachTheAnalyzersFromVetAndLint(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "optsmod"))
	if err != nil {
		t.Fatal(err)
	}
	options := []string{"-extcall.allow-hosts=svc.internal", "-secret.fake=^fk_"}
	for _, tc := range []struct {
		name    string
		command []string
	}{
		{"go vet", []string{"go", "vet", "-vettool=" + testgateBinary}},
		{"testgate lint", []string{testgateBinary, "lint"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := runCommand(t, dir, tc.command[0], append(tc.command[1:], "./...")...)
			out := res.stdout + res.stderr
			if res.code == 0 || !strings.Contains(out, "external host svc.internal") || !strings.Contains(out, "hardcoded API key") {
				t.Fatalf("without options: exit %d, want the extcall and secret findings:\n%s", res.code, out)
			}
			args := append(append(tc.command[1:], options...), "./...")
			res = runCommand(t, dir, tc.command[0], args...)
			if res.code != 0 {
				t.Errorf("with %s: exit %d, want 0:\n%s%s", strings.Join(options, " "), res.code, res.stdout, res.stderr)
			}
		})
	}
}
