#!/usr/bin/env bash
# Installs what the tests need on a Debian/Ubuntu machine that has the .NET 10 SDK:
# Poppler (the renderer), Chromium (the page's browser tests), Node.js and npm (if missing), and the pinned local
# services from npm. `install.sh system` does only the first part (apt-get, which may ask for a password),
# `install.sh services` only the second (npm needs no terminal, so run.sh runs it while the solution builds).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

system_packages() {
  local missing=()
  command -v pdftocairo >/dev/null || missing+=(poppler-utils)
  # The page's browser tests drive Debian's Chromium through Playwright (Playwright's own browser download is not used).
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v npm >/dev/null || missing+=(nodejs npm)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "install: apt-get install ${missing[*]}"
    sudo_if_needed apt-get update -qq
    DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# Azurite and the Cosmos DB server, at the versions package-lock.json pins, into a git-ignored folder.
services() {
  if [ ! -x "$here/node_modules/.bin/azurite" ] || [ ! -x "$here/node_modules/.bin/cosmosdb-server" ] \
     || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
    echo "install: npm ci (azurite, @vercel/cosmosdb-server)"
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

case "${1:-all}" in
  system) system_packages ;;
  services) services ;;
  *) system_packages; services ;;
esac
