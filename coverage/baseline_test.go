package coverage

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func report(total float64, pkgs map[string]float64) *Report {
	r := &Report{Pass: true, Total: Result{Percent: total}}
	for _, name := range []string{"m/a", "m/b", "m/c", "m/d"} {
		if pct, ok := pkgs[name]; ok {
			r.Packages = append(r.Packages, Result{Name: name, Percent: pct})
		}
	}
	return r
}

func TestBaselineRoundTripsThroughItsFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "baseline.json")
	want := NewBaseline(report(81.25, map[string]float64{"m/a": 100.0 / 3, "m/b": 0}))
	if err := want.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	got, err := ReadBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back %+v, want %+v (unrounded)", got, want)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "\"m/a\": 33.33333333333333") || !strings.HasSuffix(string(data), "}\n") {
		t.Errorf("file = %s, want indented JSON with unrounded figures", data)
	}
}

func TestReadBaselineRejectsWhatItDidNotWrite(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ name, text, want string }{
		{"unknown key", `{"total": 80, "pkgs": {}}`, `unknown field "pkgs"`},
		{"not JSON", `total: 80`, "not a baseline written by testgate cover -write-baseline"},
		{"total above 100", `{"total": 180, "packages": {}}`, "total 180 is not a percentage"},
		{"empty object", `{}`, ":1: not a baseline written by testgate cover -write-baseline: no total"},
		{"null", `null`, ":1: not a baseline written by testgate cover -write-baseline: no total"},
		{"no packages", `{"total": 80}`, ":1: not a baseline written by testgate cover -write-baseline: no packages"},
		{"second document", "{\"total\": 80, \"packages\": {}}\n{\"total\": 0, \"packages\": {}}", ":2: not a baseline written by testgate cover -write-baseline: more after the baseline's object"},
		{"trailing garbage", "{\"total\": 80, \"packages\": {}}\n\n]", ":3: not a baseline written by testgate cover -write-baseline: more after the baseline's object"},
		{"negative package", `{"total": 80, "packages": {"m/a": -1}}`, "package m/a: -1 is not a percentage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")+".json")
			if err := os.WriteFile(path, []byte(tt.text), 0o666); err != nil {
				t.Fatal(err)
			}
			if _, err := ReadBaseline(path); err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("error = %v, want one naming %s and containing %q", err, path, tt.want)
			}
		})
	}
	if _, err := ReadBaseline(filepath.Join(dir, "missing.json")); err == nil || !strings.Contains(err.Error(), "write one with -write-baseline") {
		t.Errorf("missing file: error = %v, want a hint to write one", err)
	}
}

func TestJudgeBaselineFailsDropsBeyondTheTolerance(t *testing.T) {
	base := &Baseline{Total: 80, Packages: map[string]float64{"m/a": 75.3, "m/b": 90, "m/gone": 50}}
	tests := []struct {
		name  string
		now   *Report
		pass  bool
		fails []string // units below the baseline
	}{
		{"drop of exactly the tolerance", report(79.5, map[string]float64{"m/a": 74.8, "m/b": 90}), true, nil},
		{"total drops", report(79.49, map[string]float64{"m/a": 75.3, "m/b": 95}), false, []string{"total"}},
		{"a package drops", report(85, map[string]float64{"m/a": 74.7, "m/b": 90}), false, []string{"m/a"}},
		{"rises pass", report(100, map[string]float64{"m/a": 100, "m/b": 100}), true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			JudgeBaseline(tt.now, base, 0.5)
			b := tt.now.Baseline
			var fails []string
			if !b.Total.Pass {
				fails = append(fails, "total")
			}
			for _, p := range b.Packages {
				if !p.Pass {
					fails = append(fails, p.Name)
				}
			}
			if b.Pass != tt.pass || tt.now.Pass != tt.pass || !reflect.DeepEqual(fails, tt.fails) {
				t.Errorf("pass %v (report %v), below the baseline %v; want %v, %v", b.Pass, tt.now.Pass, fails, tt.pass, tt.fails)
			}
		})
	}
}

func TestJudgeBaselineListsPackagesThatAppearOrVanish(t *testing.T) {
	r := report(80, map[string]float64{"m/a": 0, "m/c": 10, "m/d": 100})
	JudgeBaseline(r, &Baseline{Total: 80, Packages: map[string]float64{"m/a": 0, "m/x": 90, "m/b": 70}}, 0)
	b := r.Baseline
	if !r.Pass || !reflect.DeepEqual(b.Added, []string{"m/c", "m/d"}) || !reflect.DeepEqual(b.Removed, []string{"m/b", "m/x"}) || len(b.Packages) != 1 {
		t.Errorf("baseline report = %+v; want a pass, m/c and m/d added, m/b and m/x removed, m/a compared", b)
	}
}
