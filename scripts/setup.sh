#!/usr/bin/env bash
# Prepares this machine for Sargs and puts the right Node first on PATH. Source it:
#   source scripts/setup.sh            # Node 22 and npm dependencies (enough to run the console)
#   source scripts/setup.sh --tests    # also Chromium, socat and pdftotext for the test suite
# Debian packages come from apt (as root, or through sudo); Node 22 from the npm registry
# package `node@22` when the system Node is older; dependencies from package-lock.json.
set -euo pipefail

SARGS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
want_tests=0
[[ "${1:-}" == "--tests" ]] && want_tests=1

say() { printf '[setup] %s\n' "$*"; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root to run: $*"; return 1
  fi
}

install_debian_packages() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v socat >/dev/null || missing+=(socat)
  # pdftotext: the tests read the text of the PDFs the console makes.
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  ((${#missing[@]} == 0)) && return 0
  say "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

node_is_recent() {
  command -v node >/dev/null &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}

ensure_node() {
  local local_bin="$SARGS_ROOT/.tools/node22/node_modules/node/bin"
  [[ -x "$local_bin/node" ]] && export PATH="$local_bin:$PATH"
  node_is_recent && return 0
  say "Node $(node --version 2>/dev/null || echo missing) is too old; installing node@22 into .tools/"
  npm install --silent --no-save --no-package-lock --no-audit --no-fund \
    --prefix "$SARGS_ROOT/.tools/node22" node@22 >/dev/null
  export PATH="$local_bin:$PATH"
  node_is_recent || { say "Node 22 could not be installed"; return 1; }
}

# npm ci only when the lock file changed since the last install (or always in CI).
ensure_dependencies() {
  local stamp="$SARGS_ROOT/node_modules/.sargs-lock-stamp"
  local lock_sum
  lock_sum="$(sha256sum "$SARGS_ROOT/package-lock.json" | cut -d' ' -f1)-$(node --version)"
  if [[ "${CI:-}" != "true" && -f "$stamp" && "$(cat "$stamp")" == "$lock_sum" ]]; then return 0; fi
  say "npm ci"
  (cd "$SARGS_ROOT" && npm ci --no-audit --no-fund)
  echo "$lock_sum" >"$stamp"
}

((want_tests)) && install_debian_packages
ensure_node
ensure_dependencies
say "ready: node $(node --version) at $(command -v node)"
set +euo pipefail
