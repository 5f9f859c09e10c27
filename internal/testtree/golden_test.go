package testtree

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that keeps the failures of the helper under
// test instead of failing the test; Fatalf ends the helper's goroutine as
// the real one does.
type recorder struct {
	testing.TB
	failures []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	panic(r)
}

func (r *recorder) Fatal(args ...any) { r.Fatalf("%s", fmt.Sprint(args...)) }

// run calls f with a recorder and returns what it recorded.
func run(t *testing.T, f func(tb testing.TB)) []string {
	r := &recorder{TB: t}
	func() {
		defer func() {
			if v := recover(); v != nil && v != r {
				panic(v)
			}
		}()
		f(r)
	}()
	return r.failures
}

func TestGoldenComparesWithTheFileAndUpdateRewritesIt(t *testing.T) {
	golden := filepath.Join(t.TempDir(), "testdata", "out.golden")
	if failures := run(t, func(tb testing.TB) { Golden(tb, golden, []byte("x\n")) }); len(failures) != 1 {
		t.Errorf("Golden without a file recorded %q, want one failure", failures)
	}
	*update = true
	t.Cleanup(func() { *update = false })
	Golden(t, golden, []byte("x\n"))
	*update = false
	if got, err := os.ReadFile(golden); err != nil || string(got) != "x\n" {
		t.Fatalf("-update wrote %q, %v; want the output", got, err)
	}
	if failures := run(t, func(tb testing.TB) { Golden(tb, golden, []byte("x\n")) }); len(failures) != 0 {
		t.Errorf("Golden of equal output recorded %q, want nothing", failures)
	}
	if failures := run(t, func(tb testing.TB) { Golden(tb, golden, []byte("y\n")) }); len(failures) != 1 {
		t.Errorf("Golden of other output recorded %q, want one failure", failures)
	}
}

func TestValidateSARIFTellsValidFromInvalid(t *testing.T) {
	valid := `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "results": []}]}`
	if failures := run(t, func(tb testing.TB) { ValidateSARIF(tb, []byte(valid)) }); len(failures) != 0 {
		t.Errorf("a minimal SARIF log recorded %q, want nothing", failures)
	}
	for _, bad := range []string{`{"version": "2.1.0"}`, `not json`} {
		if failures := run(t, func(tb testing.TB) { ValidateSARIF(tb, []byte(bad)) }); len(failures) != 1 {
			t.Errorf("ValidateSARIF(%s) recorded %q, want one failure", bad, failures)
		}
	}
}
