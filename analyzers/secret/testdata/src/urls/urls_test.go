package urls

import (
	"database/sql"
	"fmt"
	"os"
	"testing"
)

func TestConnectionURLs(t *testing.T) {
	prod := "postgres://app:wT5Tb0qHOmmDCt@db.internal.corp:5432/app?sslmode=require" // want `hardcoded password in connection URL in test; read it from the environment`
	cache := "redis://:Summer2024x@cache.prod.acme.io:6379/0"                         // want `hardcoded password in connection URL in test`
	broker := "amqps://svc-orders:q8Wz2LmN4vRt7YkP9@mq.acme.io/orders"                // want `hardcoded password in connection URL in test`
	encoded := "mysql://app:p%40ss9Wq2xZr@db.acme.io/app"                             // want `hardcoded password in connection URL in test`

	// Placeholders, defaults and test-environment hosts.
	placeholder := "postgres://user:password@db.internal.corp:5432/app"
	sameAsUser := "postgres://postgres:postgres@db.internal.corp/app"
	masked := "https://user:xxxxx@api.acme.io"
	stars := "https://user:***@api.acme.io"
	templated := "postgres://app:${DB_PASSWORD}@db.internal.corp/app"
	printf := fmt.Sprintf("postgres://app:%s@db.internal.corp/app", os.Getenv("DB_PASSWORD"))
	local := "postgres://app:wT5Tb0qHOmmDCt@localhost:5432/app"
	loopback := "postgres://app:wT5Tb0qHOmmDCt@127.0.0.1:5432/app"
	compose := "postgres://app:wT5Tb0qHOmmDCt@postgres:5432/app" // want `hardcoded password in connection URL in test`
	reserved := "https://deploy:wT5Tb0qHOmmDCt@registry.example.com/v2"
	testTLD := "https://deploy:wT5Tb0qHOmmDCt@registry.test"
	short := "ftp://anonymous:guest@ftp.acme.io"
	noDigit := "http://jane:p@ssword@google.com"
	userOnly := "https://token@github.com/acme/repo.git"
	noPassword := "ssh://git@github.com:22/acme/repo.git"
	_, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _ = prod, cache, broker, encoded, placeholder, sameAsUser, masked, stars, templated, printf, local, loopback, compose, reserved, testTLD, short, noDigit, userOnly, noPassword
	_, _ = sql.Open("postgres", "postgres://app:wT5Tb0qHOmmDCt@db.internal.corp/app") // want `hardcoded password in connection URL in test`
}
