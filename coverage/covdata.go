package coverage

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ReadCoverDir reads Go's binary coverage data in dir, as programs built
// with go build -cover write it into $GOCOVERDIR, by converting it with go
// tool covdata textfmt into a text profile.
func ReadCoverDir(dir string) (*Profile, error) {
	if fi, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("coverage directory: %w", err)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("coverage directory %s is not a directory", dir)
	}
	tmp, err := os.MkdirTemp("", "testgate-covdata-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "profile.out")
	cmd := exec.Command("go", "tool", "covdata", "textfmt", "-i="+dir, "-o="+out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go tool covdata textfmt -i=%s: %w: %s", dir, err, strings.TrimSpace(string(msg)))
	}
	f, err := os.Open(out)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() == 0 {
		return nil, fmt.Errorf("%s: no coverage data: did a program built with go build -cover run with GOCOVERDIR=%s?", dir, dir)
	}
	p, err := Parse(dir, f)
	if err != nil {
		return nil, fmt.Errorf("%w (converted by go tool covdata textfmt)", err)
	}
	return p, nil
}
