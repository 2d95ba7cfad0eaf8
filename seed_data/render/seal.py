"""Red seals (印章): company and invoice seals with their name around the rim, and a star.

Drawn as an RGBA ink layer so it can be laid over text with :meth:`Page.paste_multiply`, the way a real
stamp overprints what is under it. Ink coverage is uneven on purpose: real stamps never print solid.
"""
from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from seed_data.render.fonts import font

SEAL_RED = (212, 34, 40)


def _star(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill: tuple[int, int, int, int]) -> None:
    pts = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.382
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + radius * math.cos(a), cy + radius * math.sin(a)))
    draw.polygon(pts, fill=fill)


def _rim_text(layer: Image.Image, text: str, cx: float, cy: float, rx: float, ry: float, size: int,
              span_deg: float) -> None:
    """Characters upright to the rim, evenly spread over ``span_deg`` centred on the top."""
    f = font("sans_bold", size)
    n = max(len(text), 1)
    step = span_deg / max(n - 1, 1)
    start = -span_deg / 2 if n > 1 else 0.0
    for i, ch in enumerate(text):
        theta = math.radians(start + i * step)
        tile = Image.new("RGBA", (size * 2, size * 2), (0, 0, 0, 0))
        ImageDraw.Draw(tile).text((size, size), ch, font=f, fill=(*SEAL_RED, 255), anchor="mm")
        # Scale the character vertically a little, as seal engravers do with long names.
        tile = tile.resize((size * 2, int(size * 2.3)), Image.BILINEAR)
        tile = tile.rotate(-math.degrees(theta), resample=Image.BICUBIC, expand=True)
        x = cx + rx * math.sin(theta)
        y = cy - ry * math.cos(theta)
        layer.alpha_composite(tile, (int(x - tile.width / 2), int(y - tile.height / 2)))


def _ink(layer: Image.Image, rng: np.random.Generator, strength: float) -> Image.Image:
    """Uneven ink: low-frequency fading plus speckle, then a slight blur as ink bleeds into paper."""
    a = np.asarray(layer, dtype=np.float32)
    h, w = a.shape[:2]
    coarse = rng.uniform(0.55, 1.0, size=(6, 6)).astype(np.float32)
    fade = np.asarray(Image.fromarray((coarse * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC),
                      dtype=np.float32) / 255.0
    speckle = rng.uniform(0.75, 1.0, size=(h, w)).astype(np.float32)
    a[..., 3] *= np.clip(fade * speckle * strength, 0.0, 1.0)
    out = Image.fromarray(a.round().astype(np.uint8), "RGBA")
    return out.filter(ImageFilter.GaussianBlur(0.6))


def round_seal(name: str, bottom: str, rng: np.random.Generator, diameter: int = 250,
               strength: float = 0.85) -> Image.Image:
    """A 公章-style round seal: thick rim, ``name`` around the top, star, ``bottom`` text across."""
    layer = Image.new("RGBA", (diameter, diameter), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    rim = max(diameter // 28, 4)
    d.ellipse((rim, rim, diameter - rim, diameter - rim), outline=(*SEAL_RED, 255), width=rim)
    c = diameter / 2
    size = max(int(diameter * (0.16 if len(name) <= 12 else 0.13)), 12)
    r_text = c - rim * 2 - size * 0.75
    _rim_text(layer, name, c, c, r_text, r_text, size, span_deg=min(250.0, 18.0 * len(name) + 40))
    _star(d, c, c, diameter * 0.17, (*SEAL_RED, 255))
    if bottom:
        d.text((c, c + diameter * 0.27), bottom, font=font("sans_bold", int(diameter * 0.085)),
               fill=(*SEAL_RED, 255), anchor="mm")
    return _ink(layer.rotate(float(rng.uniform(-15, 15)), resample=Image.BICUBIC), rng, strength)


def oval_seal(name: str, code: str, rng: np.random.Generator, width: int = 300, height: int = 210,
              strength: float = 0.85, bottom: str = "发票专用章") -> Image.Image:
    """A 发票专用章: oval, seller name around the top, taxpayer number across the middle; with other
    ``code``/``bottom`` text, also the tax bureau's 监制章 printed on every invoice form."""
    layer = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    rim = 6
    d.ellipse((rim, rim, width - rim, height - rim), outline=(*SEAL_RED, 255), width=rim)
    cx, cy = width / 2, height / 2
    size = int(height * (0.13 if len(name) <= 12 else 0.11))
    _rim_text(layer, name, cx, cy + height * 0.05, cx - rim * 2 - size * 0.8, cy - rim * 2 - size * 0.6,
              size, span_deg=min(230.0, 16.0 * len(name) + 40))
    d.text((cx, cy + height * 0.05), code, font=font("sans_bold", int(height * 0.1)), fill=(*SEAL_RED, 255),
           anchor="mm")
    d.text((cx, cy + height * 0.27), bottom, font=font("sans_bold", int(height * 0.11)),
           fill=(*SEAL_RED, 255), anchor="mm")
    return _ink(layer, rng, strength)
