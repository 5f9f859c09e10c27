package coverage

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/mod/modfile"

	"github.com/testgate/testgate/internal/render"
	"github.com/testgate/testgate/internal/repo"
)

// Sources finds the source files of profile names (import path and file
// name) on disk through the modules of a working directory.
type Sources struct {
	dir     string
	root    string   // of the repository holding dir, or ""
	modules []Module // longest path first, so the innermost module wins
	// warnings tell what was left out, such as a go.work use line
	// naming no module.
	warnings []Warning

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
	if git := findUp(dir, ".git", true); git != "" {
		s.root = filepath.Dir(git)
	}
	switch work := goWork(dir); {
	case work != "":
		err = s.addWork(work)
	default:
		if gomod := findUp(dir, "go.mod", false); gomod != "" {
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
		return findUp(dir, "go.work", false)
	default:
		return env
	}
}

// findUp returns the path of file in dir or its nearest ancestor, or "";
// orDir accepts a directory of that name too.
func findUp(dir, file string, orDir bool) string {
	for {
		p := filepath.Join(dir, file)
		if fi, err := os.Stat(p); err == nil && (orDir || !fi.IsDir()) {
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
			// The go command refuses the whole workspace; the profile
			// may come from before the module went, so keep the others.
			s.warnings = append(s.warnings, warningf(MissingModule, "%s:%d: use %s: %v; the sources of its files are not found", path, use.Syntax.Start.Line, use.Path, err))
		}
	}
	return nil
}

// Warnings returns what FindSources left out.
func (s *Sources) Warnings() []Warning { return s.warnings }

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
	if p, ok := s.relative(name); ok {
		return p, true
	}
	if len(s.modules) == 0 {
		return "", false
	}
	s.fallback.Do(func() { s.listed = listModules(s.dir) })
	return find(s.listed, name)
}

// relative finds name as a path relative to the working directory, a
// module's directory or the repository's root, where LCOV writers (bazel
// among them) start the SF paths; it returns the first that exists.
func (s *Sources) relative(name string) (string, bool) {
	if !filepath.IsLocal(filepath.FromSlash(name)) {
		return "", false
	}
	bases := []string{s.dir}
	for _, m := range s.modules {
		bases = append(bases, m.Dir)
	}
	if s.root != "" {
		bases = append(bases, s.root)
	}
	for _, base := range bases {
		p := filepath.Join(base, filepath.FromSlash(name))
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			return p, true
		}
	}
	return "", false
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

// RepoPath returns the path of the profile file name relative to the root
// of the repository (see repo.Root) holding the working directory of s, as
// GitHub's annotations name files.
func (s *Sources) RepoPath(name string) (string, bool) {
	p, ok := s.File(name)
	if !ok {
		return "", false
	}
	return render.RelPath(repo.Root(s.dir), p)
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

// eachGoFile calls work in parallel with the index in p.Files and the
// path on disk of every Go file of p that src can place; work returns
// false for a file it could not read. newWorker makes the work function of
// one goroutine, so that each may keep its own buffer. eachGoFile returns a
// warning naming the files whose source was missing and what that means
// (consequence), unless an earlier stage warned already.
func eachGoFile(p *Profile, src *Sources, consequence string, newWorker func() func(i int, path string) bool) []Warning {
	missing := make([]bool, len(p.Files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers(len(p.Files)) {
		wg.Go(func() {
			work := newWorker()
			for i := range next {
				path, ok := src.File(p.Files[i].Name)
				missing[i] = !ok || !work(i, path)
			}
		})
	}
	for i, f := range p.Files {
		if strings.HasSuffix(f.Name, ".go") { // //line targets carry no Go code
			next <- i
		}
	}
	close(next)
	wg.Wait()

	count, example := 0, -1
	for i, m := range missing {
		if m {
			if count == 0 {
				example = i
			}
			count++
		}
	}
	if count == 0 || slices.ContainsFunc(p.Warnings, func(w Warning) bool { return w.Kind == MissingSources }) {
		return nil
	}
	hint := "run testgate in the module or workspace the profile comes from"
	if p.Files[example].CountsLines {
		hint = "LCOV paths are looked up as import paths and from the working directory, the module and the repository root: run testgate in the repository the tracefile comes from"
	}
	return []Warning{warningf(MissingSources, "cannot find the sources of %d of %d profiled files (e.g. %s): %s; %s",
		count, len(p.Files), p.Files[example].Name, consequence, hint)}
}

// eachSource is eachGoFile for work that needs a file's whole contents,
// which fn gets valid only during the call: each goroutine reads into one
// buffer of its own.
func eachSource(p *Profile, src *Sources, consequence string, fn func(i int, path string, data []byte)) []Warning {
	return eachGoFile(p, src, consequence, func() func(int, string) bool {
		var buf []byte
		return func(i int, path string) bool {
			data, err := readInto(buf[:0], path)
			if err == nil {
				fn(i, path, data)
				buf = data
			}
			return err == nil
		}
	})
}

// readInto appends the contents of the file at path to buf: unlike
// os.ReadFile, without a new buffer and a stat per file, and taking a read
// shorter than asked for as the end of the file, as it is for regular
// files (which saves a system call per file of a large profile).
func readInto(buf []byte, path string) ([]byte, error) {
	f, err := openFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		want := cap(buf) - len(buf)
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		switch {
		case err == io.EOF || err == nil && n < want:
			return buf, nil
		case err != nil:
			return nil, &os.PathError{Op: "read", Path: path, Err: err}
		}
	}
}

// workers is how many goroutines read n files: reads block in system
// calls, so more than one per CPU.
func workers(n int) int {
	return max(1, min(n, 4*runtime.GOMAXPROCS(0)))
}
