#!/usr/bin/env bash
# golangci-e2e.sh proves the golangci-lint plugin end to end: it builds
# golangci-lint v2.15.0 with testgate compiled in (scripts/golangci-build.sh,
# offline apart from the module proxy, cached) and runs it on the module in
# testdata/plugin, whose test files mark what must be reported:
#
#	// e2e:reported (NAME)   reported with testdata/plugin/.golangci.yml
#	// e2e:silent (WHY)      never reported (//nolint:testgate)
#	// e2e:disabled (NAME)   silent there because the settings disable NAME,
#	                         reported by the control config with no settings
#
# It also checks that a misspelt settings key stops golangci-lint with the
# key named. Exit status 0 means every expectation held.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mod=$repo/testdata/plugin
start=$SECONDS

bin=$("$repo/scripts/golangci-build.sh")
# golangci-lint's result cache does not notice a rebuilt plugin; one cache
# per build keeps stale results out.
export GOLANGCI_LINT_CACHE=${bin%/*}/lint-cache
echo "golangci-e2e: plugin binary ready after $((SECONDS - start))s: $bin"

failures=0
fail() {
	echo "golangci-e2e: FAIL: $*" >&2
	failures=$((failures + 1))
}

# lint CONFIG: runs the custom golangci-lint on the module, one issue a line.
lint() {
	(cd "$mod" && "$bin" run --config "$1" \
		--output.text.path=stdout --output.text.print-issued-lines=false --output.text.colors=false \
		--max-issues-per-linter=0 --max-same-issues=0 ./...)
}

# marked KIND: prints "file:line" for every line carrying the marker KIND.
marked() {
	(cd "$mod" && grep -rnE --include='*_test.go' "// e2e:$1 \([a-z]+\)\$" . | cut -d: -f1,2 | sed 's|^\./||')
}

# expect WANT OUTPUT KIND: checks each line marked KIND is reported
# (WANT=reported) or not (WANT=silent) in OUTPUT.
expect() {
	local want=$1 output=$2 kind=$3 site
	for site in $(marked "$kind"); do
		if grep -qE "^$site:[0-9]+: .*\(testgate\)\$" <<<"$output"; then
			[ "$want" = reported ] || fail "$site ($kind) was reported, want silent"
		else
			[ "$want" = silent ] || fail "$site ($kind) was not reported"
		fi
	done
}

linters=$("$bin" linters --config "$mod/.golangci.yml" 2>&1) || true
grep -q '^testgate:' <<<"$linters" || fail "the custom binary does not list the testgate linter: $linters"
[ -n "$(marked reported)" ] || fail "no e2e:reported markers found in $mod"

status=0
out=$(lint .golangci.yml 2>&1) || status=$?
echo "$out"
[ "$status" -eq 1 ] || fail "golangci-lint with .golangci.yml exited $status, want 1 (issues found)"
expect reported "$out" reported
expect silent "$out" silent
expect silent "$out" disabled

status=0
out=$(lint all-analyzers.golangci.yml 2>&1) || status=$?
[ "$status" -eq 1 ] || fail "golangci-lint with all-analyzers.golangci.yml exited $status, want 1"
expect reported "$out" disabled
expect silent "$out" silent

status=0
out=$(lint bad-settings.golangci.yml 2>&1) || status=$?
if [ "$status" -eq 0 ] || ! grep -q 'unknown key "disabel"' <<<"$out"; then
	fail "a misspelt settings key gave exit $status and output: $out"
fi

if [ "$failures" -gt 0 ]; then
	echo "golangci-e2e: $failures expectation(s) failed" >&2
	exit 1
fi
echo "golangci-e2e: ok in $((SECONDS - start))s"
