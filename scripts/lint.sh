#!/usr/bin/env bash
# lint.sh runs golangci-lint with the testgate plugin (built and cached by
# scripts/golangci-build.sh) on testgate itself, using .golangci.yml.
# Arguments go to `golangci-lint run`; the default is ./...
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=$("$repo/scripts/golangci-build.sh")
# golangci-lint's result cache does not notice a rebuilt plugin; one cache
# per build keeps stale results out.
export GOLANGCI_LINT_CACHE=${bin%/*}/lint-cache
cd "$repo"
if [ $# -eq 0 ]; then
	set -- ./...
fi
exec "$bin" run "$@"
