"""Where the resources folder is: beside the source tree or the installed packages, or inside a
PyInstaller bundle (which unpacks data files under sys._MEIPASS, see build_spec.spec)."""

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return base / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
