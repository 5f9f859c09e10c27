// Package server holds code outside test files, which cleanup ignores.
package server

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// StartForTest starts a server that the caller must close.
func StartForTest(t *testing.T, h http.Handler) string {
	srv := httptest.NewServer(h)
	return srv.URL
}
