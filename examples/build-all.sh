#!/usr/bin/env bash
# Build every example this machine has a toolchain for, offline, into OUTDIR, and say what was
# skipped and why.
#
#   examples/build-all.sh OUTDIR
#
# stdout: one line per example, tab-separated, for scripts (the `attest demo` command reads it):
#   built<TAB>NAME<TAB>PATH          an artifact, absolute path
#   skipped<TAB>NAME<TAB>REASON
# Progress and tool output go to stderr. Exit 0 unless a build that could run failed.
#
# NATS_WASM=FILE uses an already built nats-server.wasm instead of building it (tests pass the
# cached one). GO, GOCODE_SRC, GOCACHE and CARGO_TARGET_DIR are honoured.
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)

built() { printf 'built\t%s\t%s\n' "$1" "$2"; }
skipped() { printf 'skipped\t%s\t%s\n' "$1" "$2"; }
sha256() { if command -v sha256sum >/dev/null; then sha256sum "$1"; else shasum -a 256 "$1"; fi | cut -d' ' -f1; }

# nats-wasip1: Go >= 1.21 and Debian's NATS sources.
wasm=""
if [ -n "${NATS_WASM:-}" ]; then
  cp "$NATS_WASM" "$out/nats-server.wasm"
  wasm=$out/nats-server.wasm
  built nats-wasip1 "$wasm"
else
  go=${GO:-}
  if [ -z "$go" ]; then
    if command -v go >/dev/null 2>&1; then go=go
    elif [ -x /usr/lib/go-1.23/bin/go ]; then go=/usr/lib/go-1.23/bin/go
    fi
  fi
  minor=""
  if [ -n "$go" ]; then
    minor=$("$go" env GOVERSION 2>/dev/null | sed -nE 's/^go1\.([0-9]+).*/\1/p') || true
  fi
  if [ -z "$go" ]; then
    skipped nats-wasip1 "no Go toolchain (install golang-1.23-go from bookworm-backports)"
  elif [ "${minor:-0}" -lt 21 ]; then
    skipped nats-wasip1 "Go 1.$minor cannot build for wasip1 (Go >= 1.21 is needed)"
  elif [ ! -f "${GOCODE_SRC:-/usr/share/gocode/src}/github.com/nats-io/nats-server/main.go" ]; then
    skipped nats-wasip1 "no NATS server sources (apt-get install golang-github-nats-io-nats-server-dev)"
  else
    wasm=$(GO=$go "$here/nats-wasip1/build.sh" "$out")
    built nats-wasip1 "$wasm"
  fi
fi

# embedding-cli: cargo, and the module it embeds.
if [ -z "$wasm" ]; then
  skipped embedding-cli "no nats-server.wasm to embed (see nats-wasip1)"
elif ! command -v cargo >/dev/null 2>&1; then
  skipped embedding-cli "no cargo (install Rust)"
else
  target=${CARGO_TARGET_DIR:-$out/.cargo-target}
  # Here the pin is the module just built, so build.rs's check guards only against the file
  # changing under the build; in CI the pin comes from the job that built (and signed) it.
  NATS_WASM=$wasm NATS_WASM_SHA256=$(sha256 "$wasm") CARGO_TARGET_DIR=$target \
    cargo build --release --offline --locked --manifest-path "$here/embedding-cli/Cargo.toml" >&2
  exe=embedding-cli
  [ -f "$target/release/$exe.exe" ] && exe=embedding-cli.exe
  cp "$target/release/$exe" "$out/$exe"
  built embedding-cli "$out/$exe"
fi

# node-app: npm pack needs no installed dependencies (the SBOM reads package-lock.json).
if command -v npm >/dev/null 2>&1; then
  tgz=$(cd "$here/node-app" && npm pack --silent --ignore-scripts --pack-destination "$out" 2>/dev/null | tail -n1)
  built node-app "$out/$tgz"
else
  skipped node-app "no npm"
fi

# python-app: an sdist through setuptools' own PEP 517 backend (a wheel would need `wheel`).
python=$(command -v python3 || command -v python || true)
if [ -z "$python" ]; then
  skipped python-app "no python3"
elif ! "$python" -c 'import setuptools.build_meta' 2>/dev/null; then
  skipped python-app "python3 has no setuptools (apt-get install python3-setuptools)"
else
  tmp=$(mktemp -d)
  cp -R "$here/python-app/." "$tmp/"
  sdist=$(cd "$tmp" && "$python" -c 'import sys; from setuptools import build_meta as b; print(b.build_sdist(sys.argv[1]))' "$out" 2>/dev/null | tail -n1)
  rm -rf "$tmp"
  built python-app "$out/$sdist"
fi
