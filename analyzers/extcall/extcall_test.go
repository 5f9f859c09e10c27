package extcall_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/testgate/testgate/analyzers/extcall"
)

func TestAnalyzerReportsExternalDials(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), extcall.Analyzer, "extcall", "swapped", "apiclient", "mockhttp", "sdk", "restusers", "fetchusers", "example.com/fetcher", "example.com/getter", "github.com/minio/minio-go/v7")
}

func TestAllowHostsLetsTestsReachTheTeamsServices(t *testing.T) {
	setFlag(t, "allow-hosts", "svc.internal, *.test-env.corp")
	analysistest.Run(t, analysistest.TestData(), extcall.Analyzer, "allowhosts")
}

func TestAllowHostsRejectsInnerWildcards(t *testing.T) {
	if err := extcall.Analyzer.Flags.Set("allow-hosts", "svc.*.corp"); err == nil {
		t.Error("allow-hosts accepted svc.*.corp; want an error: only a leading *. is a pattern")
	}
}

// setFlag sets an option of the analyzer for the test only.
func setFlag(t *testing.T, name, value string) {
	t.Helper()
	old := extcall.Analyzer.Flags.Lookup(name).Value.String()
	if err := extcall.Analyzer.Flags.Set(name, value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := extcall.Analyzer.Flags.Set(name, old); err != nil {
			t.Error(err)
		}
	})
}
