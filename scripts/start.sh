#!/usr/bin/env bash
# Quick start: sets up this machine and starts the console (`npm start`). Extra arguments go to
# the console, e.g. `scripts/start.sh --port 7330`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$SARGS_ROOT"
exec npm start -- "$@"
