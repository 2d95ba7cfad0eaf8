"""A shop front: facade, a signboard carrying the shop's name (the text SPEC §7 matches to the
licence), glass door and windows."""
from __future__ import annotations

import numpy as np

from seed_data.documents.photo import AssetPhoto
from seed_data.render.fonts import font
from seed_data.render.page import RenderedPage
from seed_data.render.photos.backdrop import HEIGHT, WIDTH, outdoor

BOARDS = (((190, 25, 30), (255, 235, 120)), ((20, 60, 150), (255, 255, 255)), ((30, 110, 60), (255, 255, 255)),
          ((250, 250, 245), (200, 20, 30)))


def render(c: AssetPhoto, rng: np.random.Generator) -> RenderedPage:
    p = outdoor(rng, horizon=0.85)
    d = p.draw
    d.rectangle((60, 40, WIDTH - 60, int(HEIGHT * 0.86)), fill=(200, 190, 175), outline=(120, 110, 100), width=4)
    board, ink = BOARDS[int(rng.integers(len(BOARDS)))]
    d.rectangle((90, 120, WIDTH - 90, 360), fill=board, outline=(60, 60, 60), width=6)
    text = c.sign_text or ""
    size = 150
    while size > 40 and font("sans_bold", size).getlength(text) > WIDTH - 260:
        size -= 6
    p.field("sign", text, (WIDTH / 2, 240), "sans_bold", size, label="招牌", key=True, fill=ink, anchor="mm")
    glass = (120, 150, 170)
    d.rectangle((140, 430, 640, int(HEIGHT * 0.86)), fill=glass, outline=(60, 60, 60), width=6)
    d.rectangle((700, 430, 900, int(HEIGHT * 0.86)), fill=(90, 110, 125), outline=(60, 60, 60), width=6)
    d.rectangle((960, 430, WIDTH - 140, int(HEIGHT * 0.86)), fill=glass, outline=(60, 60, 60), width=6)
    for k in range(int(rng.integers(4, 9))):                             # goods glimpsed through the glass
        x, y = int(rng.integers(160, 600)), int(rng.integers(600, 900))
        tone = tuple(int(v) for v in rng.integers(60, 230, size=3))
        d.rectangle((x, y, x + 50, y + 80), fill=tone)
    p.text((800, 400), "营业中", "sans_bold", 36, (200, 20, 20), anchor="mm")
    return p.finish(texture=False)
