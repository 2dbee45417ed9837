#!/usr/bin/env bash
# Debian packages the client and its tests need: a CJK font (so Chinese never shows as empty boxes),
# the libraries Qt loads, and a Secret Service (gnome-keyring on a D-Bus session bus) for the tests of
# the cache key in the desktop keyring. Installs only what is missing; without root it says what to install.
# Options: --with-postgres (the test database), --with-packaging (make dist and tests/packaging).
set -euo pipefail
# softhsm2: the USB key (PKCS#11 token) of the tests and of a demo without a real UKey;
# openssl: the tests make certificates with another tool than ours; poppler-utils: pdfsig, a PDF
# reader other than ours checks the issued 公文 PDF signature.
want=(fonts-noto-cjk poppler-utils libegl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libfontconfig1 libdbus-1-3 libglib2.0-0 softhsm2 openssl dbus-daemon dbus-bin gnome-keyring)
for opt in "$@"; do
  case "$opt" in
    --with-postgres) want+=(postgresql) ;;
    # make dist and tests/packaging: PyInstaller's dependency analysis (binutils: objdump), the
    # MSI tools (wixl, msitools), dpkg-deb (dpkg-dev), the checkers of the .desktop entry and of
    # the server's systemd unit, and the xcb libraries Qt's xcb plugin links (so the bundle is the
    # same on every build machine and the built .deb installs without a download).
    --with-packaging) want+=(binutils dpkg-dev wixl msitools desktop-file-utils systemd
                             libgl1 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
                             libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1) ;;
    *) echo "system-deps: unknown option $opt (known: --with-postgres --with-packaging)" >&2; exit 2 ;;
  esac
done
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
