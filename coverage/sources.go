package coverage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/mod/modfile"
)

// Sources finds the source files of profile names (import path and file
// name) on disk through the modules of a working directory.
type Sources struct {
	dir     string
	modules []Module // longest path first, so the innermost module wins

	// fallback lists every module of the build with go list, once, when a
	// name belongs to none of the modules found from dir.
	fallback sync.Once
	listed   []Module
}

// A Module is a module path and the directory holding its files.
type Module struct {
	Path, Dir string
}

// FindSources returns the sources of the modules of dir: the modules of the
// go.work file that governs dir (as GOWORK or a search upwards finds it), or
// else the module whose go.mod is in dir or above. Outside any module it
// returns Sources that find only absolute names.
func FindSources(dir string) (*Sources, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	s := &Sources{dir: dir}
	switch work := goWork(dir); {
	case work != "":
		err = s.addWork(work)
	default:
		if gomod := findUp(dir, "go.mod"); gomod != "" {
			err = s.addModule(filepath.Dir(gomod))
		}
	}
	if err != nil {
		return nil, err
	}
	sortModules(s.modules)
	return s, nil
}

// NewSources returns Sources that find files in the given modules, for
// profiles made elsewhere; dir is the base of relative paths.
func NewSources(dir string, modules ...Module) *Sources {
	s := &Sources{dir: dir, modules: slices.Clone(modules)}
	sortModules(s.modules)
	s.fallback.Do(func() {}) // the caller said where everything is
	return s
}

func sortModules(ms []Module) {
	slices.SortStableFunc(ms, func(a, b Module) int { return len(b.Path) - len(a.Path) })
}

// goWork returns the go.work file in force for dir, as the go command
// chooses it, or "".
func goWork(dir string) string {
	switch env := os.Getenv("GOWORK"); env {
	case "off":
		return ""
	case "":
		return findUp(dir, "go.work")
	default:
		return env
	}
}

// findUp returns the path of file in dir or its nearest ancestor, or "".
func findUp(dir, file string) string {
	for {
		p := filepath.Join(dir, file)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func (s *Sources) addWork(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	wf, err := modfile.ParseWork(path, data, nil)
	if err != nil {
		return err
	}
	for _, use := range wf.Use {
		dir := use.Path
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(filepath.Dir(path), dir)
		}
		if err := s.addModule(dir); err != nil {
			return err
		}
	}
	return nil
}

func (s *Sources) addModule(dir string) error {
	gomod := filepath.Join(dir, "go.mod")
	data, err := os.ReadFile(gomod)
	if err != nil {
		return err
	}
	path := modfile.ModulePath(data)
	if path == "" {
		return fmt.Errorf("%s: no module line", gomod)
	}
	s.modules = append(s.modules, Module{Path: path, Dir: dir})
	return nil
}

// File returns the path on disk of the profile file name, and false when
// no known module holds it. It does not check that the file exists.
func (s *Sources) File(name string) (string, bool) {
	if filepath.IsAbs(name) {
		return name, true
	}
	if p, ok := find(s.modules, name); ok {
		return p, true
	}
	if len(s.modules) == 0 {
		return "", false
	}
	s.fallback.Do(func() { s.listed = listModules(s.dir) })
	return find(s.listed, name)
}

// Rel returns the path of the profile file name relative to the working
// directory of s, with slashes, as CI annotations want it.
func (s *Sources) Rel(name string) (string, bool) {
	p, ok := s.File(name)
	if !ok {
		return "", false
	}
	rel, err := filepath.Rel(s.dir, p)
	if err != nil {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

func find(modules []Module, name string) (string, bool) {
	for _, m := range modules {
		if rest, ok := strings.CutPrefix(name, m.Path); ok && strings.HasPrefix(rest, "/") {
			return filepath.Join(m.Dir, filepath.FromSlash(rest)), true
		}
	}
	return "", false
}

// listModules asks the go command for the directories of every module of
// the build in dir (replacements, the module cache), without network
// access; it returns what it can.
func listModules(dir string) []Module {
	cmd := exec.Command("go", "list", "-m", "-e", "-mod=readonly", "-json", "all")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOPROXY=off")
	out, _ := cmd.Output() // with -e, a partial list is still useful
	var modules []Module
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var m Module
		if err := dec.Decode(&m); err != nil {
			break
		}
		if m.Dir != "" {
			modules = append(modules, m)
		}
	}
	sortModules(modules)
	return modules
}

// headerChunk is how much of a file isGeneratedFile reads first: enough for
// the license header and build constraints of nearly every file.
const headerChunk = 4 << 10

// isGeneratedFile reports whether the Go file at path is generated, reading
// only its header into buf (of len headerChunk, reused across calls); ok is
// false when the file cannot be read.
func isGeneratedFile(path string, buf []byte) (generated, ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return false, false
	}
	defer f.Close()
	n, err := io.ReadFull(f, buf)
	buf = buf[:n]
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return false, false
	}
	generated, done := scanHeader(buf)
	if done || n < headerChunk {
		return generated, true
	}
	rest, err := io.ReadAll(f)
	if err != nil {
		return false, false
	}
	generated, _ = scanHeader(append(buf, rest...))
	return generated, true
}

// scanHeader reports whether src, the start of a Go file, has a comment
// line "// Code generated ... DO NOT EDIT." before the package clause, as
// go/ast.IsGenerated decides; done reports whether src reached the end of
// the comments before the package clause.
func scanHeader(src []byte) (generated, done bool) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	for {
		src = bytes.TrimLeft(src, " \t\r\n")
		var comment []byte
		switch {
		case len(src) == 0:
			return false, false
		case bytes.HasPrefix(src, []byte("//")):
			end := bytes.IndexByte(src, '\n')
			if end < 0 {
				return isGeneratedLine(src), false
			}
			comment, src = src[:end], src[end:]
		case bytes.HasPrefix(src, []byte("/*")):
			end := bytes.Index(src[2:], []byte("*/"))
			if end < 0 {
				return false, false
			}
			comment, src = src[:end+4], src[end+4:]
		default:
			return false, true
		}
		for line := range bytes.SplitSeq(comment, []byte("\n")) {
			if isGeneratedLine(line) {
				return true, true
			}
		}
	}
}

func isGeneratedLine(line []byte) bool {
	if bytes.IndexByte(line, '\r') >= 0 {
		line = bytes.ReplaceAll(line, []byte("\r"), nil)
	}
	rest, ok := bytes.CutPrefix(line, []byte("// Code generated "))
	return ok && bytes.HasSuffix(rest, []byte(" DO NOT EDIT."))
}
