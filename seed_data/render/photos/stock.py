"""Warehouse stock: pallets of cartons, stacks of sacks, carton walls, against a warehouse wall."""
from __future__ import annotations

import numpy as np

from seed_data.documents.photo import AssetPhoto
from seed_data.render.page import Page, RenderedPage
from seed_data.render.photos.backdrop import HEIGHT, WIDTH, indoor, shadow


def _carton(p: Page, x: int, y: int, w: int, h: int, rng: np.random.Generator) -> None:
    tone = int(rng.integers(170, 205))
    p.draw.rectangle((x, y, x + w, y + h), fill=(tone, int(tone * 0.78), int(tone * 0.52)), outline=(110, 80, 50))
    p.draw.rectangle((x + w // 2 - 6, y, x + w // 2 + 6, y + h), fill=(200, 185, 150))


def _sack(p: Page, x: int, y: int, w: int, h: int, rng: np.random.Generator) -> None:
    tone = int(rng.integers(215, 240))
    p.draw.rounded_rectangle((x, y, x + w, y + h), radius=h // 2, fill=(tone, tone - 8, tone - 30),
                             outline=(150, 140, 110), width=2)


def render(c: AssetPhoto, rng: np.random.Generator) -> RenderedPage:
    p = indoor(rng, wall=(200, 205, 210), floor_at=0.62)
    d = p.draw
    for x in range(0, WIDTH, 200):                                      # wall panels
        d.line((x, 0, x, int(HEIGHT * 0.62)), fill=(180, 185, 190), width=3)
    floor = int(HEIGHT * 0.92)
    x = 80
    while x < WIDTH - 300:
        pw = int(rng.integers(260, 340))
        shadow(p, (x - 15, floor - 20, x + pw + 15, floor + 18), 0.6, 10)   # the stack's contact shadow
        d.rectangle((x, floor - 40, x + pw, floor), fill=(150, 110, 70), outline=(90, 60, 30))
        for k in range(3):                                              # fork openings: cavities in shade
            left = x + 30 + k * (pw - 40) // 3
            d.rectangle((left, floor - 32, left + (pw - 40) // 3 - 30, floor - 8), fill=(45, 32, 20))
        layers = int(rng.integers(3, 7))
        for layer in range(layers):
            if c.asset_class == "sacks":
                for k in range(2):
                    _sack(p, x + k * pw // 2, floor - 40 - (layer + 1) * 70, pw // 2, 70, rng)
            else:
                for k in range(3):
                    _carton(p, x + k * pw // 3, floor - 40 - (layer + 1) * 90, pw // 3, 90, rng)
        x += pw + int(rng.integers(30, 80))
    return p.finish(texture=False)
