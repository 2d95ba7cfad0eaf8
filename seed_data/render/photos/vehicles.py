"""Trucks, vans and truck-mounted machines seen from the front, with a readable number plate.

One drawing, varied by what sits behind the cab: a box body, a dump bed, a mixer drum, a crane boom or
a trailer. Front view, because that is where the plate an extractor must read is.
"""
from __future__ import annotations

import numpy as np

from seed_data.documents.photo import AssetPhoto
from seed_data.render.page import RenderedPage
from seed_data.render.photos.backdrop import HEIGHT, WIDTH, outdoor, shadow
from seed_data.render.photos.plate import draw_plate

CAB_COLOURS = ((200, 30, 30), (30, 80, 170), (230, 230, 230), (240, 170, 20), (40, 130, 70))


def render(c: AssetPhoto, rng: np.random.Generator) -> RenderedPage:
    p = outdoor(rng)
    d = p.draw
    small = c.asset_class in ("van", "light_truck")
    scale = 0.75 if small else 1.0
    cx, ground = WIDTH // 2 + int(rng.integers(-120, 120)), int(HEIGHT * 0.9)
    cab_w, cab_h = int(620 * scale), int(560 * scale)
    colour = CAB_COLOURS[int(rng.integers(len(CAB_COLOURS)))]
    left, top = cx - cab_w // 2, ground - 90 - cab_h
    shadow(p, (left - 30, ground - 60, left + cab_w + 30, ground + 35), 0.65, 12)   # under the chassis
    # What stands behind the cab, drawn first so the cab covers it.
    if c.asset_class in ("heavy_truck", "light_truck", "van", "tractor_trailer"):
        d.rectangle((left - 40, top - 120, left + cab_w + 40, ground - 160), fill=(200, 200, 205), outline=(90, 90, 90))
    elif c.asset_class == "dump_truck":
        d.polygon([(left - 50, top - 40), (left + cab_w + 50, top - 40), (left + cab_w + 20, top + 150),
                   (left - 20, top + 150)], fill=(180, 120, 40), outline=(60, 40, 20))
    elif c.asset_class == "concrete_mixer":
        d.ellipse((left - 60, top - 200, left + cab_w + 60, top + 160), fill=(225, 225, 230), outline=(80, 80, 90),
                  width=4)
        for k in range(5):
            d.arc((left - 60, top - 200 + k * 60, left + cab_w + 60, top + 160 + k * 20), 200, 340,
                  fill=(90, 90, 100), width=6)
    elif c.asset_class == "crane":
        d.line((cx, top - 20, cx + 600, top - 420), fill=(240, 180, 20), width=40)
        d.line((cx, top - 20, cx + 600, top - 420), fill=(80, 60, 10), width=3)
    # Cab
    d.rounded_rectangle((left, top, left + cab_w, ground - 90), radius=40, fill=colour, outline=(30, 30, 30), width=3)
    d.rounded_rectangle((left + 40, top + 40, left + cab_w - 40, top + int(cab_h * 0.42)), radius=20,
                        fill=(50, 70, 95), outline=(20, 20, 20), width=3)
    d.line((cx, top + 40, cx, top + int(cab_h * 0.42)), fill=(20, 20, 20), width=4)
    grille_top = top + int(cab_h * 0.5)
    d.rectangle((left + 120, grille_top, left + cab_w - 120, grille_top + int(cab_h * 0.25)), fill=(60, 60, 65))
    for gy in range(grille_top + 12, grille_top + int(cab_h * 0.25), 18):
        d.line((left + 130, gy, left + cab_w - 130, gy), fill=(150, 150, 155), width=4)
    if c.brand:
        p.text((cx, grille_top - 28), c.brand, "sans_bold", int(44 * scale), (235, 235, 235), anchor="mm")
    for hx in (left + 40, left + cab_w - 120):
        d.rounded_rectangle((hx, grille_top + 20, hx + 80, grille_top + 70), radius=10, fill=(250, 245, 210),
                            outline=(40, 40, 40), width=2)
    bumper = ground - 150
    d.rectangle((left - 10, bumper, left + cab_w + 10, ground - 70), fill=(70, 70, 72), outline=(20, 20, 20))
    for wx in (left + 20, left + cab_w - 120):
        d.rounded_rectangle((wx, ground - 110, wx + 100, ground + 20), radius=25, fill=(25, 25, 25))
    if c.plate:
        draw_plate(p, cx, bumper + 40, c.plate, width=int(300 * scale), large=not small)
    return p.finish(texture=False)
