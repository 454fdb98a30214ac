#!/usr/bin/env bash
# Make sure the Debian packages the tests drive are installed.
# Installs them with apt-get when it can (root on Debian); otherwise stops and
# says exactly what to install. Browser tests are never silently skipped.
set -euo pipefail

# file that must exist -> Debian package that provides it
declare -A NEEDED=(
  [/usr/bin/chromium]=chromium
  # Arial's metric twin: print tests measure sheets with the widths most printers' computers have.
  [/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf]=fonts-liberation2
  [/usr/bin/java]=default-jre-headless   # runs the Nu HTML checker (vnu.jar)
  [/usr/bin/npm]=npm                     # installs the pinned vnu.jar and Lighthouse (tools/*/package-lock.json)
)

missing=()
for path in "${!NEEDED[@]}"; do
  [ -e "$path" ] || missing+=("${NEEDED[$path]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages the tests need: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi

echo "The browser tests need these Debian packages, which are not installed: ${missing[*]}" >&2
echo "Install them with:  sudo apt-get install ${missing[*]}" >&2
exit 1
