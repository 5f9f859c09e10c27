package coverage

import (
	"regexp"
	"testing"
)

func ptr(f float64) *float64 { return &f }

func TestJudgeComparesUnroundedValues(t *testing.T) {
	tests := []struct {
		name      string
		counts    Counts
		threshold float64
		want      bool
	}{
		{"79.95 misses 80", Counts{2000, 1599}, 80, false},
		{"exactly 80 meets 80", Counts{5, 4}, 80, true},
		{"fractional threshold met exactly", Counts{40, 23}, 57.5, true},
		{"just below a fractional threshold", Counts{1000, 574}, 57.5, false},
		{"no statements meet 100", Counts{}, 100, true},
		{"zero threshold always met", Counts{10, 0}, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Judge(&Summary{Total: tt.counts}, Policy{Total: tt.threshold})
			if r.Total.Pass != tt.want || r.Pass != tt.want {
				t.Errorf("Judge(%+v against %v) pass = %v, want %v", tt.counts, tt.threshold, r.Total.Pass, tt.want)
			}
		})
	}
}

func TestJudgeFailsOnAnyUnitBelowItsThreshold(t *testing.T) {
	s := &Summary{
		Total:    Counts{10, 9},
		Packages: []Unit{{Name: "m/a", Counts: Counts{5, 5}}, {Name: "m/b", Counts: Counts{5, 4}}},
		Files:    []Unit{{Name: "m/a/x.go", Counts: Counts{5, 5}}, {Name: "m/b/y.go", Counts: Counts{5, 4}}},
	}
	tests := []struct {
		name   string
		policy Policy
		pass   bool
	}{
		{"all met", Policy{Total: 90, Package: 80, File: 80}, true},
		{"total missed", Policy{Total: 95}, false},
		{"package missed", Policy{Package: 85}, false},
		{"file missed", Policy{File: 85}, false},
		{"override lowers the failing package", Policy{Package: 85, Overrides: []Override{{Path: regexp.MustCompile(`^m/b$`), Package: ptr(50)}}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if r := Judge(s, tt.policy); r.Pass != tt.pass {
				t.Errorf("Judge pass = %v, want %v; report %+v", r.Pass, tt.pass, r)
			}
		})
	}
}

func TestJudgeFillsEveryResult(t *testing.T) {
	s := &Summary{
		Total:    Counts{4, 1},
		Packages: []Unit{{Name: "m", Counts: Counts{4, 1}}},
		Files:    []Unit{{Name: "m/x.go", Counts: Counts{4, 1}}},
		Excluded: []Excluded{{"m/gen.go", ReasonGenerated}},
	}
	r := Judge(s, Policy{Total: 20, Package: 30, File: 10})
	want := Result{Name: "m", Statements: 4, Covered: 1, Percent: 25, Threshold: 30, Pass: false}
	if r.Packages[0] != want {
		t.Errorf("package result = %+v, want %+v", r.Packages[0], want)
	}
	if f := r.Files[0]; f.Threshold != 10 || !f.Pass || f.Name != "m/x.go" {
		t.Errorf("file result = %+v, want m/x.go passing 10", f)
	}
	if r.Total.Name != "" || !r.Total.Pass || len(r.Excluded) != 1 {
		t.Errorf("report = %+v, want an unnamed passing total and the exclusion", r)
	}
}

func TestJudgeReportsNoExclusionsAsAnEmptyList(t *testing.T) {
	if r := Judge(&Summary{}, DefaultPolicy()); r.Excluded == nil {
		t.Error("Excluded is nil, want an empty list so JSON shows []")
	}
}

func TestTheLastMatchingOverrideWins(t *testing.T) {
	p := Policy{
		Package: 50,
		File:    40,
		Overrides: []Override{
			{Path: regexp.MustCompile(`/internal/`), Package: ptr(30), File: ptr(20)},
			{Path: regexp.MustCompile(`/internal/legacy`), Package: ptr(0)},
			{Path: regexp.MustCompile(`/nothing/`), File: ptr(99)},
		},
	}
	tests := []struct {
		name      string
		pkg, file float64
	}{
		{name: "m/internal/legacy", pkg: 0, file: 20},
		{name: "m/internal/core", pkg: 30, file: 20},
		{name: "m/cmd", pkg: 50, file: 40},
	}
	for _, tt := range tests {
		if got := p.PackageThreshold(tt.name); got != tt.pkg {
			t.Errorf("PackageThreshold(%q) = %v, want %v", tt.name, got, tt.pkg)
		}
		// The legacy override sets no file threshold, so the general
		// /internal/ override still decides files there.
		if got := p.FileThreshold(tt.name + "/x.go"); got != tt.file {
			t.Errorf("FileThreshold(%q) = %v, want %v", tt.name+"/x.go", got, tt.file)
		}
	}
}
