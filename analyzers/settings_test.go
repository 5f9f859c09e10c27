package analyzers

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// fakeSuite has one analyzer with options of each kind analyzers use and
// one without, so settings are tested without touching the real suite's
// shared analyzers.
func fakeSuite() (suite []*analysis.Analyzer, strict *bool, depth *int) {
	a := &analysis.Analyzer{Name: "fake", Doc: "fake: a stand-in"}
	strict = a.Flags.Bool("strict", false, "report more")
	depth = a.Flags.Int("maxDepth", 3, "how deep to look")
	plain := &analysis.Analyzer{Name: "plain", Doc: "plain: no options"}
	return []*analysis.Analyzer{a, plain}, strict, depth
}

func TestSelectSetsOptionsAndKeepsSuiteOrder(t *testing.T) {
	suite, strict, depth := fakeSuite()
	got, err := Select(suite, Settings{
		Enable:  []string{"plain", "fake"},
		Options: map[string]map[string]string{"fake": {"strict": "true", "maxdepth": "7"}},
	}, "lint")
	if err != nil {
		t.Fatalf("Select: %v", err)
	}
	if names := names(got); !slices.Equal(names, []string{"fake", "plain"}) {
		t.Errorf("selected %v, want suite order [fake plain]", names)
	}
	if !*strict || *depth != 7 {
		t.Errorf("options strict=%v maxDepth=%d, want true and 7 (names match regardless of case)", *strict, *depth)
	}
}

func TestSelectDropsDisabledAnalyzers(t *testing.T) {
	suite, _, _ := fakeSuite()
	got, err := Select(suite, Settings{Disable: []string{"fake"}}, "lint")
	if err != nil || !slices.Equal(names(got), []string{"plain"}) {
		t.Errorf("Select(disable fake) = %v, %v; want [plain]", names(got), err)
	}
}

func TestSelectRejectsBadSettingsNamingTheSetting(t *testing.T) {
	cases := []struct {
		name     string
		settings Settings
		want     string
	}{
		{"unknown analyzer key", Settings{Options: map[string]map[string]string{"nap": nil}}, `lint: unknown key "nap"; want enable, disable or an analyzer name (fake, plain)`},
		{"unknown analyzer enabled", Settings{Enable: []string{"sleeps"}}, `lint.enable: unknown analyzer "sleeps"`},
		{"unknown analyzer disabled", Settings{Disable: []string{"nap"}}, `lint.disable: unknown analyzer "nap"`},
		{"enabled and disabled", Settings{Enable: []string{"fake"}, Disable: []string{"fake"}}, `lint: analyzer "fake" is both enabled and disabled`},
		{"nothing left", Settings{Disable: []string{"fake", "plain"}}, "lint: every analyzer is disabled"},
		{"unknown option", Settings{Options: map[string]map[string]string{"fake": {"strikt": "true"}}}, `lint.fake: unknown option "strikt"; fake has maxDepth, strict`},
		{"option of an analyzer without any", Settings{Options: map[string]map[string]string{"plain": {"x": "1"}}}, "plain has no options"},
		{"value the option rejects", Settings{Options: map[string]map[string]string{"fake": {"maxDepth": "deep"}}}, "lint.fake: maxDepth: parse error"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			suite, _, _ := fakeSuite()
			_, err := Select(suite, tc.settings, "lint")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Select error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestAllListsEveryAnalyzerWithDocumentation(t *testing.T) {
	want := []string{"testname", "sleep", "secret", "cleanup", "noassert", "extcall", "isolation", "disabled"}
	if got := names(All()); !slices.Equal(got, want) {
		t.Errorf("All() = %v, want %v", got, want)
	}
	for _, a := range All() {
		if a.Doc == "" || a.URL == "" {
			t.Errorf("analyzer %s lacks Doc or URL", a.Name)
		}
	}
}
