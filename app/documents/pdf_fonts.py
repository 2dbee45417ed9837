"""The fonts a GB/T 9704 PDF uses, found on the machine and made embeddable by reportlab.

GB/T 9704 names 仿宋_GB2312 (body), 方正小标宋 (titles, 发文机关标志), 黑体, 楷体 and 宋体 (page
numbers); those are licensed, so the product's default set uses free Noto CJK faces instead
(Debian: fonts-noto-cjk; scripts/system-deps.sh installs it):

    仿宋 → Noto Serif CJK SC Regular     小标宋 → Noto Serif CJK SC Bold
    黑体 → Noto Sans CJK SC Regular      楷体 → Noto Serif CJK SC Regular (no free 楷体 in Noto)
    宋体 → Noto Serif CJK SC Regular

A deployment that holds the licensed fonts passes its own `FontSet` (absolute paths to .ttf/.otf).
Noto CJK has PostScript (CFF) outlines, which reportlab cannot embed, so the glyphs a document uses
are subset with fontTools and converted to TrueType outlines (cu2qu) before embedding.
"""

import hashlib
import io
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTCollection, TTFont, newTable
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont as ReportlabFont

FONT_DIRS = (
    Path("/usr/share/fonts/opentype/noto"),
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/local/share/fonts"),
    Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts",
)
# Largest distance, in font units, between a cubic outline and its quadratic replacement.
CURVE_TOLERANCE = 1.0


@dataclass(frozen=True)
class FontFace:
    """A face by file (name in the font folders, or an absolute path) and family inside a collection."""

    file: str
    family: str | None = None


@dataclass(frozen=True)
class FontSet:
    fangsong: FontFace
    xiaobiaosong: FontFace
    heiti: FontFace
    kaiti: FontFace
    songti: FontFace


_SERIF = FontFace("NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC")
FREE_FONTS = FontSet(
    fangsong=_SERIF,
    xiaobiaosong=FontFace("NotoSerifCJK-Bold.ttc", "Noto Serif CJK SC"),
    heiti=FontFace("NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
    kaiti=_SERIF,
    songti=_SERIF,
)


class FontMissing(RuntimeError):
    """A font of the set is not on this machine."""


def find_font(face: FontFace) -> Path:
    direct = Path(face.file)
    if direct.is_absolute() and direct.exists():
        return direct
    extra = os.environ.get("XIETONG_FONT_DIR")
    for folder in ((Path(extra),) if extra else ()) + FONT_DIRS:
        if (folder / face.file).exists():
            return folder / face.file
    raise FontMissing(f"找不到字体文件 {face.file}（Debian 请安装 fonts-noto-cjk，或用 XIETONG_FONT_DIR 指定字体目录）")


def embeddable(face: FontFace, chars: str) -> str:
    """Register with reportlab a TrueType subset of `face` holding `chars`; return its font name."""
    return _registered(face, "".join(sorted(set(chars))))


@lru_cache(maxsize=64)
def _registered(face: FontFace, chars: str) -> str:
    font = _load(face)
    _subset(font, chars)
    if "CFF " in font:
        _cff_to_truetype(font)
    name = "xt-" + hashlib.sha1(f"{face}{chars}".encode()).hexdigest()[:16]
    _rename(font, name)
    data = io.BytesIO()
    font.save(data)
    data.seek(0)
    pdfmetrics.registerFont(ReportlabFont(name, data))
    return name


def _rename(font: TTFont, name: str) -> None:
    """Give the subset its own PostScript name. reportlab's registerFont keeps one font object per
    PostScript name and silently hands that first one out for any later name registered with the
    same face (pdfmetrics._dynFaceNames), so without this every subset of a face registered after
    the first one in a process would measure and draw with the first one's few glyphs."""
    for record in font["name"].names:
        if record.nameID == 6:
            record.string = name


def _load(face: FontFace) -> TTFont:
    path = find_font(face)
    if path.suffix.lower() not in (".ttc", ".otc"):
        return TTFont(path)
    for font in TTCollection(path).fonts:
        if face.family is None or font["name"].getDebugName(1) == face.family:
            return font
    raise FontMissing(f"字体文件 {path} 中没有 {face.family}")


def _subset(font: TTFont, chars: str) -> None:
    options = Options()
    options.layout_features = []
    options.hinting = True  # removing CFF hints costs seconds; the TrueType conversion drops them anyway
    options.notdef_outline = True
    options.name_IDs = ["*"]
    subsetter = Subsetter(options)
    subsetter.populate(unicodes={ord(c) for c in chars})
    subsetter.subset(font)


def _cff_to_truetype(font: TTFont) -> None:
    """Replace PostScript outlines by quadratic TrueType ones; metrics and cmap stay as they are."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, CURVE_TOLERANCE, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    font["head"].glyphDataFormat = 0
    font["head"].indexToLocFormat = 0
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"
