package coverage

import (
	"bytes"
	"encoding/json"
	"fmt"
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

// ReadBaseline reads a baseline written by [Baseline.WriteFile]; unknown
// keys and percentages outside 0 to 100 are errors.
func ReadBaseline(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the baseline: %w (write one with -write-baseline)", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var b Baseline
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("%s: not a baseline written by testgate cover -write-baseline: %w", path, err)
	}
	if !validPercent(b.Total) {
		return nil, fmt.Errorf("%s: total %v is not a percentage", path, b.Total)
	}
	for name, pct := range b.Packages {
		if !validPercent(pct) {
			return nil, fmt.Errorf("%s: package %s: %v is not a percentage", path, name, pct)
		}
	}
	return &b, nil
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
