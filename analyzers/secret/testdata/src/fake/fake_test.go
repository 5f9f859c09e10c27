package fake

import "testing"

// Run with -secret.fake=^fk_: the team's fixture generator starts its
// made-up keys so.
func TestKnownFakeValues(t *testing.T) {
	stagingAPIKey := "fk_KTFaAxWrrws6v36R9mtKwaQs"
	apiKey := "KTFaAxWrrws6v36R9mtKwaQs" // want `hardcoded API key "KTFa…" in test`
	_, _ = stagingAPIKey, apiKey
}
