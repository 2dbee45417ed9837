#!/usr/bin/env bash
# Debian packages the client and its tests need: a CJK font (so Chinese never shows as empty boxes)
# and the libraries Qt loads. Installs only what is missing; without root it says what to install.
set -euo pipefail
want=(fonts-noto-cjk libegl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libfontconfig1 libdbus-1-3 libglib2.0-0)
[ "${1:-}" = "--with-postgres" ] && want+=(postgresql)
command -v dpkg-query >/dev/null || { echo "system-deps: not a Debian-based system; install a CJK font and Qt's xcb libraries by hand" >&2; exit 0; }
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "system-deps: please install: sudo apt-get install ${missing[*]}" >&2
  exit 0
fi
echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
