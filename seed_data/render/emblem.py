"""A placeholder for the national emblem (国徽) printed at the top of licences.

Deliberately not a reproduction of the emblem: a red disc with five gold stars and a gate outline,
enough to occupy the same place and colour an extractor sees on a real licence.
"""
from __future__ import annotations

import math

from PIL import Image, ImageDraw

RED = (200, 30, 36, 255)
GOLD = (232, 184, 60, 255)


def _star(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    pts = [(cx + (r if i % 2 == 0 else r * 0.38) * math.cos(-math.pi / 2 + i * math.pi / 5),
            cy + (r if i % 2 == 0 else r * 0.38) * math.sin(-math.pi / 2 + i * math.pi / 5)) for i in range(10)]
    d.polygon(pts, fill=GOLD)


def emblem(size: int = 150) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse((2, 2, size - 2, size - 2), fill=GOLD)
    d.ellipse((size * 0.08, size * 0.08, size * 0.92, size * 0.92), fill=RED)
    _star(d, size * 0.5, size * 0.3, size * 0.12)
    for k in range(4):
        a = math.radians(-60 + k * 40)
        _star(d, size * 0.5 + size * 0.24 * math.sin(a), size * 0.3 - size * 0.14 * math.cos(a) + size * 0.08,
              size * 0.045)
    d.rectangle((size * 0.28, size * 0.55, size * 0.72, size * 0.7), outline=GOLD, width=max(size // 40, 2))
    d.line((size * 0.25, size * 0.55, size * 0.75, size * 0.55), fill=GOLD, width=max(size // 30, 2))
    return img
