#!/usr/bin/env bash
# Installs the Debian packages the tests and the examples use, when they are missing:
#   golang-1.23-go (from bookworm-backports: wasip1 needs Go >= 1.21, bookworm has 1.19),
#   docker-registry (CNCF distribution 2.8) and skopeo, the NATS server's packaged Go sources,
#   chromium (the HTML report's browser tests, driven by playwright-core: no browser download),
#   and cargo, python3 and git when the machine has none (the examples' builds).
# The backports suite is added for the Debian mirror the machine's apt sources already use.
set -euo pipefail

packages=(golang-1.23-go docker-registry skopeo golang-github-nats-io-nats-server-dev chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Tools that may come from elsewhere (rustup's cargo): installed from Debian only when absent.
for tool in cargo:cargo python3:python3 git:git; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

command -v apt-get >/dev/null || { echo "system-deps: not Debian; install ${missing[*]} yourself" >&2; exit 0; }
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "system-deps: need root to install ${missing[*]}" >&2; exit 1
  fi
fi

if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  mirror=$(awk '/^URIs:/ && !/security/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [ -n "$mirror" ] || mirror=$(awk '/^deb / && !/security/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [ -n "$mirror" ] || { echo "system-deps: no Debian mirror found in the apt sources" >&2; exit 1; }
  printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$mirror" |
    $sudo tee /etc/apt/sources.list.d/build-artifact-backports.sources >/dev/null
fi
echo "system-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends -t bookworm-backports golang-1.23-go >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
