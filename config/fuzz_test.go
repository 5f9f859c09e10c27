package config

import (
	"strings"
	"testing"
)

// FuzzLoadConfig checks that decoding never panics, that every error names
// the file, and that whatever decodes holds valid thresholds.
func FuzzLoadConfig(f *testing.F) {
	f.Add([]byte("coverage:\n  threshold:\n    total: 85.5\n    package: 60\n    file: 40\n  overrides:\n    - path: /internal/legacy/\n      package: 20\n    - path: _gen\\.go$\n      file: 0\n  exclude:\n    - /mocks/\n    - '_string\\.go$'\n"))
	f.Add([]byte("coverage:\n  threshold: {total: 80}\n"))
	f.Add([]byte("coverage:\n  threshold:\n    package: &p 70\n    file: *p\n"))
	f.Add([]byte("coverage:\n  threshold:\n    pakage: 3\n"))
	f.Add([]byte("coverage:\n  exclude: ['(unclosed']\n"))
	f.Add([]byte("coverage:\n  overrides:\n    - file: 3\n"))
	f.Add([]byte("coverage:\n  diff: {threshold: 90, min-statements: 20}\n  baseline: {tolerance: 1}\n  ignore: {require-reason: false}\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("fuzz.yml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yml") {
				t.Errorf("error %q does not start with the file name", err)
			}
			return
		}
		th := c.Coverage.Threshold
		for _, v := range []Percent{th.Total, th.Package, th.File, th.Function, c.Coverage.Diff.Threshold, c.Coverage.Baseline.Tolerance} {
			if _, err := CheckPercent(float64(v)); err != nil {
				t.Errorf("accepted threshold %v", v)
			}
		}
		if c.Coverage.Diff.MinStatements < 0 {
			t.Errorf("accepted min-statements %d", c.Coverage.Diff.MinStatements)
		}
		for _, o := range c.Coverage.Overrides {
			if o.Path.Regexp == nil || (o.Package == nil && o.File == nil) {
				t.Errorf("accepted override %+v", o)
			}
		}
		for _, re := range c.Coverage.Exclude {
			if re.Regexp == nil {
				t.Error("accepted an empty exclude pattern")
			}
		}
	})
}
