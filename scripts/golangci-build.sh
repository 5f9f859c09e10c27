#!/usr/bin/env bash
# golangci-build.sh builds golangci-lint with the testgate plugin compiled
# in and prints the binary's path on stdout.
#
# It works offline apart from the Go module proxy: `golangci-lint custom`
# insists on `git clone https://github.com/golangci/golangci-lint.git`, so
# the script makes a git mirror of the module proxy's golangci-lint source
# and points git at it with url.<mirror>.insteadOf.
#
# Everything lands in $TESTGATE_CACHE (default: <repo>/.cache): the stock
# golangci-lint, the mirror, and the custom binary keyed by a hash of
# testgate's Go sources, so a rerun with unchanged sources builds nothing.
set -euo pipefail

version=v2.15.0
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${TESTGATE_CACHE:-$repo/.cache}
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
name=golangci-lint-testgate

log() { echo "golangci-build: $*" >&2; }

# The stock binary, which only serves to run `golangci-lint custom`.
stock=$cache/bin/golangci-lint
if ! "$stock" version 2>/dev/null | grep -q "has version ${version#v} "; then
	log "installing golangci-lint $version into $cache/bin"
	GOBIN=$cache/bin go install "github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$version"
fi

# A bare git repository with golangci-lint's source, tagged as the release.
mirror=$cache/golangci-lint-$version.git
if ! git -C "$mirror" rev-parse -q --verify "refs/tags/$version" >/dev/null 2>&1; then
	log "making a git mirror of golangci-lint $version from the module cache"
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
	# Outside any module, so that the download cannot touch go.mod or go.sum.
	src=$(cd "$work" && GO111MODULE=on go mod download -json "github.com/golangci/golangci-lint/v2@$version" |
		sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
	[ -d "$src" ] || { log "go mod download gave no source directory for golangci-lint $version"; exit 1; }
	cp -R "$src" "$work/src"
	chmod -R u+w "$work/src"
	git -C "$work/src" init -q
	git -C "$work/src" add -A
	git -C "$work/src" -c user.name=testgate -c user.email=testgate@localhost commit -q -m "golangci-lint $version"
	git -C "$work/src" tag "$version"
	rm -rf "$mirror"
	git clone -q --bare "$work/src" "$mirror"
fi

# The cache key: everything that goes into the plugin build.
key=$(
	cd "$repo"
	{
		echo "$version"
		go env GOVERSION
		cat .custom-gcl.yml
		find . \( -name .cache -o -name .git -o -name testdata \) -prune -o \
			-type f \( -name '*.go' -o -name go.mod -o -name go.sum \) -print0 |
			LC_ALL=C sort -z | xargs -0 sha256sum
	} | sha256sum | cut -c1-16
)
dest=$cache/custom-gcl/$key
if [ ! -x "$dest/$name" ]; then
	log "building $name (key $key); this takes a minute or two when the build cache is cold"
	start=$SECONDS
	(
		cd "$repo"
		GIT_CONFIG_COUNT=1 \
			GIT_CONFIG_KEY_0="url.file://$mirror.insteadOf" \
			GIT_CONFIG_VALUE_0=https://github.com/golangci/golangci-lint.git \
			"$stock" custom --name "$name" --destination "$dest" >&2
	)
	log "built in $((SECONDS - start))s"
	# Each build is about 50 MB; keep only the current one.
	find "$cache/custom-gcl" -mindepth 1 -maxdepth 1 -type d ! -name "$key" -exec rm -rf {} +
fi
echo "$dest/$name"
