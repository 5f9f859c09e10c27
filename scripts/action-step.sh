#!/usr/bin/env bash
# action-step.sh holds the shell steps of action.yml, so that
# scripts/action-test.sh can run exactly what the action runs.
#
#   action-step.sh install   builds testgate into $RUNNER_TEMP, adds it to
#                            $GITHUB_PATH and sets the output "path":
#                            TESTGATE_VERSION if given (go install), else the
#                            version the module in the working directory
#                            requires, else the action's own checkout.
#   action-step.sh run       runs $TESTGATE_BIN $TESTGATE_COMMAND
#                            -format=$TESTGATE_FORMAT $TESTGATE_ARGS, keeps
#                            stdout as the report (output "report"), appends
#                            a markdown report to $GITHUB_STEP_SUMMARY, sets
#                            the output "exit-code" and exits with it.
set -euo pipefail

module=github.com/testgate/testgate

: "${RUNNER_TEMP:?}" "${GITHUB_OUTPUT:?}"

install() {
	local bindir=$RUNNER_TEMP/testgate-bin
	mkdir -p "$bindir"
	if [ -n "${TESTGATE_VERSION:-}" ]; then
		echo "Installing testgate $TESTGATE_VERSION"
		GOBIN=$bindir go install "$module/cmd/testgate@$TESTGATE_VERSION"
	elif go list -m "$module" >/dev/null 2>&1; then
		# The module requires testgate (go get -tool, or testgate itself):
		# build the version its go.mod and go.sum pin.
		echo "Building testgate $(go list -m -f '{{.Version}}' "$module") as required by $(go list -m)"
		go build -o "$bindir/testgate" "$module/cmd/testgate"
	else
		echo "Building testgate from the action's checkout"
		go build -C "${GITHUB_ACTION_PATH:?}" -o "$bindir/testgate" ./cmd/testgate
	fi
	"$bindir/testgate" version
	if [ -n "${GITHUB_PATH:-}" ]; then
		echo "$bindir" >>"$GITHUB_PATH"
	fi
	echo "path=$bindir/testgate" >>"$GITHUB_OUTPUT"
}

run() {
	local format=${TESTGATE_FORMAT:-} report args=()
	read -ra args <<<"${TESTGATE_ARGS:-}"
	report=$RUNNER_TEMP/testgate-report.${format:-txt}
	if [ -n "$format" ]; then
		args=("-format=$format" "${args[@]}")
	fi
	echo "Running testgate ${TESTGATE_COMMAND:?} ${args[*]}"
	local code=0
	"${TESTGATE_BIN:?}" "$TESTGATE_COMMAND" "${args[@]}" >"$report" || code=$?
	# GitHub turns ::warning and ::error lines in the log into annotations;
	# SARIF is for upload-sarif, not for reading in the log.
	if [ "$format" != sarif ]; then
		cat "$report"
	fi
	if [ "$format" = markdown ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
		cat "$report" >>"$GITHUB_STEP_SUMMARY"
	fi
	{
		echo "report=$report"
		echo "exit-code=$code"
	} >>"$GITHUB_OUTPUT"
	return "$code"
}

case "${1:-}" in
install) install ;;
run) run ;;
*)
	echo "usage: action-step.sh install|run" >&2
	exit 2
	;;
esac
