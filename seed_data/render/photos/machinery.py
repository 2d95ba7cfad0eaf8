"""Construction and farm machines in side view: excavator, wheel loader, forklift, tractor.

Brand and model are painted on the body, as on real machines; there is no plate (off-road machines
carry none), which is why their valuation needs other papers.
"""
from __future__ import annotations

import numpy as np

from seed_data.documents.photo import AssetPhoto
from seed_data.render.page import Page, RenderedPage
from seed_data.render.photos.backdrop import HEIGHT, WIDTH, outdoor, shadow

BODY = {"三一": (220, 40, 30), "徐工": (245, 190, 20), "柳工": (245, 190, 20), "卡特彼勒": (245, 190, 20),
        "临工": (245, 190, 20), "杭叉": (240, 120, 20), "合力": (220, 40, 30), "林德": (200, 30, 30)}
MODELS = {"excavator": "SY215C", "loader": "ZL50G", "forklift": "CPCD30", "farm_machinery": "LX904"}


def _wheel(p: Page, cx: int, cy: int, r: int) -> None:
    p.draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(25, 25, 25))
    p.draw.ellipse((cx - r // 2, cy - r // 2, cx + r // 2, cy + r // 2), fill=(170, 170, 170))


def render(c: AssetPhoto, rng: np.random.Generator) -> RenderedPage:
    p = outdoor(rng, horizon=0.5)
    d = p.draw
    colour = BODY.get(c.brand or "", (245, 190, 20))
    ground = int(HEIGHT * 0.88)
    x = WIDTH // 2 - 350 + int(rng.integers(-80, 80))
    kind = c.asset_class
    shadow(p, (x + 20, ground - 30, x + 900, ground + 25), 0.6, 12)      # the machine's shadow on the ground
    if kind == "excavator":
        d.rounded_rectangle((x, ground - 130, x + 700, ground), radius=60, fill=(40, 40, 40))
        for k in range(6):
            _wheel(p, x + 70 + k * 112, ground - 65, 38)
        d.rectangle((x + 60, ground - 330, x + 620, ground - 140), fill=colour, outline=(30, 30, 30), width=3)
        d.rectangle((x + 80, ground - 520, x + 300, ground - 330), fill=colour, outline=(30, 30, 30), width=3)
        d.rectangle((x + 100, ground - 500, x + 280, ground - 380), fill=(60, 80, 100))
        d.line((x + 300, ground - 320, x + 720, ground - 620), fill=colour, width=60)
        d.line((x + 720, ground - 620, x + 900, ground - 200), fill=colour, width=44)
        d.polygon([(x + 860, ground - 230), (x + 990, ground - 200), (x + 940, ground - 60), (x + 850, ground - 120)],
                  fill=(60, 60, 60))
    elif kind == "loader":
        _wheel(p, x + 150, ground - 110, 110)
        _wheel(p, x + 560, ground - 110, 110)
        d.rectangle((x + 40, ground - 330, x + 640, ground - 150), fill=colour, outline=(30, 30, 30), width=3)
        d.rectangle((x + 120, ground - 560, x + 360, ground - 330), fill=colour, outline=(30, 30, 30), width=3)
        d.rectangle((x + 140, ground - 540, x + 340, ground - 400), fill=(60, 80, 100))
        d.line((x + 600, ground - 280, x + 820, ground - 180), fill=colour, width=40)
        d.polygon([(x + 780, ground - 320), (x + 960, ground - 300), (x + 930, ground - 40), (x + 800, ground - 60)],
                  fill=(70, 70, 70))
    elif kind == "forklift":
        _wheel(p, x + 200, ground - 70, 70)
        _wheel(p, x + 520, ground - 70, 70)
        d.rectangle((x + 120, ground - 300, x + 600, ground - 90), fill=colour, outline=(30, 30, 30), width=3)
        d.rectangle((x + 200, ground - 560, x + 480, ground - 300), outline=(30, 30, 30), width=10)
        d.rectangle((x + 640, ground - 700, x + 680, ground - 30), fill=(60, 60, 60))
        d.rectangle((x + 680, ground - 50, x + 900, ground - 30), fill=(60, 60, 60))
    else:   # farm machinery: a tractor
        _wheel(p, x + 200, ground - 160, 160)
        _wheel(p, x + 600, ground - 90, 90)
        d.rectangle((x + 240, ground - 300, x + 700, ground - 170), fill=(40, 120, 60), outline=(20, 20, 20), width=3)
        d.rectangle((x + 120, ground - 560, x + 360, ground - 300), outline=(20, 20, 20), width=10)
        colour = (40, 120, 60)
    label = f"{c.brand or ''} {MODELS.get(kind, '')}".strip()
    if label:
        tx, ty = (x + 180, ground - 240) if kind in ("excavator", "loader", "forklift") else (x + 470, ground - 235)
        p.field("body_text", label, (tx, ty), "sans_bold", 48, label="机身标识", key=True,
                fill=(255, 255, 255) if sum(colour) < 500 else (20, 20, 20))
    return p.finish(texture=False)
