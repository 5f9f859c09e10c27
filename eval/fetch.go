package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// command runs name with args in dir, with env added to the environment,
// and returns what it printed on standard output. It is a variable so that
// tests can stand in for the go command and testgate.
var command = func(dir string, env []string, name string, args ...string) ([]byte, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, fmt.Errorf("%s %s: %w\n%s", filepath.Base(name), strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// buildTestgate builds the testgate of the checkout around the working
// directory into path.
func buildTestgate(path string) error {
	_, err := command("", nil, "go", "build", "-o", path, "github.com/testgate/testgate/cmd/testgate")
	return err
}

// prepare returns a writable copy of m's sources with its tests, made once
// under work/src. The module cache's copy is read-only and its go.mod may
// replace sibling modules by relative paths that only exist in the
// module's repository; the copy drops those replacements so that the
// siblings come from the proxy at the versions go.mod requires.
func prepare(work string, m module) (string, error) {
	dst := filepath.Join(work, "src", m.String())
	if _, err := os.Stat(filepath.Join(dst, "go.mod")); err == nil {
		return dst, nil
	}
	out, err := command("", nil, "go", "mod", "download", "-json", m.String())
	if err != nil {
		return "", err
	}
	var dl struct{ Dir, Error string }
	if err := json.Unmarshal(out, &dl); err != nil {
		return "", fmt.Errorf("go mod download %s: %w", m, err)
	}
	if dl.Error != "" || dl.Dir == "" {
		return "", fmt.Errorf("go mod download %s: %s", m, dl.Error)
	}
	tmp := dst + ".tmp"
	if err := os.RemoveAll(tmp); err != nil {
		return "", err
	}
	if err := copyTree(dl.Dir, tmp); err != nil {
		return "", err
	}
	if err := dropLocalReplaces(tmp); err != nil {
		return "", err
	}
	return dst, os.Rename(tmp, dst)
}

// copyTree copies the regular files under src to dst, writable.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

func dropLocalReplaces(dir string) error {
	out, err := command(dir, nil, "go", "mod", "edit", "-json")
	if err != nil {
		return err
	}
	var mod struct {
		Replace []struct{ Old, New struct{ Path string } }
	}
	if err := json.Unmarshal(out, &mod); err != nil {
		return fmt.Errorf("%s: go mod edit -json: %w", dir, err)
	}
	var drops []string
	for _, r := range mod.Replace {
		if strings.HasPrefix(r.New.Path, ".") || filepath.IsAbs(r.New.Path) {
			drops = append(drops, "-dropreplace="+r.Old.Path)
		}
	}
	if len(drops) == 0 {
		return nil
	}
	_, err = command(dir, nil, "go", append(append([]string{"mod", "edit"}, drops...), "go.mod")...)
	return err
}

// lint runs testgate lint -json on every package of the module copy in
// dir, keeps its raw output in rawDir and returns the reports. Packages
// that fail to load come back as warnings: the rest is still measured.
// When testgate crashes (an analyzer panics), it runs again once per
// analyzer of the gold file, so that one analyzer's crash costs only its
// own reports; each crash is a warning.
func lint(binary, dir string, m module, rawDir string, analyzers []string) ([]report, []string, error) {
	if err := os.MkdirAll(rawDir, 0o755); err != nil {
		return nil, nil, err
	}
	raw := rawName(rawDir, m)
	stale, _ := filepath.Glob(raw + ".*.json")
	for _, name := range append(stale, raw+".json") {
		if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, nil, err
		}
	}
	reports, warnings, err := lintOnce(binary, dir, m, raw+".json")
	if err == nil || !errors.Is(err, errNoOutput) {
		return reports, warnings, err
	}
	warnings = []string{fmt.Sprintf("testgate failed, running each analyzer alone: %v", firstLine(err))}
	for _, name := range analyzers {
		rs, ws, err := lintOnce(binary, dir, m, raw+"."+name+".json", "-"+name)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("%s: %v", name, firstLine(err)))
			continue
		}
		reports = append(reports, rs...)
		warnings = append(warnings, ws...)
	}
	return reports, warnings, nil
}

var errNoOutput = errors.New("testgate printed no JSON")

func lintOnce(binary, dir string, m module, raw string, selection ...string) ([]report, []string, error) {
	// -mod=mod lets the go command complete a go.sum that lacks test
	// dependencies; GOWORK=off keeps a workspace around work out.
	args := append(append([]string{"lint", "-json"}, selection...), "./...")
	out, runErr := command(dir, []string{"GOFLAGS=-mod=mod", "GOWORK=off"}, binary, args...)
	if len(bytes.TrimSpace(out)) == 0 && runErr != nil {
		return nil, nil, fmt.Errorf("%w: %w", errNoOutput, runErr)
	}
	if err := os.WriteFile(raw, out, 0o644); err != nil {
		return nil, nil, err
	}
	reports, warnings, err := parseLint(out, dir, m.Path)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", raw, err)
	}
	if runErr != nil {
		warnings = append(warnings, runErr.Error())
	}
	return reports, warnings, nil
}

// firstLine keeps a crash's message and drops its stack.
func firstLine(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, "\ngoroutine "); i >= 0 {
		msg = msg[:i]
	}
	return strings.TrimSpace(msg)
}

// rawName is where the raw output of testgate on m is kept, without the
// .json extension: NAME.json for the whole run, NAME.ANALYZER.json for
// the runs of one analyzer after a crash.
func rawName(rawDir string, m module) string {
	return filepath.Join(rawDir, strings.ReplaceAll(m.String(), "/", "_"))
}

// rescore reads the raw output that the last run on m kept, so that new
// gold rows can be scored without running testgate again.
func rescore(work string, m module) ([]report, error) {
	raw := rawName(filepath.Join(work, "reports"), m)
	parts, err := filepath.Glob(raw + ".*.json")
	if err != nil {
		return nil, err
	}
	var reports []report
	for _, name := range append([]string{raw + ".json"}, parts...) {
		out, err := os.ReadFile(name)
		if errors.Is(err, fs.ErrNotExist) && name == raw+".json" && len(parts) > 0 {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("%w (run without -rescore first)", err)
		}
		if len(bytes.TrimSpace(out)) == 0 {
			continue // the crashed run, or a crashed analyzer
		}
		rs, _, err := parseLint(out, filepath.Join(work, "src", m.String()), m.Path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		reports = append(reports, rs...)
	}
	return reports, nil
}
