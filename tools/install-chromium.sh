#!/usr/bin/env bash
# Chromium (Debian's `chromium`), run headless by the HTML report's browser tests, when missing.
# Installs only where it can (tools/apt-install.sh); otherwise says how, and exits 0:
# the browser tests then skip (and fail under CI=true).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
exec "$(dirname "$0")/apt-install.sh" "Chromium" "to run the HTML report's browser tests" chromium
