#!/usr/bin/env bash
# Chromium (Debian's `chromium`), run headless by the HTML report's browser tests, when missing.
# Installs only where it can (root, or passwordless sudo); otherwise says how, and exits 0:
# the browser tests then skip (and fail under CI=true).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
packages="chromium"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is not installed and there is no apt-get here: install Chromium to run" \
       "the HTML report's browser tests (carcheck runs without it)." >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    echo "Chromium is not installed: run 'sudo apt-get install -y $packages'" \
         "to run the HTML report's browser tests (carcheck runs without it)." >&2
    exit 0
  fi
fi
echo "installing $packages ..." >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $packages >/dev/null
