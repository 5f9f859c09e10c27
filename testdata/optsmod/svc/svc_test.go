package svc

import (
	"net/http"
	"testing"
)

// The service runs on the test network; the key is a made-up fixture.
func TestHealthOfTheTestService(t *testing.T) {
	apiKey := "fk_KTFaAxWrrws6v36R9mtKwaQs"
	resp, err := http.Get("http://svc.internal:8080/health?key=" + apiKey)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("status %d, want 200", resp.StatusCode)
	}
}
