package testrun

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
)

// CheckPatterns reports, as one error, the package patterns that give go
// test nothing to run: a directory that does not exist or holds no Go
// files for the build, an import path no module provides, a directory
// outside every module. go test would list each as a failed package;
// they are a mistake in the command line, not a test failure. Packages
// that exist but do not build are left to go test.
func CheckPatterns(ctx context.Context, dir string, buildFlags, patterns []string) error {
	args := append([]string{"list", "-find", "-e", "-json=ImportPath,Match,Error,GoFiles,CgoFiles,TestGoFiles,XTestGoFiles"}, buildFlags...)
	cmd := exec.CommandContext(ctx, "go", append(args, patterns...)...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return errors.New(strings.TrimPrefix(msg, "go: "))
		}
		return fmt.Errorf("go list: %w", err)
	}
	var problems []string
	dec := json.NewDecoder(&stdout)
	for {
		var p struct {
			ImportPath                                   string
			Error                                        *struct{ Err string }
			GoFiles, CgoFiles, TestGoFiles, XTestGoFiles []string
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			return fmt.Errorf("go list: %w", err)
		}
		if p.Error == nil || len(p.GoFiles)+len(p.CgoFiles)+len(p.TestGoFiles)+len(p.XTestGoFiles) > 0 {
			continue
		}
		msg, _, _ := strings.Cut(p.Error.Err, "\n")
		msg = strings.TrimSuffix(msg, "; to add it:")
		// Only a message that says "package X" names it: a bare
		// substring test took "." for named in any path with a dot.
		if !strings.HasPrefix(msg, "pattern ") && !strings.Contains(msg, "package "+p.ImportPath) {
			msg = "package " + p.ImportPath + ": " + msg
		}
		problems = append(problems, msg)
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}
