package coverage

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
)

// A Baseline is coverage stored to compare later runs with: the total and
// every package's percentage, unrounded.
type Baseline struct {
	Total    float64            `json:"total"`
	Packages map[string]float64 `json:"packages"`
}

// NewBaseline returns the baseline of r.
func NewBaseline(r *Report) *Baseline {
	b := &Baseline{Total: r.Total.Percent, Packages: make(map[string]float64, len(r.Packages))}
	for _, p := range r.Packages {
		b.Packages[p.Name] = p.Percent
	}
	return b
}

// WriteFile writes b to path as indented JSON, packages sorted by name.
func (b *Baseline) WriteFile(path string) error {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o666)
}

// ReadBaseline reads a baseline written by [Baseline.WriteFile]: one JSON
// object with a total and packages. Unknown keys, a missing total or
// packages, percentages outside 0 to 100 and anything after the object are
// errors.
func ReadBaseline(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the baseline: %w (write one with -write-baseline)", err)
	}
	notBaseline := func(line int, format string, args ...any) error {
		return fmt.Errorf("%s:%d: not a baseline written by testgate cover -write-baseline: %s", path, line, fmt.Sprintf(format, args...))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	// Pointers tell a missing key from a zero: {} and null would read as a
	// baseline of 0%, which no coverage can fall below.
	var b struct {
		Total    *float64            `json:"total"`
		Packages *map[string]float64 `json:"packages"`
	}
	if err := dec.Decode(&b); err != nil {
		return nil, notBaseline(lineAt(data, dec.InputOffset()), "%v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, notBaseline(lineAt(data, dec.InputOffset()), "more after the baseline's object")
	}
	switch {
	case b.Total == nil:
		return nil, notBaseline(1, "no total")
	case !validPercent(*b.Total):
		return nil, fmt.Errorf("%s: total %v is not a percentage", path, *b.Total)
	case b.Packages == nil || *b.Packages == nil:
		return nil, notBaseline(1, "no packages")
	}
	for name, pct := range *b.Packages {
		if !validPercent(pct) {
			return nil, fmt.Errorf("%s: package %s: %v is not a percentage", path, name, pct)
		}
	}
	return &Baseline{Total: *b.Total, Packages: *b.Packages}, nil
}

// lineAt returns the line of data that offset falls on, from 1.
func lineAt(data []byte, offset int64) int {
	return bytes.Count(data[:min(int(offset), len(data))], []byte("\n")) + 1
}

func validPercent(f float64) bool { return f >= 0 && f <= 100 }

// A BaselineReport is the verdict of a comparison with a [Baseline].
type BaselineReport struct {
	Tolerance float64          `json:"tolerance"` // percentage points
	Pass      bool             `json:"pass"`
	Total     BaselineResult   `json:"total"`
	Packages  []BaselineResult `json:"packages"`          // in both, sorted by name
	Added     []string         `json:"added,omitempty"`   // packages new since the baseline
	Removed   []string         `json:"removed,omitempty"` // packages gone since the baseline
}

// A BaselineResult compares the coverage of a unit with its baseline.
type BaselineResult struct {
	Name     string  `json:"name,omitempty"` // empty for the total
	Baseline float64 `json:"baseline"`
	Percent  float64 `json:"percent"`
	Pass     bool    `json:"pass"` // dropped by no more than the tolerance
}

// JudgeBaseline fills r.Baseline: the total and every package that r and b
// share fail when coverage fell by more than tolerance percentage points.
// Packages that appear or vanish are listed, not judged.
func JudgeBaseline(r *Report, b *Baseline, tolerance float64) {
	br := &BaselineReport{Tolerance: tolerance, Packages: []BaselineResult{}}
	compare := func(name string, base, now float64) BaselineResult {
		// The epsilon keeps a drop of exactly the tolerance passing
		// despite float rounding (75.3 - 74.8 > 0.5).
		return BaselineResult{Name: name, Baseline: base, Percent: now, Pass: base-now <= tolerance+1e-9}
	}
	br.Total = compare("", b.Total, r.Total.Percent)
	br.Pass = br.Total.Pass
	seen := make(map[string]bool, len(r.Packages))
	for _, p := range r.Packages {
		seen[p.Name] = true
		base, ok := b.Packages[p.Name]
		if !ok {
			br.Added = append(br.Added, p.Name)
			continue
		}
		res := compare(p.Name, base, p.Percent)
		br.Packages = append(br.Packages, res)
		br.Pass = br.Pass && res.Pass
	}
	for _, name := range slices.Sorted(maps.Keys(b.Packages)) {
		if !seen[name] {
			br.Removed = append(br.Removed, name)
		}
	}
	r.Baseline = br
	r.Pass = r.Pass && br.Pass
}
