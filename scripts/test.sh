#!/usr/bin/env bash
# Runs every test of testgate, the slow end-to-end ones included, as CI does.
# Everything it needs comes through the Go module proxy.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "go vet"
go vet ./...
step "go test"
go test ./...
step "testgate lint on its own code"
go run ./cmd/testgate lint ./...
step "golangci-lint with the testgate plugin, end to end"
scripts/golangci-e2e.sh
step "the project's golangci-lint configuration"
scripts/lint.sh
step "the GitHub Action's steps"
scripts/action-test.sh
