#!/usr/bin/env bash
# Tesseract OCR with its English and orientation data (Debian/Ubuntu), when missing.
# Installs only where it can (tools/apt-install.sh); otherwise says how, and exits 0:
# carcheck runs without OCR and reports scanned pages as unread.
set -euo pipefail
if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx osd \
   && tesseract --list-langs 2>/dev/null | grep -qx eng; then
  exit 0
fi
exec "$(dirname "$0")/apt-install.sh" "Tesseract" "to read scanned pages" \
  tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd
