package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/testgate/testgate/coverage"
)

func TestParseEndsWithZeroOnHelpAndTwoOnABadFlag(t *testing.T) {
	cases := []struct {
		name   string
		args   []string
		code   int
		ok     bool
		output string
	}{
		{"-h shows the usage and exits zero", []string{"-h"}, ExitOK, false, "Usage: demo"},
		{"an unknown flag is bad usage", []string{"-nope"}, ExitBadUsage, false, "-nope"},
		{"known flags go on", []string{"-v"}, ExitOK, true, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stderr bytes.Buffer
			fs := NewFlagSet("demo", "Usage: demo\n", &stderr)
			fs.Bool("v", false, "verbose")
			code, ok := Parse(fs, c.args)
			if code != c.code || ok != c.ok {
				t.Errorf("Parse(%q) = %d, %v; want %d, %v", c.args, code, ok, c.code, c.ok)
			}
			if !strings.Contains(stderr.String(), c.output) {
				t.Errorf("stderr %q lacks %q", stderr.String(), c.output)
			}
		})
	}
}

func TestParseInterleavedTakesFlagsAmongArgumentsUntilDoubleDash(t *testing.T) {
	fs := NewFlagSet("demo", "", &bytes.Buffer{})
	v := fs.Bool("v", false, "verbose")
	others, code, ok := ParseInterleaved(fs, []string{"a.out", "-v", "b.out", "--", "-c.out"})
	if !ok || code != ExitOK {
		t.Fatalf("ParseInterleaved: code %d, ok %v", code, ok)
	}
	if want := []string{"a.out", "b.out", "-c.out"}; !slices.Equal(others, want) || !*v {
		t.Errorf("others %q, -v %v; want %q, true", others, *v, want)
	}
	if _, code, ok := ParseInterleaved(fs, []string{"a.out", "-bad"}); ok || code != ExitBadUsage {
		t.Errorf("a bad flag after an argument: code %d, ok %v; want %d, false", code, ok, ExitBadUsage)
	}
}

func TestConfigureLetsFlagsOverrideTheConfigFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "gate.yml")
	if err := os.WriteFile(file, []byte("coverage:\n  threshold:\n    total: 90\n    file: 50\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	opts := RegisterCoverFlags(fs)
	if err := fs.Parse([]string{"-config", file, "-total", "70"}); err != nil {
		t.Fatal(err)
	}
	_, gate, err := opts.Configure()
	if err != nil {
		t.Fatalf("Configure: %v", err)
	}
	if gate.Policy.Total != 70 || gate.Policy.File != 50 {
		t.Errorf("total %v, file %v; want the flag's 70 and the file's 50", gate.Policy.Total, gate.Policy.File)
	}
	if gate.Metrics != coverage.SetOf(coverage.AllMetrics()...) {
		t.Errorf("metrics %v for the table, want all", gate.Metrics)
	}
}

func TestCoverFlagsRejectBadValuesEarly(t *testing.T) {
	for _, args := range [][]string{{"-format", "nope"}, {"-diff-base", ""}, {"-metrics", "nope"}} {
		fs := flag.NewFlagSet("demo", flag.ContinueOnError)
		fs.SetOutput(&bytes.Buffer{})
		RegisterCoverFlags(fs)
		if err := fs.Parse(args); err == nil {
			t.Errorf("%q parsed, want an error", args)
		}
	}
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	opts := RegisterCoverFlags(fs)
	if err := fs.Parse([]string{"-func", "-1"}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := opts.Configure(); err == nil || !strings.Contains(err.Error(), "-func -1") {
		t.Errorf("Configure with -func -1: %v, want an error naming it", err)
	}
}

func TestWriteFilesWritesTheBadgeAndTheBaseline(t *testing.T) {
	dir := t.TempDir()
	opts := &CoverOptions{}
	opts.badge, opts.writeBaseline = filepath.Join(dir, "badge.svg"), filepath.Join(dir, "base.json")
	if err := opts.WriteFiles(&coverage.Report{}); err != nil {
		t.Fatalf("WriteFiles: %v", err)
	}
	for _, f := range []string{opts.badge, opts.writeBaseline} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s not written: %v", f, err)
		}
	}
}
