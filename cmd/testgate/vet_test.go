package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func vetModule(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "vetmod"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestGoVetWithTestgateReportsTestFindings(t *testing.T) {
	res := runCommand(t, vetModule(t), "go", "vet", "-vettool="+testgateBinary, "./...")
	if res.code != 1 {
		t.Fatalf("go vet exit code = %d, want 1 (findings)\nstderr:\n%s", res.code, res.stderr)
	}
	for _, want := range []string{
		"clock_test.go:8:6: test name Test1",
		"clock_test.go:18:2: time.Sleep in test",
	} {
		if !strings.Contains(res.stderr, want) {
			t.Errorf("go vet output lacks %q:\n%s", want, res.stderr)
		}
	}
	if strings.Contains(res.stderr, "clock_test.go:28") {
		t.Errorf("go vet reported the line silenced by //testgate:ignore:\n%s", res.stderr)
	}
}

func TestGoVetSelectsAnalyzersByFlag(t *testing.T) {
	res := runCommand(t, vetModule(t), "go", "vet", "-vettool="+testgateBinary, "-sleep", "./...")
	if res.code != 1 {
		t.Fatalf("go vet -sleep exit code = %d, want 1\nstderr:\n%s", res.code, res.stderr)
	}
	if !strings.Contains(res.stderr, "time.Sleep in test") || strings.Contains(res.stderr, "test name Test1") {
		t.Errorf("go vet -sleep should report only the sleep analyzer:\n%s", res.stderr)
	}
	res = runCommand(t, vetModule(t), "go", "vet", "-vettool="+testgateBinary, "-sleep=false", "-testname=false", "./...")
	if res.code != 0 {
		t.Errorf("go vet with both reporting analyzers disabled exit code = %d, want 0\nstderr:\n%s", res.code, res.stderr)
	}
}

func TestGoVetJSONKeepsTheMulticheckerShape(t *testing.T) {
	res := runCommand(t, vetModule(t), "go", "vet", "-vettool="+testgateBinary, "-json", "./...")
	if res.code != 0 {
		t.Fatalf("go vet -json exit code = %d, want 0\nstderr:\n%s", res.code, res.stderr)
	}
	// go vet -json prints one JSON object per package to stdout (Go 1.26;
	// stderr before), each preceded by a "# pkg" comment line.
	var names []string
	for _, chunk := range strings.Split(res.stdout+res.stderr, "\n# ") {
		start := strings.Index(chunk, "{")
		if start < 0 {
			continue
		}
		var byPkg map[string]map[string][]struct {
			Posn    string `json:"posn"`
			Message string `json:"message"`
		}
		if err := json.Unmarshal([]byte(chunk[start:]), &byPkg); err != nil {
			t.Fatalf("go vet -json chunk is not JSON: %v\n%s", err, chunk)
		}
		for _, byAnalyzer := range byPkg {
			for name, diags := range byAnalyzer {
				if len(diags) > 0 {
					names = append(names, name)
				}
			}
		}
	}
	joined := strings.Join(names, " ")
	if !strings.Contains(joined, "testname") || !strings.Contains(joined, "sleep") {
		t.Errorf("go vet -json reported analyzers %q, want testname and sleep", joined)
	}
}
