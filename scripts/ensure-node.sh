#!/usr/bin/env bash
# Prints a directory holding a `node` >= 22.22 (the project's floor, set by @sigstore/*).
# When the machine's Node is older, Node 24 is installed from the npm registry's per-platform
# `node-<os>-<arch>` package (real binaries, no install script) into a cache folder.
set -euo pipefail

ok() { # ok NODE_BINARY: is it new enough?
  "$1" -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>24||(a===24&&b>=15)||(a===22&&b>=22)?0:1)' 2>/dev/null
}

if command -v node >/dev/null 2>&1 && ok "$(command -v node)"; then
  dirname "$(command -v node)"
  exit 0
fi

cache="${XDG_CACHE_HOME:-$HOME/.cache}/build-artifact/node24"
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "ensure-node: no Node 24 package for $(uname -m)" >&2; exit 1 ;;
esac
os=$(uname -s | tr '[:upper:]' '[:lower:]')
bin="$cache/node_modules/node-$os-$arch/bin"
if [ ! -x "$bin/node" ] || ! ok "$bin/node"; then
  echo "ensure-node: installing Node 24 into $cache" >&2
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-save --no-audit --no-fund --no-package-lock "node-$os-$arch@24" >&2
fi
ok "$bin/node" || { echo "ensure-node: $bin/node is not Node >= 22.22" >&2; exit 1; }
echo "$bin"
