#!/usr/bin/env bash
# Install Debian's chromium for the browser tests (tests/web/test_web_browser.py) and
# scripts/screenshots.py. Playwright drives it via executable_path; never `playwright install`.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || true)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
/usr/bin/chromium --version || true
