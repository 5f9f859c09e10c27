// Package svc talks to the team's test service.
package svc

import "net/http"

// Health asks the service at base whether it is up.
func Health(client *http.Client, base, apiKey string) (int, error) {
	req, err := http.NewRequest(http.MethodGet, base+"/health", nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("X-Api-Key", apiKey)
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
