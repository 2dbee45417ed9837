#!/usr/bin/env bash
# `make dist`: build the client's PyInstaller bundle, the .deb, the MSI (Linux bundle as payload,
# for CI's checks; the Windows MSI comes from installer/windows/build.ps1) and the server wheel
# into dist/, then print the dist.* figures as `name: value unit` lines on stdout (the build's
# own output goes to stderr). The logic is in installer/dist.py; extra arguments go to it
# (e.g. `bash scripts/dist.sh bundle deb`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh --with-packaging
PY=${PYTHON:-.venv/bin/python}
"$PY" -c 'import PyInstaller' 2>/dev/null || { echo "dist: PyInstaller missing; run: $PY -m pip install -e '.[dist]' (make dist does)" >&2; exit 1; }
if [ $# -eq 0 ]; then set -- all; fi
exec "$PY" installer/dist.py "$@"
