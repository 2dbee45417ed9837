"""Render resources/icons/app.svg into the icons the installers need.

    python installer/make_icon.py OUT_DIR

writes OUT_DIR/xietong.ico (16…256 px, PNG-compressed entries, for the Windows program, the
Start-menu shortcut and Add/Remove Programs) and OUT_DIR/xietong-48.png, xietong-256.png (the
.deb's hicolor icons beside the scalable SVG). It uses Qt's SVG renderer (PySide6 is already a
dependency of the client), so no image tool has to be installed, and it runs headless.
"""

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "app.svg"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icon: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO container whose entries are PNG images (understood since Windows Vista)."""
    count = len(pngs)
    header = struct.pack("<HHH", 0, 1, count)
    offset = 6 + 16 * count
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    pngs = {size: render_png(SVG, size) for size in ICO_SIZES}
    (out / "xietong.ico").write_bytes(ico_bytes(pngs))
    (out / "xietong-48.png").write_bytes(pngs[48])
    (out / "xietong-256.png").write_bytes(pngs[256])
    print(f"make_icon: {out / 'xietong.ico'} ({len(pngs)} sizes), xietong-48.png, xietong-256.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
