package coverage

import (
	"reflect"
	"testing"
)

func TestSummarizeWeighsBlocksByStatements(t *testing.T) {
	p := mustParse(t, `mode: count
example.com/m/main.go:1.1,2.1 3 1
example.com/m/util.go:1.1,2.1 1 0
example.com/m/pkg/a.go:1.1,2.1 2 0
example.com/m/pkg/a.go:3.1,4.1 2 5
example.com/m/pkg/sub/b.go:1.1,2.1 4 1
`)
	s := Summarize(p)
	wantFiles := []Unit{
		{Name: "example.com/m/main.go", Counts: Counts{3, 3}},
		{Name: "example.com/m/pkg/a.go", Counts: Counts{4, 2}},
		{Name: "example.com/m/pkg/sub/b.go", Counts: Counts{4, 4}},
		{Name: "example.com/m/util.go", Counts: Counts{1, 0}},
	}
	// The files of the module's root directory form one package.
	wantPackages := []Unit{
		{Name: "example.com/m", Counts: Counts{4, 3}},
		{Name: "example.com/m/pkg", Counts: Counts{4, 2}},
		{Name: "example.com/m/pkg/sub", Counts: Counts{4, 4}},
	}
	if !reflect.DeepEqual(s.Files, wantFiles) {
		t.Errorf("Files = %+v, want %+v", s.Files, wantFiles)
	}
	if !reflect.DeepEqual(s.Packages, wantPackages) {
		t.Errorf("Packages = %+v, want %+v", s.Packages, wantPackages)
	}
	if s.Total != (Counts{12, 9}) {
		t.Errorf("Total = %+v, want 12 statements, 9 covered", s.Total)
	}
}

func TestPercentOfNoStatementsIs100(t *testing.T) {
	tests := []struct {
		c    Counts
		want float64
	}{
		{Counts{0, 0}, 100},
		{Counts{3, 0}, 0},
		{Counts{3, 2}, 200.0 / 3},
		{Counts{8, 8}, 100},
	}
	for _, tt := range tests {
		if got := tt.c.Percent(); got != tt.want {
			t.Errorf("%+v.Percent() = %v, want %v", tt.c, got, tt.want)
		}
	}
}

func TestPackageOfIsTheDirectoryOfTheImportPath(t *testing.T) {
	tests := map[string]string{
		"example.com/m/a.go":          "example.com/m",
		"example.com/m/sub/b.go":      "example.com/m/sub",
		"command-line-arguments/x.go": "command-line-arguments",
	}
	for name, want := range tests {
		if got := PackageOf(name); got != want {
			t.Errorf("PackageOf(%q) = %q, want %q", name, got, want)
		}
	}
}
