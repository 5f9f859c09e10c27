#!/usr/bin/env bash
# action-test.sh runs the GitHub Action's shell steps (scripts/action-step.sh,
# which action.yml calls) the way the runner would, with fake
# GITHUB_OUTPUT, GITHUB_PATH, GITHUB_STEP_SUMMARY and RUNNER_TEMP, on
# copies of testdata/lintmod, and checks what they wrote. Offline.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
step=$repo/scripts/action-step.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

failures=0
fail() {
	echo "action-test: FAIL: $*" >&2
	failures=$((failures + 1))
}

# output NAME FILE: the value of the last NAME=value line in FILE.
output() { sed -n "s/^$1=//p" "$2" | tail -n 1; }

# runner NAME: a fresh runner environment in $tmp/NAME.
runner() {
	local dir=$tmp/$1
	mkdir -p "$dir/temp"
	: >"$dir/output" && : >"$dir/path" && : >"$dir/summary"
	export RUNNER_TEMP=$dir/temp GITHUB_OUTPUT=$dir/output GITHUB_PATH=$dir/path \
		GITHUB_STEP_SUMMARY=$dir/summary GITHUB_ACTION_PATH=$repo
}

# action.yml must hand every TESTGATE_* variable the script reads to a step.
for v in $(grep -o 'TESTGATE_[A-Z]*' "$step" | sort -u); do
	grep -q "^        $v: \${{ " "$repo/action.yml" || fail "action.yml does not set $v for action-step.sh"
done
for sub in install run; do
	grep -qF "run: '\"\$GITHUB_ACTION_PATH/scripts/action-step.sh\" $sub'" "$repo/action.yml" ||
		fail "action.yml has no step running action-step.sh $sub"
done

# install, in a module that does not require testgate: the action's checkout.
cp -R "$repo/testdata/lintmod" "$tmp/lintmod"
runner checkout
log=$(cd "$tmp/lintmod" && TESTGATE_VERSION='' "$step" install 2>&1) || fail "install from the checkout failed: $log"
bin=$(output path "$GITHUB_OUTPUT")
grep -q "from the action's checkout" <<<"$log" || fail "install did not build the action's checkout: $log"
[ -x "$bin" ] || fail "install set path=$bin, which is not an executable"
[ "$(cat "$GITHUB_PATH")" = "${bin%/*}" ] || fail "GITHUB_PATH holds '$(cat "$GITHUB_PATH")', want ${bin%/*}"
"$bin" version | grep -q '^testgate ' || fail "the installed binary does not answer 'testgate version'"

# install, in a module that requires testgate: the version go.mod pins.
mkdir -p "$tmp/tooluser"
cp "$repo/go.sum" "$tmp/tooluser/go.sum"
cat >"$tmp/tooluser/go.mod" <<EOF
module example.com/tooluser

go 1.26

tool github.com/testgate/testgate/cmd/testgate

require github.com/testgate/testgate v0.0.0

replace github.com/testgate/testgate => $repo
EOF
# What `go get -tool` leaves behind: a tidy go.mod.
(cd "$tmp/tooluser" && go mod tidy) || fail "go mod tidy of the module requiring testgate failed"
runner required
log=$(cd "$tmp/tooluser" && TESTGATE_VERSION='' "$step" install 2>&1) || fail "install of the required version failed: $log"
grep -q "as required by example.com/tooluser" <<<"$log" || fail "install did not build the module's required testgate: $log"
[ -x "$(output path "$GITHUB_OUTPUT")" ] || fail "install in a module requiring testgate set no executable path"

# run lint -format=github: annotations in the log, exit code as output.
runner lint
code=0
log=$(cd "$tmp/lintmod" && TESTGATE_BIN=$bin TESTGATE_COMMAND=lint TESTGATE_FORMAT=github TESTGATE_ARGS='./...' "$step" run 2>&1) || code=$?
[ "$code" -eq 3 ] || fail "run lint exited $code, want 3 (lintmod's tests have findings): $log"
[ "$(output exit-code "$GITHUB_OUTPUT")" = "$code" ] || fail "exit-code output is '$(output exit-code "$GITHUB_OUTPUT")', want $code"
grep -q '^::warning file=greet/greet_test.go,line=' <<<"$log" || fail "run lint printed no ::warning annotation: $log"
report=$(output report "$GITHUB_OUTPUT")
cmp -s "$report" <(grep '^::' <<<"$log") || fail "report file $report does not hold the annotations"
[ ! -s "$GITHUB_STEP_SUMMARY" ] || fail "a github-format run wrote to the step summary"

# run lint -format=sarif: kept in the report file for upload-sarif.
runner sarif
code=0
log=$(cd "$tmp/lintmod" && TESTGATE_BIN=$bin TESTGATE_COMMAND=lint TESTGATE_FORMAT=sarif TESTGATE_ARGS='./...' "$step" run 2>&1) || code=$?
report=$(output report "$GITHUB_OUTPUT")
[ "${report##*.}" = sarif ] || fail "SARIF report file is $report, want a .sarif file"
grep -q '"version": "2.1.0"' "$report" || fail "SARIF report $report lacks the 2.1.0 version"
! grep -q '"runs"' <<<"$log" || fail "run printed the SARIF document into the log"

# run lint with the action's default format, markdown: a table of the
# findings in the job summary, and the multichecker's exit code.
runner lintmd
code=0
log=$(cd "$tmp/lintmod" && TESTGATE_BIN=$bin TESTGATE_COMMAND=lint TESTGATE_FORMAT=markdown TESTGATE_ARGS='./...' "$step" run 2>&1) || code=$?
[ "$code" -eq 3 ] || fail "run lint -format=markdown exited $code, want 3 (lintmod's tests have findings): $log"
grep -q '^| greet/greet\\_test.go:8:6 | testname |' "$GITHUB_STEP_SUMMARY" ||
	fail "the step summary holds no row for the bad test name: $(cat "$GITHUB_STEP_SUMMARY")"
cmp -s "$GITHUB_STEP_SUMMARY" "$(output report "$GITHUB_OUTPUT")" || fail "the lint step summary differs from the report"

# run cover -format=markdown: the report goes to the job summary.
(cd "$tmp/lintmod" && go test -coverprofile=cover.out ./... >/dev/null)
runner cover
code=0
log=$(cd "$tmp/lintmod" && TESTGATE_BIN=$bin TESTGATE_COMMAND=cover TESTGATE_FORMAT=markdown TESTGATE_ARGS='cover.out' "$step" run 2>&1) || code=$?
[ "$code" -eq 0 ] || fail "run cover exited $code, want 0 (lintmod is fully covered): $log"
grep -q '^|' "$GITHUB_STEP_SUMMARY" || fail "the step summary holds no markdown table: $(cat "$GITHUB_STEP_SUMMARY")"
cmp -s "$GITHUB_STEP_SUMMARY" "$(output report "$GITHUB_OUTPUT")" || fail "the step summary differs from the report"
[ "$(output exit-code "$GITHUB_OUTPUT")" = 0 ] || fail "exit-code output of the cover run is not 0"

if [ "$failures" -gt 0 ]; then
	echo "action-test: $failures check(s) failed" >&2
	exit 1
fi
echo "action-test: ok"
