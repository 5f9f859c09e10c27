package lint

import (
	"slices"
	"testing"
)

func TestCutFormatTakesTheFlagOutOfTheArguments(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantFormat string
		wantRest   []string
	}{
		{"absent means text", []string{"-sleep", "./..."}, "text", []string{"-sleep", "./..."}},
		{"with equals sign", []string{"-format=sarif", "./..."}, "sarif", []string{"./..."}},
		{"double dash and separate value", []string{"-sleep", "--format", "github", "./..."}, "github", []string{"-sleep", "./..."}},
		{"after the packages", []string{"./...", "-format=github"}, "github", []string{"./..."}},
		{"explicit text", []string{"-format=text", "-json", "./..."}, "text", []string{"-json", "./..."}},
		{"after -- it is an argument", []string{"--", "-format=sarif"}, "text", []string{"--", "-format=sarif"}},
		{"a look-alike flag is kept", []string{"-formats=x", "./..."}, "text", []string{"-formats=x", "./..."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			format, rest, err := CutFormat(tt.args)
			if err != nil {
				t.Fatalf("CutFormat(%q): %v", tt.args, err)
			}
			if format != tt.wantFormat || !slices.Equal(rest, tt.wantRest) {
				t.Errorf("CutFormat(%q) = %q, %q; want %q, %q", tt.args, format, rest, tt.wantFormat, tt.wantRest)
			}
		})
	}
}

func TestCutFormatRejectsUnknownOrMissingValues(t *testing.T) {
	for _, args := range [][]string{{"-format=xml", "./..."}, {"-format"}} {
		if _, _, err := CutFormat(args); err == nil {
			t.Errorf("CutFormat(%q) succeeded, want an error", args)
		}
	}
}

func TestOnlyFixingDiffingAndProfilingFlagsNeedTheMultichecker(t *testing.T) {
	cases := []struct {
		args []string
		want bool
	}{
		{[]string{"./..."}, false},
		{[]string{"-json", "-sleep", "-test=false", "-sleep.x=1", "./..."}, false},
		{[]string{"-fix", "./..."}, true},
		{[]string{"--diff", "./..."}, true},
		{[]string{"-c=2", "./..."}, true},
		{[]string{"-cpuprofile", "cpu.out", "./..."}, true},
		{[]string{"--", "-fix"}, false},
	}
	for _, tc := range cases {
		if got := NeedsMultichecker(tc.args); got != tc.want {
			t.Errorf("NeedsMultichecker(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

func TestCutFixTakesOutFixUnlessItOnlyShowsADiff(t *testing.T) {
	cases := []struct {
		args []string
		fix  bool
		rest []string
	}{
		{[]string{"-fix", "./..."}, true, []string{"./..."}},
		{[]string{"-sleep", "--fix=true", "./..."}, true, []string{"-sleep", "./..."}},
		{[]string{"-fix=false", "./..."}, false, []string{"./..."}},
		{[]string{"-fix", "-diff", "./..."}, false, []string{"-fix", "-diff", "./..."}},
		{[]string{"./...", "--", "-fix"}, false, []string{"./...", "--", "-fix"}},
	}
	for _, tc := range cases {
		fix, rest := CutFix(tc.args)
		if fix != tc.fix || !slices.Equal(rest, tc.rest) {
			t.Errorf("CutFix(%q) = %v, %q; want %v, %q", tc.args, fix, rest, tc.fix, tc.rest)
		}
	}
}
