#!/usr/bin/env bash
# Runs every test of testgate, the slow end-to-end ones included, as CI does.
# Each step runs once: testgate check runs go test ./... with coverage, the
# analyzers on testgate's own code and the coverage gate (its threshold is
# in .testgate.yml). Everything it needs comes through the Go module proxy.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "go vet"
go vet ./...
step "testgate check on its own code: go test, the analyzers, the coverage gate"
go run ./cmd/testgate check ./...
step "golangci-lint with the testgate plugin, end to end"
scripts/golangci-e2e.sh
step "the project's golangci-lint configuration"
scripts/lint.sh
step "the GitHub Action's steps"
scripts/action-test.sh
