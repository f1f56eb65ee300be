#!/usr/bin/env bash
# Tesseract OCR with its English and orientation data (Debian/Ubuntu), when missing.
# Installs only where it can (root, or passwordless sudo); otherwise says how, and exits 0:
# carcheck runs without OCR and reports scanned pages as unread.
set -euo pipefail
if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx osd \
   && tesseract --list-langs 2>/dev/null | grep -qx eng; then
  exit 0
fi
packages="tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Tesseract is not installed and there is no apt-get here: install Tesseract 5 with its" \
       "English and osd data to read scanned pages (carcheck runs without it)." >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    echo "Tesseract is not installed: run 'sudo apt-get install -y $packages'" \
         "to read scanned pages (carcheck runs without it)." >&2
    exit 0
  fi
fi
echo "installing $packages ..." >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $packages >/dev/null
