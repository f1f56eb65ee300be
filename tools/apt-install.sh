#!/usr/bin/env bash
# Debian packages for the project's set-up, installed only where this may (root, or
# passwordless sudo); otherwise it says how, and exits 0: carcheck runs without them.
# Usage: tools/apt-install.sh WHAT PURPOSE PACKAGE...
#   e.g. tools/apt-install.sh Tesseract "to read scanned pages" tesseract-ocr tesseract-ocr-eng
set -euo pipefail
what=$1
purpose=$2
shift 2
packages="$*"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "$what is not installed and there is no apt-get here: install $packages" \
       "$purpose (carcheck runs without it)." >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    echo "$what is not installed: run 'sudo apt-get install -y $packages'" \
         "$purpose (carcheck runs without it)." >&2
    exit 0
  fi
fi
echo "installing $packages ..." >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $packages >/dev/null
