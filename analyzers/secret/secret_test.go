package secret_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/testgate/testgate/analyzers/secret"
)

func TestSecretReportsHardcodedCredentials(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), secret.Analyzer, "providers", "named", "pem", "urls", "inline", "hexvectors", "ignore")
}
