"""The one version of a release, as each package format spells it.

app.__version__ (PEP 440) is the source. Windows Installer needs three numbers (major.minor.build;
a fourth field is ignored by upgrades, so we never use it), Windows file resources need four,
Debian orders pre-releases with a tilde. A pre-release and its final release share the MSI version
(1.2.0rc1 and 1.2.0 are both 1.2.0), so the final does not upgrade an installed release candidate:
uninstall the candidate first (test machines only) — or never hand candidates to IT as MSIs.

    python installer/versions.py            -> 0.1.0          (app.__version__)
    python installer/versions.py msi        -> 0.1.0
    python installer/versions.py deb        -> 0.1.0
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_PEP440 = re.compile(r"^(\d+(?:\.\d+)*)(?:\.?(a|b|rc|dev|post)\.?(\d+))?(?:\.dev(\d+))?$")


def app_version() -> str:
    """app.__version__, read from the source without importing the package."""
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not match:
        raise SystemExit("versions: no __version__ in app/__init__.py")
    return match.group(1)


def release(version: str) -> tuple[int, ...]:
    match = _PEP440.match(version)
    if not match:
        raise ValueError(f"not a release version this packaging understands: {version!r}")
    return tuple(int(p) for p in match.group(1).split("."))


def msi_version(version: str) -> str:
    """major.minor.build for ProductVersion (each within Windows Installer's limits)."""
    parts = (release(version) + (0, 0, 0))[:3]
    if parts[0] > 255 or parts[1] > 255 or parts[2] > 65535:
        raise ValueError(f"{version!r} does not fit Windows Installer's ProductVersion (255.255.65535)")
    return ".".join(str(p) for p in parts)


def file_version_tuple(version: str) -> tuple[int, int, int, int]:
    parts = (release(version) + (0, 0, 0, 0))[:4]
    return parts[0], parts[1], parts[2], parts[3]


def deb_version(version: str) -> str:
    """PEP 440 -> Debian: 1.2.0rc1 -> 1.2.0~rc1, 1.2.0.dev3 -> 1.2.0~dev3 (sorts before 1.2.0)."""
    match = _PEP440.match(version)
    if not match:
        raise ValueError(f"not a release version this packaging understands: {version!r}")
    base, kind, num, dev = match.groups()
    out = base
    if kind == "post":
        out += f"+post{num}"
    elif kind:
        out += f"~{kind}{num}"
    if dev:
        out += f"~dev{dev}"
    return out


if __name__ == "__main__":
    formats = {"": str, "msi": msi_version, "deb": deb_version}
    print(formats[sys.argv[1] if len(sys.argv) > 1 else ""](app_version()))
