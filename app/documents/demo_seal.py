"""A demo 印章 drawn by code, for the demo deployment and the tests: a red ring, a five-pointed star
in the middle and the unit's name along the upper arc, on a transparent background (PNG). A real
unit's seal image comes from its seal office; this one only stands in for it."""

import io
import math

from fontTools.ttLib import TTCollection
from PIL import Image, ImageDraw, ImageFont

from app.documents.pdf_fonts import FREE_FONTS, FontFace, find_font

SEAL_RED = (230, 0, 18, 255)
SIZE = 600  # pixels across; drawn at 42 mm that is about 360 dpi
RING = 0.035  # ring width, share of the diameter
STAR = 0.19  # star radius, share of the diameter
TEXT_ARC = 250.0  # degrees the name spans at most, centred on the top
SCALE = 2  # drawn larger, then shrunk: smooth edges


def demo_seal_png(unit_name: str, face: FontFace = FREE_FONTS.heiti) -> bytes:
    size = SIZE * SCALE
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    ring = RING * size
    draw.ellipse((ring / 2, ring / 2, size - ring / 2, size - ring / 2), outline=SEAL_RED, width=round(ring))
    draw.polygon(_star(size / 2, size / 2, STAR * size), fill=SEAL_RED)
    _arc_text(image, unit_name, _font(face, round(0.12 * size)))
    out = io.BytesIO()
    image.resize((SIZE, SIZE), Image.LANCZOS).save(out, "PNG")
    return out.getvalue()


def _star(cx: float, cy: float, radius: float) -> list[tuple[float, float]]:
    """Ten points, outer and inner alternating, the first pointing up."""
    inner = radius * math.sin(math.radians(18)) / math.sin(math.radians(126))
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else inner
        angle = math.radians(-90 + 36 * i)
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return points


def _arc_text(image: Image.Image, text: str, font: ImageFont.FreeTypeFont) -> None:
    """Each character upright towards the centre, spread evenly over the top arc, left to right."""
    size = image.width
    radius = size / 2 - RING * size - font.size * 0.75
    step = min(TEXT_ARC / max(len(text) - 1, 1), 30.0)
    start = -90 - step * (len(text) - 1) / 2
    for i, char in enumerate(text):
        angle = start + i * step
        glyph = Image.new("RGBA", (font.size * 2, font.size * 2), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((font.size, font.size), char, font=font, fill=SEAL_RED, anchor="mm")
        glyph = glyph.rotate(-(angle + 90), resample=Image.BICUBIC)
        x = size / 2 + radius * math.cos(math.radians(angle)) - glyph.width / 2
        y = size / 2 + radius * math.sin(math.radians(angle)) - glyph.height / 2
        image.alpha_composite(glyph, (round(x), round(y)))


def _font(face: FontFace, pixels: int) -> ImageFont.FreeTypeFont:
    path = find_font(face)
    index = 0
    if path.suffix.lower() in (".ttc", ".otc") and face.family:
        names = [font["name"].getDebugName(1) for font in TTCollection(path).fonts]
        index = names.index(face.family) if face.family in names else 0
    return ImageFont.truetype(str(path), pixels, index=index)
