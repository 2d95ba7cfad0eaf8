"""Working interiors: a restaurant kitchen (stoves, woks, hood, tiles), a workshop (benches and machine
boxes), a salon (mirrors and chairs), and a livestock pen; drawn plainly to fix the scene type."""
from __future__ import annotations

import numpy as np

from seed_data.documents.photo import AssetPhoto
from seed_data.render.page import RenderedPage
from seed_data.render.photos.backdrop import HEIGHT, WIDTH, indoor


def render(c: AssetPhoto, rng: np.random.Generator) -> RenderedPage:
    kind = c.asset_class
    p = indoor(rng, wall=(238, 238, 236) if kind != "livestock" else (200, 190, 160), floor_at=0.72)
    d = p.draw
    top = int(HEIGHT * 0.72)
    if kind == "restaurant_kitchen":
        for x in range(0, WIDTH, 80):                                   # tiles
            d.line((x, 0, x, top), fill=(210, 210, 208), width=2)
        for y in range(0, top, 80):
            d.line((0, y, WIDTH, y), fill=(210, 210, 208), width=2)
        d.polygon([(200, 80), (1400, 80), (1300, 260), (300, 260)], fill=(190, 192, 196), outline=(120, 120, 125))
        d.rectangle((100, top - 60, WIDTH - 100, top + 200), fill=(185, 188, 192), outline=(110, 110, 115), width=4)
        for k in range(4):
            cx = 300 + k * 330
            d.ellipse((cx - 120, top - 90, cx + 120, top - 10), fill=(30, 30, 30))
            d.line((cx + 110, top - 60, cx + 230, top - 100), fill=(60, 40, 20), width=14)
    elif kind == "livestock":
        for x in range(0, WIDTH, 140):
            d.rectangle((x, top - 260, x + 16, top + 200), fill=(130, 100, 60))
        for y in (top - 220, top - 120):
            d.rectangle((0, y, WIDTH, y + 16), fill=(130, 100, 60))
        for _ in range(int(rng.integers(5, 10))):
            x, y = int(rng.integers(50, WIDTH - 300)), int(rng.integers(top - 40, HEIGHT - 160))
            tone = int(rng.integers(180, 240))
            d.ellipse((x, y, x + 240, y + 130), fill=(tone, int(tone * 0.8), int(tone * 0.75)))
            d.ellipse((x + 200, y - 20, x + 290, y + 60), fill=(tone, int(tone * 0.8), int(tone * 0.75)))
    else:                                                                # workshop or salon equipment
        for k in range(3):
            x = 120 + k * 480
            if kind == "salon_equipment":
                d.rectangle((x, 120, x + 300, 520), fill=(200, 220, 235), outline=(90, 90, 90), width=8)
                d.rounded_rectangle((x + 60, top - 160, x + 240, top + 120), radius=40, fill=(40, 40, 45))
            else:
                d.rectangle((x, top - 380, x + 360, top + 120), fill=(70, 110, 150), outline=(30, 30, 30), width=4)
                d.rectangle((x + 40, top - 340, x + 200, top - 220), fill=(40, 50, 60))
                d.ellipse((x + 250, top - 330, x + 320, top - 260), fill=(200, 40, 30))
    return p.finish(texture=False)
