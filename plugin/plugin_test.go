package plugin

import (
	"flag"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/testgate/testgate/analyzers"
)

func TestPluginIsRegisteredUnderItsLinterName(t *testing.T) {
	newPlugin, err := register.GetPlugin("testgate")
	if err != nil {
		t.Fatalf("GetPlugin: %v", err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatalf("constructor with no settings: %v", err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q: the analyzers need type information", got, register.LoadModeTypesInfo)
	}
}

func TestNewSelectsAnalyzersFromSettings(t *testing.T) {
	all := analyzerNames(analyzers.All())
	tests := []struct {
		name     string
		settings any
		want     []string
	}{
		{"no settings runs the whole suite", nil, all},
		{"empty settings run the whole suite", map[string]any{}, all},
		{"enable runs only the listed analyzers, in suite order", map[string]any{"enable": []any{"secret", "sleep"}}, []string{"sleep", "secret"}},
		{"disable drops the listed analyzers", map[string]any{"disable": []any{"extcall"}}, without(all, "extcall")},
		{"an analyzer key with no options keeps the analyzer", map[string]any{"sleep": map[string]any{}}, all},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := New(tt.settings)
			if err != nil {
				t.Fatalf("New(%v): %v", tt.settings, err)
			}
			got, err := p.BuildAnalyzers()
			if err != nil {
				t.Fatalf("BuildAnalyzers: %v", err)
			}
			if names := analyzerNames(got); !slices.Equal(names, tt.want) {
				t.Errorf("analyzers = %v, want %v", names, tt.want)
			}
		})
	}
}

func TestNewRejectsBadSettingsNamingTheCulprit(t *testing.T) {
	tests := []struct {
		name     string
		settings any
		want     string
	}{
		{"unknown top-level key", map[string]any{"enabled": []any{"sleep"}}, `unknown key "enabled"`},
		{"unknown analyzer in enable", map[string]any{"enable": []any{"sleeps"}}, `settings.enable: unknown analyzer "sleeps"`},
		{"unknown analyzer in disable", map[string]any{"disable": []any{"nap"}}, `settings.disable: unknown analyzer "nap"`},
		{"enable that is not a list", map[string]any{"enable": "sleep"}, "settings.enable: want a list"},
		{"analyzer both enabled and disabled", map[string]any{"enable": []any{"sleep"}, "disable": []any{"sleep"}}, `"sleep" is both enabled and disabled`},
		{"every analyzer disabled", map[string]any{"disable": anyList(analyzerNames(analyzers.All()))}, "every analyzer is disabled"},
		{"unknown option of an analyzer", map[string]any{"sleep": map[string]any{"nope": true}}, `settings.sleep: unknown option "nope"`},
		{"analyzer options that are not a map", map[string]any{"sleep": true}, "settings.sleep: want a map"},
		{"settings that are not a map", []any{"sleep"}, "settings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.settings)
			if err == nil {
				t.Fatalf("New(%v) succeeded, want an error containing %q", tt.settings, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("New(%v) error = %q, want it to contain %q", tt.settings, err, tt.want)
			}
		})
	}
}

// fakeAnalyzer has one flag of each kind analyzers use, so option
// decoding is tested without touching the suite's shared analyzers.
type fakeAnalyzer struct {
	*analysis.Analyzer
	strict *bool
	max    *int
	hosts  *string
}

func newFakeAnalyzer() fakeAnalyzer {
	a := &analysis.Analyzer{Name: "fake", Doc: "fake: a stand-in"}
	return fakeAnalyzer{
		Analyzer: a,
		strict:   a.Flags.Bool("strict", false, "report more"),
		max:      a.Flags.Int("maxDepth", 3, "how deep to look"),
		hosts:    a.Flags.String("hosts", "", "comma-separated host names"),
	}
}

func TestConfigureSetsAnalyzerFlagsFromOptions(t *testing.T) {
	fake := newFakeAnalyzer()
	s := decode(t, map[string]any{"fake": map[string]any{
		"strict":   true,
		"maxdepth": 1000000, // lower-cased, as golangci-lint hands keys over
		"hosts":    []any{"db.internal", "api.internal"},
	}})
	if _, err := configure([]*analysis.Analyzer{fake.Analyzer}, s); err != nil {
		t.Fatalf("configure: %v", err)
	}
	if !*fake.strict {
		t.Error("strict = false, want true")
	}
	if *fake.max != 1000000 {
		t.Errorf("maxDepth = %d, want 1000000", *fake.max)
	}
	if *fake.hosts != "db.internal,api.internal" {
		t.Errorf("hosts = %q, want the list joined by commas", *fake.hosts)
	}
}

func TestConfigureRejectsOptionValuesTheFlagCannotTake(t *testing.T) {
	tests := []struct {
		name  string
		value any
		want  string
	}{
		{"not a number", "deep", `settings.fake: maxDepth: parse error`},
		{"a nested map", map[string]any{"depth": 1}, "want a string, number, boolean or a list of them"},
		{"a list of maps", []any{map[string]any{}}, "want a string, number, boolean or a list of them"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := newFakeAnalyzer()
			s := decode(t, map[string]any{"fake": map[string]any{"maxDepth": tt.value}})
			_, err := configure([]*analysis.Analyzer{fake.Analyzer}, s)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("configure error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestConfigureListsTheOptionsAnAnalyzerHas(t *testing.T) {
	fake := newFakeAnalyzer()
	s := decode(t, map[string]any{"fake": map[string]any{"strikt": true}})
	_, err := configure([]*analysis.Analyzer{fake.Analyzer}, s)
	want := `settings.fake: unknown option "strikt"; fake has hosts, maxDepth, strict`
	if err == nil || err.Error() != want {
		t.Errorf("configure error = %v, want %q", err, want)
	}
}

func decode(t *testing.T, settings map[string]any) Settings {
	t.Helper()
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		t.Fatalf("DecodeSettings(%v): %v", settings, err)
	}
	return s
}

func analyzerNames(list []*analysis.Analyzer) []string {
	var names []string
	for _, a := range list {
		names = append(names, a.Name)
	}
	return names
}

func without(names []string, drop string) []string {
	return slices.DeleteFunc(slices.Clone(names), func(n string) bool { return n == drop })
}

func anyList(names []string) []any {
	list := make([]any, len(names))
	for i, n := range names {
		list[i] = n
	}
	return list
}

func TestNewSetsTheSuitesOptions(t *testing.T) {
	t.Cleanup(func() { resetOption(t, "extcall", "allow-hosts"); resetOption(t, "secret", "fake") })
	_, err := New(map[string]any{
		"extcall": map[string]any{"allow-hosts": []any{"svc.internal", "*.test.example"}},
		"secret":  map[string]any{"fake": "^fk_"},
	})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	for _, o := range []struct{ analyzer, option, want string }{
		{"extcall", "allow-hosts", "svc.internal,*.test.example"},
		{"secret", "fake", "^fk_"},
	} {
		if got := option(t, o.analyzer, o.option).Value.String(); got != o.want {
			t.Errorf("%s.%s = %q, want %q", o.analyzer, o.option, got, o.want)
		}
	}
}

func option(t *testing.T, analyzer, name string) *flag.Flag {
	t.Helper()
	for _, a := range analyzers.All() {
		if a.Name == analyzer {
			if f := a.Flags.Lookup(name); f != nil {
				return f
			}
		}
	}
	t.Fatalf("the suite has no option %s.%s", analyzer, name)
	return nil
}

func resetOption(t *testing.T, analyzer, name string) {
	if err := option(t, analyzer, name).Value.Set(""); err != nil {
		t.Error(err)
	}
}
