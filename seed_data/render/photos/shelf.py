"""Shelves of packaged goods with shelf-edge price labels naming the goods."""
from __future__ import annotations

import numpy as np

from seed_data.documents.photo import AssetPhoto
from seed_data.render.page import RenderedPage
from seed_data.render.photos.backdrop import WIDTH, indoor, shadow


def render(c: AssetPhoto, rng: np.random.Generator) -> RenderedPage:
    p = indoor(rng, wall=(235, 235, 230), floor_at=0.95)
    d = p.draw
    levels = 4
    goods = c.goods or ("商品",)
    for level in range(levels):
        y = 120 + level * 260
        shadow(p, (40, y + 10, WIDTH - 40, y + 200), 0.45, 25)             # the shelf's back, under the board above
        shadow(p, (40, y + 230, WIDTH - 40, y + 250), 0.5, 6)              # the board's own underside
        d.rectangle((40, y + 200, WIDTH - 40, y + 230), fill=(180, 185, 190), outline=(90, 90, 95))
        x = 60
        while x < WIDTH - 140:
            w, h = int(rng.integers(50, 110)), int(rng.integers(110, 190))
            tone = tuple(int(v) for v in rng.integers(40, 240, size=3))
            d.rectangle((x, y + 200 - h, x + w, y + 200), fill=tone, outline=(40, 40, 40))
            d.rectangle((x + 8, y + 200 - h + 30, x + w - 8, y + 200 - h + 60), fill=(245, 245, 240))
            x += w + int(rng.integers(2, 12))
        for k in range(3):
            name = goods[(level * 3 + k) % len(goods)]
            lx = 120 + k * 500
            d.rectangle((lx, y + 202, lx + 320, y + 228), fill=(255, 250, 200))
            price = f"¥{int(rng.integers(2, 90))}.{int(rng.integers(0, 10))}0"
            p.text((lx + 8, y + 215), f"{name} {price}", "sans_bold", 20, (20, 20, 20), anchor="lm")
    return p.finish(texture=False)
