#!/usr/bin/env bash
# Builds the module inside a Debian bookworm container (as the caller workflows do), so that CI
# uses the same inputs as a local build on Debian: Go 1.23 from bookworm-backports and the NATS
# 2.9.10 sources from Debian's packages. The backports suite is added for whatever mirror the
# image's own apt sources name.
#   docker run --rm -v "$PWD:/src" -w /src debian:bookworm ./build-in-debian.sh OUTDIR
set -euo pipefail
out=${1:?usage: build-in-debian.sh OUTDIR}
mirror=$(awk '/^URIs:/ && !/security/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
[ -n "$mirror" ] || mirror=$(awk '/^deb / && !/security/ {print $2; exit}' /etc/apt/sources.list)
printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$mirror" \
  > /etc/apt/sources.list.d/backports.sources
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -t bookworm-backports golang-1.23-go
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends golang-github-nats-io-nats-server-dev patch
GO=/usr/lib/go-1.23/bin/go "$(dirname "$0")/build.sh" "$out"
# Files written in the container belong to root: give them back to the caller's user.
if [ -n "${HOST_UID:-}" ]; then chown -R "$HOST_UID:${HOST_GID:-$HOST_UID}" "$out"; fi
