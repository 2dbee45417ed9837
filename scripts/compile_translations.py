"""Compile the Qt Linguist sources (resources/translations/*.ts) into .qm files with
pyside6-lrelease. `make translations` runs this; the .qm files are build output (git-ignored).

    python scripts/compile_translations.py [--out DIR]

Refreshing the .ts after changing UI strings is a separate, deliberate step (then translate the
new entries):

    pyside6-lupdate -extensions py -locations none -no-obsolete ui -ts resources/translations/xietong_zh_CN.ts
"""

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"


def lrelease() -> str:
    """pyside6-lrelease from the running interpreter's environment, else from PATH."""
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
    if not found:
        sys.exit("pyside6-lrelease not found: install PySide6 in this environment")
    return found


def compile_all(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = out / ts.with_suffix(".qm").name
        # Written aside, then renamed: test workers compile at once while others load the .qm.
        partial = qm.with_name(f"{qm.name}.{os.getpid()}.partial")
        subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(partial)], check=True)
        os.replace(partial, qm)
        built.append(qm)
    if not built:
        sys.exit(f"no .ts files in {TRANSLATIONS}")
    return built


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TRANSLATIONS, help="where to write the .qm files")
    for qm in compile_all(parser.parse_args().out):
        print(f"built {qm}")


if __name__ == "__main__":
    main()
